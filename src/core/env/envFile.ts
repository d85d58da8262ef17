/**
 * Env files (`.env`): a tolerant parser that keeps offsets (for diagnostics and edits) and an editor that changes one
 * entry while leaving every other byte alone. Pure: never imports vscode.
 *
 * Semantics (the common ground of python-dotenv, docker compose and motdotla/dotenv):
 * - `KEY=value`, optional `export ` prefix, spaces around `=` allowed; keys are `[A-Za-z_][A-Za-z0-9_.-]*`.
 * - Blank lines and lines starting with `#` are ignored. A UTF-8 BOM at the start is skipped; CRLF and LF both work.
 * - Unquoted values are trimmed; `#` starts a comment when it begins the value or follows whitespace, so
 *   `X=kms://db#password` keeps its `#password` and `X=abc # note` is `abc`.
 * - `"double"` values may span lines and decode `\n \r \t \\ \" \'` (other backslashes stay as they are); `'single'`
 * and
 *   `` `backtick` `` values are literal and may span lines too. After the closing quote only whitespace or a comment
 * may follow.
 * - A bad line is reported in `errors` and skipped; parsing never throws. For a repeated key the last entry wins.
 */
import * as l10n from '@vscode/l10n';
import { isReference } from '../reference';

export interface EnvEntry {
  key: string;
  /** The decoded value. */
  value: string;
  /** 0-based line of the key. */
  line: number;
  /** Offsets (into the text given to the parser) of the key. */
  keyStart: number;
  keyEnd: number;
  /** Offsets of the value's text: inside the quotes for a quoted value (raw, escapes not decoded). */
  valueStart: number;
  valueEnd: number;
  /** Offsets of the value as written, quotes included (what an edit replaces). */
  rawStart: number;
  rawEnd: number;
  quote?: '"' | "'" | '`';
  exported: boolean;
}

export interface EnvFileError {
  line: number;
  start: number;
  end: number;
  message: string;
}

export interface ParsedEnvFile {
  entries: EnvEntry[];
  errors: EnvFileError[];
}

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

interface Line {
  start: number;
  /** End of the line's content (before \r\n or \n). */
  end: number;
  /** Start of the next line. */
  next: number;
}

function splitLines(text: string, from: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      if (start < text.length) lines.push({ start, end: text.length, next: text.length + 1 });
      break;
    }
    const end = nl > start && text[nl - 1] === '\r' ? nl - 1 : nl;
    lines.push({ start, end, next: nl + 1 });
    start = nl + 1;
  }
  return lines;
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

export function parseEnvFile(text: string): ParsedEnvFile {
  const entries: EnvEntry[] = [];
  const errors: EnvFileError[] = [];
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = splitLines(text, bom);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    let pos = line.start;
    while (pos < line.end && isSpace(text[pos])) pos++;
    if (pos === line.end || text[pos] === '#') continue;
    const error = (message: string, start = pos, end = line.end): void => {
      errors.push({ line: index, start, end, message });
    };
    let exported = false;
    if (text.startsWith('export', pos) && isSpace(text[pos + 6])) {
      exported = true;
      pos += 6;
      while (pos < line.end && isSpace(text[pos])) pos++;
    }
    const keyStart = pos;
    while (pos < line.end && text[pos] !== '=' && !isSpace(text[pos])) pos++;
    const keyEnd = pos;
    const key = text.slice(keyStart, keyEnd);
    while (pos < line.end && isSpace(text[pos])) pos++;
    if (text[pos] !== '=' || pos >= line.end) {
      error(key ? l10n.t("Expected '=' after '{0}'.", key) : l10n.t('Expected KEY=value.'), keyStart);
      continue;
    }
    if (!key) {
      error(l10n.t("Expected a variable name before '='."), keyStart);
      continue;
    }
    if (!KEY.test(key)) {
      error(
        l10n.t("'{0}' is not a valid variable name (letters, digits and _.-, not starting with a digit).", key),
        keyStart,
        keyEnd,
      );
      continue;
    }
    pos++;
    while (pos < line.end && isSpace(text[pos])) pos++;
    const base = { key, line: index, keyStart, keyEnd, exported };
    const quote = text[pos];
    if (pos < line.end && (quote === '"' || quote === "'" || quote === '`')) {
      const rawStart = pos;
      const closing = findClosingQuote(text, pos + 1, quote);
      if (closing < 0) {
        error(l10n.t('The {0} quote opened here is never closed.', quote), rawStart);
        continue;
      }
      // Skip the lines a multi-line value spans.
      while (index + 1 < lines.length && lines[index + 1].start <= closing) index++;
      const after = lines[index];
      let rest = closing + 1;
      while (rest < after.end && isSpace(text[rest])) rest++;
      if (rest < after.end && text[rest] !== '#') {
        errors.push({
          line: index,
          start: rest,
          end: after.end,
          message: l10n.t('Unexpected text after the closing {0} quote.', quote),
        });
        continue;
      }
      const raw = text.slice(rawStart + 1, closing);
      entries.push({
        ...base,
        value: quote === '"' ? unescapeDouble(raw) : raw,
        valueStart: rawStart + 1,
        valueEnd: closing,
        rawStart,
        rawEnd: closing + 1,
        quote,
      });
      continue;
    }
    const valueStart = pos;
    let end = pos;
    while (end < line.end && !(text[end] === '#' && (end === valueStart || isSpace(text[end - 1])))) end++;
    while (end > valueStart && isSpace(text[end - 1])) end--;
    entries.push({
      ...base,
      value: text.slice(valueStart, end),
      valueStart,
      valueEnd: end,
      rawStart: valueStart,
      rawEnd: end,
    });
  }
  return { entries, errors };
}

function findClosingQuote(text: string, from: number, quote: string): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\' && quote === '"') {
      i++;
      continue;
    }
    if (text[i] === quote) return i;
  }
  return -1;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', "'": "'" };

function unescapeDouble(raw: string): string {
  const normalized = raw.replace(/\r\n/g, '\n');
  return normalized.replace(/\\(.)/gs, (all, ch: string) => ESCAPES[ch] ?? all);
}

/** The entries as a map; for a repeated key the last one wins (as in every dotenv implementation). */
export function envFileRecord(parsed: ParsedEnvFile | string): Record<string, string> {
  const { entries } = typeof parsed === 'string' ? parseEnvFile(parsed) : parsed;
  const record: Record<string, string> = {};
  for (const entry of entries) record[entry.key] = entry.value;
  return record;
}

/** How a value is written: bare when safe, else single-quoted (literal everywhere), else double-quoted with escapes. */
export function formatEnvValue(value: string): string {
  if (/^[A-Za-z0-9_./:@+=%?&~,-]*$/.test(value)) return value;
  if (!/['\n\r]/.test(value)) return `'${value}'`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

export interface UpsertOptions {
  /**
   * upsertEnvEntry writes references only, so a real secret value can never land in a file by mistake. Set this to
   * write a plain, non-secret value.
   */
  allowPlainValue?: boolean;
}

/**
 * The file text with `KEY=value` replaced (the effective, i.e. last, entry of that key: its value only — `export`,
 * spacing and trailing comment stay) or appended (with the file's line ending). Every other byte is preserved.
 */
export function upsertEnvEntry(text: string, key: string, value: string, options: UpsertOptions = {}): string {
  if (!KEY.test(key)) throw new Error(l10n.t("'{0}' is not a valid environment variable name.", key));
  if (!options.allowPlainValue && !isReference(value)) {
    throw new Error(l10n.t('Refusing to write {0}: only secret references (kms://…) are written to env files.', key));
  }
  const formatted = formatEnvValue(value);
  const { entries } = parseEnvFile(text);
  const existing = entries.filter((e) => e.key === key).pop();
  if (existing) {
    let replacement = formatted;
    // `KEY=#x` would read as an empty value followed by a comment; the formatter only produces `#` inside quotes.
    if (
      existing.rawStart === existing.rawEnd &&
      existing.rawEnd < text.length &&
      !/[\s]/.test(text[existing.rawEnd] ?? '\n')
    ) {
      replacement = `${formatted} `;
    }
    return text.slice(0, existing.rawStart) + replacement + text.slice(existing.rawEnd);
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const bomOnly = text === '\ufeff';
  const separator = text.length === 0 || bomOnly || text.endsWith('\n') ? '' : eol;
  return `${text}${separator}${key}=${formatted}${eol}`;
}
