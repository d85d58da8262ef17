/**
 * Scanning a file on disk: small files are read whole, large ones are streamed through the windowed scanner, so no
 * file is too large to scan and memory stays bounded by the window size.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { scanText, StreamScanner } from './engine';
import type { ScanOptions, ScanResult } from './types';

/** Files up to this size are read whole; larger ones are streamed. */
export const READ_WHOLE_BYTES = 8 * 1024 * 1024;

/** Scans one regular file; rejects with the file system's error (ENOENT, EACCES, EISDIR…) when it cannot be read. */
export async function scanFile(path: string, options: ScanOptions): Promise<ScanResult> {
  const info = await stat(path);
  if (!info.isFile()) throw Object.assign(new Error(`Not a regular file: ${path}`), { code: 'ENOTFILE', path });
  if (info.size <= READ_WHOLE_BYTES) return scanText((await readFile(path)).toString('utf8'), options);
  const scanner = new StreamScanner(options);
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1024 * 1024 });
  for await (const chunk of stream) {
    if (!scanner.push(chunk as string)) {
      stream.destroy();
      break;
    }
  }
  return scanner.end();
}
