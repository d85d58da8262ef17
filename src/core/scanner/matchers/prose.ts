/**
 * Credentials written into a document's prose rather than its code blocks: a line that is only a label and a value
 * (`Password: dijrsj54`, `- **API key**: `…``, `数据库密码：…`) or a login and its password (`Admin login: admin / …`),
 * and tables whose row or column names a credential beside its value (`| MySQL 密码 | yKOus@4276! |`). Only a strong
 * name (password, secret, token, API key) and one token that mixes letters with digits or symbols count, so sentences
 * about passwords and words in tables stay silent.
 */
import { secretNameStrength } from '../rules/secretNames';
import { hasCredentialMix } from '../values';
import type { Add } from './context';
import { addNamedValue, FILE_NAME, scanAssignments } from './assignments';

/**
 * A line that is a label and one value: list markers, bold and code spans allowed around them (any sign inside a span),
 * a remark in parentheses after the label (`Global API key (for the purge plugin): …`) or the value (`密码：… （共享账号）`),
 * or an org-mode property (`:PASSWORD: …`).
 */
const LABEL_LINE =
  /^\s*(?:[-*+]\s+|\d{1,3}\.\s+|:(?=[\p{L}\p{N}_-]{1,40}:))?(?:\*\*|__)?([\p{L}\p{N} _.-]{1,40}?)(?:\*\*|__)?(?:\s{0,4}\([^()\n]{1,60}\))?\s*[:：=]\s*(?:(?:\*\*|__)\s*)?(?:`([^\s`]{4,200})`|([^\s`*|<>/][^\s`|<>]{2,198}[^\s`*|<>]))(?:\*\*|__)?(?:\s{1,4}([(（][^()（）\n]{1,60}[)）]))?\s*$/u;
/** A remark after a value that says it is not a real one. */
const NOT_REAL_REMARK = /example|sample|placeholder|replace|fake|dummy|test|示例|样例|替换|例/i;
const HYPHENATED_WORDS = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u;
/**
 * The last clause of a sentence that labels one value: `…the Berlin office, PSK: …`, `…: `grafana-sync`, API token
 * `…`` (a code span needs no colon).
 */
const TRAILING_LABEL =
  /(?:[,;]\s+|[，；]\s*|\s[—–-]\s+)([\p{L}\p{N} _.-]{1,40}?)(?:\s*[:：=]\s*(`?)([^\s`"'()[\]{}<>]{4,200})\2|\s+`([^\s`]{4,200})`)\.?\s*$/u;
/**
 * A Chinese line's last item, its word and value parted by spaces alone: `- MySQL: 10.0.0.5:3306  用户名 park  密码 …`
 * (the groups as TRAILING_LABEL's).
 */
const CHINESE_TRAILING_LABEL =
  /(?:^|\s)(密码|口令|密钥|秘钥|令牌)(?:\s*[:：]\s*|\s+)(`?)([^\s`"'()[\]{}<>]{4,200})\2\s*$/u;
/**
 * A login and its password on one label line: `Admin login: `admin` / `…``, `Credentials: root / …`, `Admin login
 * (break-glass only): …`, `Grafana admin: `admin` / `…``, `运维账号：ops / …`.
 */
const USER_AND_PASSWORD =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__)?[\p{L}\p{N} ]{0,30}?(?:login|log-in|sign-in|sign in|credentials?|creds|account|admin|root|superuser|账号|帐号|账户)(?:\*\*|__)?(?:\s{0,4}\([^()\n]{1,40}\))?\s*[:：]\s*(`?)([a-z0-9._@-]{1,64})\1\s*\/\s*(`?)([^\s`]{4,200})\3\s*$/iu;
/**
 * An administrator's account and its password ending a line (`web-01：`47.96.123.45`，root / `…``, or before a remark
 * in parentheses): the user is a well-known administrator, the password in a code span or a token with a digit or a
 * sign.
 */
const ADMIN_AND_PASSWORD =
  /(?:^|[\s,，;；:：(（])(`?)(?:root|admin|administrator|sa|postgres|ubuntu|centos|ec2-user|oracle)\1\s*\/\s*(`?)([^\s`]{4,200})\2(?:\s*$|\s+\()/;
/**
 * A login and its password inside a sentence, both marked up (`the sudo user is `ops` / `…``, `the shared account
 * **demo@acme.io** / `…``): the password in a code span.
 */
const MARKED_USER_AND_PASSWORD =
  /\b(?:user(?:name)?|login|account|credentials?|creds)\b[:：]?(?:\*\*|__)?[^`*\n]{0,60}?(`|\*\*)([^\s`*]{1,64})\1\s*\/\s*`([^\s`]{4,200})`/iu;
/** "Password" in Spanish, Portuguese, German, French, Russian, Japanese and Korean. */
const PASSWORD_IN_OTHER_LANGUAGES = 'contraseña|senha|passwort|kennwort|mot de passe|пароль|パスワード|비밀번호';
/**
 * A password marked up right after the word that names it, inside a sentence: `Office Wi-Fi `corp`: passphrase `…``,
 * `the password is `…``, `パスワード: `…``, reStructuredText's ``` ``…`` ```, HTML's `<code>…</code>`, org-mode's `~…~`.
 */
const NAMED_CODE_SPAN = new RegExp(
  String.raw`(?:\b(?:password|passphrase|passwd|pre-shared key|psk)|${PASSWORD_IN_OTHER_LANGUAGES})(?:\s{1,4}(?:is|was))?\s{0,4}[:：=]?\s{0,4}(?:\x60\x60?([^\s\x60]{6,200})\x60|<code>([^\s<]{6,200})<\/code>|~([^\s~]{6,200})~)`,
  'giu',
);
/**
 * A password a sentence gives after `is` and its like, in English and the languages of FOREIGN_WORDS, or right after
 * its name: `the password is Dr4c…`, `The root password for the iDRACs is currently …`, `pw is …`, `La contraseña es
 * `…``, `PSK for the office Wi-Fi is `…``, `user admin, password …`, `user `app` pass `…``. A value in quotes or a code
 * span is read whole; a bare one ends before a sentence's punctuation (or the quote that ends a JSON string) and is no
 * path or variable.
 */
const PASSWORD_SENTENCE =
  /(?<![\p{L}\p{N}_])(?:password|passphrase|passwd|pw|pwd|pass(?<=(?:user|login)\b[^\n]{1,60}pass)(?=\s{1,4}[`"'])|psk|pre-shared key|contraseña|senha|passwort|kennwort|mot de passe|пароль)(?![\p{L}\p{N}_])(?:[^\n.:`=]{0,40}?\s(?:is|was|es|é|ist|est|lautet)(?:\s(?:currently|now|still|actualmente|atualmente|jetzt|aktuell|actuellement))?)?\s{1,4}(?:([`"'])([^\s`"']{5,200})\1|([^\s`"'\\/~.$%(<{[][^\s`"'\\]{3,198}[^\s`"'\\.,;:!?)]))(?=[\s.,;:!?)\\"]|$)/giu;
/**
 * A paragraph wrapped right before the password: `The staging password is` or `the portal login is `ops@acme.io` /`,
 * the password's code span opening the next line.
 */
const WRAPPED_BEFORE_PASSWORD =
  /(?:\b(?:password|passphrase)(?:\s{1,4}(?:is|was))?\s{0,4}[:=]?|\b(?:user(?:name)?|login|account|credentials?|creds)\b[^`\n]{0,60}`[^\s`]{1,64}`\s{0,4}\/)\s*$/i;
const LEADING_CODE_SPAN = /^\s*`([^\s`]{6,200})`/;
const SLUG = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
/** An environment variable's or setting's name in a table cell: `JWT_SECRET`, `` `db.password` ``. */
const VARIABLE_NAME = /^`?[A-Za-z_][\w.-]{2,80}`?$/;
/**
 * The rule below a table's header, trimmed (spaces around it, read by the pattern, made it quadratic): Markdown's
 * `|---|---|`, org-mode's `|---+---|`, reStructuredText's `+===+===+`.
 */
const TABLE_RULE = /^(?:\|?\s*:?-{3,}:?(?:\s*[|+]\s*:?-{3,}:?)*\s*\|?|\+(?:=+\+)+)$/;
/** The line between a reStructuredText grid table's rows: `+-----+-----+`. */
const GRID_LINE = /^\s*\+(?:-+\+)+\s*$/;
/** A DokuWiki table's header: `^ Server ^ Benutzer ^ Passwort ^` (its rows are `| … |`). */
const DOKUWIKI_HEADER = /^\s*\^.*\^\s*$/;
/**
 * Words for credentials in Chinese documents: 密码 and 口令 (password), 密钥 and 秘钥 (secret key), 令牌 (token), an
 * account's label (账号：); and an administrator's label before a login (`Grafana admin: `admin` / `…``) or account
 * before a password (`root / …`).
 */
export const PROSE_WORDS = [
  '密码',
  '口令',
  '密钥',
  '秘钥',
  '令牌',
  'admin:',
  'admin**:',
  'root:',
  'superuser:',
  'root /',
  'admin /',
  '` / `',
  '** / `',
  '账号：',
  '帐号：',
  '账户：',
  'contraseña',
  'senha',
  'passwort',
  'kennwort',
  'mot de passe',
  'пароль',
  'パスワード',
  '비밀번호',
  'секретн',
  'clé ',
  'creds:',
  'schlüssel',
];
/** A credential's word in Chinese and other languages, and the key it stands for. */
const FOREIGN_WORDS = [
  [/密码|口令/, 'password'],
  [new RegExp(PASSWORD_IN_OTHER_LANGUAGES, 'i'), 'password'],
  // French keys (`Clé API : …`, `Clé secrète : …`)
  [/cl[ée]\s(?:d['’])?api/i, 'api_key'],
  [/cl[ée]\ssecr[èe]te/i, 'secret_key'],
  [/cl[ée]\s(?:wpa2?|wi-?fi|wlan)\s*$/i, 'psk'], // `Clé WPA2 : …`
  // German compounds, the label's last word (`API-Schlüssel`, `WLAN-Schlüssel`; not `WLAN-Schlüssel-Typ`)
  [/api-?schlüssel\s*$/i, 'api_key'],
  [/(?:wlan|wifi|wi-fi|wpa2?|netzwerk)-?schlüssel\s*$/i, 'psk'],
  [/geheime[rn]?\sschlüssel\s*$/i, 'secret_key'],
  [/[密秘]钥|секретн[а-я]{0,3} ключ/i, 'secret_key'], // (and Russian's, `секретный ключ: …`)
  [/令牌/, 'token'],
] as const;
/** Chinese, Japanese and Korean, written without spaces between words. */
const HAN = /\p{Script=Han}|\p{Script=Hangul}|\p{Script=Katakana}|\p{Script=Hiragana}/u;
/** How many rows below its header a table's values are read. */
const TABLE_ROWS = 50;

/** The key a label stands for: `MySQL password` → `mysql_password`, `数据库密码` → `password`. */
export function keyOf(label: string): string {
  for (const [pattern, key] of FOREIGN_WORDS) if (pattern.test(label)) return key;
  return label
    .trim()
    .replace(/[^\w]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The cells between a row's bars (`separator`: `^` in a DokuWiki header). */
function cellsOf(row: string, separator = '|'): { text: string; start: number }[] {
  const cells: { text: string; start: number }[] = [];
  const open = row.indexOf(separator);
  const close = row.lastIndexOf(separator);
  let start = open + 1;
  for (let i = start; i <= close; i++) {
    if (row[i] !== separator || row[i - 1] === '\\') continue;
    const raw = row.slice(start, i);
    const lead = raw.length - raw.trimStart().length;
    cells.push({ text: raw.trim(), start: start + lead });
    start = i + 1;
  }
  return cells;
}

/**
 * A row about a secret in a store, named by its path or kebab-case name, with a word beside it (its type, `Generic`):
 * `| \`app-jwt-signing-key\` | Generic | manual |` describes the secret, it does not hold it.
 */
const describesStoredSecret = (name: string, value: string): boolean =>
  /^[A-Z][a-z]{2,}$/.test(value) && /^`?[a-z0-9]+(?:[/-][a-z0-9]+){2,}`?$/.test(name);

/** A cell's value: one token (a code span's content, DokuWiki's monospace `''…''`), or nothing. */
function tokenOf(cell: { text: string; start: number }): { value: string; start: number } | undefined {
  const m = /^(`|'')?([^\s`|]{4,200})\1$/.exec(cell.text);
  return m ? { value: m[2], start: cell.start + (m[1]?.length ?? 0) } : undefined;
}

/** A value a document labels with `key`: reported when the key names a credential outright and the value is one. */
export function reportLabelled(key: string, value: string, start: number, add: Add): void {
  // Prose names a credential outright (`password`, `API key`): a weak name (`GPG key`) labels fingerprints and ids.
  if (key && secretNameStrength(key) === 'strong' && hasCredentialMix(value))
    addNamedValue(key, value, start, 'docs', add);
}

/** A table cell's value under the name of its column or row (`lineStart`: where the cell's offsets count from). */
export function reportCell(
  key: string | undefined,
  cell: { text: string; start: number },
  lineStart: number,
  add: Add,
): void {
  const token = tokenOf(cell);
  if (token && key) reportLabelled(key, token.value, lineStart + token.start, add);
}

/**
 * A password in a sentence: letters and digits with a capital or a sign; not a slug (`is 8-chars-long`) nor a term and
 * the words after it (`is SHA256-hashed`, `Base64-encoded`, `WPA2-Enterprise`, `1Password-managed`), which describe it.
 */
const spelledOutPassword = (value: string): boolean =>
  /\d/.test(value) &&
  /\p{L}/u.test(value) &&
  /[A-Z]|[^\p{L}\p{N}]/u.test(value) &&
  !SLUG.test(value) &&
  !/^(?:\p{L}+\d*|\d\p{L}+)(?:-\p{L}\p{Ll}+)+$|^\p{Lu}+\d*(?:-(?:\p{Lu}+|\d+))+$/u.test(value);

/**
 * The passwords a line's sentences give (also a message's text in a chat or ticket export's JSON, where an escaped
 * `\n` ends a value as a space would).
 */
export function scanSentences(line: string, base: number, add: Add): void {
  // (`exec`, not `matchAll`, whose copy of the pattern for every line cost more than the search)
  PASSWORD_SENTENCE.lastIndex = 0;
  for (let said = PASSWORD_SENTENCE.exec(line); said; said = PASSWORD_SENTENCE.exec(line)) {
    const value = said[2] ?? said[3];
    if (spelledOutPassword(value))
      reportLabelled('password', value, base + said.index + said[0].lastIndexOf(value), add);
  }
  if (!line.includes('密码') && !line.includes('口令')) return;
  CHINESE_PASSWORD_SENTENCE.lastIndex = 0;
  for (let said = CHINESE_PASSWORD_SENTENCE.exec(line); said; said = CHINESE_PASSWORD_SENTENCE.exec(line)) {
    const end = said.index + said[0].length;
    if (NOT_REAL_REMARK.test(line.slice(end, end + 30))) continue; // `密码为：Abc@12345（示例）`
    // (a label's colon needs no capital or sign: `密码：maple.kirschbaum76`)
    if (spelledOutPassword(said[2]) || (/\d/.test(said[2]) && /[A-Za-z]/.test(said[2])))
      reportLabelled('password', said[2], base + said.index + said[0].lastIndexOf(said[2]), add);
  }
}

/**
 * A password a Chinese sentence gives, after 为/是/设置成 or a colon: `初始密码统一为 `…``, `root 密码统一设置成 …，`,
 * `密码：…` inside a chat message's text: the word right before the verb (`密码长度为…` gives a rule), the password in ASCII
 * and ending where the sentence or the text does (`密码是AES-256-GCM加密` says how it is kept).
 */
const CHINESE_PASSWORD_SENTENCE =
  /(?:密码|口令)(?:统一|都|均|一律|全部|暂时|临时|已经?|也|仍然?)?(?:为|是|设置成|设置为|设为|改为|改成|[:：])\s{0,4}(`?)([A-Za-z0-9@!%^&*_+=~.:?][\x21\x23-\x26\x2a-\x5f\x61-\x7e]{3,199})\1(?=$|[\s，。；、！？,;!?）)"'\\])/gu;

/** HTML that wraps a line's text (an email's `<p>Passwort: …<br>`, a wiki export's `<li>…</li>`). */
const WRAPPING_TAG = /^<\/?(?:p|li|div|td|th|span|br|b|strong|em|font)\b[^<>]{0,80}>$/i;
const LEADING_TAGS = /^\s*(?:<(?:p|li|div|td|th|span|br|b|strong|em|font)\b[^<>]{0,80}>\s{0,4})+/i;

/** The line with the HTML that wraps its text as spaces (offsets stay), so it reads as a label line would. */
function untagged(line: string): string {
  if (!line.includes('<')) return line;
  let end = line.length;
  for (;;) {
    const text = line.slice(0, end).trimEnd();
    const open = text.endsWith('>') ? text.lastIndexOf('<') : -1;
    if (open < 0 || !WRAPPING_TAG.test(text.slice(open))) break;
    end = open;
  }
  const start = LEADING_TAGS.exec(line.slice(0, end))?.[0].length ?? 0;
  if (start === 0 && end === line.length) return line;
  return ' '.repeat(start) + line.slice(start, end) + ' '.repeat(line.length - end);
}

/** An email's quote marks (`> > password: …`) as spaces, so the quoted line reads as it was written. */
function unquoted(line: string): string {
  const marks = /^(?:[ \t]*>)+/.exec(line);
  return marks ? ' '.repeat(marks[0].length) + line.slice(marks[0].length) : line;
}

/**
 * An administrator's account and its password ending `text` (which starts at `start`). In a table's cell or before a
 * remark the password must be spelled out as one (`| postgres / 5432 |`, `admin / editor-v2 (beta)` are no passwords).
 */
function reportAdmin(text: string, start: number, add: Add, cell = false): void {
  const admin = text.includes('/') ? ADMIN_AND_PASSWORD.exec(text) : null;
  const value = admin?.[3];
  if (!value || !/[^A-Za-z]/.test(value) || ((cell || admin[0].endsWith('(')) && !spelledOutPassword(value))) return;
  reportLabelled('password', value, start + admin.index + admin[0].lastIndexOf(value), add);
}

/** Reads one prose line of a document (`lineStarts[index]` is where it starts). */
export function scanProse(lines: readonly string[], lineStarts: readonly number[], index: number, add: Add): void {
  const read = untagged(unquoted(lines[index]));
  // Read from the first character that is not a space: the patterns open with `^\s*` and read spaces again further on
  // (a label's own words, the spaces before its colon), which on a long indentation was quadratic.
  const indent = read.length - read.trimStart().length;
  const line = read.slice(indent);
  const base = lineStarts[index] + indent;
  // (the line below a table's closing `|===` is prose)
  if (read.startsWith('|') && ASCIIDOC_TABLE.test(lines[index - 1] ?? ''))
    return scanAsciidocTable(lines, lineStarts, index, add);
  if (DOKUWIKI_HEADER.test(line)) return scanColumns(lines, lineStarts, index + 1, cellsOf(line, '^'), add);
  if (!TABLE_ROW.test(line)) {
    scanSentences(line, base, add);
    const login = USER_AND_PASSWORD.exec(line);
    // a user name in small letters, a password with a digit or a sign (`Login: Settings / Security` is a menu path)
    if (login && /^[a-z0-9._@-]+$/.test(login[2]) && /[^A-Za-z]/.test(login[4]))
      reportLabelled('password', login[4], base + line.lastIndexOf(login[4]), add);
    const marked = line.includes(' / `') ? MARKED_USER_AND_PASSWORD.exec(line) : null;
    if (marked && /[^A-Za-z]/.test(marked[3]))
      reportLabelled('password', marked[3], base + line.lastIndexOf(marked[3]), add);
    reportAdmin(line, base, add);
    const wrapped = WRAPPED_BEFORE_PASSWORD.test(line) && LEADING_CODE_SPAN.exec(lines[index + 1] ?? '');
    if (wrapped && !SLUG.test(wrapped[1]))
      reportLabelled('password', wrapped[1], lineStarts[index + 1] + wrapped[0].lastIndexOf(wrapped[1]), add);
    if (line.includes('`') || line.includes('<code>') || line.includes('~'))
      for (const named of line.matchAll(NAMED_CODE_SPAN)) {
        const value = named[1] ?? named[2] ?? named[3];
        // (not a slug, which names a rule or a setting: `the password `must-have-8-chars` rule`)
        if (!SLUG.test(value)) reportLabelled('password', value, base + named.index + named[0].lastIndexOf(value), add);
      }
    const m = LABEL_LINE.exec(line);
    if (!m) {
      const clause = TRAILING_LABEL.exec(line) ?? CHINESE_TRAILING_LABEL.exec(line);
      const value = clause?.[3] ?? clause?.[4];
      if (clause && value) reportLabelled(keyOf(clause[1]), value, base + line.lastIndexOf(value), add);
      return;
    }
    // a remark says the value is an example (`Password: … (example, replace it)`), or describes one (`Token:
    // 32-hex-chars (generated at install)`, `Passwort: siehe-Keepass (Ordner Server)`)
    if (m[4] && (NOT_REAL_REMARK.test(m[4]) || HYPHENATED_WORDS.test(m[2] ?? m[3]))) return;
    // (a quote only at its end closes the text around it: a CSV field, a JSON string)
    const written = (m[2] ?? m[3]).replace(/^([^"]+)"$/, '$1');
    // `api_key = "…"`, `token: '…';`: the value inside its quotes
    const quoted = /^(["'])(.+)\1[;,]?$/.exec(written);
    reportLabelled(keyOf(m[1]), quoted ? quoted[2] : written, base + line.lastIndexOf(written) + (quoted ? 1 : 0), add);
    return;
  }
  // A row naming a credential beside its value: | MySQL 密码 | yKOus@4276! |
  const cells = cellsOf(line);
  for (const cell of cells) reportAdmin(cell.text, base + cell.start, add, true); // | Login | `admin` / `…` |
  const header = TABLE_RULE.test((lines[index + 1] ?? '').trim());
  for (let i = 0; i + 1 < cells.length && !header; i++) {
    const token = tokenOf(cells[i + 1]);
    const name = tokenOf(cells[i]);
    // the name is a few words (`MySQL 密码`, `数据库密码`: Chinese needs no spaces; not a description) or a variable's
    // (`JWT_SECRET`), not a value of its own, nor a file's (a release's checksums: `secretsync_1.9.0_linux.tar.gz`)
    if (
      token &&
      cells[i].text.length <= 40 &&
      !FILE_NAME.test(name?.value ?? '') &&
      (!name ||
        VARIABLE_NAME.test(cells[i].text) ||
        HAN.test(cells[i].text) ||
        FOREIGN_WORDS.some(([word]) => word.test(cells[i].text))) &&
      !describesStoredSecret(cells[i].text, token.value)
    )
      reportLabelled(keyOf(cells[i].text), token.value, base + token.start, add);
  }
  // A header naming credentials above their columns: | AccessKeyId | AccessKeySecret | over | LTAI… | … |
  if (header) scanColumns(lines, lineStarts, index + 2, cells, add);
}

/** The rows from `first` on, each cell's value under its column's name (a grid table's lines between rows skipped). */
function scanColumns(
  lines: readonly string[],
  lineStarts: readonly number[],
  first: number,
  header: readonly { text: string }[],
  add: Add,
): void {
  const keys = header.map((cell) => keyOf(cell.text));
  for (let r = first; r < Math.min(lines.length, first + TABLE_ROWS); r++) {
    if (GRID_LINE.test(lines[r])) continue;
    if (!TABLE_ROW.test(lines[r])) return;
    cellsOf(lines[r]).forEach((cell, column) => reportCell(keys[column], cell, lineStarts[r], add));
  }
}

const ASCIIDOC_TABLE = /^\|===\s*$/;

/**
 * An AsciiDoc table's header, the line below its `|===` (`|User |Password |Topics`), and its cells, which follow a
 * row or a cell to a line (`|svc-payments` then `|Pym7#…`): each cell is under the column its place gives it. The
 * table's end, or a cell with a format of its own (`2+|…`, `a|…`), which would shift the places, ends the reading.
 */
function scanAsciidocTable(lines: readonly string[], lineStarts: readonly number[], index: number, add: Add): void {
  const keys = cellsOf(`${lines[index]}|`).map((cell) => keyOf(cell.text));
  if (keys.length < 2) return;
  let column = 0;
  for (let r = index + 1; r < Math.min(lines.length, index + 1 + TABLE_ROWS * keys.length); r++) {
    const line = lines[r];
    if (ASCIIDOC_TABLE.test(line) || /^[^|\s]{1,8}\|/.test(line)) return;
    if (!line.startsWith('|')) continue; // a blank line between rows, or a cell's text going on
    for (const cell of cellsOf(`${line}|`)) reportCell(keys[column++ % keys.length], cell, lineStarts[r], add);
  }
}

const CODE_SPAN = /`([^`\n]{6,300})`/g;

/**
 * `` Set `JWT_SECRET = "…"` in the config vars ``: a sentence's code span holding an assignment, read as a command line
 * with the sentence around it blanked (so offsets stay the line's).
 */
export function scanCodeSpans(
  line: string,
  found: ReadonlySet<string>,
  base: number,
  add: Add,
  lines: readonly string[],
  index: number,
): void {
  if (!line.includes('`')) return;
  let masked = '';
  let end = 0;
  CODE_SPAN.lastIndex = 0;
  for (let m = CODE_SPAN.exec(line); m; m = CODE_SPAN.exec(line)) {
    // an assignment, or a command with options (`redis-cli -h … -a '…'`)
    if (!/[=:]|(?:^|\s)--?[A-Za-z]/.test(m[1])) continue;
    masked += ' '.repeat(m.index + 1 - end) + m[1];
    end = m.index + 1 + m[1].length;
  }
  if (!end) return;
  masked += ' '.repeat(line.length - end);
  scanAssignments(masked, masked.toLowerCase(), found, base, 'shell', add, lines, index);
}
