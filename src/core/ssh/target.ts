/**
 * Where to connect: the host given by the caller, else `host` in the secret's ExtendedConfig CustomData; the user from
 * the caller, else the secret's UserName; the port from the caller, else CustomData `port`, else ssh's own default.
 * Everything is checked so that nothing can be read by ssh as an option.
 */
import * as l10n from '@vscode/l10n';
import type { ExtendedConfig } from '../kms/types';
import type { EcsCredential } from './credential';
import { SshError } from './errors';

export interface SshTarget {
  host: string;
  user: string;
  /** Undefined: ssh's default (22 or the user's ssh config). */
  port?: number;
}

export interface TargetOverrides {
  host?: string;
  user?: string;
  port?: number | string;
}

// Host names, IPv4, IPv6 (with a %zone) and ssh config aliases; never a leading '-' (ssh would read an option).
const HOST = /^[A-Za-z0-9_.:%][A-Za-z0-9_.:%-]{0,252}$/;
// Also `user@domain` and `DOMAIN\user` (Windows instances); -l passes it as one argument.
const USER = /^[A-Za-z0-9_.][A-Za-z0-9_.@\\-]{0,63}$/;

export const validateHost = (host: string): string | undefined =>
  HOST.test(host)
    ? undefined
    : l10n.t('Host names are letters, digits, ".", "-", "_" and ":" (not starting with "-").');

export const validateUser = (user: string): string | undefined =>
  USER.test(user)
    ? undefined
    : l10n.t('User names are letters, digits, ".", "-", "_", "@" and "\\" (not starting with "-").');

export function parsePort(port: number | string): number {
  const n = typeof port === 'number' ? port : /^\d{1,5}$/.test(port.trim()) ? Number(port) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 65_535)
    throw new SshError('bad-input', l10n.t('Ports are whole numbers from 1 to 65535.'));
  return n;
}

export function resolveTarget(
  credential: EcsCredential,
  extended: ExtendedConfig | undefined,
  overrides: TargetOverrides = {},
): SshTarget {
  const custom = extended?.customData ?? {};
  const host = overrides.host?.trim() || custom.host?.trim();
  if (!host) {
    throw new SshError(
      'no-host',
      l10n.t(
        'The secret names no host to connect to: give a host, or add "host" to the CustomData of its ExtendedConfig.',
      ),
    );
  }
  const hostProblem = validateHost(host);
  if (hostProblem) throw new SshError('bad-input', hostProblem);
  const user = overrides.user?.trim() || credential.userName;
  const userProblem = validateUser(user);
  if (userProblem) throw new SshError('bad-input', userProblem);
  const port = overrides.port ?? custom.port;
  return { host, user, ...(port !== undefined && port !== '' && { port: parsePort(port) }) };
}
