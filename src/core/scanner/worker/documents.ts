/**
 * Scanning open documents off the editor's thread: one worker thread holds each document's scanner, the host sends the
 * whole text once and then only the edits, and every answer comes back as a promise. A document's first scan stops at
 * a time budget (the result then says which lines were scanned); edits re-scan only the lines they touched.
 */
import type { TextChange } from '../incremental';
import type { ScanOptions, ScanResult } from '../types';
import type { WorkerOptions } from './protocol';
import { DisabledPatterns, ScanWorkerThread, type ResultMessage, type ScanWorkerOptions } from './scanWorkerThread';

export interface DocumentScanHostOptions extends ScanWorkerOptions {
  /** Budget for scanning a whole document (ms); past it the result is partial. Default 2000. */
  documentBudgetMs?: number;
  /** Window size for whole-document scans: how soon a budget can stop one (default 256 Ki characters). */
  windowChars?: number;
  /** At most this many findings per answer (default 1000); the result counts the rest in `omittedFindings`. */
  maxFindings?: number;
}

export type DocumentOptions = Pick<ScanOptions, 'path' | 'languageId' | 'config'>;

export interface DocumentScan extends ScanResult {
  /** The lines scanned again for an edit (0-based, inclusive); `whole` when the whole document was scanned. */
  rescanned: { fromLine: number; toLine: number; chars: number; whole: boolean };
}

export class DocumentScanHost {
  private readonly worker: ScanWorkerThread;
  private readonly options = new Map<string, WorkerOptions>();
  private readonly resyncs = new Map<string, Promise<DocumentScan>>();

  constructor(private readonly hostOptions: DocumentScanHostOptions = {}) {
    this.worker = new ScanWorkerThread(new DisabledPatterns(), hostOptions);
  }

  /** Scans a document's whole text and keeps it in the worker for `edit`. */
  async open(doc: string, text: string, options: DocumentOptions): Promise<DocumentScan> {
    const workerOptions: WorkerOptions = {
      path: options.path,
      languageId: options.languageId,
      config: options.config && {
        ...options.config,
        ignoredFingerprints: options.config.ignoredFingerprints && [...options.config.ignoredFingerprints],
      },
      budgetMs: this.hostOptions.documentBudgetMs ?? 2000,
      windowChars: this.hostOptions.windowChars ?? 256 * 1024,
      maxFindings: this.hostOptions.maxFindings ?? 1000,
    };
    this.options.set(doc, workerOptions);
    this.resyncs.delete(doc);
    return asScan(await this.worker.run({ type: 'open', doc, text, options: workerOptions }), text);
  }

  /**
   * Applies edits (in VS Code's `contentChanges` order, offsets before each change) and re-scans what they touched.
   * `currentText` is read only if the worker lost the document (it was restarted after a runaway custom pattern).
   */
  async edit(doc: string, changes: TextChange[], currentText: () => string): Promise<DocumentScan> {
    try {
      return asScan(
        await this.worker.run({ type: 'edit', doc, changes }, this.options.get(doc)?.config?.customPatterns),
      );
    } catch (error) {
      if ((error as { code?: string }).code !== 'UNKNOWN_DOC' || !this.options.has(doc)) throw error;
      let resync = this.resyncs.get(doc);
      if (!resync) {
        const options = this.options.get(doc)!;
        const text = currentText();
        resync = this.worker.run({ type: 'open', doc, text, options }).then((m) => asScan(m, text));
        this.resyncs.set(doc, resync);
        void resync.finally(() => this.resyncs.get(doc) === resync && this.resyncs.delete(doc));
      }
      return resync;
    }
  }

  async close(doc: string): Promise<void> {
    this.options.delete(doc);
    this.resyncs.delete(doc);
    await this.worker.run({ type: 'close', doc });
  }

  async dispose(): Promise<void> {
    await this.worker.close();
  }
}

function asScan(message: ResultMessage, text?: string): DocumentScan {
  const rescanned = message.rescanned ?? {
    fromLine: 0,
    toLine: text === undefined ? 0 : countLines(text),
    chars: text?.length ?? 0,
    whole: true,
  };
  return { ...message.result, rescanned };
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}
