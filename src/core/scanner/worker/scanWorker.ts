/**
 * The scan worker thread (bundled as dist/scanWorker.js): scans files, texts and open documents for its host, and
 * announces each custom pattern before running it so the host can stop one that runs away.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { useBundle } from '../../displayLanguage';
import { scanText } from '../engine';
import { scanFile } from '../files';
import { DocumentScanner } from '../incremental';
import type { ScanOptions, ScanResult } from '../types';
import type { WorkerMessage, WorkerOptions, WorkerRequest, WorkerResponse } from './protocol';

const port = parentPort;
if (!port) throw new Error('scanWorker.js runs only as a worker thread.');
useBundle((workerData as { l10nBundle?: Parameters<typeof useBundle>[0] } | null)?.l10nBundle);

const documents = new Map<string, { scanner: DocumentScanner; maxFindings?: number }>();
const post = (message: WorkerMessage): void => port.postMessage(message);

/** Files' results held back until the requests already delivered are handled (see WorkerMessage). */
const held: WorkerResponse[] = [];
const HOLD_AT_MOST = 8;
let flushing: NodeJS.Immediate | undefined;

/** Posts a response, with any held before it. */
function send(message: WorkerResponse): void {
  held.push(message);
  flush();
}

function flush(): void {
  clearImmediate(flushing);
  flushing = undefined;
  if (held.length > 1) post({ type: 'batch', messages: held.splice(0) });
  else if (held.length) post(held.pop()!);
}

/**
 * A file's result waits while the requests delivered with its own are handled (they come in one turn of the event
 * loop), a few at most; never one that ran custom patterns: the host's watchdog times those by the result.
 */
function sendFileResult(message: WorkerResponse, ranCustomPatterns: boolean): void {
  held.push(message);
  if (ranCustomPatterns || held.length >= HOLD_AT_MOST) flush();
  else flushing ??= setImmediate(flush);
}

function optionsFor(id: number, options: WorkerOptions): ScanOptions {
  return { ...options, beforeCustomPattern: (index) => send({ type: 'pattern', id, index }) };
}

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'file':
      sendFileResult(
        {
          type: 'result',
          id: request.id,
          result: await scanFile(request.file, optionsFor(request.id, request.options)),
        },
        !!request.options.config?.customPatterns?.length,
      );
      return;
    case 'text':
      send({ type: 'result', id: request.id, result: scanText(request.text, optionsFor(request.id, request.options)) });
      return;
    case 'open': {
      const scanner = new DocumentScanner(optionsFor(request.id, request.options));
      const { maxFindings } = request.options;
      documents.set(request.doc, { scanner, maxFindings });
      send({ type: 'result', id: request.id, result: capped(scanner.open(request.text), maxFindings) });
      return;
    }
    case 'edit': {
      const held = documents.get(request.doc);
      if (!held) {
        send({
          type: 'error',
          id: request.id,
          message: 'The worker does not hold this document.',
          code: 'UNKNOWN_DOC',
        });
        return;
      }
      const { rescanned, ...result } = held.scanner.edit(request.changes);
      send({ type: 'result', id: request.id, result: capped(result, held.maxFindings), rescanned });
      return;
    }
    case 'close':
      documents.delete(request.doc);
      send({ type: 'result', id: request.id, result: { findings: [] } });
  }
}

/**
 * A result with at most `max` findings: a hostile document can hold a hundred thousand, and an editor must not spend
 * its event loop receiving them. The rest are counted and said.
 */
function capped(result: ScanResult, max: number | undefined): ScanResult {
  if (max === undefined || result.findings.length <= max) return result;
  const omittedFindings = result.findings.length - max;
  const notice = `${omittedFindings} more finding(s) are not shown.`;
  return {
    ...result,
    findings: result.findings.slice(0, max),
    omittedFindings,
    notice: result.notice ? `${result.notice} ${notice}` : notice,
  };
}

// Requests are handled one at a time, in order: an edit never overtakes the open before it.
let queue = Promise.resolve();
port.on('message', (request: WorkerRequest) => {
  queue = queue.then(() =>
    handle(request).catch((error: NodeJS.ErrnoException) =>
      send({ type: 'error', id: request.id, message: error?.message ?? String(error), code: error?.code }),
    ),
  );
});
