import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Hands resolved values to a Node debuggee that runs in a terminal without putting them on the command line (VS Code
 * writes a terminal launch's env as shell assignments in front of the command) and without any file holding them.
 * A one-shot local socket (mode 0600, in a fresh 0700 folder; a named pipe with a random name on Windows) serves the
 * values once, to the first client that presents a random token; a small preload (`node --import`) connects before
 * the program starts, presents the token, moves the values into process.env and forgets the address. Only the
 * token and the address appear in the terminal. The socket closes after that one read, when the session ends, or
 * after two minutes; stale folders (which never hold values) are swept at activation.
 */
export const HANDOFF_VARIABLE = 'KMS_SECRETS_HANDOFF';
export const HANDOFF_PREFIX = 'kms-secrets-handoff-';
/** A launch that never starts must not keep its values waiting for long. */
export const HANDOFF_TTL_MS = 120_000;

const TOKEN_BYTES = 32;

// ESM with top-level await: `--import` finishes before the program's first line runs, so the values are in place.
const PRELOAD = `// Written by the KMS Secrets extension: fetches the secret values of a debug launch from the one-shot local socket
// the extension serves them on and puts them into process.env, so they never appear on the terminal's command line
// or on disk.
import { connect } from 'node:net';

const spec = process.env.${HANDOFF_VARIABLE};
delete process.env.${HANDOFF_VARIABLE};
if (spec) {
  const colon = spec.indexOf(':');
  try {
    const text = await new Promise((resolve, reject) => {
      const socket = connect(spec.slice(colon + 1));
      const chunks = [];
      socket.setTimeout(10000, () => socket.destroy(new Error('timed out')));
      socket.on('connect', () => socket.write(spec.slice(0, colon) + '\\n'));
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      socket.on('error', reject);
    });
    const values = JSON.parse(text);
    for (const key of Object.keys(values)) process.env[key] = values[key];
  } catch {
    process.stderr.write('KMS Secrets: the secret hand-off is gone, so no secrets were injected (restart the debug session).\\n');
  }
}
`;

export interface Handoff {
  dir: string;
  /** For `runtimeArgs`: `--import <this>`. */
  preloadUrl: string;
  /** The value of HANDOFF_VARIABLE: `<token>:<socket address>`. */
  spec: string;
  /** Resolves when the values were read (true) or the hand-off was removed unread (false). */
  delivered: Promise<boolean>;
}

/** Open hand-off servers by folder, so removing a folder also closes its socket. */
const servers = new Map<string, { server: Server; settle: (read: boolean) => void }>();

export async function createHandoff(
  values: Record<string, string>,
  options: { root?: string; ttlMs?: number } = {},
): Promise<Handoff> {
  const dir = mkdtempSync(path.join(options.root ?? tmpdir(), HANDOFF_PREFIX));
  const preload = path.join(dir, 'preload.mjs');
  writeFileSync(preload, PRELOAD, { mode: 0o600, flag: 'wx' });
  const token = randomBytes(TOKEN_BYTES).toString('hex');
  const address =
    process.platform === 'win32'
      ? `\\\\.\\pipe\\${HANDOFF_PREFIX}${randomBytes(16).toString('hex')}`
      : path.join(dir, 's');
  const payload = Buffer.from(JSON.stringify(values), 'utf8');

  let settle!: (read: boolean) => void;
  const delivered = new Promise<boolean>((resolve) => (settle = resolve));
  const server = createServer((socket) => serve(socket, token, payload, () => removeHandoff(dir, true)));
  servers.set(dir, { server, settle });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(address, () => {
        server.off('error', reject);
        resolve();
      });
    });
    if (process.platform !== 'win32') chmodSync(address, 0o600);
  } catch (error) {
    removeHandoff(dir);
    throw error;
  }
  const timer = setTimeout(() => removeHandoff(dir), options.ttlMs ?? HANDOFF_TTL_MS);
  timer.unref?.();
  void delivered.then(() => clearTimeout(timer));
  return { dir, preloadUrl: pathToFileURL(preload).href, spec: `${token}:${address}`, delivered };
}

/** Answers the one client that presents the token, then shuts the hand-off; anyone else is cut off unanswered. */
function serve(socket: Socket, token: string, payload: Buffer, done: () => void): void {
  let received = '';
  socket.setEncoding('utf8');
  socket.setTimeout(10_000, () => socket.destroy());
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: string) => {
    received += chunk;
    const newline = received.indexOf('\n');
    if (newline < 0) {
      if (received.length > 2 * TOKEN_BYTES + 2) socket.destroy();
      return;
    }
    const presented = Buffer.from(received.slice(0, newline), 'utf8');
    const expected = Buffer.from(token, 'utf8');
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
      socket.destroy();
      return;
    }
    socket.removeAllListeners('data');
    socket.end(payload);
    done();
  });
}

/** Closes the folder's socket (if still open) and removes the folder. */
export function removeHandoff(dir: string, read = false): void {
  if (!path.basename(dir).startsWith(HANDOFF_PREFIX)) return;
  const open = servers.get(dir);
  if (open) {
    servers.delete(dir);
    open.server.close();
    open.settle(read);
  }
  rmSync(dir, { recursive: true, force: true });
}

/** Removes hand-off directories left by a crashed window; spares young ones, which another window may be launching with. */
export function sweepHandoffs(root = tmpdir(), olderThanMs = 60_000): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return 0;
  }
  const now = Date.now();
  for (const name of names) {
    if (!name.startsWith(HANDOFF_PREFIX)) continue;
    const dir = path.join(root, name);
    try {
      const stat = statSync(dir);
      if (!stat.isDirectory() || (typeof process.getuid === 'function' && stat.uid !== process.getuid())) continue;
      if (now - stat.mtimeMs < olderThanMs || servers.has(dir)) continue;
      rmSync(dir, { recursive: true, force: true });
      removed++;
    } catch {
      // Gone already, or not ours.
    }
  }
  return removed;
}
