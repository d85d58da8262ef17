/**
 * Scanning many files on every core: a few worker threads each read and scan the files they are given, at most sixteen
 * queued per worker (files are small; a large one is streamed in windows). Custom patterns run under the watchdog of
 * ScanWorkerThread; a pattern one worker had to stop is disabled for every later file.
 */
import { availableParallelism } from 'node:os';
import type { DisabledPattern, ScanResult } from '../types';
import type { WorkerOptions } from './protocol';
import { DisabledPatterns, ScanWorkerThread, type ScanWorkerOptions } from './scanWorkerThread';

export interface ScanPoolOptions extends ScanWorkerOptions {
  /** Worker threads (default: the available cores, at most 4). */
  threads?: number;
}

/** Enough that a worker's results can travel a few at a time (see WorkerMessage) while it never waits for work. */
const QUEUE_PER_WORKER = 16;

export class ScanPool {
  private readonly disabled = new DisabledPatterns();
  private readonly workers: ScanWorkerThread[] = [];
  private readonly waiting: (() => void)[] = [];
  private readonly threads: number;

  constructor(private readonly options: ScanPoolOptions = {}) {
    this.threads = Math.max(1, options.threads ?? Math.min(4, availableParallelism()));
  }

  /** Scans one file; rejects with the file system's error (`code` ENOENT, EACCES, ENOTFILE…) when it cannot be read. */
  async scanFile(file: string, options: WorkerOptions): Promise<ScanResult> {
    // The worker is chosen and given the job in one step: a job that only reserved it across an `await` would leave
    // it looking idle, and a burst of calls would all land on the first worker.
    let worker = this.idleWorker();
    while (!worker) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      worker = this.idleWorker();
    }
    try {
      return (await worker.run({ type: 'file', file, options })).result;
    } finally {
      this.waiting.shift()?.();
    }
  }

  /** Custom patterns stopped for running past their budget, each with its reason. */
  get disabledPatterns(): DisabledPattern[] {
    return this.disabled.all;
  }

  /** Worker threads started so far. */
  get workerCount(): number {
    return this.workers.length;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }

  /** The least busy worker with room in its queue, a new one while fewer than `threads` run, or none. */
  private idleWorker(): ScanWorkerThread | undefined {
    const free = this.workers.reduce<ScanWorkerThread | undefined>(
      (best, w) => (w.pending < QUEUE_PER_WORKER && (!best || w.pending < best.pending) ? w : best),
      undefined,
    );
    if (free && (free.pending === 0 || this.workers.length >= this.threads)) return free;
    if (this.workers.length >= this.threads) return undefined;
    const worker = new ScanWorkerThread(this.disabled, this.options);
    this.workers.push(worker);
    return worker;
  }
}
