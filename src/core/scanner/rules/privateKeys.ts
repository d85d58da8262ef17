/**
 * Private keys of every PEM and OpenSSH kind (RSA, EC, DSA, PKCS#8, encrypted PKCS#8, OpenSSH, PGP, PuTTY) and OpenVPN's
 * static keys, as blocks
 * of lines or JSON-escaped on one line. The finding spans the whole block, BEGIN to END.
 *
 * Linear on any input: every BEGIN and END marker is found in one pass each, and a BEGIN pairs with the first END after
 * it only when no other BEGIN comes between, so no stretch of text is examined for two blocks.
 */
import { MAX_KEY_BLOCK } from '../limits';

// (also OpenVPN's static keys, `-----BEGIN OpenVPN Static key V1-----`: a shared secret in hex)
const BEGIN = /-----BEGIN(?:[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?| OpenVPN Static key V1)-----/g;
const END = /-----END(?:[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?| OpenVPN Static key V1)-{3,5}/g; // hand-edited files lose a dash
const PUTTY_HEADER = /PuTTY-User-Key-File-\d+:[^\n]{1,100}\n/g;
const PUTTY_PRIVATE = /Private-Lines:[ \t]*\d+\r?\n((?:[A-Za-z0-9+/=]{1,100}\r?\n){1,200})/y;
/** The PuTTY header lines before `Private-Lines` (public key, comment, encryption) span at most this much. */
const PUTTY_HEAD_CHARS = 60 * 200;

export interface KeyBlock {
  start: number;
  end: number;
}

interface Marker {
  index: number;
  end: number;
}

function markers(pattern: RegExp, text: string): Marker[] {
  const found: Marker[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text))
    found.push({ index: m.index, end: m.index + m[0].length });
  return found;
}

/** Documentation shows "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END…": only a real key has a body of base64. */
function hasKeyBody(text: string, from: number, to: number): boolean {
  let base64 = 0;
  let other = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c && (text[i + 1] === 'n' || text[i + 1] === 'r'))
      i++; // a JSON-escaped line break
    else if (isBase64(c)) base64++;
    else if (c !== 0x22 && !/\s/.test(text[i])) other++;
  }
  return base64 >= 64 && base64 >= (base64 + other) * 0.85;
}

function isBase64(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2b ||
    c === 0x2f ||
    c === 0x3d
  );
}

export function findPrivateKeys(text: string): KeyBlock[] {
  const blocks: KeyBlock[] = [];
  const pem = text.includes('PRIVATE KEY') || text.includes('OpenVPN Static key');
  if (!pem && !text.includes('PuTTY-User-Key-File')) return blocks;
  if (pem) {
    const begins = markers(BEGIN, text);
    const ends = begins.length ? markers(END, text) : [];
    let e = 0;
    for (let b = 0; b < begins.length; b++) {
      const begin = begins[b];
      while (e < ends.length && ends[e].index < begin.end) e++;
      if (e === ends.length) break;
      const end = ends[e];
      if (b + 1 < begins.length && begins[b + 1].index < end.index) continue; // a BEGIN without an END of its own
      if (end.index - begin.index > MAX_KEY_BLOCK || !hasKeyBody(text, begin.end, end.index)) continue;
      blocks.push({ start: begin.index, end: end.end });
    }
  }
  if (!pem || text.includes('PuTTY-User-Key-File')) for (const block of findPuttyKeys(text)) blocks.push(block);
  return blocks.sort((a, b) => a.start - b.start);
}

/** A PuTTY header pairs with the first `Private-Lines:` after it, unless another header comes first. */
function findPuttyKeys(text: string): KeyBlock[] {
  const blocks: KeyBlock[] = [];
  const headers = markers(PUTTY_HEADER, text);
  const privates = headers.length ? markers(/Private-Lines:/g, text) : [];
  let p = 0;
  for (let h = 0; h < headers.length; h++) {
    while (p < privates.length && privates[p].index < headers[h].end) p++;
    if (p === privates.length) break;
    const privateAt = privates[p].index;
    if ((h + 1 < headers.length && headers[h + 1].index < privateAt) || privateAt - headers[h].end > PUTTY_HEAD_CHARS)
      continue;
    PUTTY_PRIVATE.lastIndex = privateAt;
    const m = PUTTY_PRIVATE.exec(text);
    if (m) blocks.push({ start: headers[h].index, end: privateAt + m[0].trimEnd().length });
  }
  return blocks;
}
