/**
 * HTML tables whose header names a credential's column (`<th>Password</th>`) or whose rows name one before its value,
 * as wiki exports (Confluence), mails and Word's HTML hold them, a row to a line or a cell to a line. One pass over the
 * lines, each read once.
 */
import { secretNameStrength } from '../rules/secretNames';
import type { Add, TextWindow } from './context';
import { keyOf, reportLabelled } from './prose';

/** A row's or a cell's opening tag, or a table's end. */
const TAG = /<(tr|t[hd])\b[^<>]{0,200}>|<\/table>/gi;
/** Markup inside a cell (`<code>`, `<span class="…">`) and non-breaking spaces: the value is the text between. */
const INNER_TAG = /<\/?[a-z][^<>]{0,200}>|&nbsp;|&#160;/gi;
/** A row's label: a few words (`Client secret`), not a path or a value (`secret/ci/app#private_key`). */
const LABEL = /^\p{L}[\p{L}\p{N} _-]{0,39}$/u;
/** A cell that holds one token. */
const VALUE = /^[^\s<>]{4,200}$/;
/** How many cells of a row are read (a row is a few columns; a longer one is data, not a table of logins). */
const ROW_CELLS = 32;

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
        if (key && VALUE.test(cell.text)) reportLabelled(key, cell.text, cell.start, add);
      });
    row = [];
  };
  for (let r = 0; r < lines.length; r++) {
    const line = lines[r];
    if (!line.includes('<')) continue;
    TAG.lastIndex = 0;
    for (let m = TAG.exec(line); m; m = TAG.exec(line)) {
      const tag = m[1]?.toLowerCase();
      if (tag !== 'th' && tag !== 'td') {
        endRow();
        if (!tag) keys = []; // the table's end
        continue;
      }
      if (row.length >= ROW_CELLS) continue;
      const from = m.index + m[0].length;
      const close = line.indexOf('</t', from);
      // (markup blanked, not removed: the text keeps its place in the line)
      const text = line.slice(from, close < 0 ? line.length : close).replace(INNER_TAG, (t) => ' '.repeat(t.length));
      const lead = text.length - text.trimStart().length;
      row.push({ header: tag === 'th', text: text.trim(), start: lineStarts[r] + from + lead });
    }
  }
  endRow();
}
