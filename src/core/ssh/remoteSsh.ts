/**
 * A `Host` entry for VS Code's Remote-SSH (which runs the local OpenSSH client): it points at a live private agent, so
 * the key stays in that agent's memory and the file holds only a socket path and a public key path. The editor writes
 * it to a file of its own that the user's ssh config includes, and removes it when the agent ends.
 */
import type { SshTarget } from './target';

export interface RemoteSshHostInput {
  /** The name Remote-SSH shows and connects to; made safe for ssh_config. */
  alias: string;
  target: SshTarget;
  socketPath: string;
  identityFile: string;
}

/** `acs/ecs/web-01/root` → `kms-acs-ecs-web-01-root`. */
export const remoteSshAlias = (secretName: string): string =>
  `kms-${secretName.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '')}`;

const quoted = (path: string): string => `"${path.replace(/%/g, '%%')}"`;

export function formatRemoteSshHost(input: RemoteSshHostInput): string {
  const alias = input.alias.replace(/[^A-Za-z0-9_.-]+/g, '-');
  return [
    `Host ${alias}`,
    `  HostName ${input.target.host}`,
    `  User ${input.target.user}`,
    ...(input.target.port !== undefined ? [`  Port ${input.target.port}`] : []),
    `  IdentityAgent ${quoted(input.socketPath)}`,
    `  IdentityFile ${quoted(input.identityFile)}`,
    '  IdentitiesOnly yes',
    '',
  ].join('\n');
}
