/**
 * One scan worker thread and its watchdog. Each custom pattern is announced by the worker before it runs; one that runs
 * past its budget gets the worker terminated, the pattern disabled (for every later job of the same owner), and the
 * interrupted jobs sent again to a fresh worker without it, so the other rules still report.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as l10n from '@vscode/l10n';
import { currentBundle } from '../../displayLanguage';
import type { CustomPattern, DisabledPattern } from '../types';
import type { WorkerMessage, WorkerOptions, WorkerRequest, WorkerResponse } from './protocol';

/** Where the worker's code is: dist/scanWorker.js beside the bundle, or the transpiled file beside this one. */
export const DEFAULT_WORKER_SCRIPT = join(__dirname, 'scanWorker.js');

/** How long one custom pattern may run on one window of text before it is stopped and disabled. */
export const DEFAULT_PATTERN_BUDGET_MS = 1000;

export type ResultMessage = Extract<WorkerResponse, { type: 'result' }>;

/** Patterns disabled for overrunning, shared by every worker of one owner (a pool, a document host). */
export class DisabledPatterns {
  private readonly byId = new Map<string, DisabledPattern>();

  add(pattern: DisabledPattern): void {
    if (!this.byId.has(pattern.id)) this.byId.set(pattern.id, pattern);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The disabled patterns among `patterns`. */
  among(patterns: readonly CustomPattern[]): DisabledPattern[] {
    return patterns.flatMap((p) => this.byId.get(p.id) ?? []);
  }

  get all(): DisabledPattern[] {
    return [...this.byId.values()];
  }
}

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Job {
  id: number;
  request: Request;
  /** The patterns the job was given, once disabled ones are left out: what a `pattern` message's index refers to. */
  sent: CustomPattern[];
  /** The patterns configured for what the job scans: its result names those that are disabled. */
  configured: readonly CustomPattern[];
  resolve: (message: ResultMessage) => void;
  reject: (error: Error & { code?: string }) => void;
}

export interface ScanWorkerOptions {
  patternBudgetMs?: number;
  workerScript?: string;
}

export class ScanWorkerThread {
  private worker: Worker;
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;
  private watchdog: NodeJS.Timeout | undefined;
  private closed = false;
  /** Set when a worker failed before answering anything (its script is missing or broken): no point restarting. */
  private broken: Error | undefined;
  private answered = false;
  private readonly budgetMs: number;
  private readonly script: string;

  constructor(
    private readonly disabled: DisabledPatterns,
    options: ScanWorkerOptions = {},
  ) {
    this.budgetMs = options.patternBudgetMs ?? DEFAULT_PATTERN_BUDGET_MS;
    this.script = options.workerScript ?? DEFAULT_WORKER_SCRIPT;
    this.worker = this.start();
  }

  /** Jobs sent and not answered yet. */
  get pending(): number {
    return this.jobs.size;
  }

  /**
   * Sends one job. `configured` names the custom patterns that apply when the request carries no options of its own
   * (an edit of a document opened with them), so its result too says which of them are disabled.
   */
  run(request: Request, configured?: readonly CustomPattern[]): Promise<ResultMessage> {
    if (this.closed) return Promise.reject(new Error('The scan worker is closed.'));
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      const fromOptions = 'options' in request ? request.options.config?.customPatterns : undefined;
      const job: Job = {
        id: this.nextId++,
        request,
        sent: [],
        configured: configured ?? fromOptions ?? [],
        resolve,
        reject,
      };
      this.jobs.set(job.id, job);
      this.worker.ref();
      this.send(job);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.watchdog);
    for (const job of this.jobs.values()) job.reject(new Error('The scan worker was closed.'));
    this.jobs.clear();
    await this.worker.terminate();
  }

  private start(): Worker {
    const worker = new Worker(this.script, { workerData: { l10nBundle: currentBundle() } });
    if (!this.jobs.size) worker.unref();
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'batch') for (const each of message.messages) this.receive(each);
      else this.receive(message);
    });
    worker.on('error', (error) => this.crashed(worker, error));
    worker.on('exit', (code) => this.crashed(worker, new Error(`The scan worker exited with code ${code}.`)));
    return worker;
  }

  private send(job: Job): void {
    const request = { ...job.request, id: job.id } as WorkerRequest;
    if ('options' in request) {
      const patterns = request.options.config?.customPatterns ?? [];
      job.sent = patterns.filter((p) => !this.disabled.has(p.id));
      request.options = withPatterns(request.options, job.sent);
    }
    this.worker.postMessage(request);
  }

  private receive(message: WorkerResponse): void {
    this.answered = true;
    const job = this.jobs.get(message.id);
    if (!job) return;
    if (message.type === 'pattern') {
      clearTimeout(this.watchdog);
      this.watchdog = message.index < 0 ? undefined : setTimeout(() => this.overran(job, message.index), this.budgetMs);
      return;
    }
    clearTimeout(this.watchdog);
    this.watchdog = undefined;
    this.jobs.delete(job.id);
    if (!this.jobs.size) this.worker.unref(); // an idle worker never keeps its process alive
    if (message.type === 'error') {
      job.reject(Object.assign(new Error(message.message), { code: message.code }));
      return;
    }
    const stopped = this.disabled.among(job.configured);
    if (stopped.length) {
      const result = { ...message.result };
      result.disabledPatterns = [...(result.disabledPatterns ?? []), ...stopped];
      result.notice = [result.notice, ...stopped.map((s) => s.reason)].filter(Boolean).join(' ');
      job.resolve({ ...message, result });
    } else job.resolve(message);
  }

  /** A custom pattern ran past its budget: stop the worker, disable the pattern, run the unfinished jobs again. */
  private overran(job: Job, index: number): void {
    const pattern = job.sent[index];
    if (pattern) {
      const reason =
        'file' in job.request
          ? l10n.t(
              'Custom pattern "{0}" was stopped and disabled: it ran longer than {1} ms on {2}. Simplify it (nested repetition makes regular expressions slow).',
              pattern.id,
              this.budgetMs,
              job.request.file,
            )
          : l10n.t(
              'Custom pattern "{0}" was stopped and disabled: it ran longer than {1} ms. Simplify it (nested repetition makes regular expressions slow).',
              pattern.id,
              this.budgetMs,
            );
      this.disabled.add({ id: pattern.id, reason });
    }
    const old = this.worker;
    old.removeAllListeners();
    void old.terminate();
    this.worker = this.start();
    for (const pending of this.jobs.values()) this.send(pending);
  }

  private crashed(worker: Worker, error: Error): void {
    if (worker !== this.worker || this.closed) return;
    clearTimeout(this.watchdog);
    for (const job of this.jobs.values()) job.reject(error);
    this.jobs.clear();
    this.worker.removeAllListeners();
    if (!this.answered) {
      this.broken = new Error(`The scan worker could not start (${this.script}): ${error.message}`);
      return;
    }
    this.worker = this.start();
  }
}

function withPatterns(options: WorkerOptions, customPatterns: CustomPattern[]): WorkerOptions {
  return options.config ? { ...options, config: { ...options.config, customPatterns } } : options;
}
