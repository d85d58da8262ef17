/**
 * Secrets whose name stands on another line than their value: a value a formatter moved below its key or split over
 * two lines, an XML element's text on a line of its own, an Android meta-data value below its name, the literal a
 * function named after a secret returns, a lookup's literal fallback at the end of a chain or a Ruby fetch block,
 * Gin's accounts below their map, a `.properties` value continued on the next line, a .NET setting's default in the
 * attribute above its property, and a flag's or header's value as the next item of a list over lines. Offsets come
 * from the window's line starts (a line's text ends before its `\r\n` or `\n`).
 */
import type { FileFormat } from '../formats';
import { MAX_ASSIGNMENT_LINE } from '../limits';
import { secretNameStrength } from '../rules/secretNames';
import { hasCredentialMix, isCodeName, isWordyIdentifier } from '../values';
import { addNamedValue, addSplitValue } from './assignments';
import { lastNonSpace, type Add } from './context';

/** Reads a line that names a secret (`lines[index]`) for a value on the lines after it. */
export function scanSpanningLines(
  lines: readonly string[],
  lineStarts: readonly number[],
  index: number,
  format: FileFormat,
  add: Add,
): void {
  const at: LineAt = { lines, lineStarts, index, format, add };
  scanWrappedValue(at);
  scanBlockString(at);
  scanByteList(at);
  scanListBelow(at);
  if (format === 'config') scanItemBelow(at);
  scanCollectionBelow(at);
  scanListItemPair(at);
  scanHostTokens(at);
  scanCookieBelow(at);
  if (format === 'code') {
    scanNamedArgumentBelow(at);
    scanAppendedValue(at);
    scanSplitLiteral(at);
    scanFallbackChain(at);
    scanFetchBlock(at);
    scanGetterReturn(at);
    scanSettingDefault(at);
    scanAccountLines(at);
  } else {
    scanElementText(at);
    scanMetaDataValue(at);
    scanContinuedValue(at);
  }
}

/** A list's item alone on its line that names the next: a flag (`"--requirepass",`) or a header (`"Authorization",`). */
const NAME_ITEM_ALONE = /^\s*["'](--?[A-Za-z][\w.-]{0,60}|[Aa]uthorization)["']\s*,\s*$/;
/** The next item alone on its line; an Authorization header's value after its scheme. */
const VALUE_ITEM_ALONE = /^(\s*["'])(?:(Bearer|Token|Basic|Bot|Api-?Key|SSWS) )?([^"'\\\n]{1,500})["']\s*,?\s*$/;

/**
 * A command's arguments or a header pair as a formatted JSON array: `docker inspect`'s `"--requirepass",` then `"…",`,
 * a Sentry event's `"Authorization",` then `"Token …"`.
 */
function scanListItemPair({ lines, lineStarts, index, format, add }: LineAt): void {
  const name = NAME_ITEM_ALONE.exec(lines[index])?.[1];
  const next = lines[index + 1];
  if (!name || next === undefined || next.length > MAX_ASSIGNMENT_LINE) return;
  const value = VALUE_ITEM_ALONE.exec(next);
  if (!value) return;
  const [, before, scheme, text] = value;
  const header = /^authorization$/i.test(name);
  if (header && !scheme) return;
  const start = lineStarts[index + 1] + before.length + (scheme ? scheme.length + 1 : 0);
  addNamedValue(header ? 'AUTH_TOKEN' : name.replace(/^-+/, ''), text, start, format, add);
}

/** A HAR's header by name and value on two lines: `"name": "cookie",` over `"value": "…"`. */
const COOKIE_NAME = /^\s*"name"\s*:\s*"cookie"\s*,?\s*$/i;
/** Its first session, sid, auth or token cookie (as the `cookie-header-session` site reads one line). */
const SESSION_COOKIE =
  /^\s*"value"\s*:\s*"(?:[^"\n;]{0,300};\s?){0,20}?[\w.-]{0,60}(?:sess|sid|auth|token)[\w.-]{0,60}=([^\s"';,]{16,500})/di;

function scanCookieBelow({ lines, lineStarts, index, format, add }: LineAt): void {
  const next = lines[index + 1] ?? '';
  const cookie =
    next.length <= MAX_ASSIGNMENT_LINE && COOKIE_NAME.test(lines[index]) ? SESSION_COOKIE.exec(next) : null;
  if (cookie) addNamedValue('SESSION_COOKIE', cookie[1], lineStarts[index + 1] + cookie.indices![1][0], format, add);
}

/** A `.properties` key whose line ends in a continuation: `ldap.bind.password = \` and the value on the next line. */
const CONTINUED_KEY = /^\s*([A-Za-z_][\w.-]{0,79})\s*[=:]\s*\\$/;
const CONTINUED_VALUE = /^(\s*)([^\s\\][^\n]{0,499}?)\s*$/;

function scanContinuedValue({ lines, lineStarts, index, format, add }: LineAt): void {
  const key = lines[index].endsWith('\\') ? CONTINUED_KEY.exec(lines[index])?.[1] : undefined;
  const next = lines[index + 1];
  const value = key && next !== undefined && !next.trimEnd().endsWith('\\') ? CONTINUED_VALUE.exec(next) : null;
  if (key && value) addNamedValue(key, value[2], lineStarts[index + 1] + value[1].length, format, add);
}

/** A line that names a secret, in its window, and where its findings go. */
interface LineAt {
  lines: readonly string[];
  lineStarts: readonly number[];
  index: number;
  format: FileFormat;
  add: Add;
}

/** An Android manifest's `<meta-data` with its name alone on a line, and its value on the next. */
const META_NAME_ALONE = /^\s*android:name="([\w.-]{1,200})"\s*$/;
const META_VALUE = /^(\s*android:value=")([^"\n]{1,500})"/;

/** `<meta-data\n    android:name="com.amap.api.v2.apikey"\n    android:value="…" />`: the value named a line above. */
function scanMetaDataValue({ lines, lineStarts, index, format, add }: LineAt): void {
  if (!lines[index].includes('android:name')) return;
  const name = META_NAME_ALONE.exec(lines[index])?.[1];
  const value = name && lines[index + 1] !== undefined ? META_VALUE.exec(lines[index + 1]) : null;
  if (name && value) addNamedValue(name, value[2], lineStarts[index + 1] + value[1].length, format, add);
}

/** An XML element opening alone on its line: `<password>`, `<property name="hibernate.connection.password">`. */
const OPENING_TAG = /^\s*<([A-Za-z_][\w.:-]{0,79})(?:\s+(?:name|key)="([\w.:-]{1,80})")?\s*>\s*$/;
/** The element's text alone on the next line. */
const TEXT_ALONE = /^(\s*)([^<>\s]{1,500})\s*$/;

/**
 * `<property name="hibernate.connection.password">\n    s3cret\n</property>`: formatted XML puts an element's text on
 * a line of its own, between its tags.
 */
function scanElementText({ lines, lineStarts, index, format, add }: LineAt): void {
  const line = lines[index];
  if (!line.includes('<')) return;
  const tag = OPENING_TAG.exec(line);
  const text = tag && lines[index + 1] !== undefined ? TEXT_ALONE.exec(lines[index + 1]) : null;
  if (!tag || !text || !(lines[index + 2] ?? '').trimStart().startsWith(`</${tag[1]}>`)) return;
  addNamedValue(tag[2] ?? tag[1], text[2], lineStarts[index + 1] + text[1].length, format, add);
}

/**
 * A key and its operator ending the line (`secretAccessKey:`, `SECRET_KEY = (`), perhaps declared
 * (`private static final String SECRET =`) or opening a conversion (`const KEY = Buffer.from(`, Vite's
 * `__TOKEN__: JSON.stringify(`): a formatter moved the value down.
 */
const CONVERSION = String.raw`(?:Buffer\.from|JSON\.stringify|bytes\.fromhex|base64\.b64decode|\[\]byte|Encoding\.\w{2,8}\.GetBytes|Convert\.FromBase64String|hex\.DecodeString|Base64\.get(?:Url|Mime)?Decoder\(\)\.decode)\(`;
/** What may declare a name at a line's start: `private static final String`, `export const`, `readonly byte[]`. */
const DECLARED = String.raw`^\s*(?:(?:export|const|let|var|val|static|final|private|public|protected|internal|readonly|String|string|byte\[\]|char\[\])\s+)*`;
const KEY_AT_END = new RegExp(
  String.raw`${DECLARED}["']?([A-Za-z_$][\w.$-]{0,79})["']?(?:\s{0,4}:\s{0,4}[\w<>?[\]]{1,40})?\s{0,40}(?::|=|:=)\s{0,4}(?:\(|${CONVERSION})?\s*$`,
);
/** The line below holds only the quoted value (and what closes the statement), perhaps converted there. */
const VALUE_ALONE = new RegExp(
  String.raw`^(\s*(?:${CONVERSION}\s{0,4})?)(["'\x60])([^"'\x60\\\n]{1,500})\2\s*\)?\s*\)?\s*[,;]?\s*$`,
);

/**
 * `secretAccessKey:\n    "…",` (Prettier), `SECRET_KEY = (\n    "…"\n)` (Black): the value on the line after its key;
 * inside Black's parentheses, a second literal on the line after is the rest of the value (`"…"\n    "…"\n)`).
 */
function scanWrappedValue({ lines, lineStarts, index, format, add }: LineAt): void {
  const line = lines[index];
  const end = lastNonSpace(line, line.length - 1);
  if (line[end] !== ':' && line[end] !== '=' && line[end] !== '(') return;
  const key = KEY_AT_END.exec(line)?.[1];
  const next = lines[index + 1];
  if (!key || next === undefined || next.length > MAX_ASSIGNMENT_LINE) return;
  const value = VALUE_ALONE.exec(next);
  if (!value) return;
  const first = { text: value[3], start: lineStarts[index + 1] + value[1].length + 1 };
  const after = line[end] === '(' && !/[,;)]\s*$/.test(next) ? lines[index + 2] : undefined;
  const rest = after !== undefined && after.length <= MAX_ASSIGNMENT_LINE ? VALUE_ALONE.exec(after) : null;
  if (rest)
    addSplitValue(key, [first, { text: rest[3], start: lineStarts[index + 2] + rest[1].length + 1 }], format, add);
  else addNamedValue(key, first.text, first.start, format, add);
}

/** A key whose value opens a multi-line string at the line's end: Python's `"""`, Ruby's `<<~KEY` (`.strip` after it). */
const BLOCK_STRING_AT_END = new RegExp(
  String.raw`${DECLARED}["']?([A-Za-z_$][\w.$-]{0,79})["']?\s{0,4}(?::|=|:=)\s{0,4}(?:("""|''')|<<[~-]?([A-Z_]{1,20})(?:\.\w{1,20})*)\s*$`,
);
/** One token alone on its line: the string's only content. */
const TOKEN_ALONE = /^(\s*)(\S{8,500})\s*$/;

/**
 * `_HMAC_KEY = """` / `…` / `""".strip()`, `LEGACY_SECRET = <<~KEY.strip` / `…` / `KEY`: a secret kept in a multi-line
 * string, one token on the line between its opening and its end.
 */
function scanBlockString({ lines, lineStarts, index, format, add }: LineAt): void {
  const line = lines[index];
  const last = line[lastNonSpace(line, line.length - 1)] ?? '';
  if (last !== '"' && last !== "'" && !/\w/.test(last)) return;
  const open = BLOCK_STRING_AT_END.exec(line);
  const value = open && lines[index + 2] !== undefined ? TOKEN_ALONE.exec(lines[index + 1]) : null;
  if (!open || !value || lines[index + 1].length > MAX_ASSIGNMENT_LINE) return;
  const closer = lines[index + 2].trim();
  if (open[2] ? !closer.startsWith(open[2]) : closer !== open[3]) return;
  addNamedValue(open[1], value[2], lineStarts[index + 1] + value[1].length, format, add);
}

/**
 * A list of bytes opening after a key's name: Go's `= []byte{`, C#'s and Java's `= new byte[] {`, Rust's
 * `: [u8; 32] = [`, C's `[32] = {`, Python's `= bytes([`.
 */
const BYTE_LIST_OPEN =
  /(?<![\w$])([A-Za-z_$][\w$]{0,79})(?:\s{0,4}\[\s{0,4}\d{0,4}\s{0,4}\])?(?:\s{0,4}:\s{0,4}[^=\n]{1,40}?)?\s{0,4}:?=\s{0,4}[\w.<>[\]; &]{0,40}?[{[(]\s*(?=0x|\(byte\)|\d{1,3}\s*,|$)/;
/** A name before `=` (or `= new byte[]`) at the end of its line, and the line below that only opens a list. */
const NAME_BEFORE_EQUALS = /(?<![\w$])([A-Za-z_$][\w$]{0,79})\s{0,4}=\s{0,4}(?:new\s+byte\s*\[\s*\d{0,4}\s*\]\s*)?$/;
const BRACE_ALONE = /^\s*(?:new\s+byte\s*\[\s*\]\s*)?[{[]\s*$/;
/** One byte of such a list, in hex or decimal (Java writes the large ones `(byte) 0xdf`). */
const BYTE = /(?:\(byte\)\s{0,4})?(?:0x([0-9a-fA-F]{1,2})|(?<![\w.])(\d{1,3}))(?![\w.])/g;
/** A line of the list: bytes and commas only, perhaps its end (a byte ends where the next character is no digit). */
const BYTES_ONLY =
  /^\s*(?:(?:\(byte\)\s{0,4})?(?:0x[0-9a-fA-F]{1,2}|\d{1,3})(?![\w.])\s*(?:,\s*|(?=[}\])]|$)))+(?:[}\])][\s;,)]*)?$/;
/** A bytes type: `byte[]`, `[]byte`, `bytes(`, Rust's `[u8; 32]`, C's `uint8_t`, `Uint8Array`. */
const BYTE_TYPE = /byte|\bu8\b|uint8/i;

/** A line that may open a key's list of bytes: an assignment with a hex byte, or a list opening or one of decimals. */
function mayOpenByteList(line: string, last: string): boolean {
  return line.includes('=') && (line.includes('0x') || '{[(=]'.includes(last) || /[{[(]\s*\d{1,3}\s*,/.test(line));
}

/** How many lines a key's list of bytes may run over. */
const BYTE_LIST_REACH = 8;

/**
 * `var cookieKey = []byte{` / `0x05, 0x3f, …` / `}`: a key written as its bytes, on its line or the lines below, judged
 * as the hex they spell, or the text of printable decimal ones (sixteen bytes at least).
 */
function scanByteList({ lines, lineStarts, index, format, add }: LineAt): void {
  const line = lines[index];
  const last = line[lastNonSpace(line, line.length - 1)] ?? '-';
  if (!mayOpenByteList(line, last)) return;
  // decimal numbers are bytes only where a type says so (`token_budget = (100, 120, 64, …)` is no key)
  const typed = BYTE_TYPE.test(line);
  // (C#'s and Java's brace on the line below the name: `byte[] Key =` or `Key = new byte[]`, then `{`, then `0x4B, …`)
  const below = (last === '=' || last === ']') && BRACE_ALONE.test(lines[index + 1] ?? '');
  const open = below ? NAME_BEFORE_EQUALS.exec(line) : BYTE_LIST_OPEN.exec(line);
  if (!open) return;
  const first = below ? index + 2 : index;
  const parts: { text: string; start: number }[] = [];
  let hex = '';
  let spelled: string | undefined = ''; // the characters decimal bytes spell, while each is printable
  let decimal = 0;
  let high = 0; // bytes of 128 and more: a quarter of drawn bytes, none of small numbers' (`{ 2, 3, 5, 7, 11, … }`)
  for (let i = first; i <= Math.min(lines.length - 1, first + BYTE_LIST_REACH); i++) {
    const from = i === index ? open.index + open[0].length : 0;
    const text = lines[i].slice(from);
    if (i === index && !text.trim()) continue;
    if (i > first && /^\s*[}\])]/.test(text)) break; // the list ends on a line of its own
    if (!BYTES_ONLY.test(text)) return;
    const bytes = [...text.matchAll(BYTE)];
    const end = bytes[bytes.length - 1];
    parts.push({
      text: text.slice(bytes[0].index, end.index + end[0].length),
      start: lineStarts[i] + from + bytes[0].index,
    });
    for (const byte of bytes) {
      const value = byte[1] === undefined ? Number(byte[2]) : parseInt(byte[1], 16);
      if (value > 255 || (byte[2] && !typed)) return;
      if (byte[2]) decimal++;
      if (value >= 128) high++;
      hex += value.toString(16).padStart(2, '0');
      spelled =
        spelled !== undefined && byte[2] && value >= 32 && value < 127
          ? spelled + String.fromCharCode(value)
          : undefined;
    }
    if (/[}\])]/.test(text.slice(end.index + end[0].length))) break;
  }
  // (decimal codes of printable characters spell a text key: `SecretBytes = { 70, 90, 110, … }`)
  if (hex.length < 32 || counts(hex)) return;
  // (a cipher's key of 16, 24 or 32 drawn bytes in hex under a bare `Key`, or a version of it: `byte[] Key = new byte[]
  // { 0x4B, … }`, `KEY_V2`; not a key map's codes, all under 0x80, nor a public key)
  const name =
    /^_?key(?:[_-]?v\d{1,3})?$/i.test(open[1]) &&
    !decimal &&
    /^(?:.{32}|.{48}|.{64})$/.test(hex) &&
    high * 4 >= hex.length / 2 &&
    !/public/i.test(`${lines[index - 1] ?? ''}${line}`)
      ? 'encryption_key'
      : open[1];
  if (spelled && spelled.length >= 16) addSplitValue(name, parts, format, add, spelled);
  else if (!decimal || high * 4 >= hex.length / 2) addSplitValue(name, parts, format, add, hex);
}

/** Bytes that count by one step (`0x00, 0x01, 0x02…`, RFC 8439's test key) or repeat one value: no key was drawn so. */
function counts(hex: string): boolean {
  const byteAt = (i: number): number => parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  const step = (byteAt(1) - byteAt(0) + 256) % 256;
  for (let i = 2; i < hex.length / 2; i++) if ((byteAt(i) - byteAt(i - 1) + 256) % 256 !== step) return false;
  return true;
}

/** A name opening a list at its line's end: `secret: [` (express-session's and Auth.js' secrets, newest first). */
const LIST_AT_END = new RegExp(String.raw`${DECLARED}["']?([A-Za-z_$][\w.$-]{0,79})["']?\s{0,4}(?::|=)\s{0,4}\[\s*$`);
/** How many lines below its name a list's items are read. */
const LIST_REACH = 8;

/**
 * The quoted items of a list opened at a secret's name, one per line (other items, `process.env.X,`, are passed over).
 */
function scanListBelow({ lines, lineStarts, index, format, add }: LineAt): void {
  if (!lines[index].trimEnd().endsWith('[')) return;
  const key = LIST_AT_END.exec(lines[index])?.[1];
  if (!key) return;
  for (let i = index + 1; i <= Math.min(lines.length - 1, index + LIST_REACH); i++) {
    const text = lines[i];
    if (text.length > MAX_ASSIGNMENT_LINE || /^\s*\]/.test(text)) return;
    const item = VALUE_ALONE.exec(text);
    // (not a list of names: Pulumi's `additionalSecretOutputs: [` over `"result"`, a JSON schema's
    // `"MasterUserPassword": [` over `"MasterUsername"`)
    if (item && hasCredentialMix(item[3]) && !isCodeName(item[3]))
      addNamedValue(key, item[3], lineStarts[i] + item[1].length + 1, format, add);
  }
}

/** A YAML key with nothing after it (`Apikey:`), and the one list item below it that holds its value (`- …`). */
const KEY_ALONE = /^\s*["']?([A-Za-z_][\w.-]{0,79})["']?:\s*$/;
const ITEM_BELOW = /^(\s*-\s+)(?:"([^"\\\n]{1,500})"|'([^'\n]{1,500})'|([^\s"'#&*!|>[{][^\s#]{0,499}))\s*$/;

/**
 * A value as the first item of a list below its key: a recorded request's headers (VCR's cassettes: `Apikey:` over
 * `- …`), a YAML setting written as a list of one.
 */
function scanItemBelow({ lines, lineStarts, index, format, add }: LineAt): void {
  const line = lines[index];
  if (!line.trimEnd().endsWith(':')) return;
  const key = KEY_ALONE.exec(line)?.[1];
  const below = lines[index + 1];
  if (!key || below === undefined || below.length > MAX_ASSIGNMENT_LINE) return;
  const item = ITEM_BELOW.exec(below);
  const value = item?.[2] ?? item?.[3] ?? item?.[4];
  if (!item || !value || !hasCredentialMix(value)) return;
  addNamedValue(key, value, lineStarts[index + 1] + below.indexOf(value, item[1].length), format, add);
}

/**
 * A map or a class named for secrets of one kind, opening at its line's end: `API_KEYS = {`, `apiKeys: {`,
 * `var apiKeys = map[string]string{`, `$apiKeys = [`, `public static class ApiKeys` (its `{` below), `object ApiKeys {`,
 * `class Secrets:`, YAML's `api_keys:`.
 */
const COLLECTION_AT_END = new RegExp(
  String.raw`${DECLARED}(?:(?:sealed|partial|abstract|data)\s+)*(?:(class|object|module)\s+)?["']?([A-Za-z_$][\w$-]{0,79})["']?\s{0,4}(?:(=|:=|:|=>)\s{0,4}(?:map\[string\]string\s{0,4})?([{[]|dict\(|array\()?|\{)?\s*$`,
);
/**
 * One entry of it: `weather: "…",`, `"weather" => '…',`, `public const string Weather = "…";`, `const val WEATHER =
 * "…"`, `WEATHER = "…"`, YAML's `weather: …` (a bare value only in configuration); aligned (`agent      = "…"`).
 */
const COLLECTION_ENTRY = new RegExp(
  String.raw`${DECLARED}(?:(?:const|val|str|&str|&'static\s+str)\s+)?["']?([A-Za-z_][\w.-]{0,79})["']?\s{0,40}(?::\s{0,4}(?:&'static\s+str|&str|String|string|str)\s{0,4}=|=>|:=|=|:)\s{0,4}(?:(["'])([^"'\\\n]{1,500})\2|([^\s"'#,;{}[\]()]{1,500}))\s*[,;]?\s*(?:(?:#|\/\/)[^\n]*)?$`,
);
/** An entry's last word that says its value is no secret: an id, a user, an address, a setting about the key. */
const NOT_A_SECRET_ENTRY = new Set(
  'id ids user username login account region zone url uri endpoint host port name email header tenant project issuer audience algorithm alg type version enabled prefix suffix path ttl timeout expiry duration interval'.split(
    ' ',
  ),
);
/** A plural of a secret's name ends a word on the line. */
const PLURAL_NAME = /(?:key|token|secret|password)s\b/i;
/** How many lines below its name a collection's entries are read. */
const COLLECTION_REACH = 12;

/**
 * The literals of a collection named for secrets, one entry per line: the entry names what each is for
 * (`API_KEYS = {` over `weather: "…"`), so each is judged under the collection's name in the singular. Entries that
 * name themselves a secret are read where they stand; an id, a user or a URL among them, and a public key, are not
 * secrets. Bare `keys`/`tokens` name keyboard keys and design tokens as often, and are passed over (but for Consul's
 * `acl { tokens {` block).
 */
function scanCollectionBelow({ lines, lineStarts, index, format, add }: LineAt): void {
  const line = lines[index];
  if (line.length > MAX_ASSIGNMENT_LINE) return;
  // (most named lines end otherwise: one look at the last character first; C#'s class opens its body below)
  const last = line[lastNonSpace(line, line.length - 1)];
  if (last !== '{' && last !== '[' && last !== '(' && last !== ':' && !(/\w/.test(last) && line.includes('class ')))
    return;
  if (!PLURAL_NAME.test(line)) return;
  const opener = COLLECTION_AT_END.exec(line);
  if (!opener) return;
  const [, kind, name, operator, opened] = opener;
  // (Consul's `acl { tokens {` holds the agent's and the management tokens)
  const consulTokens = name === 'tokens' && !operator && inConsulAcl(lines, index);
  // (a class or object may open its body below; `name:` with nothing after it is a map in configuration only)
  if (!kind && !opened && !(operator === ':' && format === 'config') && !consulTokens) return;
  // (its last word a plural of a secret's: not `Credentials` with a user and password, not `PrivateKeyAttributes`)
  if (!/(?:keys|tokens|secrets|passwords)$/i.test(name)) return;
  if (/^\$?(?:keys|tokens)$/i.test(name) && !consulTokens) return;
  const singular = name.replace(/^\$/, '').slice(0, -1);
  if (secretNameStrength(singular) !== 'strong') return;
  const indent = line.length - line.trimStart().length;
  let entryIndent = -1; // its own entries' indentation, from the first (deeper lines are the entries' own settings)
  for (let i = index + 1; i <= Math.min(lines.length - 1, index + COLLECTION_REACH); i++) {
    const text = lines[i];
    if (text.length > MAX_ASSIGNMENT_LINE) return;
    const trimmed = text.trimStart();
    if (!trimmed || (kind && i === index + 1 && trimmed.startsWith('{'))) continue;
    const at = text.length - trimmed.length;
    if (at <= indent) return; // the collection has ended
    if (entryIndent < 0) entryIndent = at;
    if (at !== entryIndent) continue;
    const entry = COLLECTION_ENTRY.exec(text);
    if (!entry) continue;
    const [, key, quote, quoted, bare] = entry;
    const value = quoted ?? bare;
    if (bare !== undefined && format !== 'config') continue;
    const words = key.split(/[_.-]|(?<=[a-z0-9])(?=[A-Z])/).map((w) => w.toLowerCase());
    if (secretNameStrength(key) || NOT_A_SECRET_ENTRY.has(words[words.length - 1]) || /^pub/.test(words[0])) continue;
    // Names and paths of secrets in a store are entries too (`api: payments-api-credentials-v2`,
    // `vault: production/k8s/token@ops`), and so are settings written in digits (`CacheTtl: "00:01:00"`).
    if (
      !hasCredentialMix(value) ||
      isCodeName(value) ||
      isWordyIdentifier(value) ||
      /^[a-z0-9_.-]+(?:\/[a-z0-9_.@-]+)+$/.test(value) ||
      /^[\d\W_]+$/.test(value)
    )
      continue;
    const start = lineStarts[i] + text.lastIndexOf(quote ? `${quote}${value}${quote}` : value) + (quote ? 1 : 0);
    addNamedValue(singular, value, start, format, add);
  }
}

/**
 * Composer's auth.json: a block of tokens by host (`"github-oauth": {`, `"bearer": {`), one `"host.name": "…"` a line
 * (a block of that name elsewhere holds settings: `"clientID"`, `"audience"`).
 */
const HOST_TOKENS = /^\s*"(github-oauth|gitlab-oauth|gitlab-token|bearer)"\s*:\s*\{\s*$/;
const HOST_TOKEN = /^(\s*"[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}"\s*:\s*")([^"\\\n]{1,500})",?\s*$/;

function scanHostTokens({ lines, lineStarts, index, format, add }: LineAt): void {
  const block = HOST_TOKENS.exec(lines[index])?.[1];
  if (!block) return;
  const name = block.endsWith('token') ? block : `${block}-token`;
  for (let i = index + 1; i <= Math.min(lines.length - 1, index + COLLECTION_REACH); i++) {
    // (GitLab's token may be an object of a user and a token, read by its own name)
    const entry = lines[i].length <= MAX_ASSIGNMENT_LINE ? HOST_TOKEN.exec(lines[i]) : null;
    if (!entry) return;
    addNamedValue(name, entry[2], lineStarts[i] + entry[1].length, format, add);
  }
}

/** Consul's `acl {` block just above a line. */
const inConsulAcl = (lines: readonly string[], index: number): boolean =>
  lines.slice(Math.max(0, index - 4), index).some((line) => /^\s*acl\s*=?\s*\{\s*$/.test(line));

/** A call given a setting's name, its line ending after the comma: `values.Add("MerchantKey",`, `props.put("…",`. */
const NAMED_ARGUMENT_AT_END =
  /\b(?:Add|TryAdd|add|put|Put|set|Set|setProperty|SetValue)\(\s*["']([A-Za-z_][\w.:-]{0,79})["']\s*,\s*$/;

/** `values.Add("MerchantKey",` and the value on the next line: a formatter moved the long literal down. */
function scanNamedArgumentBelow({ lines, lineStarts, index, format, add }: LineAt): void {
  const line = lines[index];
  if (!line.trimEnd().endsWith(',')) return;
  const key = NAMED_ARGUMENT_AT_END.exec(line)?.[1];
  const next = lines[index + 1];
  const value = key && next !== undefined && next.length <= MAX_ASSIGNMENT_LINE ? VALUE_ALONE.exec(next) : null;
  if (key && value) addNamedValue(key, value[3], lineStarts[index + 1] + value[1].length + 1, format, add);
}

/** A builder's append of a parameter's name and `=` (`sb.Append("&apikey=");`, Kotlin's `append("password=")`). */
const APPENDED_NAME = /\b[Aa]ppend\(\s*"[^"\n]{0,200}?([A-Za-z_][\w.-]{0,60})[=:]"\s*\)\s*;?\s*$/;
/** The next append, of a literal alone: the parameter's value. */
const APPENDED_VALUE = /^(\s*(?:\w{1,40}\s*)?\.?[Aa]ppend\(\s*)"([^"\\\n]{1,500})"\s*\)\s*;?\s*$/;

/** A URL or connection string built by appends, the value in the append after its name's. */
function scanAppendedValue({ lines, lineStarts, index, format, add }: LineAt): void {
  const line = lines[index];
  // (`…=")` or `…=");` ends the line: looked at from the end before the line is searched)
  let end = lastNonSpace(line, line.length - 1);
  if (line[end] === ';') end = lastNonSpace(line, end - 1);
  if (line[end] !== ')' || line[lastNonSpace(line, end - 1)] !== '"') return;
  const last = line.lastIndexOf('ppend(');
  const key = last > 0 ? APPENDED_NAME.exec(line.slice(last - 1))?.[1] : undefined; // (the line's last append only)
  const next = lines[index + 1];
  const value = key && next !== undefined && next.length <= MAX_ASSIGNMENT_LINE ? APPENDED_VALUE.exec(next) : null;
  if (key && value) addNamedValue(key, value[2], lineStarts[index + 1] + value[1].length + 1, format, add);
}

/**
 * `static final String JWT_SECRET = "…" +` and the rest on the next lines, Ruby's and Python's `"…" \` over the next
 * literal, a PHP array's `'secret' => '…' .`, or `$secret = '…'` and `. '…';` below it (the operator opens the next
 * line): a literal assigned, continued. The first literal may be empty (`sk = "" +`) or stand on the line below the
 * name (`const secretAccessKey =` then `'…' +` lines).
 */
const SPLIT_START =
  /^\s*(?:(?:export|static|final|private|public|internal|const|readonly|string|String|var|let|val)\s+)*["']?([A-Za-z_$][\w$.]{0,79})["']?\s{0,4}(?::\s{0,4}[\w<>?]{1,40}\s{0,4})?=>?\s{0,4}(?:(["'])([^"'\\\n]{0,500})\2\s*([+\\.])?)?\s*$/;
/** A literal alone on its line, continued by `+`, PHP's `.` or a line continuation. */
const SPLIT_MIDDLE = /^(\s*)(["'])([^"'\\\n]{1,500})\2\s*[+\\.]\s*$/;
/** The literal that ends it: `    "…";` after a line ending on `+`, `    . '…';` or `    + "…";` after one that does not. */
const SPLIT_END = /^(\s*)(["'])([^"'\\\n]{4,500})\2\s*[;,)]?\s*$/;
const SPLIT_JOINED_END = /^(\s*[.+]\s*)(["'])([^"'\\\n]{4,500})\2\s*([;,)])?\s*$/;
/** At most this many literals make one value. */
const MAX_SPLIT_PARTS = 8;

/** A secret split over lines to wrap nicely: every part is reported, judged as the value they make together. */
function scanSplitLiteral({ lines, lineStarts, index, format, add }: LineAt): void {
  const line = lines[index];
  const last = line.trimEnd().slice(-1);
  if (!last || !'+\\.=\'"'.includes(last) || line.length > MAX_ASSIGNMENT_LINE) return;
  const start = SPLIT_START.exec(line);
  if (!start) return;
  const [, name, quote, first, operator] = start;
  const parts: { text: string; start: number }[] = [];
  if (first) parts.push({ text: first, start: lineStarts[index] + line.lastIndexOf(`${quote}${first}${quote}`) + 1 });
  const literalAt = (at: number, pattern: RegExp): RegExpExecArray | null =>
    at < lines.length && lines[at].length <= MAX_ASSIGNMENT_LINE ? pattern.exec(lines[at]) : null;
  const partOf = (literal: RegExpExecArray, at: number) => ({
    text: literal[3],
    start: lineStarts[at] + literal[1].length + 1,
  });
  let at = index + 1;
  // Each line ends on the operator (`"…" +`), up to a literal that ends the statement; an empty first literal (`sk = ""
  // +`) makes that one enough. A value alone below a name is scanWrappedValue's.
  if (operator || !quote) {
    for (let middle = literalAt(at, SPLIT_MIDDLE); middle && parts.length < MAX_SPLIT_PARTS;) {
      parts.push(partOf(middle, at));
      middle = literalAt(++at, SPLIT_MIDDLE);
    }
    const end = literalAt(at, SPLIT_END);
    if (end && (quote || parts.length)) {
      parts.push(partOf(end, at));
      addSplitValue(name, parts, format, add);
    }
    if (quote || parts.length) return;
  }
  // Or each next line opens with it (`. '…'`, `+ "…"`), below the name's literal or a literal alone below the name.
  if (!quote) {
    const alone = literalAt(at, LITERAL_LINE);
    if (!alone) return;
    parts.push(partOf(alone, at++));
  }
  for (let joined = literalAt(at, SPLIT_JOINED_END); joined && parts.length < MAX_SPLIT_PARTS;) {
    parts.push(partOf(joined, at));
    joined = joined[4] ? null : literalAt(++at, SPLIT_JOINED_END); // (`;`, `,` or `)` ends the statement)
  }
  if (parts.length > 1) addSplitValue(name, parts, format, add);
}

/**
 * A statement that assigns a lookup and goes on below (`var key = Environment.GetEnvironmentVariable("X")`,
 * `public string JwtKey =>`, `var jwtKey =`), or a field that does (`secret_access_key: env::var("X")`).
 */
const ASSIGNS_AND_GOES_ON =
  /^\s*(?:(?:var|let|const|val|final|private|public|internal|protected|static|readonly|string|String)\s+)*([A-Za-z_$][\w$.]{0,79})\s{0,4}(?::\s{0,4}[\w<>?]{1,40}\s{0,4})?(?:=(?![=>])|=>|:(?![:=]))\s*(?:\S[^;]*)?$/;
/** `??`, `||`, Kotlin's and PHP's `?:`, or a ternary's `?` or `:` (not `?.`, `::`). */
const FALLBACK_OPERATOR = String.raw`(?:\?\?|\|\||\?:|[?:](?![?:.]))`;
/** A fallback by method: Rust's `.unwrap_or_else(|_| "…".to_string())`, Java's `.orElse("…")`, `.getOrElse(`. */
const FALLBACK_METHOD = String.raw`\.(?:unwrap_or(?:_else)?|(?:get)?[oO]rElse)\(\s*(?:\|\w{0,8}\|\s*)?`;
/**
 * A line that goes on with a fallback (`?? configuration["ApiKey"]`, `|| process.env.X`, `.unwrap_or("…")`) or a
 * ternary's branch.
 */
const FALLBACK_LINE = new RegExp(String.raw`^\s*(?:${FALLBACK_OPERATOR}|${FALLBACK_METHOD})\s*\S`);
/** A line (`end`: trimmed at its end) that ends on a fallback operator: the fallback follows on the next line. */
const endsOnFallback = (end: string): boolean => end.endsWith('??') || end.endsWith('||');
/** The line ends on `=`, `=>`, `??` or `||`: what it assigns, or falls back to, goes on below (every named line asks). */
function endsOnOperator(line: string): boolean {
  const end = line.trimEnd();
  return end.endsWith('=') || end.endsWith('=>') || endsOnFallback(end);
}
/**
 * The chain's last fallback, a literal: `?? "…";`, `|| '…',`, `.unwrap_or_else(|_| "…".to_string());` (or the
 * literal alone after a line ending on `??`).
 */
const FALLBACK_LITERAL_TO_END = String.raw`(["'])([^"'\\\n]{1,500})\2(?:\.(?:to_string|to_owned|into)\(\))?[ \t]*(?:\)[ \t]*)?(?:[;,][ \t]*)?$`;
const LITERAL_FALLBACK = new RegExp(
  String.raw`^(\s*(?:${FALLBACK_OPERATOR}\s*|${FALLBACK_METHOD})?)${FALLBACK_LITERAL_TO_END}`,
);
/** A lookup with its literal fallback at the end of the line (`Environment.GetEnvironmentVariable("X") ?? "…";`). */
const TRAILING_FALLBACK = new RegExp(String.raw`(\s(?:\?\?|\|\||\?:)\s*)${FALLBACK_LITERAL_TO_END}`);
/** How many lines below its name a chain's literal may stand. */
const CHAIN_REACH = 5;

/**
 * `var key = Environment.GetEnvironmentVariable("API_KEY")\n    ?? configuration["ApiKey"]\n    ?? "…";`: a lookup's
 * literal fallback a few lines below the name it is assigned to (`string Key =\n    Lookup("X") ?? "…";` too).
 */
function scanFallbackChain({ lines, lineStarts, index, format, add }: LineAt): void {
  const next = lines[index + 1];
  // cheap checks first: most lines that name a secret are not followed by a fallback
  if (next === undefined || !(FALLBACK_LINE.test(next) || endsOnOperator(lines[index]))) return;
  const key = ASSIGNS_AND_GOES_ON.exec(lines[index])?.[1];
  if (!key) return;
  // `var jwtKey =` ends its line: the lookup that starts the chain is on the next
  let opens = /(?:=|=>)\s*$/.test(lines[index]);
  for (let i = index + 1; i <= Math.min(lines.length - 1, index + CHAIN_REACH); i++) {
    const text = lines[i];
    const goesOn = FALLBACK_LINE.test(text) || endsOnFallback(lines[i - 1].trimEnd());
    if (text.length > MAX_ASSIGNMENT_LINE || !(goesOn || opens)) return;
    const literal = goesOn ? LITERAL_FALLBACK.exec(text) : null;
    if (literal) {
      addNamedValue(key, literal[3], lineStarts[i] + literal[1].length + 1, format, add);
      return;
    }
    // the lookup that opens the chain may end in its fallback on the same line
    const trailing = opens ? TRAILING_FALLBACK.exec(text) : null;
    if (trailing) {
      addNamedValue(key, trailing[3], lineStarts[i] + trailing.index + trailing[1].length + 1, format, add);
      return;
    }
    opens = false;
  }
}

/** Ruby's `ENV.fetch("SECRET_KEY_BASE") {` (or `do`) ending its line: the block computes the default. */
const OPENS_FETCH_BLOCK = /\bENV\.fetch\(\s*["']([A-Za-z_]\w{0,79})["']\s*\)\s*(?:\{|do)\s*(?:\|\w*\|\s*)?$/;
/** Rust's `env::var("JWT_SECRET").unwrap_or_else(|_| {` ending its line: so does the closure. */
const OPENS_FALLBACK_CLOSURE = /\benv::var\(\s*"([A-Za-z_]\w{0,79})"\s*\)\s*\.unwrap_or_else\(\s*\|\w*\|\s*\{\s*$/;
/** The block's value: a literal alone on its line. */
const LITERAL_LINE = /^(\s*)(["'])([^"'\\\n]{1,500})\2\s*$/;
/** How many lines a fetch block's literal may stand below its opening. */
const BLOCK_REACH = 4;

/**
 * `ENV.fetch("SECRET_KEY_BASE") {\n  "…"\n}`: the literal a Ruby fetch block returns is the variable's default (a block
 * that generates one, `SecureRandom.hex(64)`, holds no literal line); so is a Rust closure's last expression
 * (`"…".to_string()`), after a warning it may log first.
 */
function scanFetchBlock({ lines, lineStarts, index, format, add }: LineAt): void {
  const line = lines[index];
  const ruby = line.includes('ENV.fetch') ? OPENS_FETCH_BLOCK.exec(line) : null;
  const rust = !ruby && line.includes('unwrap_or_else(') ? OPENS_FALLBACK_CLOSURE.exec(line) : null;
  const name = (ruby ?? rust)?.[1];
  if (!name) return;
  for (let i = index + 1; i <= Math.min(lines.length - 1, index + BLOCK_REACH); i++) {
    const text = lines[i];
    if (/^\s*(?:\}|end\b)/.test(text) || text.length > MAX_ASSIGNMENT_LINE) return;
    // (not a literal that is a call's argument: `panic!(` over `"JWT_SECRET must be set"`)
    if (rust && lines[i - 1].trimEnd().endsWith('(')) continue;
    const literal = (ruby ? LITERAL_LINE : RUST_TAIL_LITERAL).exec(text);
    if (literal) {
      const [quote, value] = ruby ? [literal[2], literal[3]] : [literal[1], literal[2]];
      addNamedValue(name, value, lineStarts[i] + text.indexOf(quote) + 1, format, add);
      return;
    }
  }
}

/**
 * A function's header: `func GetJWTSecret() string {`, `public String getApiKey() {`, `def secret_key(self):`; or a
 * function literal a variable is given, called on the spot or later (`var signingKey = func() []byte {`, `const secret
 * = (() => {`).
 */
const FUNCTION_HEADER =
  /(?:\bfunc(?:\s*\([^()]{0,80}\))?|\bdef|\bfunction|\bfun|\bfn|\b(?:public|private|protected|internal|static)(?:\s+[\w<>[\],.?]{1,60}){1,3})\s+([A-Za-z_]\w{0,79})\s*\(|\b(?:var|let|const)\s+([A-Za-z_]\w{0,79})\s*=\s*\(?\s*(?:func|function|\(\)\s*=>)/;
/** What an accessor's name starts with before the thing it returns. */
const ACCESSOR = /^(?:get|Get|fetch|Fetch|load|Load|default|Default)_?(?=[A-Za-z])/;
const RETURNS_LITERAL = /\breturn\s+(?:\[\]byte\(|[bB](?=["']))?(["'\x60])([^"'\x60\\\n]{1,500})\1/;
/** Rust's last expression is the value a function returns: a line that is only a literal (`"…".to_string()`). */
const RUST_TAIL_LITERAL =
  /^\s*(?:String::from\(\s*)?(")([^"\\\n]{1,500})"(?:\.(?:to_string|to_owned|into)\(\))?\s*\)?\s*$/;
/** How many lines below its header a function's literal return may stand. */
const RETURN_REACH = 6;
/** A Ruby method without parameters (`def secret_key`), whose last expression is what it returns. */
const RUBY_DEF = /^\s*def\s+(?:self\.)?([A-Za-z_]\w{0,79})\s*$/;
const RUBY_TAIL_LITERAL = /^(\s*)(["'])([^"'\\\n#]{1,500})\2(?:\.freeze)?\s*$/;

/** `def secret_key` over a line that is only a literal and then `end`: the method returns it. */
function scanRubyReader({ lines, lineStarts, index, format, add }: LineAt): void {
  const name = RUBY_DEF.exec(lines[index])?.[1];
  const body = lines[index + 1];
  if (!name || body === undefined || !/^\s*end\b/.test(lines[index + 2] ?? '') || !secretNameStrength(name)) return;
  const m = RUBY_TAIL_LITERAL.exec(body);
  if (m) addNamedValue(name, m[3], lineStarts[index + 1] + m[1].length + 1, format, add);
}

/**
 * `func GetJWTSecret() string { …; return "…" }`: a function named after a secret that returns a literal returns the
 * secret (also as the fallback of a lookup: `if s == "" { return "…" }`). The first literal return within a few lines.
 */
function scanGetterReturn({ lines, lineStarts, index, format, add }: LineAt): void {
  const line = lines[index];
  if (!line.includes('(')) return scanRubyReader({ lines, lineStarts, index, format, add });
  const header = FUNCTION_HEADER.exec(line);
  const name = (header?.[1] ?? header?.[2])?.replace(ACCESSOR, '');
  if (!header || !name || !secretNameStrength(name)) return;
  const rust = /^fn\b/.test(header[0]);
  for (let i = index; i <= Math.min(lines.length - 1, index + RETURN_REACH); i++) {
    const text = lines[i];
    if (text.length > MAX_ASSIGNMENT_LINE) return;
    if (i > index && FUNCTION_HEADER.test(text)) return; // the next function
    const m = RETURNS_LITERAL.exec(text) ?? (rust ? RUST_TAIL_LITERAL.exec(text) : null);
    if (!m) continue;
    addNamedValue(name, m[2], lineStarts[i] + text.indexOf(m[1] + m[2] + m[1], m.index) + 1, format, add);
    return;
  }
}

/**
 * A .NET settings property (Settings.Designer.cs / .vb): `Public ReadOnly Property SmtpPassword() As String`; a Rust
 * command line's field (clap, structopt): `pub cache_password: String,`.
 */
const SETTING_PROPERTY =
  /^\s*(?:(?:Public|public)\s+(?:(?:ReadOnly|Overridable|virtual)\s+)?(?:Property\s+(\w{1,80})\(\)|\w+\s+(\w{1,80})\s*\{)|(?:pub(?:\([\w:]{1,20}\))?\s+)?([a-z_]\w{0,79})\s*:\s*(?:String|Option<String>|SecretString)\s*,)/;
/** Its default, given by the attribute on a line above it (`#[arg(long, default_value = "…")]` in Rust). */
const SETTING_DEFAULT =
  /DefaultSettingValue(?:Attribute)?\("([^"\n]{1,500})"\)|#\[(?:arg|clap|structopt)\([^\]\n]{0,200}\bdefault_value(?:_t)?\s*=\s*"([^"\n]{1,500})"/d;

/**
 * A generated settings class: the designer writes each setting's default in an attribute on the line above its
 * property (`DefaultSettingValueAttribute("…")>` then `… Property SmtpPassword()`), so the name follows the value; so
 * does clap's `#[arg(default_value = "…")]` above its field.
 */
function scanSettingDefault({ lines, lineStarts, index, format, add }: LineAt): void {
  // (cheap words first: every named line of code asks)
  if (!lines[index].includes('ublic') && !lines[index].includes('String')) return;
  const property = SETTING_PROPERTY.exec(lines[index]);
  const name = property?.[1] ?? property?.[2] ?? property?.[3];
  if (!name) return;
  for (let i = index - 1; i >= Math.max(0, index - 2); i--) {
    const m = lines[i].length <= MAX_ASSIGNMENT_LINE ? SETTING_DEFAULT.exec(lines[i]) : null;
    if (m) {
      const group = m[1] === undefined ? 2 : 1;
      addNamedValue(name, m[group], lineStarts[i] + m.indices![group]![0], format, add);
      return;
    }
  }
}

/** `gin.Accounts{` (Gin's basic auth) left open at the end of its line. */
const OPENS_ACCOUNTS = /\bAccounts\{\s*(?:\/\/.*)?$/;
/** express-basic-auth's options opened on a line of their own (`basicAuth({`), its `users: {` just below. */
const OPENS_BASIC_AUTH = /\bbasicAuth\(\s*\{?\s*$/;
const OPENS_USERS = /^\s*\{?\s*users\s{0,4}:\s{0,4}\{\s*$/;
/**
 * One account of the map on a line of its own: `"admin": "x",` (Go, its values aligned by gofmt), `admin: 'x',`,
 * `'ops-team': "x",` (JS).
 */
const ACCOUNT_LINE =
  /^\s*(?:"[^"\n]{1,64}"|'[^'\n]{1,64}'|[A-Za-z_$][\w$]{0,63})\s{0,4}:\s{0,40}(["'])([^"'\n]{1,200})\1,?\s*(?:\/\/.*)?$/;
/** How many accounts below its opening line a map is read. */
const ACCOUNT_REACH = 10;

/**
 * `gin.BasicAuth(gin.Accounts{\n  "admin": "x",\n})`, `basicAuth({\n  users: {\n    admin: 'x',`: each user's password
 * on a line of its own.
 */
function scanAccountLines({ lines, lineStarts, index, format, add }: LineAt): void {
  const line = lines[index];
  let first: number;
  if (line.includes('Accounts{') && OPENS_ACCOUNTS.test(line)) first = index + 1;
  else if (line.includes('basicAuth(') && OPENS_BASIC_AUTH.test(line)) {
    const users = [index + 1, index + 2].find((i) => OPENS_USERS.test(lines[i] ?? ''));
    if (users === undefined) return;
    first = users + 1;
  } else return;
  for (let i = first; i < Math.min(lines.length, first + ACCOUNT_REACH); i++) {
    const m = ACCOUNT_LINE.exec(lines[i]);
    if (!m) return;
    const password = m[2];
    if (password.length < 8 || !hasCredentialMix(password)) continue; // Gin's own example: "foo": "bar", "austin": "1234"
    const start = lineStarts[i] + lines[i].lastIndexOf(`${m[1]}${password}${m[1]}`) + 1;
    addNamedValue('BASIC_AUTH_PASSWORD', password, start, format, add);
  }
}
