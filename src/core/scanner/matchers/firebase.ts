/**
 * A Firebase web app's configuration (`apiKey` beside `authDomain`, `messagingSenderId`, `appId: "1:…:web:…"`) ships to
 * every browser that loads the app: Firebase documents its `AIza…` key as an identifier, not a secret. The same format
 * anywhere else (a server's `.env`, a Maps call) stays a finding.
 */
import { positionOf, type Window } from './context';
import type { Candidate } from '../types';

const FIREBASE_KEY = /^AIza[0-9A-Za-z_-]{35}$/;
/** Fields only a Firebase web configuration has beside its key. */
const FIREBASE_CONFIG = /authDomain|messagingSenderId|firebaseapp\.com|firebasestorage\.app|:web:[0-9a-f]{6,}/;
/** How far the configuration's other fields may stand: lines around a key, characters around it on a long line. */
const REACH_LINES = 6;
const REACH_CHARS = 400;

export function isFirebaseWebKey(candidate: Candidate, { text, lines, lineStarts }: Window): boolean {
  if (!FIREBASE_KEY.test(text.slice(candidate.start, candidate.end))) return false;
  const { line } = positionOf(lineStarts, candidate.start);
  const from = Math.max(0, line - REACH_LINES);
  const to = Math.min(lines.length - 1, line + REACH_LINES);
  const around = text.slice(
    Math.max(lineStarts[from], candidate.start - REACH_CHARS),
    Math.min(lineStarts[to] + lines[to].length, candidate.end + REACH_CHARS),
  );
  return FIREBASE_CONFIG.test(around);
}
