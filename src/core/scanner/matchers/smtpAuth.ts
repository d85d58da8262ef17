/**
 * SMTP logins in captured sessions (a Wireshark "Follow TCP stream", tshark fields, a mail client's debug log): `AUTH
 * PLAIN <base64 of "\0user\0password">`, and AUTH LOGIN's password, the base64 line the client sends after the
 * server's `334 UGFzc3dvcmQ6` ("Password:"). Both are the password, only encoded.
 */
import { isPlausibleSecret } from '../values';
import { PRIORITY, type Add, type Window } from './context';

const AUTH_PLAIN = /\bAUTH\s+PLAIN\s+(?<secret>[A-Za-z0-9+/]{8,400}={0,2})(?![A-Za-z0-9+/=])/dg;
/** The server's prompt for the password, then the client's answer on the next line (perhaps after `C: `, swaks' `~>`). */
const LOGIN_PASSWORD = /\b334 UGFzc3dvcmQ6\r?\n(?:[CcSs]:\s?|\s*[-~]>\s?)?(?<secret>[A-Za-z0-9+/]{4,400}={0,2})\r?$/dgm;
/** What AUTH PLAIN's base64 holds: an optional identity, the user and the password, each after a NUL. */
const PLAIN_CREDENTIALS = /^[^\0]{0,200}\0[^\0]{1,200}\0([\x20-\x7e]{1,200})$/;

export function scanSmtpAuth({ text }: Window, add: Add): void {
  const plain = text.includes('PLAIN');
  const login = text.includes('334 UGFzc3dvcmQ6');
  if (!plain && !login) return;
  for (const [pattern, wanted] of [
    [AUTH_PLAIN, plain],
    [LOGIN_PASSWORD, login],
  ] as const) {
    if (!wanted) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const decoded = Buffer.from(m.groups!.secret, 'base64').toString('latin1');
      const password = pattern === AUTH_PLAIN ? PLAIN_CREDENTIALS.exec(decoded)?.[1] : decoded;
      if (!password || !/^[\x20-\x7e]+$/.test(password) || !isPlausibleSecret(password, { minLength: 4 })) continue;
      const [start, end] = m.indices!.groups!.secret;
      add(
        {
          ruleId: 'hardcoded-password',
          kind: 'password',
          severity: 'warning',
          start,
          end,
          nameHint: 'SMTP_PASSWORD',
          namedInText: false,
        },
        PRIORITY.assignment,
      );
    }
  }
}
