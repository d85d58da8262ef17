/**
 * The secret reader behind `kms-secrets run`: the shared KMS client (src/core/kms) with the standard credential chain.
 * Until that client lands in this build, `run` reports it instead of guessing at credentials itself.
 */
import { FetchSecret } from '../../core/env';
import type { KmsConnectionOptions } from '../runCommand';

export async function createRunFetch(_options: KmsConnectionOptions): Promise<FetchSecret> {
  throw new Error('the KMS client (src/core/kms) is not part of this build yet.');
}
