/**
 * Private keys of every PEM and OpenSSH kind (RSA, EC, DSA, PKCS#8, encrypted PKCS#8, OpenSSH, PGP, PuTTY), as blocks
 * of lines or JSON-escaped on one line. The finding spans the whole block, BEGIN to END.
 */
const BEGIN = /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
const END = /-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-{3,5}/g; // hand-edited files lose a dash
const PUTTY =
  /PuTTY-User-Key-File-\d+:[^\n]{1,100}\n(?:[^\n]{0,200}\n){0,60}?Private-Lines:\s*\d+\n(?:[A-Za-z0-9+/=]{1,100}\r?\n){1,200}/g;

export interface KeyBlock {
  start: number;
  end: number;
}

/** At most this far from BEGIN to END (a 16 kbit RSA key in PEM is ~12 KB). */
const MAX_BLOCK = 64 * 1024;

export function findPrivateKeys(text: string): KeyBlock[] {
  const blocks: KeyBlock[] = [];
  if (!text.includes('PRIVATE KEY') && !text.includes('PuTTY-User-Key-File')) return blocks;
  BEGIN.lastIndex = 0;
  for (let begin = BEGIN.exec(text); begin; begin = BEGIN.exec(text)) {
    END.lastIndex = begin.index + begin[0].length;
    const end = END.exec(text);
    if (!end || end.index - begin.index > MAX_BLOCK) continue;
    const body = text.slice(begin.index + begin[0].length, end.index).replace(/\\n|\\r|\s|"/g, '');
    // Documentation shows "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END…": only a real key has a body of base64.
    const base64 = body.match(/[A-Za-z0-9+/=]/g)?.length ?? 0;
    if (base64 < 64 || base64 < body.length * 0.85) continue;
    blocks.push({ start: begin.index, end: end.index + end[0].length });
    BEGIN.lastIndex = end.index + end[0].length;
  }
  PUTTY.lastIndex = 0;
  for (let m = PUTTY.exec(text); m; m = PUTTY.exec(text))
    blocks.push({ start: m.index, end: m.index + m[0].trimEnd().length });
  return blocks;
}
