/** Messages between a scan host and its worker thread (structured-clone data only: no functions, no Sets). */
import type { TextChange } from '../incremental';
import type { ScanResult, ScannerConfig } from '../types';

/** ScanOptions as they cross to a worker. */
export interface WorkerOptions {
  path?: string;
  languageId?: string;
  config?: Omit<ScannerConfig, 'ignoredFingerprints'> & { ignoredFingerprints?: string[] };
  budgetMs?: number;
  windowChars?: number;
  /** Documents: send at most this many findings back (the rest are counted in `omittedFindings`). */
  maxFindings?: number;
}

export type WorkerRequest =
  | { type: 'file'; id: number; file: string; options: WorkerOptions }
  | { type: 'text'; id: number; text: string; options: WorkerOptions }
  | { type: 'open'; id: number; doc: string; text: string; options: WorkerOptions }
  | { type: 'edit'; id: number; doc: string; changes: TextChange[] }
  | { type: 'close'; id: number; doc: string };

export type WorkerResponse =
  /** A custom pattern (its index in the job's patterns) is about to run: the host times it. */
  | { type: 'pattern'; id: number; index: number }
  | {
      type: 'result';
      id: number;
      result: ScanResult;
      rescanned?: { fromLine: number; toLine: number; chars: number; whole: boolean };
    }
  /** `code` is the file system's (ENOENT, EACCES…) or UNKNOWN_DOC when an edit names a document the worker lacks. */
  | { type: 'error'; id: number; message: string; code?: string };

/**
 * What the worker posts: one response, or several files' results at once (each message wakes the host's thread, which
 * costs a scan of a small file on a virtual machine, so results of files queued behind one another travel together).
 */
export type WorkerMessage = WorkerResponse | { type: 'batch'; messages: WorkerResponse[] };
