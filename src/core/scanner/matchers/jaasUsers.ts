/**
 * The users a JAAS login module defines with their passwords (Kafka's and ZooKeeper's `PlainLoginModule` and
 * `DigestLoginModule`): `user_<name>="…"` options below `… LoginModule required`, up to the `;` that ends the entry,
 * in a `jaas.conf` or continued over lines of a `sasl.jaas.config` property.
 */
import { addNamedValue } from './assignments';
import type { Add, Window } from './context';

const MODULE = /LoginModule\s{1,4}(?:required|optional|requisite|sufficient)\b/g;
const USER = /\buser_[\w.-]{1,60}\s{0,4}=\s{0,4}\\?"(?<password>[^"\\\n]{1,200})\\?"/dg;
/** How far below its module's line an entry's options may go (within what an editor re-scans around an edit). */
const REACH_LINES = 20;

export function scanJaasUsers({ text, format }: Window, add: Add): void {
  if (!text.includes('user_') || !text.includes('LoginModule')) return;
  MODULE.lastIndex = 0;
  for (let m = MODULE.exec(text); m; m = MODULE.exec(text)) {
    const end = entryEnd(text, MODULE.lastIndex);
    const entry = text.slice(MODULE.lastIndex, end);
    USER.lastIndex = 0;
    for (let u = USER.exec(entry); u; u = USER.exec(entry)) {
      const [start] = u.indices!.groups!.password;
      addNamedValue('PASSWORD', u.groups!.password, MODULE.lastIndex + start, format, add);
    }
    MODULE.lastIndex = end;
  }
}

/** Where the entry that starts at `from` ends: its `;`, or REACH_LINES lines below (each line read once). */
function entryEnd(text: string, from: number): number {
  let start = from;
  for (let line = 0; line < REACH_LINES && start < text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const semicolon = text.slice(start, end).indexOf(';');
    if (semicolon >= 0) return start + semicolon;
    start = end + 1;
  }
  return Math.min(start, text.length);
}
