/**
 * Seeded credentials in SQL: `INSERT INTO users (email, password) VALUES ('a@b', 'x'), (…)`. The column list names the
 * secret; the value in the same position of each row is the finding. A statement without a column list (what
 * mysqldump writes) takes the columns of the table's `CREATE TABLE` in the same text; pg_dump writes a `COPY … FROM
 * stdin;` block instead, a tab-separated line a row. Every statement is read at most once, so the cost stays linear
 * however many statements a file holds.
 */
import type { FileFormat } from '../formats';
import { PRIORITY, type Add } from './context';
import { valueCandidate } from './assignments';
import { isHashLike, isPlausibleSecret, looksGenerated } from '../values';
import { secretNameStrength } from '../rules/secretNames';
import type { Candidate } from '../types';

const TABLE = String.raw`(?<table>[\w."\x60[\]-]{1,128})`; // BigQuery's `my-project.ds.t` too
/** `INTO` is optional in T-SQL (SSMS scripts write `INSERT [dbo].[t] ([a]) VALUES (N'…')`). */
const INSERT = new RegExp(
  String.raw`\bINSERT\s+(?:IGNORE\s+)?(?:INTO\s+)?${TABLE}\s*(?:\((?<columns>[^()]{1,2000})\)\s*)?VALUES\s*`,
  'gi',
);
const CREATE_TABLE = new RegExp(
  String.raw`\bCREATE\s+(?:(?:GLOBAL\s+|LOCAL\s+)?TEMP(?:ORARY)?\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?${TABLE}\s*\(`,
  'gi',
);
const ANY_CREATE_TABLE = new RegExp(CREATE_TABLE.source, 'i');
const COLUMNLESS_INSERT = new RegExp(String.raw`\bINSERT\s+(?:IGNORE\s+)?INTO\s+${TABLE}\s*VALUES\b`, 'i');
/** Definitions in a `CREATE TABLE` that are not columns. */
const NOT_A_COLUMN = /^(?:PRIMARY|KEY|UNIQUE|CONSTRAINT|INDEX|FOREIGN|CHECK|FULLTEXT|SPATIAL|EXCLUDE|PERIOD|LIKE)$/i;
const NAME_COLUMN = /^(?:[a-z]+_)?(?:name|key|setting|param|parameter|property)$/i;
/**
 * A row's kind names its value only loosely (`(user_id, type, value)` rows hold device names and labels): only a value
 * that looks generated is its credential.
 */
const KIND_COLUMN = /^(?:[a-z]+_)?(?:kind|type)$/i;
const VALUE_COLUMN = /^(?:[a-z]+_)?(?:value|val)$/i;
/** Columns whose name says nothing of what they hold but the table's name does. */
const GENERIC_COLUMN = /^(?:key|value|key_value|value_key|val|data|content|plain|plaintext|raw)$/i;

/** A statement's rows are read at most this far. */
export const MAX_ROWS_CHARS = 20_000;

/** pg_dump's data: `COPY public.users (id, name, password) FROM stdin;`, its rows on the lines below, up to `\.`. */
const COPY = /^COPY\s+(?<table>[\w."]{1,128})\s*\((?<columns>[^()\n]{1,2000})\)\s+FROM\s+stdin;[ \t]*$/gim;

/**
 * Rows whose meaning is decided far away, so an edit anywhere needs the whole text again (`hasWholeFileConstruct`):
 * inserts without a column list (their `CREATE TABLE`) and the rows of a `COPY` block (its header).
 */
export function holdsColumnlessInserts(text: string): boolean {
  return (ANY_CREATE_TABLE.test(text) && COLUMNLESS_INSERT.test(text)) || holdsCopyRows(text);
}

const ANY_COPY = new RegExp(COPY.source, 'im');
const holdsCopyRows = (text: string): boolean => text.includes('stdin;') && ANY_COPY.test(text);

/** Whether an edit whose lines are `around` may have made such rows: one of their statements is among them. */
export const mayHoldColumnlessInserts = (around: string): boolean =>
  ANY_CREATE_TABLE.test(around) || COLUMNLESS_INSERT.test(around) || ANY_COPY.test(around);

interface Value {
  start: number;
  end: number;
  /** The unquoted text of a string literal; undefined for numbers, NULL, calls and expressions. */
  text?: string;
}

export function scanSqlInserts(text: string, format: FileFormat, add: Add): void {
  if (text.includes('stdin;')) scanCopyRows(text, format, add);
  if (!/insert\s|\(\s*values\b/i.test(text)) return;
  let tables: Map<string, string[]> | undefined;
  INSERT.lastIndex = 0;
  for (let m = INSERT.exec(text); m; m = INSERT.exec(text)) {
    const listed = m.groups!.columns;
    const table = tableName(m.groups!.table);
    const columns = listed ? listed.split(',').map(unquote) : (tables ??= tablesOf(text)).get(table);
    if (!columns && table !== 'oauth_clients') continue;
    const { rows, end } = readRows(text, INSERT.lastIndex);
    rows.forEach(columns ? rowJudge(columns, table, format, add) : passportSecret(format, add));
    INSERT.lastIndex = Math.max(INSERT.lastIndex, end);
  }
  // A table of values, its columns named after its rows: `MERGE … USING (VALUES (…), (…)) AS source (name, value)`
  VALUES_TABLE.lastIndex = 0;
  for (let m = VALUES_TABLE.exec(text); m; m = VALUES_TABLE.exec(text)) {
    const { rows, end } = readRows(text, VALUES_TABLE.lastIndex);
    COLUMNS_AFTER.lastIndex = end;
    const columns = COLUMNS_AFTER.exec(text)?.groups!.columns.split(',').map(unquote);
    if (columns) rows.forEach(rowJudge(columns, undefined, format, add));
    VALUES_TABLE.lastIndex = Math.max(VALUES_TABLE.lastIndex, end);
  }
}

/**
 * Laravel Passport's clients in a data-only dump (`mysqldump -t`: no column list, no `CREATE TABLE`): the secret is
 * the row's 40 random letters and digits, wherever its version puts the column.
 */
const passportSecret =
  (format: FileFormat, add: Add) =>
  (values: Row): void => {
    for (const { text, start, end } of values) {
      const candidate = text && /^[A-Za-z0-9]{40}$/.test(text) && seededCandidate('secret', text, format, false);
      if (candidate) add({ ...candidate, start, end }, PRIORITY.assignment);
    }
  };

/** `(VALUES` opening a table of rows (MERGE's `USING`, a `FROM`, a CTE). */
const VALUES_TABLE = /\(\s*VALUES\s*(?=\()/gi;
/** The table's end and its alias with the columns it names: `) AS source (Vendor, KeyName, KeyValue)`. */
const COLUMNS_AFTER = /\s*\)\s*(?:AS\s+)?[\w"\x60[\]]{1,128}\s*\((?<columns>[^()]{1,2000})\)/y;

type Row = readonly Value[];

/** The rows of one statement from `at` (`(…), (…)`), read at most MAX_ROWS_CHARS far, and where they end. */
function readRows(text: string, at: number): { rows: Row[]; end: number } {
  const limit = Math.min(text.length, at + MAX_ROWS_CHARS);
  const rows: Row[] = [];
  for (;;) {
    const row = readRow(text, at, limit);
    if (!row) break;
    rows.push(row.values);
    at = skipSpace(text, row.end, limit);
    if (text[at] !== ',') break;
    at = skipSpace(text, at + 1, limit);
  }
  return { rows, end: at };
}

/** `KeyName`, `key_name` and `keyName` are all `key_name` to the column patterns. */
const snakeCase = (column: string): string => column.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** What adds a row's credentials, judged by the columns' names (`table`, when known, names generic ones). */
function rowJudge(
  columns: readonly string[],
  table: string | undefined,
  format: FileFormat,
  add: Add,
): (values: Row) => void {
  const names = columns.map(snakeCase);
  // Settings tables hold the name in one column and the value in another: (setting_key, setting_value); RuoYi's
  // sys_config has two, a label and a key (`config_name` '邮件-授权码', `config_key` 'mail.smtp.password'): each is tried.
  // (a row's few names, not a table of them: the last, nearest its value, `(app_name, env_name, config_key, value)`)
  const nameColumns = names.flatMap((c, i) => (NAME_COLUMN.test(c) || KIND_COLUMN.test(c) ? [i] : [])).slice(-3);
  const salted = names.some((c) => c.includes('salt'));
  const valueColumns = names.map((c) => VALUE_COLUMN.test(c));
  const valued = valueColumns.includes(true);
  const secretTable = table === undefined ? undefined : secretTableName(table);
  return (values) =>
    values.forEach((value, i) => {
      // a settings row's name is a name, whatever the table holds (`api_key` 'google_maps' beside `api_value`); a
      // random value under a credential's name is that credential (`secret_key` beside `min_value`)
      // (a column Laravel encrypts holds `eyJpdiI6…`, base64 of `{"iv":…,"value":…,"mac":…}`: no credential at rest;
      // the same value as a session cookie or a bearer token is one, read elsewhere)
      if (
        value.text === undefined ||
        value.text.startsWith('eyJpdiI6') ||
        (valued &&
          nameColumns.includes(i) &&
          !(secretNameStrength(columns[i]) === 'strong' && looksGenerated(value.text)))
      )
        return;
      const named = valueColumns[i] ? nameColumns.filter((n) => values[n]?.text !== undefined) : [];
      const candidate = named.length
        ? namedByRow(values, named, names, value.text, format, salted)
        : columnCandidate(columns[i], names[i], value.text, format, salted, secretTable);
      if (!candidate) return;
      candidate.start = value.start;
      candidate.end = value.end;
      add(candidate, PRIORITY.assignment);
    });
}

/** A table named for secrets (`api_keys`, `authtoken_token`) says what its generic columns (`key`, `value`) hold. */
const secretTableName = (table: string): string | undefined => {
  const one = table.replace(/s$/, '');
  return secretNameStrength(one) === 'strong' ? one : undefined;
};

/** A settings row's value under the first of the row's names that makes it a secret. */
function namedByRow(
  values: readonly Value[],
  nameColumns: readonly number[],
  columns: readonly string[],
  value: string,
  format: FileFormat,
  salted: boolean,
): Candidate | undefined {
  for (const n of nameColumns) {
    if (KIND_COLUMN.test(columns[n]) && !looksGenerated(value)) continue;
    const candidate = seededCandidate(values[n].text!, value, format, salted);
    if (candidate) return candidate;
  }
  return undefined;
}

/**
 * A value under its column's name; a table named for secrets (`api_keys`) names its generic columns, where a value
 * that looks random is the secret (not `RS256` in `private_keys.data`).
 */
function columnCandidate(
  column: string | undefined,
  name: string | undefined,
  value: string,
  format: FileFormat,
  salted: boolean,
  secretTable: string | undefined,
): Candidate | undefined {
  if (column === undefined || name === undefined) return undefined;
  return (
    seededCandidate(column, value, format, salted) ??
    (secretTable &&
    GENERIC_COLUMN.test(name) &&
    (/pass|pwd/.test(secretTable) || isPlausibleSecret(value, { minLength: 16, minEntropy: 3.3, mixed: true }))
      ? seededCandidate(`${secretTable}_${name}`, value, format, salted)
      : undefined)
  );
}

/** A seeded row's value under its column's name, if it is a secret (its offsets are the caller's to set). */
export function seededCandidate(
  column: string,
  value: string,
  format: FileFormat,
  salted: boolean,
): Candidate | undefined {
  // a row with its salt stores the password's digest, and the salt is no secret (Gitea's `token_salt`)
  if (salted && (isHashLike(value) || /salt$/i.test(column))) return undefined;
  // a password column of hex digits stores the password's digest (MySQL's sakila: SHA-1 of the staff's passwords)
  if (/pass|pwd/i.test(column) && isHashLike(value)) return undefined;
  // an admin framework's documented default for new accounts (RuoYi's `sys.user.initPassword` '123456')
  if (/init(?:ial)?[_.-]?password$/i.test(column) && /^\d{6,8}$/.test(value)) return undefined;
  // a token column of 64 hex digits stores the token's SHA-256 (Laravel Sanctum, most API token tables)
  if (/token/i.test(column) && /^[0-9a-f]{64}$/.test(value)) return undefined;
  return valueCandidate(column, value, format);
}

/** A value that is an expression (`NOW()`, `(SELECT id FROM t WHERE …)`, `ARRAY['a','b']`) is at most this long. */
const MAX_EXPRESSION = 500;

/** Longer fields are data, not a credential. */
const MAX_FIELD = 1000;

/**
 * Each row of each `COPY … FROM stdin;` block: fields split at tabs, `\N` for NULL; the block ends at a line `\.`. A
 * settings table's `value` is named by the row's own name column (`smtp_password	R0ok…`).
 */
function scanCopyRows(text: string, format: FileFormat, add: Add): void {
  COPY.lastIndex = 0;
  for (let m = COPY.exec(text); m; m = COPY.exec(text)) {
    const columns = m.groups!.columns.split(',').map(unquote);
    const judge = rowJudge(columns, tableName(m.groups!.table), format, add);
    let at = text.indexOf('\n', COPY.lastIndex) + 1;
    while (at > 0 && at < text.length) {
      const newline = text.indexOf('\n', at);
      const end = newline < 0 ? text.length : newline;
      if (text.startsWith('\\.', at) && end - at <= 3) break;
      let next = at;
      judge(
        text
          .slice(at, end)
          .split('\t', columns.length)
          .map((raw) => {
            const field = raw.replace(/\r$/, '');
            const start = next;
            next += raw.length + 1;
            // `\N` is NULL; a field with escapes (`\t`, `\\`) is not the literal text it shows
            const literal = field !== '\\N' && !field.includes('\\') && field.length <= MAX_FIELD;
            return { start, end: start + field.length, text: literal ? field : undefined };
          }),
      );
      at = newline < 0 ? text.length : newline + 1;
    }
    COPY.lastIndex = Math.max(COPY.lastIndex, at);
  }
}

const unquote = (name: string): string => name.trim().replace(/^[`"[]|[`"\]]$/g, '');
/** `shop.users`, `"Users"` and `[dbo].[users]` are all `users`. */
const tableName = (name: string): string => unquote(name.split('.').pop() ?? name).toLowerCase();

/** Each `CREATE TABLE`'s column names, by table name; every definition is read once, at most MAX_ROWS_CHARS long. */
function tablesOf(text: string): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  CREATE_TABLE.lastIndex = 0;
  for (let m = CREATE_TABLE.exec(text); m; m = CREATE_TABLE.exec(text)) {
    const limit = Math.min(text.length, CREATE_TABLE.lastIndex + MAX_ROWS_CHARS);
    const columns: string[] = [];
    let depth = 0;
    let start = CREATE_TABLE.lastIndex;
    let i = start;
    for (; i < limit && depth >= 0; i++) {
      const c = text[i];
      if (c === "'") {
        i++;
        while (i < limit && text[i] !== "'") i++;
      } else if (c === '(') depth++;
      else if ((c === ',' || c === ')') && depth === 0) {
        const name = /^\s*([`"[]?[\w$]{1,128}[`"\]]?)/.exec(text.slice(start, Math.min(i, start + 300)))?.[1];
        if (name && !NOT_A_COLUMN.test(name)) columns.push(unquote(name));
        start = i + 1;
        if (c === ')') depth--;
      } else if (c === ')') depth--;
    }
    if (depth < 0) tables.set(tableName(m.groups!.table), columns);
    CREATE_TABLE.lastIndex = Math.max(CREATE_TABLE.lastIndex, i);
  }
  return tables;
}

function skipSpace(text: string, at: number, limit: number): number {
  while (at < limit && /\s/.test(text[at])) at++;
  return at;
}

/** One `( … )` row of values starting at `at`, or undefined when there is none. */
function readRow(text: string, at: number, limit: number): { values: Value[]; end: number } | undefined {
  if (text[at] !== '(') return undefined;
  const values: Value[] = [];
  let i = at + 1;
  for (;;) {
    i = skipSpace(text, i, limit);
    if (i >= limit) return undefined;
    if (text[i] === 'N' && text[i + 1] === "'") i++; // T-SQL's Unicode literal: N'…'
    const start = i;
    let literal: string | undefined;
    if (text[i] === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= limit || text[i] === '\n') return undefined;
        if (text[i] === "'" && text[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (text[i] === "'") break;
        else value += text[i++];
      }
      literal = value;
      values.push({ start: start + 1, end: i, text: literal });
      i++;
    } else {
      // (an expression is short: one that runs on, `((((…`, is no row, and a file of them is read in linear time)
      const stop = Math.min(limit, i + MAX_EXPRESSION);
      let depth = 0;
      while (i < stop && !(depth === 0 && (text[i] === ',' || text[i] === ')'))) {
        // (PostgreSQL's `ARRAY['a','b']` holds commas too)
        if (text[i] === '(' || text[i] === '[') depth++;
        else if (text[i] === ')' || text[i] === ']') depth--;
        else if (text[i] === "'") {
          // a string inside an expression (`(SELECT id FROM t WHERE name = 'x')`) is passed over (`''` too)
          i++;
          while (i < stop && text[i] !== "'" && text[i] !== '\n') i++;
          if (text[i] !== "'") return undefined;
        }
        i++;
      }
      if (i >= stop) return undefined;
      values.push({ start, end: i });
    }
    i = skipSpace(text, i, limit);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === ')') return { values, end: i + 1 };
    return undefined;
  }
}
