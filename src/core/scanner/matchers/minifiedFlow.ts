/**
 * Minified code hands a secret to where it is used through a variable of one or two letters defined a little earlier
 * on the same line: `i="…";function c(e){return{"X-Auth-Token":i}}`, `let t="…";…{Authorization:"Bearer "+t}` (or
 * Babel's `"Bearer ".concat(t)`, Okta's `"SSWS "+t`), `o="…";…n.sign({sub:c.id},o,…)`. A use that names a credential
 * (a strong key, a bearer scheme, `"Basic "+btoa(u+":"+p)`) or signs with one (a JWT library's `sign`/`verify`, jose's
 * `.sign(k)` and `jwtVerify(t,k)`, `createHmac`, CryptoJS' `HmacSHA256(m,k)`, jsrsasign's
 * `JWS.sign("HS256",h,p,{utf8:k})`, WebCrypto's raw `importKey`, CryptoJS' `AES.encrypt(m,k,…)`) and takes such a
 * variable (`k=new TextEncoder().encode("…")` and `k=o().enc.Hex.parse("…")` too) is traced back to the nearest definition of that name within
 * DEFINITION_REACH characters before it; only a random literal is a finding. A line traces a few uses and one more per
 * TRACE_SPACING characters, so the cost stays linear.
 */
import { CRYPTOJS_PARSE } from '../rules/assignments';
import { secretNameStrength } from '../rules/secretNames';
import { hasCredentialMix, isPlausibleSecret } from '../values';
import { PRIORITY, type Add } from './context';
import { valueCandidate } from './assignments';

/** Lines shorter than this are written by people, who name their variables. */
export const MINIFIED_LINE = 500;
const DEFINITION_REACH = 3000;
/** Uses traced per line: a few, and one more per TRACE_SPACING characters, at most MAX_TRACES (linear in the line). */
const TRACE_SPACING = 500;
const MAX_TRACES = 200;
const USE =
  /(?:\\?["']?(?<key>[A-Za-z_$][\w$-]{0,60})\\?["']?\s{0,2}:|["'\x60](?<scheme>[Bb]earer|Token|Basic|SSWS|Bot) ["'\x60](?:\s{0,2}\+|\.concat\()|(?<basic>["'\x60]Basic ["'\x60]\s{0,2}\+\s{0,2}btoa\(\s{0,2}[\w$]{1,3}\s{0,2}\+\s{0,2}["']:["']\s{0,2}\+)|(?<signer>\.(?:sign|verify)\(\s{0,2}(?:\{[^{}]{0,300}\}|[\w$.]{1,40})\s{0,2},|\.sign\((?=\s{0,2}[A-Za-z_$][\w$]?\s{0,2}\))|\bjwtVerify\)?\(\s{0,2}[\w$.]{1,40}\s{0,2},|\bcreateHmac\(\s{0,2}["'][\w-]{2,12}["']\s{0,2},|\.Hmac(?:SHA(?:1|224|256|384|512)|MD5)\((?:[^(),]|\([^()]{0,100}\)){1,200},|\.JWS\.sign\(\s{0,2}["']HS\d{3}["'](?:\s{0,2},\s{0,2}[\w$]{1,3}){2}\s{0,2},\s{0,2}(?:\{\s{0,2}(?:utf8|hex|b64|rstr)\s{0,2}:)?|\bimportKey\(\s{0,2}["']raw["']\s{0,2},\s{0,2}(?:[\w$.]{1,40}\.encode\()?|\.AES\.(?:en|de)crypt\(\s{0,2}[\w$.]{1,40}\s{0,2},))\s{0,2}(?<name>[A-Za-z_$][\w$]?)(?=[\s,;})\]]|$)/g;
const CREDENTIAL_WORD = /pass|secret|token|key|cred|pwd/i;

export function scanMinifiedFlows(line: string, base: number, add: Add): void {
  let traces = 0;
  const allowed = Math.min(MAX_TRACES, 4 + Math.floor(line.length / TRACE_SPACING));
  USE.lastIndex = 0;
  for (let m = USE.exec(line); m && traces < allowed; m = USE.exec(line)) {
    const { key, scheme, basic, signer, name } = m.groups!;
    if (key !== undefined && (!CREDENTIAL_WORD.test(key) || secretNameStrength(key) !== 'strong')) continue;
    traces++;
    // (a password a person chose, joined to its user for basic auth, may be shorter than a key)
    const definition = lastDefinition(line, name, m.index, basic ? 8 : 16);
    if (!definition) continue;
    const named = basic ? 'PASSWORD' : scheme ? 'AUTH_TOKEN' : signer ? 'SIGNING_KEY' : key;
    const candidate = valueCandidate(named, definition.value, 'code');
    if (!candidate) continue;
    candidate.start = base + definition.start;
    candidate.end = candidate.start + definition.value.length;
    add(candidate, PRIORITY.assignment);
  }
}

/**
 * The random literal last assigned to `name` (`,i="…"`, `let t='…'`, or passed through a helper of one or two letters:
 * `Kr=K("…")`, esbuild's name for jose's encoder) in the stretch before `before`.
 */
function lastDefinition(
  line: string,
  name: string,
  before: number,
  minLength: number,
): { value: string; start: number } | undefined {
  const end = before;
  const from = Math.max(0, end - DEFINITION_REACH);
  const escaped = name.replace(/\$/g, '\\$');
  const definition = new RegExp(
    String.raw`(?:^|[,;{(\s])(?:var |let |const )?${escaped}=(?:new TextEncoder\(\)\.encode\(|[A-Za-z_$][\w$]?\(|${CRYPTOJS_PARSE})?(["'\x60])([^"'\x60\\\n]{${minLength},300})\1`,
    'g',
  );
  const stretch = line.slice(from, end);
  let found: { value: string; start: number } | undefined;
  for (let d = definition.exec(stretch); d; d = definition.exec(stretch))
    found = { value: d[2], start: from + d.index + d[0].length - 1 - d[2].length };
  if (!found || !hasCredentialMix(found.value) || !isPlausibleSecret(found.value, { minLength, minEntropy: 3.3 }))
    return undefined;
  return found;
}
