/**
 * Delimited exports (`.csv`, `.tsv`): the header names each column, so a value under `password`, `api_key` or a TOTP
 * seed's column is that credential in every row (a user import's temporary passwords, a password manager's export).
 * Fields split at the delimiter outside double quotes; each row is read once, so the cost stays linear. The header
 * decides rows far below it: such a file is scanned whole again on every edit.
 */
import { PRIORITY, type Add, type Window } from './context';
import { valueCandidate } from './assignments';

const DELIMITED = /\.(?:csv|tsv)$/i;
/** A TOTP seed's column (a password manager's export): the seed is a secret like the password beside it. */
const TOTP_COLUMN = /^(?:totp|otp|mfa|2fa)(?:[_ -]?(?:secret|seed|key))?$/i;
const MAX_FIELD = 1000;

export function isDelimitedExport(path: string | undefined): boolean {
  return !!path && DELIMITED.test(path);
}

export function scanDelimitedColumns({ lines, lineStarts, path }: Window, add: Add): void {
  if (!isDelimitedExport(path)) return;
  const headerLine = lines.findIndex((line) => line.trim() !== '');
  if (headerLine < 0) return;
  const header = lines[headerLine];
  const delimiter =
    /\.tsv$/i.test(path ?? '') || header.includes('\t')
      ? '\t'
      : header.includes(';') && !header.includes(',')
        ? ';'
        : ',';
  // `Access Key Id` (a cloud console's download) is read as `Access_Key_Id`
  const columns = fieldsOf(header, delimiter).map(({ text }) =>
    TOTP_COLUMN.test(text) ? 'totp_secret' : text.trim().replace(/\s+/g, '_'),
  );
  if (!columns.some((column) => valueCandidate(column, 'Kq8vL2mZp9xWbN3c', 'config'))) return;
  for (let index = headerLine + 1; index < lines.length; index++) {
    fieldsOf(lines[index], delimiter).forEach(({ text, start }, i) => {
      const column = columns[i];
      if (column === undefined || !text || text.length > MAX_FIELD) return;
      const candidate = valueCandidate(column, text, 'config');
      if (!candidate) return;
      candidate.start = lineStarts[index] + start;
      candidate.end = candidate.start + text.length;
      add(candidate, PRIORITY.assignment);
    });
  }
}

/** The fields of one row, unquoted, each with its offset in the line (a quoted field's doubled quotes stay). */
function fieldsOf(line: string, delimiter: string): { text: string; start: number }[] {
  const fields: { text: string; start: number }[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      const close = line.indexOf('"', i + 1);
      const end = close < 0 ? line.length : close;
      fields.push({ text: line.slice(i + 1, end), start: i + 1 });
      const next = line.indexOf(delimiter, end);
      i = next < 0 ? line.length + 1 : next + 1;
    } else {
      const next = line.indexOf(delimiter, i);
      const end = next < 0 ? line.length : next;
      fields.push({ text: line.slice(i, end).replace(/\r$/, ''), start: i });
      i = end + 1;
    }
  }
  return fields;
}
