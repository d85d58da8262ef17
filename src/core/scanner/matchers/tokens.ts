/** Known credential formats (rules/tokens.ts), run only for the rules whose keywords the line holds. */
import { shannonEntropy } from '../entropy';
import { TOKEN_RULES, type TokenRule } from '../rules/tokens';
import { isDocumentedExample, isFiller } from '../values';
import { PRIORITY, type Add } from './context';
import { ledByFirstAtom } from './firstAtom';

/**
 * A real token's random part is not filler: known formats still get this check (docs are full of `ghp_xxxx…`). Runs of
 * `/` and `A` are base64 for bytes of 0xFF and 0x00, which real binary tokens hold (an AWS session token's `//////////`,
 * an X bearer token's leading A's), not filler.
 */
function looksRandom(token: string): boolean {
  const body = token
    .replace(/^(?:[A-Za-z]{2,8}[_-]|GHSAT0A*)/, '')
    .replace(/\/{6,}/g, '/')
    .replace(/^A{6,}/, 'A');
  return !isFiller(body) && shannonEntropy(body) >= 3;
}

/** Keyword → the token rules it wakes. */
const TOKENS_BY_KEYWORD = new Map<string, TokenRule[]>();
const TOKEN_ORDER = new Map(TOKEN_RULES.map((rule, i) => [rule, i]));
const FAST_PATTERN = new Map(TOKEN_RULES.map((rule) => [rule, ledByFirstAtom(rule.pattern)]));
for (const rule of TOKEN_RULES) {
  for (const k of rule.keywords) TOKENS_BY_KEYWORD.set(k, [...(TOKENS_BY_KEYWORD.get(k) ?? []), rule]);
}

export function scanTokens(line: string, found: ReadonlySet<string>, base: number, add: Add): void {
  const woken = new Set<TokenRule>();
  for (const k of found) for (const rule of TOKENS_BY_KEYWORD.get(k) ?? []) woken.add(rule);
  if (!woken.size) return;
  // In catalogue order, so that of two rules matching the same text the earlier, more specific one wins.
  const rules = woken.size > 1 ? [...woken].sort((a, b) => TOKEN_ORDER.get(a)! - TOKEN_ORDER.get(b)!) : woken;
  for (const rule of rules) {
    const pattern = FAST_PATTERN.get(rule)!;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
      const secret = m[1] ?? m[0];
      const start = m.index + m[0].indexOf(secret);
      if (
        (rule.accept && !rule.accept(secret)) ||
        !looksRandom(rule.randomPart?.(secret) ?? secret) ||
        isDocumentedExample(secret)
      )
        continue;
      add(
        {
          ruleId: rule.id,
          kind: rule.kind,
          severity: rule.severity,
          start: base + start,
          end: base + start + secret.length,
        },
        PRIORITY.token,
      );
    }
  }
}
