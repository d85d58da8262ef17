/**
 * A signing key held by a variable whose name says nothing (`const S = '…'`) and handed, anywhere in the file, to a
 * call that signs or verifies with it: `jwt.sign(payload, S)`, `jwt.verify(token, S)`, `createHmac('sha256', S)`,
 * `Algorithm.HMAC256(S)`, `Keys.hmacShaKeyFor(S…)`, `jwt.encode(payload, S, …)`, `token.SignedString(S)`,
 * passport-jwt's `secretOrKey: q.k`, php-jwt's `new Key($this->k, …)`, CryptoJS' `AES.encrypt(m, S)`, or sent as a
 * bearer token (`"Bearer " + S`, `fmt.Sprintf("Bearer %s", S)`); or a function that returns it
 * (`jwt.encode(p, _k())` below `def _k(): return "…"`). The call says what the literal is; only a random literal is a
 * finding.
 *
 * A call on a minified line is left to minifiedFlow.ts, which takes the nearest definition before it: a minifier gives
 * the same one-letter name to many variables of a bundle.
 *
 * Linear: one pass finds the calls (at most MAX_USES names), one pass finds the literals assigned to those names.
 */
import { CRYPTOJS_PARSE } from '../rules/assignments';
import { hasCredentialMix, isPlausibleSecret } from '../values';
import { addSplitValue } from './assignments';
import type { Add } from './context';
import { MINIFIED_LINE } from './minifiedFlow';

/** The calls that sign or verify with a key, up to the argument that holds it. */
const JWT_OBJECT = String.raw`\b_?(?:jwt|jsonwebtoken|JWT|jose|Jwt[A-Z]\w{0,15})`;
const ARGUMENT = String.raw`(?:\{[^{}]{0,300}\}|[\w$.[\]'"]{1,80})`;
const CALLS = [
  // authlib's `jwt.encode(header, payload, key)`: after a header, the key is the last of three (pdi.jwt's
  // `JwtCirce.encode(claim, key, algorithm)` has it second)
  String.raw`${JWT_OBJECT}\.encode\(\s*(?:\{\s*["']alg[^{}]{0,300}\}|[\w.]{0,40}(?:header|hdr)\w{0,20})\s*,\s*${ARGUMENT}\s*,\s*(?=[\w$.]{1,80}\s*\))`,
  String.raw`${JWT_OBJECT}\.(?:sign|verify|encode|decode)\(\s*${ARGUMENT}\s*,\s*`,
  String.raw`\bjwtVerify\(\s*[\w$.[\]'"]{1,80}\s*,\s*`,
  // jose's `new SignJWT(…)….sign(key)`: the key is the only argument
  String.raw`\.sign\(\s*(?=[\w$.]{1,80}(?:\(\s*\))?\s*\))`,
  // passport-jwt's and express-jwt's options
  String.raw`\bsecretOr(?:Private|Public)?Key\s*:\s*`,
  String.raw`\bcreateHmac\(\s*["'][\w-]{2,12}["']\s*,\s*`,
  String.raw`\bhmac\.New\(\s*[\w.]{1,40}\s*,\s*`,
  String.raw`\bnew\s+(?:HMACSHA(?:1|256|384|512)|HMACMD5|SecretKeySpec|Key)\(\s*`,
  // Kotlin's constructor call, without `new`
  String.raw`\bSecretKeySpec\(\s*`,
  String.raw`\bAlgorithm\.HMAC(?:256|384|512)\(\s*`,
  String.raw`\bhmacShaKeyFor\(\s*(?:Decoders\.BASE64(?:URL)?\.decode\(\s*)?`,
  String.raw`\.SignedString\(\s*(?:\[\]byte\(\s*)?`,
  String.raw`\bJWT::(?:encode|decode)\(\s*\$?[\w$]{1,60}\s*,\s*`,
  // CryptoJS: `AES.encrypt(message, key, …)`
  String.raw`\bAES\.(?:en|de)crypt\(\s*${ARGUMENT}\s*,\s*`,
  // a bearer token sent in a header: `"Bearer " + T`, Go's `fmt.Sprintf("Bearer %s", T)`
  String.raw`["'\x60]Bearer ["'\x60]\s*\+\s*`,
  String.raw`["']Bearer %[sv]["']\s*,\s*`,
];
/**
 * The variable that holds the key (a member's last name: `this.secret`, `$this->k` and `q.k` are `secret`, `k`), or
 * the function that returns it (`_k()`), not another call nor a member's owner (`config` of `config.get<string>(…)`)
 * unless a conversion follows it (`K1.getBytes(…)`); or two joined.
 */
const MEMBER = String.raw`(?:[\w$]{1,40}(?:\.|->))*\$?`;
/** What may follow the variable that holds a key: a conversion of it. */
const CONVERTED = String.raw`(?:getBytes|getEncoded|encode|toString|toByteArray|toCharArray|as_bytes|as_ref|bytes|to_vec)\b`;
const NAME = String.raw`${MEMBER}(?<name>(?!${CONVERTED})[A-Za-z_][\w$]{0,60})\b(?:(?<call>\(\s*\))|(?!\s*(?:[(<]|(?:\.|->)(?!${CONVERTED})[\w$])))`;
const SECOND_NAME = String.raw`(?:\s*\+\s*${MEMBER}(?<second>[A-Za-z_][\w$]{0,60})\b(?!\s*\())?`;
const USE = new RegExp(`(?:${CALLS.join('|')})${NAME}${SECOND_NAME}`, 'g');
const ANY_USE = new RegExp(USE.source);
const MAX_USES = 50;
/**
 * Conversions that hold the key's literal, one or two deep: `[]byte("…")`, `new TextEncoder().encode(`,
 * `Convert.FromHexString(`, Node's `createSecretKey(Buffer.from('…', 'hex'))`, jjwt's `Decoders.BASE64.decode(`.
 */
const CONVERSION = String.raw`(?:(?:\[\]byte\(|new\s+TextEncoder\(\)\.encode\(|Convert\.From(?:Hex|Base64)String\(|Encoding\.\w{2,8}\.GetBytes\(|Buffer\.from\(|hex\.DecodeString\(|createSecretKey\(|Decoders\.BASE64(?:URL)?\.decode\(|Base64\.get(?:Url)?Decoder\(\)\.decode\(|${CRYPTOJS_PARSE})\s{0,40}){1,2}`;
const LITERAL = String.raw`(["'\x60])([^"'\x60\\\n]{8,300})\1`;
/** One part of a key split into a list (no back-reference: a list holds several). */
const PART = String.raw`(?:"[^"\\\n]{1,300}"|'[^'\\\n]{1,300}'|\x60[^\x60\\\n]{1,300}\x60)`;

/**
 * CALL_WORDS' words in lower case but `new Key(`'s: a text that holds none in any case holds no call but that one, whose
 * word `key(` most code holds (`cache.key(`, `getKey(`): a text that holds only it is asked for NEW_KEY.
 */
export const SIGNING_CALL_WORDS = [
  'jwt',
  'jose',
  'secretor',
  'hmac',
  'secretkeyspec',
  'signedstring',
  '.sign(',
  'aes.',
  'bearer ',
];

export const NEW_KEY = /new\s+Key\(/;
/** Words one of the calls holds: most files have none, and are passed over at the cost of one search. */
const CALL_WORDS =
  /jwt|JWT|Jwt|jose|secretOr|createHmac|hmac\.New|HMAC\d|HMACSHA|HMACMD5|SecretKeySpec|new\s+Key\(|hmacShaKeyFor|SignedString|\.sign\(|AES\.|Bearer /;

/**
 * The file holds such a flow: an edit far from the literal (at the call) decides whether it is a finding, so the file
 * is scanned whole again on every edit (incremental.ts).
 */
export function holdsSigningFlow(text: string, uses = signingUses(text)): boolean {
  let found = false;
  scanSigningFlows(text, () => (found = true), uses);
  return found;
}

/** What the file's signing calls hand over: variables (and those they are joined from) and functions returning keys. */
export interface SigningUses {
  names: Set<string>;
  functions: Set<string>;
  /** Every call was read (false when MAX_USES stopped the search: other names may be used too). */
  complete: boolean;
}

/**
 * What an edit's lines must hold to make a flow in a file whose calls used `uses`, besides a call: one of the names
 * (a literal newly assigned to it, a function newly returning one); anything, when the search for calls stopped early.
 */
export function usedNamesPattern(uses: SigningUses | undefined): RegExp | undefined {
  if (!uses) return undefined;
  if (!uses.complete) return /(?:)/;
  const used = new Set([...uses.names, ...uses.functions]);
  return used.size ? new RegExp(String.raw`(?<!\w)(?:${alternatives(used)})(?![\w$])`) : undefined;
}

/** Whether an edit whose lines are `around` may have made a flow: a call is among them, or a name `usedNames` finds. */
export const mayMakeSigningFlow = (around: string, usedNames: RegExp | undefined): boolean =>
  ANY_USE.test(around) || !!usedNames?.test(around);

/** The names the file's signing calls use; undefined when it has no such call. */
export function signingUses(text: string): SigningUses | undefined {
  if (!CALL_WORDS.test(text)) return undefined;
  const names = new Set<string>();
  const functions = new Set<string>();
  USE.lastIndex = 0;
  let m = USE.exec(text);
  for (; m && names.size + functions.size < MAX_USES; m = USE.exec(text)) {
    if (onMinifiedLine(text, m.index)) continue;
    (m.groups!.call ? functions : names).add(m.groups!.name);
    if (m.groups!.second) names.add(m.groups!.second);
  }
  let complete = !m;
  // `var key = []byte(p0 + p1)`: the key is made from other constants, whose literals are then the key's
  if (names.size) {
    const joined = new RegExp(
      String.raw`(?<![\w$])(?:${alternatives(names)})\s{0,40}(?::=|=)\s{0,40}(?:${CONVERSION})?([A-Za-z_]\w{0,60})(?:\s{0,4}\+\s{0,4}([A-Za-z_]\w{0,60}))?\b(?!\s*[(.[])`,
      'g',
    );
    let j = joined.exec(text);
    for (; j && names.size < MAX_USES; j = joined.exec(text)) {
      names.add(j[1]);
      if (j[2]) names.add(j[2]);
    }
    complete &&= !j;
  }
  return { names, functions, complete };
}

/** One alternative of a pattern for each name. */
export const alternatives = (set: Set<string>): string => [...set].map((n) => n.replace(/\$/g, '\\$')).join('|');

export function scanSigningFlows(text: string, add: Add, uses = signingUses(text)): void {
  if (!uses) return;
  const { names, functions } = uses;
  // `const S = '…'`, `private static final String S = "…"`, `S := "…"`, `$S = '…'`, `self.S = "…"`, `S: '…'`,
  // `S = b"…"`; held by a conversion (`Convert.FromHexString(` and the value on the next line) or joined from two
  // literals
  if (names.size)
    addKeys(
      text,
      new RegExp(
        String.raw`(?<![\w$])\$?(?:${alternatives(names)})\s{0,40}(?::\s{0,4}[\w<>?[\]]{1,40}\s{0,4})?(?:=|:=|:)\s{0,40}(?:${CONVERSION})?\(?(?:[bBrRuU]{1,2}(?=["']))?${LITERAL}(?:\s{0,4}\+\s{0,4}(["'\x60])([^"'\x60\\\n]{8,300})\3)?`,
        'gd',
      ),
      add,
    );
  // `const k = ['…', '…', '…'].join('')`: a key split into parts, each reported
  if (names.size)
    for (const m of text.matchAll(
      new RegExp(
        String.raw`(?<![\w$])(?:${alternatives(names)})\s{0,4}=\s{0,4}\[((?:\s{0,4}${PART}\s{0,4},){1,7}\s{0,4}${PART}\s{0,4},?\s{0,4})\]\.join\(\s{0,4}(?:''|""|\x60\x60)\s{0,4}\)`,
        'g',
      ),
    )) {
      const at = m.index + m[0].indexOf('[') + 1;
      const parts = [...m[1].matchAll(/(["'\x60])([^"'\x60\\\n]{1,300})\1/g)].map((p) => ({
        text: p[2],
        start: at + p.index + 1,
      }));
      const value = parts.map((p) => p.text).join('');
      if (hasCredentialMix(value) && isPlausibleSecret(value, { minLength: 16, minEntropy: 3.3 }))
        addSplitValue('SIGNING_KEY', parts, 'code', add);
    }
  // `def _k():` (a comment or two) `return "…"`, `function k() { return '…' }`
  if (functions.size)
    addKeys(
      text,
      new RegExp(
        String.raw`\b(?:def|function|func|fun)\s+(?:${alternatives(functions)})\s*\([^()\n]{0,80}\)[^\n]{0,80}?(?:\n[^\n]{0,200}?){0,3}?\s{1,40}return\s+${LITERAL}`,
        'gd',
      ),
      add,
    );
}

/** Adds the literals the definition pattern finds (groups 2 and 4: a key joined from two is reported in both parts). */
function addKeys(text: string, definition: RegExp, add: Add): void {
  for (let d = definition.exec(text); d; d = definition.exec(text)) {
    const value = d[2] + (d[4] ?? '');
    if (value.length < 16 || !hasCredentialMix(value) || !isPlausibleSecret(value, { minLength: 16, minEntropy: 3.3 }))
      continue;
    const parts = [2, 4].flatMap((group) => {
      const range = d.indices?.[group];
      return range ? [{ text: d[group], start: range[0] }] : [];
    });
    addSplitValue('SIGNING_KEY', parts, 'code', add);
  }
}

/** The line at `at` is MINIFIED_LINE characters long or more (found within that many either side: linear in calls). */
function onMinifiedLine(text: string, at: number): boolean {
  const from = Math.max(0, at - MINIFIED_LINE);
  const back = text.slice(from, at).lastIndexOf('\n');
  const ahead = text.slice(at, at + MINIFIED_LINE).indexOf('\n');
  const start = back < 0 ? from : from + back + 1;
  const end = ahead < 0 ? Math.min(text.length, at + MINIFIED_LINE) : at + ahead;
  return end - start >= MINIFIED_LINE;
}
