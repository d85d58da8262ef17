/**
 * The OpenSSH programs the flow runs, found on PATH before anything starts, so a missing one is one clear sentence
 * naming the package to install instead of a spawn error halfway through.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { SshError } from './errors';

export type SshTool = 'ssh' | 'ssh-agent' | 'ssh-add' | 'sshpass';

const INSTALL: Record<SshTool, string> = {
  ssh: 'install the OpenSSH client (Debian/Ubuntu: openssh-client; Fedora: openssh-clients; macOS ships it)',
  'ssh-agent': 'install the OpenSSH client (Debian/Ubuntu: openssh-client; Fedora: openssh-clients; macOS ships it)',
  'ssh-add': 'install the OpenSSH client (Debian/Ubuntu: openssh-client; Fedora: openssh-clients; macOS ships it)',
  sshpass:
    'install the sshpass package (Debian/Ubuntu: apt install sshpass; Fedora: dnf install sshpass) to log in with an ECS password secret',
};

/** The first executable `name` on PATH, or undefined. */
export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue; // a relative PATH entry would run whatever the current folder holds
    const candidate = join(dir, name);
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function requireTools<T extends SshTool>(names: readonly T[], env?: NodeJS.ProcessEnv): Record<T, string> {
  if (process.platform === 'win32') {
    throw new SshError(
      'unsupported-platform',
      "SSH sessions with a private ssh-agent need Linux or macOS: Windows' OpenSSH agent cannot listen on a socket of its own.",
    );
  }
  const found = {} as Record<T, string>;
  for (const name of names) {
    const path = findExecutable(name, env);
    if (!path) throw new SshError('tool-missing', `${name} was not found on PATH: ${INSTALL[name]}.`);
    found[name] = path;
  }
  return found;
}
