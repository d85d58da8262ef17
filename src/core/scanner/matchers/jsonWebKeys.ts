/**
 * JSON Web Keys that hold their secret part: a symmetric (`oct`) key's `k`, which signs JWTs, and the private `d` of
 * an RSA, EC or OKP key, in a JWKS file, a JSON setting or code (`{ kty: 'oct', k: '…' }`). A public key has no `d`.
 *
 * Linear on any input: the braces around each `kty` are found by pointers that only move forward, each object is read
 * once, and no object is read beyond OBJECT_REACH characters either side of its `kty`.
 */
import { valueCandidate } from './assignments';
import { PRIORITY, type Add, type Window } from './context';
import { isPlausibleSecret } from '../values';

const KTY = /["']?kty["']?\s{0,4}[:=]\s{0,4}["'](oct|RSA|EC|OKP)["']/g;
/** A member that holds key material: `k` (symmetric) or `d` (private), base64url. */
const MEMBER = /(?<![\w$])["']?(k|d)["']?\s{0,4}[:=]\s{0,4}["']([A-Za-z0-9_-]{22,1400})["']/g;
const OBJECT_REACH = 4000;

export function scanJsonWebKeys({ text }: Window, add: Add): void {
  if (!text.includes('kty')) return;
  let open = -1; // the last `{` before the current `kty`
  let nextOpen = text.indexOf('{');
  let close = text.indexOf('}'); // the first `}` after it
  let read = 0; // where the last object read ends
  KTY.lastIndex = 0;
  for (let m = KTY.exec(text); m; m = KTY.exec(text)) {
    while (nextOpen >= 0 && nextOpen < m.index) [open, nextOpen] = [nextOpen, text.indexOf('{', nextOpen + 1)];
    while (close >= 0 && close < m.index) close = text.indexOf('}', close + 1);
    const from = Math.max(read, open, m.index - OBJECT_REACH);
    const to = close < 0 ? Math.min(text.length, m.index + OBJECT_REACH) : Math.min(close, m.index + OBJECT_REACH);
    if (open < 0 || from >= to) continue;
    read = to;
    const body = text.slice(from, to);
    const wanted = m[1] === 'oct' ? 'k' : 'd';
    MEMBER.lastIndex = 0;
    for (let member = MEMBER.exec(body); member; member = MEMBER.exec(body)) {
      const value = member[2];
      if (member[1] !== wanted || !isPlausibleSecret(value, { minLength: 22, minEntropy: 3.5 })) continue;
      const start = from + member.index + member[0].length - 1 - value.length;
      if (wanted === 'd') {
        add(
          { ruleId: 'private-key', kind: 'private key', severity: 'error', start, end: start + value.length },
          PRIORITY.privateKey,
        );
        continue;
      }
      const candidate = valueCandidate('jwt_signing_key', value, 'config');
      if (!candidate) continue;
      candidate.start = start;
      candidate.end = start + value.length;
      add(candidate, PRIORITY.assignment);
    }
  }
}
