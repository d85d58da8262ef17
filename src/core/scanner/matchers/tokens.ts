/** Known credential formats (rules/tokens.ts), run only for the rules whose keywords the line holds. */
import { shannonEntropy } from '../entropy';
import { TOKEN_RULES } from '../rules/tokens';
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

/**
 * An access key ID in a signed request names the key that signed it and holds nothing of its secret: SigV4's credential
 * scope after it (`X-Amz-Credential=AKIA…%2F20240311%2Fus-east-1%2Fs3%2Faws4_request`, an Authorization header's
 * `Credential=…/…`, a POST form's field), an HMAC scheme's header (namesSigningKey) or the query-string signatures of
 * S3 and OSS (`?AWSAccessKeyId=…&Expires=…&Signature=…`).
 */
function inSignedRequest(line: string, start: number, end: number): boolean {
  return (
    CREDENTIAL_SCOPE.test(line.slice(end, end + 100)) ||
    namesSigningKey(line, start) ||
    (QUERY_SIGNED_ID.test(line.slice(Math.max(0, start - 20), start)) &&
      /[?&;]Signature=/.test(line.slice(end, end + 2000)))
  );
}
const CREDENTIAL_SCOPE = /^(?:\/|%2F)\d{8}(?:\/|%2F)[\w-]{1,30}(?:\/|%2F)[\w-]{1,30}(?:\/|%2F)aws4_request/i;
const QUERY_SIGNED_ID = /(?:AWS|OSS)AccessKeyId=$/;
/**
 * The value at `start` is the key ID an HMAC scheme's Authorization header names: Alibaba's `ACS3-HMAC-SHA256
 * Credential=LTAI…`, Huawei's `SDK-HMAC-SHA256 Access=…` (read as a token or as a `Credential=` assignment).
 */
export const namesSigningKey = (line: string, start: number): boolean =>
  /[A-Z0-9]-HMAC-SHA\d{1,3}\s{1,4}(?:Credential|Access)=$/.test(line.slice(Math.max(0, start - 40), start));

/** Keyword → the indices of the token rules it wakes, in catalogue order. */
const TOKENS_BY_KEYWORD = new Map<string, number[]>();
const FAST_PATTERN = TOKEN_RULES.map((rule) => ledByFirstAtom(rule.pattern));
TOKEN_RULES.forEach((rule, i) => {
  for (const k of rule.keywords) TOKENS_BY_KEYWORD.set(k, [...(TOKENS_BY_KEYWORD.get(k) ?? []), i]);
});

export function scanTokens(line: string, found: ReadonlySet<string>, base: number, add: Add): void {
  // Most lines wake no token rule (their words are secrets' names); one word's rules are in order already.
  let rules: readonly number[] | undefined;
  let merged: Set<number> | undefined;
  for (const k of found) {
    const woken = TOKENS_BY_KEYWORD.get(k);
    if (!woken) continue;
    if (!rules) rules = woken;
    else for (const i of woken) (merged ??= new Set(rules)).add(i);
  }
  if (!rules) return;
  // In catalogue order, so that of two rules matching the same text the earlier, more specific one wins.
  for (const i of merged ? [...merged].sort((a, b) => a - b) : rules) {
    const rule = TOKEN_RULES[i];
    const pattern = FAST_PATTERN[i];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
      const secret = m[1] ?? m[0];
      const start = m.index + m[0].indexOf(secret);
      if (
        (rule.accept && !rule.accept(secret)) ||
        !looksRandom(rule.randomPart?.(secret) ?? secret) ||
        isDocumentedExample(secret) ||
        (rule.keyId && inSignedRequest(line, start, start + secret.length))
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

/** The token rule whose format `text` is, whole (a token assembled from parts), or undefined. */
export function tokenRuleOf(text: string): (typeof TOKEN_RULES)[number] | undefined {
  const lower = text.toLowerCase();
  return TOKEN_RULES.find((rule) => {
    if (!rule.keywords.some((k) => lower.includes(k))) return false;
    rule.pattern.lastIndex = 0;
    const m = rule.pattern.exec(text);
    const secret = m?.[1] ?? m?.[0];
    return (
      secret === text &&
      (!rule.accept || rule.accept(secret)) &&
      looksRandom(rule.randomPart?.(secret) ?? secret) &&
      !isDocumentedExample(secret)
    );
  });
}
