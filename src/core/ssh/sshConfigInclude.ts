/**
 * The one line the user's ssh config needs so that Remote-SSH (which runs the local OpenSSH client with that config)
 * finds the Host entries the editor writes into a folder of its own. ssh reads an `Include` where it stands: inside a
 * `Host` or `Match` block it only applies to that block, so the line goes to the top of the file.
 */
import * as l10n from '@vscode/l10n';
import { SshError } from './errors';

const COMMENT = '# KMS Secrets: Host entries for Remote-SSH whose keys stay in private ssh-agents (no key on disk)';

/** `Include "<pattern>"`; ssh_config splits on blanks unless quoted, and has no escape for a quote. */
export function sshConfigIncludeLine(pattern: string): string {
  if (/["\n]/.test(pattern))
    throw new SshError('bad-input', l10n.t('The folder {0} has characters an ssh config cannot name.', pattern));
  return `Include "${pattern}"`;
}

/** True when a top-level `Include` of the config already names `pattern` (also written with `~/` for `home`). */
export function includesPattern(configText: string, pattern: string, home?: string): boolean {
  const wanted = new Set([pattern]);
  if (home && pattern.startsWith(`${home}/`)) wanted.add(`~${pattern.slice(home.length)}`);
  for (const line of configText.split(/\r?\n/)) {
    const match = /^\s*(\w+)(?:\s*=\s*|\s+)(.*)$/.exec(line);
    if (!match) continue;
    const keyword = match[1].toLowerCase();
    // Anything after the first Host or Match is conditional: an Include there does not make our hosts known.
    if (keyword === 'host' || keyword === 'match') return false;
    if (keyword === 'include' && splitArguments(match[2]).some((arg) => wanted.has(arg))) return true;
  }
  return false;
}

/** The config with the Include line (and a comment saying why) at its top. */
export function withIncludeLine(configText: string, pattern: string): string {
  const rest = configText.length === 0 || configText.startsWith('\n') ? configText : `\n${configText}`;
  return `${COMMENT}\n${sshConfigIncludeLine(pattern)}\n${rest}`;
}

/** ssh_config's argument splitting: blanks separate, double quotes group. */
function splitArguments(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|(\S+)/g)) {
    const arg = match[1] ?? match[2];
    if (arg.startsWith('#')) break;
    out.push(arg);
  }
  return out;
}
