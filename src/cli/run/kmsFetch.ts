/**
 * The secret reader behind `kms-secrets run`: the shared KMS client with the standard credential chain (or
 * `--profile`), so the CLI resolves references exactly as the extension does.
 */
import { FetchSecret } from '../../core/env';
import { createReferenceFetcher } from '../../core/kms';
import type { KmsConnectionOptions } from '../runCommand';

export async function createRunFetch(options: KmsConnectionOptions): Promise<FetchSecret> {
  const source = options.profile ? { kind: 'profile' as const, name: options.profile } : { kind: 'chain' as const };
  const { fetch } = createReferenceFetcher({ source, region: options.region, endpoint: options.endpoint });
  return (reference) => fetch(reference);
}
