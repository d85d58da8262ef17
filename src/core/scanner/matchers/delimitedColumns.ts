/**
 * Delimited exports (`.csv`, `.tsv`, a spreadsheet saved as tab-separated text): the header names each column, so a
 * value under `password`, `api_key` or a TOTP seed's column is that credential in every row (a user import's temporary
 * passwords, a password manager's export; not an acronym that says who keeps it, `LAPS`, `SSO`).
 * Fields split at the delimiter outside double quotes, and a quoted field may span lines (a secure note, read a
 * `Label:value` line at a time); each record is read once, so the cost stays linear. The header decides rows far
 * below it: such a file is scanned whole again on every edit.
 */
import type { Add, Window } from './context';
import { addNamedValue, valueCandidate } from './assignments';
import { keyOf } from './prose';

const DELIMITED = /\.(?:csv|tsv)$/i;
/** A TOTP seed's column (a password manager's export): the seed is a secret like the password beside it. */
const TOTP_COLUMN = /^(?:totp|otp|mfa|2fa)(?:[_ -]?(?:secret|seed|key))?$/i;
const MAX_FIELD = 1000;
const ACRONYM = /^[A-Z]{2,8}$/;
/**
 * A cell that says where the credential is or how it is given, not the credential: a store named in words
 * (`1Password: Platform/CF`, `见KMS凭据 prod/rds/app`) or a remark in parentheses (`(tacacs)`, `(vault: secret/ci/bot)`).
 */
const REMARK = /^\([\p{L}\s:/._-]{1,60}\)$|^（[^（）]{1,60}）$|见|参见|凭据/u;
const STORE = /vault|1password|keepass|bitwarden|lastpass|\bkms\b|secrets? manager/i;
const describes = (value: string): boolean => REMARK.test(value) || (/\s/.test(value) && STORE.test(value));

/** A spreadsheet saved as text (`Server_Passwords.txt`): its first line holds columns split by tabs. */
const TAB_SEPARATED_TEXT = /\.txt$/i;
// (after blank lines only: a leading `\s*` read spaces twice, with the first column, and a line of spaces was quadratic)
const TABBED_HEADER = /^[\r\n]*[^\t\n]*\t[^\t\n]*\t/;

export function isDelimitedExport(path: string | undefined, text: string): boolean {
  return !!path && (DELIMITED.test(path) || (TAB_SEPARATED_TEXT.test(path) && TABBED_HEADER.test(text)));
}

export function scanDelimitedColumns({ text, lines, lineStarts, path }: Window, add: Add): void {
  if (!isDelimitedExport(path, text)) return;
  const headerLine = lines.findIndex((line) => line.trim() !== '');
  if (headerLine < 0) return;
  const header = lines[headerLine];
  const delimiter =
    /\.(?:tsv|txt)$/i.test(path ?? '') || header.includes('\t')
      ? '\t'
      : header.includes(';') && !header.includes(',')
        ? ';'
        : ',';
  // `Access Key Id` (a cloud console's download) is read as `Access_Key_Id`, `控制台密码` as `password`
  const columns = recordAt(header, 0, delimiter).fields.map(({ text }) =>
    TOTP_COLUMN.test(text) ? 'totp_secret' : keyOf(text),
  );
  if (!columns.some((column) => valueCandidate(column, 'Kq8vL2mZp9xWbN3c', 'config'))) return;
  for (let at = lineStarts[headerLine + 1] ?? text.length; at < text.length;) {
    const { fields, next } = recordAt(text, at, delimiter);
    fields.forEach(({ text: value, start }, i) => {
      const column = columns[i];
      if (column === undefined || !value || value.length > MAX_FIELD || ACRONYM.test(value)) return;
      if (value.includes('\n')) addNoteLines(value, start, add);
      else if (!describes(value)) addNamedValue(column, value, start, 'config', add);
    });
    at = next;
  }
}

/** A password manager's secure note, a `Label:value` a line (`Password:…` of LastPass' server notes). */
const NOTE_LINE = /^([A-Za-z][\w ]{0,30}):(\S[^\n]{0,199}?)\r?$/gm;

function addNoteLines(note: string, start: number, add: Add): void {
  for (const m of note.matchAll(NOTE_LINE))
    addNamedValue(m[1].replace(/ /g, '_'), m[2], start + m.index + m[1].length + 1, 'config', add);
}

/**
 * The fields of the record at `at`, unquoted, each with its offset in the text (a quoted field's doubled quotes stay),
 * and where the next record starts. A quoted field may hold delimiters and line breaks (a password manager's notes),
 * up to MAX_FIELD characters: a quote that does not close by then ends its field at the line's end.
 */
function recordAt(text: string, at: number, delimiter: string): { fields: Field[]; next: number } {
  const fields: Field[] = [];
  let i = at;
  for (;;) {
    let end: number;
    if (text[i] === '"') {
      end = closingQuote(text, i + 1);
      fields.push({ text: text.slice(i + 1, end), start: i + 1 });
      i = end + 1;
      while (i < text.length && text[i] !== delimiter && text[i] !== '\n') i++;
    } else {
      end = i;
      while (end < text.length && text[end] !== delimiter && text[end] !== '\n') end++;
      fields.push({ text: text.slice(i, end).replace(/\r$/, ''), start: i });
      i = end;
    }
    if (i >= text.length) return { fields, next: text.length };
    if (text[i] === '\n') return { fields, next: i + 1 };
    i++; // past the delimiter
  }
}

interface Field {
  text: string;
  start: number;
}

/** Where the quoted field opened before `from` closes (`""` is a quote inside it), or its line's end. */
function closingQuote(text: string, from: number): number {
  for (let j = from; j < from + MAX_FIELD;) {
    const quote = text.indexOf('"', j);
    if (quote < 0 || quote >= from + MAX_FIELD) break;
    if (text[quote + 1] !== '"') return quote;
    j = quote + 2;
  }
  const lineEnd = text.indexOf('\n', from);
  return lineEnd < 0 ? text.length : lineEnd;
}
