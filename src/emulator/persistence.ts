/**
 * `--state` file I/O. Writes are atomic (temp file in the same directory + fsync + rename + directory fsync), so a
 * crash leaves either the old or the new state, never a torn file. The file holds secret values: mode 0600.
 * Next to it, `<state>.nonces` journals the signature nonces in use, so a restart does not let a captured request be
 * replayed.
 */
import {
  appendFileSync,
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { SeedFile, STATE_FORMAT } from './seed';

export function writeFileAtomic(path: string, content: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  try {
    // Makes the rename itself durable; not supported on every platform, and the data is already safe on the file.
    const dirFd = openSync(dirname(path), 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // best effort
  }
}

export function saveState(path: string, state: SeedFile): void {
  writeFileAtomic(path, `${JSON.stringify(state, null, 2)}\n`);
}

/** The saved state, or undefined when the file does not exist yet (first start). */
export function loadState(path: string): SeedFile | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  let state: SeedFile;
  try {
    state = JSON.parse(text) as SeedFile;
  } catch {
    throw new Error(`state file ${path} is not valid JSON`);
  }
  // Another format may mean other semantics; guessing could lose secrets at the next write, which rewrites the file.
  const format: unknown = (state as { format?: unknown } | null)?.format;
  if (format !== STATE_FORMAT) {
    throw new Error(
      format === undefined
        ? `state file ${path} has no "format": it was not written by this emulator (start from it with --seed)`
        : `state file ${path} has format ${JSON.stringify(String(format)).slice(0, 80)}; this emulator reads only "${STATE_FORMAT}"`,
    );
  }
  return state;
}

/** Appends between rewrites of the journal down to the nonces still in use. */
const COMPACT_EVERY = 10_000;

/** `<state>.nonces`: one `[key, expiry]` JSON line per used nonce; appended before the request is answered. */
export class NonceJournal {
  private appended = 0;

  constructor(readonly path: string) {}

  /** The nonces recorded before (a torn last line is skipped), and the journal rewritten with the live ones only. */
  load(nowMs: number): Array<[string, number]> {
    const live: Array<[string, number]> = [];
    if (existsSync(this.path)) {
      for (const line of readFileSync(this.path, 'utf8').split('\n')) {
        try {
          const entry: unknown = JSON.parse(line);
          if (Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number' && entry[1] > nowMs)
            live.push([entry[0], entry[1]]);
        } catch {
          // A line cut short by a crash: the nonce it held was never answered.
        }
      }
    }
    this.rewrite(live);
    return live;
  }

  /** Throws when the journal cannot be written: the request must then fail rather than become replayable. */
  append(key: string, expiry: number, live: () => Array<[string, number]>): void {
    appendFileSync(this.path, `${JSON.stringify([key, expiry])}\n`, { mode: 0o600 });
    if (++this.appended >= COMPACT_EVERY) this.rewrite(live());
  }

  private rewrite(entries: Array<[string, number]>): void {
    writeFileAtomic(this.path, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
    this.appended = 0;
  }
}
