/**
 * Rows an EF Core migration seeds (what `HasData` compiles to): `migrationBuilder.InsertData(table: "ApiClients",
 * columns: new[] { "Id", "ClientSecret" }, values: new object[] { 1, "x" })`, several rows as `new object[,] { { … },
 * { … } }`, one column as `column: "ClientSecret", value: "x"` (UpdateData too). Like an SQL INSERT, the column names
 * the value in the same place. Each call is read up to the next one, at most MAX_ROWS_CHARS: the cost stays linear.
 */
import type { FileFormat } from '../formats';
import { PRIORITY, type Add } from './context';
import { MAX_ROWS_CHARS, seededCandidate } from './sqlInserts';

const INSERT_DATA = /\b(?:Insert|Update)Data\s*\(/g;
const COLUMNS = /\bcolumns:\s*new\s*(?:string\s*)?\[\]\s*\{([^{}]{1,2000})\}/;
const VALUES = /\bvalues:\s*new\s*object\s*\[(,?)\]\s*\{/;
const ONE_COLUMN = /\bcolumn:\s*"([^"\n]{1,128})"\s*,\s*value:\s*/;

interface Literal {
  start: number;
  end: number;
  /** The string's text; undefined for numbers, `null` and expressions. */
  text?: string;
}

export function scanInsertData(text: string, format: FileFormat, add: Add): void {
  if (!text.includes('Data(')) return;
  INSERT_DATA.lastIndex = 0;
  for (let m = INSERT_DATA.exec(text); m; m = INSERT_DATA.exec(text)) {
    const from = INSERT_DATA.lastIndex;
    const next = text.indexOf('Data(', from);
    const call = text.slice(from, Math.min(next < 0 ? text.length : next, from + MAX_ROWS_CHARS));
    const found = (column: string | undefined, value: Literal | undefined, salted: boolean): void => {
      if (column === undefined || value?.text === undefined) return;
      const candidate = seededCandidate(column, value.text, format, salted);
      if (!candidate) return;
      candidate.start = from + value.start;
      candidate.end = from + value.end;
      add(candidate, PRIORITY.assignment);
    };
    const one = ONE_COLUMN.exec(call);
    const listed = COLUMNS.exec(call);
    const values = VALUES.exec(call);
    if (one && (!listed || one.index < listed.index)) {
      const at = one.index + one[0].length;
      found(one[1], literalsOf(call, at - 1, ')')?.[0], false);
    } else if (listed && values) {
      const columns = [...listed[1].matchAll(/"([^"\n]{1,128})"/g)].map((c) => c[1]);
      const salted = columns.some((c) => /salt/i.test(c));
      const open = values.index + values[0].length - 1;
      const rows = values[1] ? rowsOf(call, open) : [literalsOf(call, open, '}')];
      for (const row of rows) row?.forEach((value, i) => found(columns[i], value, salted));
    }
  }
}

/** The `{ … }` rows of a two-dimensional array whose `{` is at `open`. */
function rowsOf(text: string, open: number): (Literal[] | undefined)[] {
  const rows: (Literal[] | undefined)[] = [];
  let i = open + 1;
  for (;;) {
    while (i < text.length && /[\s,]/.test(text[i])) i++;
    if (text[i] !== '{') return rows;
    const row = literalsOf(text, i, '}');
    if (!row) return rows;
    rows.push(row);
    i = row.end;
  }
}

/**
 * The comma-separated items after `open` up to the closing `close` at the same depth: string literals (`"…"`, `@"…"`)
 * with their text, anything else (numbers, `new DateTime(…)`) without. Undefined when the list does not end.
 */
function literalsOf(text: string, open: number, close: ')' | '}'): (Literal[] & { end: number }) | undefined {
  const items: Literal[] = [];
  let i = open + 1;
  let start = i;
  let depth = 0;
  let literal: Literal | undefined;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const verbatim = text[i - 1] === '@';
      const begin = i + 1;
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += !verbatim && text[i] === '\\' ? 2 : 1;
      if (text[i] !== '"') return undefined;
      if (depth === 0 && /^\s*@?$/.test(text.slice(start, begin - 1)))
        literal = { start: begin, end: i, text: text.slice(begin, i) };
    } else if (c === '(' || c === '{' || c === '[') depth++;
    else if (depth > 0 && (c === ')' || c === '}' || c === ']')) depth--;
    else if (depth === 0 && (c === ',' || c === close)) {
      const plain = literal && /^\s*$/.test(text.slice(literal.end + 1, i));
      items.push(plain ? literal! : { start, end: i });
      literal = undefined;
      start = i + 1;
      if (c === close) return Object.assign(items, { end: i + 1 });
    }
  }
  return undefined;
}
