/**
 * The secret reader behind `kms-secrets run`: the shared KMS client with the standard credential chain (or
 * `--profile`), so the CLI resolves references exactly as the extension does.
 */
import { FetchSecret } from '../../core/env';
import { createReferenceFetcher } from '../../core/kms';
import { cliConnection } from '../connection';
import type { KmsConnectionOptions } from '../runCommand';

export async function createRunFetch(options: KmsConnectionOptions): Promise<FetchSecret> {
  const { fetch } = createReferenceFetcher(cliConnection(options));
  return (reference) => fetch(reference);
}
