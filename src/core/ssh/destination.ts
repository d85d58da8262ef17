/**
 * What the editor's host prompt accepts and shows: `[user@]host[:port]`, with `[v6-address]:port` for an IPv6 address
 * with a port (a bare IPv6 address has no port). The parts are checked by the same rules as resolveTarget, so whatever
 * the prompt accepts, the session takes.
 */
import * as l10n from '@vscode/l10n';
import { SshError } from './errors';
import { parsePort, validateHost, validateUser } from './target';

export interface Destination {
  host: string;
  user?: string;
  port?: number;
}

/** `ecs-user@10.0.0.5:2222` → `{ user: 'ecs-user', host: '10.0.0.5', port: 2222 }`; throws SshError('bad-input'). */
export function parseDestination(text: string): Destination {
  const trimmed = text.trim();
  if (!trimmed)
    throw new SshError('bad-input', l10n.t('Type a host name or address, e.g. 10.0.0.5 or ecs-user@web-01:2222.'));
  // The last '@' splits: user names may hold one themselves (user@domain).
  const at = trimmed.lastIndexOf('@');
  const user = at >= 0 ? trimmed.slice(0, at) : undefined;
  const rest = at >= 0 ? trimmed.slice(at + 1) : trimmed;
  let host = rest;
  let port: string | undefined;
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(rest);
  if (bracketed) {
    host = bracketed[1];
    port = bracketed[2];
  } else if (rest.split(':').length === 2) {
    [host, port] = rest.split(':');
  }
  const userProblem = user !== undefined ? validateUser(user) : undefined;
  if (userProblem) throw new SshError('bad-input', userProblem);
  const hostProblem = validateHost(host);
  if (hostProblem) throw new SshError('bad-input', hostProblem);
  return {
    host,
    ...(user !== undefined && { user }),
    ...(port !== undefined && { port: parsePort(port) }),
  };
}

/** The prompt's text for a destination (parseDestination reads it back). */
export function formatDestination(destination: Destination): string {
  const host =
    destination.port !== undefined && destination.host.includes(':') ? `[${destination.host}]` : destination.host;
  return `${destination.user ? `${destination.user}@` : ''}${host}${destination.port !== undefined ? `:${destination.port}` : ''}`;
}
