/**
 * PostgreSQL's password files, where nothing names the password and the file exists to hold it: `~/.pgpass` and
 * `%APPDATA%\postgresql\pgpass.conf` (`hostname:port:database:username:password` a line), and PgBouncer's auth file
 * `userlist.txt` (`"username" "password"` a line; a stored `md5…` or `SCRAM-SHA-256$…` digest is no password).
 */
import { MAX_ASSIGNMENT_LINE } from '../limits';
import { isPlausibleSecret } from '../values';
import { PRIORITY, type Add, type Window } from './context';

/** A field: anything but a colon or backslash, or an escaped character (`\:` and `\\` as the format allows). */
const FIELD = String.raw`(?:[^:\\\n]|\\.)`;

const PASSWORD_FILES = [
  {
    file: /(?:^|[\\/])(?:\.?pgpass|pgpass\.conf)$/i,
    line: new RegExp(
      String.raw`^${FIELD}+:(?:\d{1,5}|\*):${FIELD}+:(?<user>${FIELD}+):(?<password>${FIELD}{1,200})$`,
      'd',
    ),
    nameHint: 'PGPASSWORD',
  },
  {
    file: /(?:^|[\\/])userlist\.txt$/i,
    line: /^"(?<user>(?:[^"\n]|""){1,64})"\s+"(?<password>(?:[^"\n]|""){1,200})"/d,
    nameHint: 'PGBOUNCER_PASSWORD',
  },
];

const DIGEST = /^(?:md5[0-9a-f]{32}|SCRAM-SHA-256\$)/;

export function scanPgpass({ lines, lineStarts, path }: Window, add: Add): void {
  const format = path && PASSWORD_FILES.find(({ file }) => file.test(path));
  if (!format) return;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (line.length > MAX_ASSIGNMENT_LINE || line.startsWith('#') || line.startsWith(';')) continue;
    const m = format.line.exec(line);
    const password = m?.groups?.password;
    const range = m?.indices?.groups?.password;
    // `localhost:5432:*:postgres:postgres`: a local default that repeats the user
    if (!password || !range || password === m.groups?.user || DIGEST.test(password)) continue;
    if (!isPlausibleSecret(password, { minLength: 4 })) continue;
    add(
      {
        ruleId: 'hardcoded-password',
        kind: 'password',
        severity: 'warning',
        nameHint: format.nameHint,
        namedInText: false,
        start: lineStarts[i] + range[0],
        end: lineStarts[i] + range[1],
      },
      PRIORITY.assignment,
    );
  }
}
