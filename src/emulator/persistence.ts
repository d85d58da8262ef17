/**
 * `--state` file I/O. Writes are atomic (temp file in the same directory + fsync + rename + directory fsync), so a
 * crash leaves either the old or the new state, never a torn file. The file holds secret values: mode 0600.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { SeedFile } from './seed';

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
  renameSync(temp, path);
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
  try {
    return JSON.parse(text) as SeedFile;
  } catch {
    throw new Error(`state file ${path} is not valid JSON`);
  }
}
