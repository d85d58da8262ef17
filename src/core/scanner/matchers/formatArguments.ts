/**
 * Connection strings built by a format call with the password as a literal argument: `fmt.Sprintf("host=%s
 * password=%s", host, "x")`, `String.format("%s:%s@%s", user, "x", host)`, `string.Format("…;Password={1}", u, "x")`,
 * `"password={}".format("x")`, bearer tokens (`fmt.Sprintf("Bearer %s", "x")`) and API keys in a URL's query
 * (`fmt.Sprintf("…?key=%s", "x")`). The placeholder after `password=`, `Bearer ` or `?key=`, or between `user:` and `@`
 * in a URL, says which argument is the credential. Everything is read within the line, once, so the cost stays linear.
 */
import type { FileFormat } from '../formats';
import { isPlausibleSecret } from '../values';
import { valueCandidate } from './assignments';
import { PRIORITY, type Add } from './context';

/** Words one of which a line must hold for this matcher to run. */
export const FORMAT_WORDS: ReadonlySet<string> = new Set(['printf(', 'format(']);

const LITERAL = String.raw`"(?<dq>(?:[^"\\\n]|\\.){1,500})"|'(?<sq>(?:[^'\\\n]|\\.){1,500})'`;
/** `Sprintf("…", ` / `format('…', ` (the arguments follow), or `"…".format(` (Python: they are all arguments). */
const CALL = new RegExp(
  String.raw`\b(?:Sprintf|sprintf|Printf|printf|format|Format)\(\s{0,4}(?:${LITERAL})\s{0,4},|(?:${LITERAL.replace(/<(d|s)q>/g, '<p$1q>')})\.format\(`,
  'g',
);
/** C and Go verbs (`%s`, `%-10v`), never `%%`; .NET and Python fields (`{0}`, `{}`, `{1:x}`), never `{{`. */
const PLACEHOLDER = /%%|\{\{|%[-+# 0]{0,4}\d{0,3}(?:\.\d{1,3})?[a-zA-Z]|\{(\d{0,2})(?:[:!][^{}\n]{0,20})?\}/g;
const BEFORE_PASSWORD = /(?:password|passwd|pwd)\s?[=:]\s?['"]?$/i;
const BEFORE_TOKEN = /\bBearer\s$/i;
/** A URL's query parameter that carries an API key (`?key=%s`, `&appid=%s`, `?access_token={0}`). */
const BEFORE_QUERY_KEY = /[?&](?:api_?key|key|appid|access_token|token)=$/i;
const KEY_CHARACTERS = /^[A-Za-z0-9_~+/.=-]{16,}$/;
const RANDOM = { minLength: 16, minEntropy: 3, mixed: true };

export function scanFormatArguments(line: string, base: number, format: FileFormat, add: Add): void {
  CALL.lastIndex = 0;
  for (let m = CALL.exec(line); m; m = CALL.exec(line)) {
    const g = m.groups!;
    const template = g.dq ?? g.sq ?? g.pdq ?? g.psq ?? '';
    const found = credentialSlot(template);
    if (!found) continue;
    const [slot, key, randomOnly] = found;
    const args = readArguments(line, CALL.lastIndex);
    const arg = args[slot];
    if (!arg) continue;
    const quote = line[arg.start];
    if ((quote !== '"' && quote !== "'") || line[arg.end - 1] !== quote || arg.end - arg.start < 3) continue;
    const value = line.slice(arg.start + 1, arg.end - 1);
    if (value.includes(quote)) continue; // two literals joined, not one
    // a query's `key` is often a cache's or a search's (`?key=user-profile-42`): only a random value is an API key
    if (randomOnly && !(KEY_CHARACTERS.test(value) && isPlausibleSecret(value, RANDOM))) continue;
    const candidate = valueCandidate(key, value, format);
    if (!candidate) continue;
    candidate.start = base + arg.start + 1;
    candidate.end = base + arg.end - 1;
    add(candidate, PRIORITY.assignment);
  }
}

/**
 * The index of the argument that fills the password's (or a bearer token's, or an API key's) placeholder, the name it
 * goes by and whether only a random value is one, or undefined when no placeholder is one.
 */
function credentialSlot(template: string): [number, string, boolean?] | undefined {
  let next = 0;
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(template); m; m = PLACEHOLDER.exec(template)) {
    if (m[0] === '%%' || m[0] === '{{') continue;
    const index = m[1] ? Number(m[1]) : next++;
    const before = template.slice(Math.max(0, m.index - 12), m.index);
    const after = template[m.index + m[0].length];
    if (BEFORE_PASSWORD.test(before)) return [index, 'DB_PASSWORD'];
    if (BEFORE_TOKEN.test(before)) return [index, 'BEARER_TOKEN'];
    if (BEFORE_QUERY_KEY.test(before)) return [index, 'API_KEY', true];
    // user:%s@host: the placeholder between the user's colon and the host's at sign
    if (before.endsWith(':') && after === '@' && !before.endsWith('://')) return [index, 'DB_PASSWORD'];
  }
  return undefined;
}

/** A call's arguments are read at most this far (a line holds at most MAX_ASSIGNMENT_LINE characters). */
const MAX_ARGUMENTS = 1000;

/** The arguments from `from` to the call's closing parenthesis: trimmed ranges, split at top-level commas. */
function readArguments(line: string, from: number): { start: number; end: number }[] {
  const args: { start: number; end: number }[] = [];
  let depth = 0;
  let start = from;
  let quote = '';
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(line[s])) s++;
    while (e > s && /\s/.test(line[e - 1])) e--;
    args.push({ start: s, end: e });
  };
  for (let i = from; i < line.length && i - from < MAX_ARGUMENTS; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) {
        push(i);
        return args;
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      push(i);
      start = i + 1;
    }
  }
  return args;
}
