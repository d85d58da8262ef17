/**
 * HTML tables whose header names a credential's column (`<th>Password</th>`) or whose rows name one before its value,
 * as wiki exports (Confluence), mails and Word's HTML hold them, a row to a line or a cell to a line. One pass over the
 * lines: a cell's text is what lies before the next tag of a row or cell (or `</t…>`), at most CELL_REACH characters, so
 * cells left open cost no more than closed ones.
 */
import { secretNameStrength } from '../rules/secretNames';
import type { Add, TextWindow } from './context';
import { keyOf, reportCell } from './prose';

/** A row's or a cell's opening tag, or a table's start or end. */
const TAG = /<(tr|t[hd])\b[^<>]{0,200}>|<\/?table\b[^<>]{0,200}>/gi;
/** Markup inside a cell (`<code>`, `<span class="…">`) and non-breaking spaces: the value is the text between. */
const INNER_TAG = /<\/?[a-z][^<>]{0,200}>|&nbsp;|&#160;/gi;
/** A row's label: a few words (`Client secret`), not a path or a value (`secret/ci/app#private_key`). */
const LABEL = /^\p{L}[\p{L}\p{N} _-]{0,39}$/u;
/** How many cells of a row are read (a table of logins has a few columns: only a longer row's first are read). */
const ROW_CELLS = 32;
/** How far a cell's text is read (a value is at most 200 characters, its markup a few hundred more). */
const CELL_REACH = 1000;

/** A header cell's text on one line. */
const HEADER_CELL = /<th\b[^<>]{0,200}>([^\n]{0,300}?)<\/th>/gi;

/**
 * Whether the text holds a header naming a credential's column: its rows' findings then hang on a line far above
 * them, so an edit reads the whole text again (wholeFile.ts).
 */
export function holdsCredentialTable(text: string): boolean {
  if (!/<th\b/i.test(text)) return false;
  for (const m of text.matchAll(HEADER_CELL))
    if (secretNameStrength(keyOf(m[1].replace(INNER_TAG, ' ').trim())) === 'strong') return true;
  return false;
}

interface Cell {
  header: boolean;
  text: string;
  /** Where the text starts in the window. */
  start: number;
}

export function scanHtmlTables({ lines, lineStarts }: TextWindow, add: Add): void {
  let keys: string[] = [];
  let row: Cell[] = [];
  const endRow = (): void => {
    if (row.length && row.every((cell) => cell.header)) {
      const names = row.map((cell) => keyOf(cell.text));
      keys = names.some((key) => secretNameStrength(key) === 'strong') ? names : [];
    } else
      row.forEach((cell, column) => {
        // under its column's name, or beside its row's (`<td>Client secret</td><td>…</td>`, as Word writes tables)
        const key = keys[column] ?? (column > 0 && LABEL.test(row[column - 1].text) ? keyOf(row[column - 1].text) : '');
        reportCell(key, cell, 0, add);
      });
    row = [];
  };
  for (let r = 0; r < lines.length; r++) {
    const line = lines[r];
    if (!line.includes('<')) continue;
    let open: { from: number; header: boolean } | undefined; // the cell whose text runs to the next tag
    const closeCell = (end: number): void => {
      if (!open) return;
      const reach = line.slice(open.from, Math.min(end, open.from + CELL_REACH));
      const close = reach.indexOf('</t');
      // (markup blanked, not removed: the text keeps its place in the line)
      const text = reach.slice(0, close < 0 ? reach.length : close).replace(INNER_TAG, (t) => ' '.repeat(t.length));
      const lead = text.length - text.trimStart().length;
      row.push({ header: open.header, text: text.trim(), start: lineStarts[r] + open.from + lead });
      open = undefined;
    };
    TAG.lastIndex = 0;
    for (let m = TAG.exec(line); m; m = TAG.exec(line)) {
      closeCell(m.index);
      const tag = m[1]?.toLowerCase();
      if (tag !== 'th' && tag !== 'td') {
        endRow();
        if (!tag) keys = []; // a table starts or ends
      } else if (row.length < ROW_CELLS) open = { from: m.index + m[0].length, header: tag === 'th' };
    }
    closeCell(line.length);
  }
  endRow();
}
