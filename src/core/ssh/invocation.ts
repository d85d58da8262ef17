/**
 * The exact program, arguments and environment of one ssh session. Nothing secret is in the arguments: a key session
 * names only the agent's socket and the public half; a password session hands the password to `sshpass -e` in that one
 * process's environment (sshpass overwrites it before starting ssh). Our options come first because ssh keeps the first
 * value it sees, so a passed-through `-o` cannot switch the session to another agent or key.
 */
import * as l10n from '@vscode/l10n';
import { SshError } from './errors';
import type { SshTarget } from './target';

export type SshAuth =
  { kind: 'agent'; socketPath: string; identityFile: string } | { kind: 'password'; password: string; sshpass: string };

export interface SshInvocation {
  /** `ssh`, or `sshpass` running ssh. */
  file: string;
  args: string[];
  /** The whole environment for the process (`strictEnv`); holds SSHPASS for the password sub-type only. */
  env: Record<string, string>;
}

export interface InvocationInput {
  target: SshTarget;
  auth: SshAuth;
  /** Path of ssh. */
  ssh: string;
  /** Passed through as `-o <option>` after ours, e.g. `StrictHostKeyChecking=accept-new`. */
  options?: readonly string[];
  /** Runs instead of a login shell; its exit code becomes the session's. */
  remoteCommand?: readonly string[];
  env?: NodeJS.ProcessEnv;
}

/** Variables that must not reach ssh from the caller's environment (another agent, another password). */
const DROPPED = new Set(['SSHPASS', 'SSH_AUTH_SOCK', 'SSH_AGENT_PID', 'SSH_ASKPASS', 'SSH_ASKPASS_REQUIRE']);

export function buildSshInvocation(input: InvocationInput): SshInvocation {
  const { target, auth } = input;
  const own =
    auth.kind === 'agent'
      ? [
          `IdentityAgent=${configPath(auth.socketPath)}`,
          // IdentitiesOnly alone would offer no agent key at all: the public half names the one to offer.
          `IdentityFile=${configPath(auth.identityFile)}`,
          'IdentitiesOnly=yes',
        ]
      : [
          'IdentityAgent=none',
          'PubkeyAuthentication=no',
          'PreferredAuthentications=keyboard-interactive,password',
          // A wrong password fails once instead of sshpass answering the same prompt again.
          'NumberOfPasswordPrompts=1',
        ];
  for (const option of input.options ?? []) {
    if (!/^[A-Za-z][A-Za-z0-9]*(?:=|\s)/.test(option))
      throw new SshError('bad-input', `"${option}" is not an ssh option; write it as Name=value, e.g. Port=2222.`);
  }
  const args = [
    ...[...own, ...(input.options ?? [])].flatMap((option) => ['-o', option]),
    '-l',
    target.user,
    ...(target.port !== undefined ? ['-p', String(target.port)] : []),
    target.host,
    // ssh reads options again after the destination; `--` keeps a command such as `-v` a command.
    ...(input.remoteCommand?.length ? ['--', ...input.remoteCommand] : []),
  ];
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.env ?? process.env))
    if (value !== undefined && !DROPPED.has(name)) env[name] = value;
  if (auth.kind === 'agent') return { file: input.ssh, args, env };
  return { file: auth.sshpass, args: ['-e', input.ssh, ...args], env: { ...env, SSHPASS: auth.password } };
}

/** ssh_config expands %-tokens, `~` and `${VAR}` in these paths and splits on blanks: quote, and refuse what cannot be. */
function configPath(path: string): string {
  if (/["\\$\n]/.test(path) || path.startsWith('~'))
    throw new SshError(
      'bad-input',
      l10n.t('The session folder {0} has characters ssh cannot take; set TMPDIR to a plain path.', path),
    );
  const escaped = path.replace(/%/g, '%%');
  return /\s/.test(escaped) ? `"${escaped}"` : escaped;
}
