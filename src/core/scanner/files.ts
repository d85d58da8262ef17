/**
 * Scanning a file on disk: small files are read whole, large ones are streamed through the windowed scanner, so no
 * file is too large to scan and memory stays bounded by the window size.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { scanText, StreamScanner } from './engine';
import type { ScanOptions, ScanResult } from './types';

/** Files up to this size are read whole; larger ones are streamed. */
export const READ_WHOLE_BYTES = 8 * 1024 * 1024;

/**
 * Scans one regular file; rejects with the file system's error (ENOENT, EACCES, EISDIR…) when it cannot be read. It runs
 * in scan worker threads, where a blocking read holds up nothing and saves the thread pool's round trips per file.
 */
export async function scanFile(path: string, options: ScanOptions): Promise<ScanResult> {
  // stat before opening: opening a FIFO would wait for a writer.
  const info = statSync(path);
  if (!info.isFile()) throw Object.assign(new Error(`Not a regular file: ${path}`), { code: 'ENOTFILE', path });
  if (info.size <= READ_WHOLE_BYTES) return scanText(readFileSync(path, 'utf8'), options);
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
