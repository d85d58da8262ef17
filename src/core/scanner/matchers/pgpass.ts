/**
 * PostgreSQL password files (`~/.pgpass`, `%APPDATA%\postgresql\pgpass.conf`): each line is
 * `hostname:port:database:username:password`, nothing names the password, and the file exists to hold it.
 */
import { MAX_ASSIGNMENT_LINE } from '../limits';
import { isPlausibleSecret } from '../values';
import { PRIORITY, type Add, type Window } from './context';

const PGPASS_FILE = /(?:^|[\\/])(?:\.?pgpass|pgpass\.conf)$/i;
/** A field: anything but a colon or backslash, or an escaped character (`\:` and `\\` as the format allows). */
const FIELD = String.raw`(?:[^:\\\n]|\\.)`;
const PGPASS_LINE = new RegExp(String.raw`^${FIELD}+:(?:\d{1,5}|\*):${FIELD}+:(${FIELD}+):(${FIELD}{1,200})$`);

export function scanPgpass({ lines, lineStarts, path }: Window, add: Add): void {
  if (!path || !PGPASS_FILE.test(path)) return;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (line.length > MAX_ASSIGNMENT_LINE || line.startsWith('#')) continue;
    const [, user, password] = PGPASS_LINE.exec(line) ?? [];
    // `localhost:5432:*:postgres:postgres`: a local default that repeats the user
    if (!password || password === user || !isPlausibleSecret(password, { minLength: 4 })) continue;
    const start = lineStarts[i] + line.length - password.length;
    add(
      {
        ruleId: 'hardcoded-password',
        kind: 'password',
        severity: 'warning',
        nameHint: 'PGPASSWORD',
        namedInText: false,
        start,
        end: start + password.length,
      },
      PRIORITY.assignment,
    );
  }
}
