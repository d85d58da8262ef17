/**
 * The scan worker thread (bundled as dist/scanWorker.js): scans files, texts and open documents for its host, and
 * announces each custom pattern before running it so the host can stop one that runs away.
 */
import { parentPort } from 'node:worker_threads';
import { scanText } from '../engine';
import { scanFile } from '../files';
import { DocumentScanner } from '../incremental';
import type { ScanOptions } from '../types';
import type { WorkerOptions, WorkerRequest, WorkerResponse } from './protocol';

const port = parentPort;
if (!port) throw new Error('scanWorker.js runs only as a worker thread.');

const documents = new Map<string, DocumentScanner>();
const send = (message: WorkerResponse): void => port.postMessage(message);

function optionsFor(id: number, options: WorkerOptions): ScanOptions {
  return { ...options, beforeCustomPattern: (index) => send({ type: 'pattern', id, index }) };
}

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'file':
      send({
        type: 'result',
        id: request.id,
        result: await scanFile(request.file, optionsFor(request.id, request.options)),
      });
      return;
    case 'text':
      send({ type: 'result', id: request.id, result: scanText(request.text, optionsFor(request.id, request.options)) });
      return;
    case 'open': {
      const scanner = new DocumentScanner(optionsFor(request.id, request.options));
      documents.set(request.doc, scanner);
      send({ type: 'result', id: request.id, result: scanner.open(request.text) });
      return;
    }
    case 'edit': {
      const scanner = documents.get(request.doc);
      if (!scanner) {
        send({
          type: 'error',
          id: request.id,
          message: 'The worker does not hold this document.',
          code: 'UNKNOWN_DOC',
        });
        return;
      }
      const { rescanned, ...result } = scanner.edit(request.changes);
      send({ type: 'result', id: request.id, result, rescanned });
      return;
    }
    case 'close':
      documents.delete(request.doc);
      send({ type: 'result', id: request.id, result: { findings: [] } });
  }
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
