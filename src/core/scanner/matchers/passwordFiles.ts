/**
 * Password files, where nothing names the password and the file exists to hold it: PostgreSQL's `~/.pgpass` and
 * `%APPDATA%\postgresql\pgpass.conf` (`hostname:port:database:username:password` a line), PgBouncer's auth file
 * `userlist.txt` (`"username" "password"` a line), and `user:password` files (Mosquitto's `passwd` before
 * `mosquitto_passwd -U` hashes it, `.htpasswd`, rsync daemon's `rsyncd.secrets`), Jetty's `realm.properties` (`user:
 * password,role`), Ansible's vault password file (`.vault_pass`: the password alone), Postfix's `sasl_passwd`
 * (`[host]:port user:password`). A stored digest (`md5…`, `SCRAM-SHA-256$…`, `$7$…`, `$apr1$…`, `{SHA}…`, Jetty's
 * `MD5:`, `CRYPT:` and obfuscated `OBF:`) is no password. A shell script's heredoc that writes such a file is read as
 * the file.
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
  {
    // Jetty's realm: `user: password[,role…]` (`OBF:`, `MD5:` and `CRYPT:` values are not the password itself)
    file: /(?:^|[\\/])realm\.properties$/i,
    line: /^(?<user>[^:\s#]{1,64})\s*:\s*(?<password>[^,\s]{1,200})\s*(?:,|$)/d,
    nameHint: 'PASSWORD',
  },
  {
    // Postfix's SASL client passwords: `[smtp.example.net]:587 user:password` a line
    file: /(?:^|[\\/])sasl_passwd$/,
    line: /^\S+\s+(?<user>[^:\s]{1,100}):(?<password>\S{1,200})$/d,
    nameHint: 'SMTP_PASSWORD',
  },
  {
    // one colon a line: `/etc/passwd`'s seven fields never match
    file: /(?:^|[\\/])(?:\.?htpasswd|passwd|pwfile|password_file|[\w-]+\.(?:ht)?passwd|rsyncd?\.secrets)$/i,
    line: /^(?<user>[^:\s#]{1,64}):(?<password>[^:\s]{1,200})$/d,
    nameHint: 'PASSWORD',
  },
  {
    // Ansible's `--vault-password-file`: the password alone on the file's one line (a script that prints it is code)
    file: /(?:^|[\\/])\.?vault[_-]?pass(?:word)?(?:\.txt)?$/i,
    line: /^(?<password>\S{1,200})$/d,
    nameHint: 'ANSIBLE_VAULT_PASSWORD',
    alone: true,
  },
];

const DIGEST = /^(?:md5[0-9a-f]{32}|SCRAM-SHA-256\$|\$[\w-]{1,8}\$|\{SHA\}|(?:OBF|MD5|CRYPT):)/;

export function scanPasswordFiles({ lines, lineStarts, path }: Window, add: Add): void {
  const format = path && PASSWORD_FILES.find(({ file }) => file.test(path));
  if (format) scanLines(format, lines, lineStarts, 0, lines.length, add);
}

/** `cat > ~/.pgpass <<'EOF'`, `cat <<EOF >> …`: a shell heredoc that writes a password file. */
const HEREDOC_TO_FILE =
  /\b(?:cat|tee)\b[^\n<>]{0,40}(?:>{1,2}\s*["']?([^\s"'<>;|]{1,200})["']?\s*<<-?\s*["']?(\w{1,40})["']?|<<-?\s*["']?(\w{1,40})["']?\s*>{1,2}\s*["']?([^\s"'<>;|]{1,200}))/;

/** How many lines of a heredoc are read: within the edit context of incremental.ts (its opening line is re-read). */
const HEREDOC_REACH = 30;

/** Reads the bodies of heredocs that write password files, in the format of the file they write. */
export function scanPasswordHeredocs({ lines, lineStarts }: Window, add: Add): void {
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes('<<')) continue;
    const m = HEREDOC_TO_FILE.exec(lines[i]);
    const target = m?.[1] ?? m?.[4];
    const format = target && PASSWORD_FILES.find(({ file }) => file.test(target));
    if (!m || !format) continue;
    let end = i + 1;
    while (end < lines.length && end <= i + HEREDOC_REACH && lines[end].trim() !== (m[2] ?? m[3])) end++;
    scanLines(format, lines, lineStarts, i + 1, end, add);
    i = end;
  }
}

function scanLines(
  format: (typeof PASSWORD_FILES)[number],
  lines: readonly string[],
  lineStarts: readonly number[],
  from: number,
  to: number,
  add: Add,
): void {
  if ('alone' in format && lines.slice(from, to).filter((line) => line.trim() && !line.startsWith('#')).length !== 1)
    return;
  for (let i = from; i < to; i++) {
    const indent = /^[ \t]*/.exec(lines[i])![0].length;
    const line = lines[i].slice(indent).replace(/\r$/, '');
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
        start: lineStarts[i] + indent + range[0],
        end: lineStarts[i] + indent + range[1],
      },
      PRIORITY.assignment,
    );
  }
}
