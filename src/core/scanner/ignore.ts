/**
 * How users silence findings: an inline comment (`kms-secrets-ignore` on the line, `kms-secrets-ignore-next-line` on
 * the line before, in any comment syntax) and the committable ignore file (fingerprints, and `rule:<id> <path>` lines).
 */
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

export function parseIgnoreFile(text: string): IgnoreRules {
  const fingerprints: string[] = [];
  const rules = new Set<string>();
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    const rule = /^rule:(\S+)\s+(.+)$/.exec(line);
    if (rule) rules.add(`${rule[1]}\0${rule[2].trim()}`);
    else fingerprints.push(line.split(/\s+/)[0]);
  }
  return { fingerprints, isRuleIgnored: (ruleId, relativePath) => rules.has(`${ruleId}\0${relativePath}`) };
}
