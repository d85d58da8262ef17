/**
 * Secrets whose name stands on another line than their value: a value a formatter moved below its key, an XML
 * element's text on a line of its own, and the literal a function named after a secret returns. Lines are joined by `\n` (the window's line starts assume it), so the line
 * after one starts one past its end.
 */
import type { FileFormat } from '../formats';
import { MAX_ASSIGNMENT_LINE } from '../limits';
import { secretNameStrength } from '../rules/secretNames';
import { addNamedValue } from './assignments';
import type { Add } from './context';

/** Reads a line that names a secret (`lines[index]`, starting at `base`) for a value on the lines after it. */
export function scanSpanningLines(
  lines: readonly string[],
  index: number,
  base: number,
  format: FileFormat,
  add: Add,
): void {
  const line = lines[index];
  scanWrappedValue(line, lines, index, base, format, add);
  if (format === 'code') {
    scanGetterReturn(line, lines, index, base, format, add);
    scanAccountLines(line, lines, index, base, format, add);
  } else scanElementText(line, lines, index, base, format, add);
}

/** An XML element opening alone on its line: `<password>`, `<property name="hibernate.connection.password">`. */
const OPENING_TAG = /^\s*<([A-Za-z_][\w.:-]{0,79})(?:\s+(?:name|key)="([\w.:-]{1,80})")?\s*>\s*$/;
/** The element's text alone on the next line. */
const TEXT_ALONE = /^(\s*)([^<>\s]{1,500})\s*$/;

/**
 * `<property name="hibernate.connection.password">\n    s3cret\n</property>`: formatted XML puts an element's text on
 * a line of its own, between its tags.
 */
function scanElementText(
  line: string,
  lines: readonly string[],
  index: number,
  base: number,
  format: FileFormat,
  add: Add,
): void {
  if (!line.includes('<')) return;
  const tag = OPENING_TAG.exec(line);
  const text = tag && lines[index + 1] !== undefined ? TEXT_ALONE.exec(lines[index + 1]) : null;
  if (!tag || !text || !(lines[index + 2] ?? '').trimStart().startsWith(`</${tag[1]}>`)) return;
  addNamedValue(tag[2] ?? tag[1], text[2], base + line.length + 1 + text[1].length, format, add);
}

/** A key and its operator ending the line (`secretAccessKey:`, `SECRET_KEY = (`): a formatter moved the value down. */
const KEY_AT_END = /^\s*["']?([A-Za-z_$][\w.$-]{0,79})["']?\s{0,4}(?::|=|:=)\s{0,4}\(?\s*$/;
/** The line below holds only the quoted value (and what closes the statement). */
const VALUE_ALONE = /^(\s*)(["'\x60])([^"'\x60\\\n]{1,500})\2\s*\)?\s*[,;]?\s*$/;

/** `secretAccessKey:\n    "…",` (Prettier), `SECRET_KEY = (\n    "…"\n)` (Black): the value on the line after its key. */
function scanWrappedValue(
  line: string,
  lines: readonly string[],
  index: number,
  base: number,
  format: FileFormat,
  add: Add,
): void {
  let end = line.length - 1;
  while (end >= 0 && (line[end] === ' ' || line[end] === '\t' || line[end] === '\r')) end--;
  if (line[end] !== ':' && line[end] !== '=' && line[end] !== '(') return;
  const key = KEY_AT_END.exec(line)?.[1];
  const next = lines[index + 1];
  if (!key || next === undefined || next.length > MAX_ASSIGNMENT_LINE) return;
  const value = VALUE_ALONE.exec(next);
  if (!value) return;
  addNamedValue(key, value[3], base + line.length + 1 + value[1].length + 1, format, add);
}

/** A function's header: `func GetJWTSecret() string {`, `public String getApiKey() {`, `def secret_key(self):`. */
const FUNCTION_HEADER =
  /(?:\bfunc(?:\s*\([^()]{0,80}\))?|\bdef|\bfunction|\bfun|\b(?:public|private|protected|internal|static)(?:\s+[\w<>[\],.?]{1,60}){1,3})\s+([A-Za-z_]\w{0,79})\s*\(/;
/** What an accessor's name starts with before the thing it returns. */
const ACCESSOR = /^(?:get|Get|fetch|Fetch|load|Load|default|Default)_?(?=[A-Za-z])/;
const RETURNS_LITERAL = /\breturn\s+(?:\[\]byte\(|[bB](?=["']))?(["'\x60])([^"'\x60\\\n]{1,500})\1/;
/** How many lines below its header a function's literal return may stand. */
const RETURN_REACH = 6;

/**
 * `func GetJWTSecret() string { …; return "…" }`: a function named after a secret that returns a literal returns the
 * secret (also as the fallback of a lookup: `if s == "" { return "…" }`). The first literal return within a few lines.
 */
function scanGetterReturn(
  line: string,
  lines: readonly string[],
  index: number,
  base: number,
  format: FileFormat,
  add: Add,
): void {
  if (!line.includes('(')) return;
  const name = FUNCTION_HEADER.exec(line)?.[1]?.replace(ACCESSOR, '');
  if (!name || secretNameStrength(name) !== 'strong') return;
  let start = base;
  for (let i = index; i <= Math.min(lines.length - 1, index + RETURN_REACH); i++) {
    const text = lines[i];
    if (i > index) start += lines[i - 1].length + 1;
    if (text.length > MAX_ASSIGNMENT_LINE) return;
    if (i > index && FUNCTION_HEADER.test(text)) return; // the next function
    const m = RETURNS_LITERAL.exec(text);
    if (!m) continue;
    addNamedValue(name, m[2], start + m.index + m[0].length - m[2].length - 1, format, add);
    return;
  }
}

/** `gin.Accounts{` (Gin's basic auth) left open at the end of its line. */
const OPENS_ACCOUNTS = /\bAccounts\{\s*(?:\/\/.*)?$/;
/** One account of the map on a line of its own: `"admin": "x",`. */
const ACCOUNT_LINE = /^(\s*)"[^"\n]{1,64}"\s{0,4}:\s{0,4}"([^"\n]{1,200})",?\s*(?:\/\/.*)?$/;
/** How many accounts below its opening line a map is read. */
const ACCOUNT_REACH = 10;

/** `gin.BasicAuth(gin.Accounts{\n  "admin": "x",\n})`: each user's password on a line of its own. */
function scanAccountLines(
  line: string,
  lines: readonly string[],
  index: number,
  base: number,
  format: FileFormat,
  add: Add,
): void {
  if (!line.includes('Accounts{') || !OPENS_ACCOUNTS.test(line)) return;
  let start = base + line.length + 1;
  for (let i = index + 1; i < Math.min(lines.length, index + 1 + ACCOUNT_REACH); i++) {
    const m = ACCOUNT_LINE.exec(lines[i]);
    if (!m) return;
    addNamedValue('BASIC_AUTH_PASSWORD', m[2], start + lines[i].lastIndexOf(`"${m[2]}"`) + 1, format, add);
    start += lines[i].length + 1;
  }
}
