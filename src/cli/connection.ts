/**
 * The connection flags every sub-command shares (`--endpoint`, `--profile`, `--region`) as a core KmsConnection: the
 * standard credential chain unless a profile is named, so every command signs exactly as the extension does.
 */
import type { KmsConnection } from '../core/kms';

export interface CliConnectionFlags {
  /** `--endpoint`, else env KMS_SECRETS_ENDPOINT; undefined = the region's public endpoint. */
  endpoint?: string;
  profile?: string;
  region?: string;
}

export const ENDPOINT_ENV = 'KMS_SECRETS_ENDPOINT';

export function cliConnection(flags: CliConnectionFlags): KmsConnection {
  return {
    source: flags.profile ? { kind: 'profile', name: flags.profile } : { kind: 'chain' },
    region: flags.region,
    endpoint: flags.endpoint,
  };
}
