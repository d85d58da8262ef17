/**
 * How users silence findings: an inline comment (`kms-secrets-ignore` on the line, `kms-secrets-ignore-next-line` on
 * the line before, in any comment syntax) and the committable ignore file (fingerprints, and `rule:<id> <path>` lines).
 */
import { hasUnprintable, printable } from '../printable';

export const IGNORE_FILE_NAME = '.kms-secrets-ignore';
const INLINE = 'kms-secrets-ignore';
const NEXT_LINE = 'kms-secrets-ignore-next-line';

export function isIgnoredInline(lines: readonly string[], line: number): boolean {
  const here = lines[line] ?? '';
  if (here.includes(INLINE) && !here.includes(NEXT_LINE)) return true;
  return line > 0 && (lines[line - 1] ?? '').includes(NEXT_LINE);
}

export interface IgnoreRules {
  readonly fingerprints: string[];
  isRuleIgnored(ruleId: string, relativePath: string): boolean;
}

export const NO_IGNORES: IgnoreRules = { fingerprints: [], isRuleIgnored: () => false };

/** `loadIgnoreFile(text)`: the same as `parseIgnoreFile`, the name the editor layer and CLI know. */
export function loadIgnoreFile(text: string): IgnoreRules {
  return parseIgnoreFile(text);
}

/** Entries with a control (other than a tab), escape or bidirectional character are skipped: no real path or rule id has one. */
export function parseIgnoreFile(text: string): IgnoreRules {
  const fingerprints: string[] = [];
  const rules = new Set<string>();
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/(^|\s)#.*$/, '').trim();
    if (!line || hasUnprintable(line.replace(/\t/g, ' '))) continue;
    const rule = /^rule:(\S+)\s+(.+)$/.exec(line);
    if (rule) rules.add(`${rule[1]}\0${rule[2].trim()}`);
    else fingerprints.push(line.split(/\s+/)[0]);
  }
  return { fingerprints, isRuleIgnored: (ruleId, relativePath) => rules.has(`${ruleId}\0${relativePath}`) };
}

/** Longest rule id taken (built-in ids are a few dozen characters). */
const MAX_RULE_ID = 100;

/**
 * A rule id that can stand in an ignore entry and in messages: 1–100 characters, no whitespace (an entry reads the id
 * up to the first space), no `#` (it starts a comment), no control, escape or bidirectional character.
 */
export function isValidRuleId(id: string): boolean {
  return id.length > 0 && id.length <= MAX_RULE_ID && !/[\s#]/.test(id) && !hasUnprintable(id);
}

/** What an entry ignores: one finding (by fingerprint) or every finding of a rule in one file. */
export type IgnoreEntry = { fingerprint: string } | { ruleId: string; path: string };

/**
 * The line for an entry, with a comment (made printable and kept on the line), or undefined when the entry could not
 * be read back as written: a fingerprint or rule id that is not one token, a path with a control, escape or
 * bidirectional character (a file name can hold a newline, which would add a second entry) or with ` #`, or a path
 * with spaces at either end.
 */
export function ignoreEntryLine(entry: IgnoreEntry, comment: string): string | undefined {
  let line: string;
  if ('fingerprint' in entry) {
    if (!isValidRuleId(entry.fingerprint) || entry.fingerprint.startsWith('rule:')) return undefined;
    line = entry.fingerprint;
  } else {
    const { ruleId, path } = entry;
    if (!isValidRuleId(ruleId) || !path || path.trim() !== path || hasUnprintable(path) || /\s#/.test(path))
      return undefined;
    line = `rule:${ruleId} ${path}`;
  }
  return `${line}  # ${printable(comment)}`;
}
