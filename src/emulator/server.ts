/**
 * The local KMS emulator: an HTTP(S) server speaking the KMS 2016-01-20 RPC protocol with real signature checks, for
 * tests, the demo and offline work. This file wires the pieces together; the rules live in auth.ts, actions/,
 * faults.ts, seed.ts.
 * It never logs URLs, signatures or values: with `log` set it reports `Action status latency` only.
 */
import { createServer as createHttpServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { ACTIONS } from './actions';
import { refuseWebPages } from './callers';
import { authenticate, CredentialTable, DEFAULT_CREDENTIALS, EmulatorCredential, NonceCache } from './auth';
import { errorBody, errors, KmsError } from './errors';
import { checkRate, drawFault, FaultSettings, NON_JSON_502 } from './faults';
import { Params } from './params';
import { isLoopbackHost } from '../core/kms/endpoint';
import { loadState, NonceJournal, saveState } from './persistence';
import { readRpcRequest } from './request';
import { dumpState, loadSeed, SeedFile } from './seed';
import { Secret } from './model';
import { SecretStore } from './store';
import { saveLater } from './trail/saveLater';
import { dumpEvents, loadEvents } from './trail/seedEvents';
import { ServedCall, sourceIpOf, TrailOptions, TrailState } from './trail/state';

export type { EmulatorCredential } from './auth';
export type { SeedFile } from './seed';

export interface EmulatorOptions {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to DEFAULT_CREDENTIALS (documented in README.md), which are refused on a non-loopback `host`. */
  credentials?: EmulatorCredential[];
  /**
   * Persist every change here (atomic writes); an existing file is loaded at start and wins over `seed`. Used
   * signature nonces are journalled next to it (`<statePath>.nonces`), so a restart reopens no replay window.
   */
  statePath?: string;
  seed?: SeedFile;
  latencyMs?: number;
  failRate?: number;
  throttleRate?: number;
  /** Source of randomness for fault injection only; inject a scripted one for deterministic tests. */
  random?: () => number;
  now?: () => Date;
  region?: string;
  accountId?: string;
  /** PEM certificate and key: serve HTTPS (needed for STS AssumeRole, which the credentials library calls over https only). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Receives one line per request (`Action status latency`) — never values, URLs or signatures. */
  log?: (line: string) => void;
  /** The recorded ActionTrail events and LookupEvents (trail/state.ts). */
  trail?: TrailOptions;
}

export interface RunningEmulator {
  readonly url: string;
  readonly port: number;
  readonly store: SecretStore;
  /** Add credentials at run time (e.g. an STS key pair a test wants to use). */
  readonly credentials: CredentialTable;
  /** Recorded events (`trail.log`), identities, LookupEvents admission. */
  readonly trail: TrailState;
  /** Requests received, by action, and of those the ones refused for flow control (what a client retries). */
  stats(): { requests: number; byAction: Record<string, number>; throttledByAction: Record<string, number> };
  setFaults(f: { latencyMs?: number; failRate?: number; throttleRate?: number }): void;
  close(): Promise<void>;
}

/** Values travel in the query string: a 30,720-byte value percent-encodes to ~92 KB, beyond Node's 16 KB default. */
export const MAX_HEADER_SIZE = 512 * 1024;

export const DEFAULT_REGION = 'cn-hangzhou';
export const DEFAULT_ACCOUNT_ID = '1234567890123456';

const userAgentOf = (req: IncomingMessage): string => {
  const header = req.headers['user-agent'];
  return typeof header === 'string' ? header : '';
};

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (!options.credentials && !isLoopbackHost(host)) {
    // The default keys are printed in the README: anyone who can reach the port could read and change every secret.
    throw new Error(
      `refusing to listen on ${host} with the default credentials, which are public: give your own (--credentials or KMS_EMULATOR_CREDENTIALS), or listen on 127.0.0.1`,
    );
  }
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const store = new SecretStore(options.region ?? DEFAULT_REGION, options.accountId ?? DEFAULT_ACCOUNT_ID);
  const credentials = new CredentialTable(options.credentials ?? DEFAULT_CREDENTIALS);
  const journal = options.statePath ? new NonceJournal(`${options.statePath}.nonces`) : undefined;
  const nonces: NonceCache = new NonceCache(
    journal && ((key, expiry) => journal.append(key, expiry, () => nonces.entries(now().getTime()))),
  );
  const faults: FaultSettings = { latencyMs: 0, failRate: 0, throttleRate: 0 };
  const setFaults = (f: { latencyMs?: number; failRate?: number; throttleRate?: number }) => {
    if (f.latencyMs !== undefined) {
      if (!Number.isFinite(f.latencyMs) || f.latencyMs < 0) throw new RangeError('latencyMs must be >= 0');
      faults.latencyMs = f.latencyMs;
    }
    if (f.failRate !== undefined) faults.failRate = checkRate('failRate', f.failRate);
    if (f.throttleRate !== undefined) faults.throttleRate = checkRate('throttleRate', f.throttleRate);
  };
  setFaults(options);

  const trail = new TrailState(store.region, store.accountId, options.trail);
  const saved = options.statePath ? loadState(options.statePath) : undefined;
  const initial = saved ?? options.seed;
  if (initial) loadSeed(store, initial, now().getTime());
  if (initial) loadEvents(trail, initial.events, now().getTime());
  if (journal) nonces.restore(journal.load(now().getTime()), now().getTime());
  const persist = () => {
    eventSave.cancel();
    if (options.statePath) saveState(options.statePath, { ...dumpState(store), ...dumpEvents(trail) });
  };
  const eventSave = saveLater(persist, 1000, () => options.log?.('state save failed; retrying with the next change'));
  if (options.statePath && !saved) persist();
  /** Saves the change a request made; when the file cannot be written, memory goes back to what the file holds. */
  const persistOrUndo = (before: Map<string, Secret> | undefined) => {
    try {
      persist();
    } catch (error) {
      if (before) {
        store.secrets.clear();
        for (const [name, secret] of before) store.secrets.set(name, secret);
      }
      options.log?.(`state file not written: ${error instanceof Error ? error.message : String(error)}`);
      throw errors.internal();
    }
  };

  // Over plain http on loopback, clients name a loopback host; a DNS-rebound web page names its own (callers.ts).
  const loopbackHttp = !options.tls && isLoopbackHost(host);
  const counters = {
    requests: 0,
    byAction: {} as Record<string, number>,
    throttledByAction: {} as Record<string, number>,
  };
  const timers = new Set<NodeJS.Timeout>();
  const delay = (ms: number) =>
    ms <= 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            timers.delete(t);
            resolve();
          }, ms);
          timers.add(t);
        });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const requestId = randomUUID().toUpperCase();
    const hostId = String(req.headers.host ?? 'kms-emulator');
    let label = '-';
    let status = 200;
    let payload: string;
    let contentType = 'application/json;charset=utf-8';
    counters.requests++;
    try {
      refuseWebPages(req, loopbackHttp);
      const rpc = await readRpcRequest(req);
      // Unknown names are counted under one bucket so a scanner cannot grow the stats without bound.
      label = rpc.action !== undefined && Object.hasOwn(ACTIONS, rpc.action) ? rpc.action : '(unknown)';
      counters.byAction[label] = (counters.byAction[label] ?? 0) + 1;

      const fault = drawFault(faults, random);
      if (fault?.kind === 'error') throw fault.error;
      if (fault?.kind === 'non-json') {
        status = 502;
        contentType = 'text/html';
        payload = NON_JSON_502;
      } else {
        const meta = { requestId, sourceIp: sourceIpOf(req.socket.remoteAddress), userAgent: userAgentOf(req) };
        payload = JSON.stringify({
          RequestId: requestId,
          ...dispatch(rpc.method, rpc.action, new Params(rpc.params), meta),
        });
      }
    } catch (error) {
      const kmsError = error instanceof KmsError ? error : errors.internal();
      if (!(error instanceof KmsError))
        options.log?.(`internal error: ${error instanceof Error ? error.name : typeof error}`);
      status = kmsError.httpStatus;
      if (kmsError.code.includes('Throttling'))
        counters.throttledByAction[label] = (counters.throttledByAction[label] ?? 0) + 1;
      payload = JSON.stringify(errorBody(kmsError, requestId, hostId));
    }
    await delay(faults.latencyMs);
    if (res.destroyed) return;
    res.writeHead(status, {
      'content-type': contentType,
      'x-acs-request-id': requestId,
      'content-length': Buffer.byteLength(payload),
    });
    res.end(payload);
    options.log?.(`${label} ${status} ${Date.now() - started}ms`);
  }

  function dispatch(
    method: string,
    action: string | undefined,
    params: Params,
    meta: Pick<ServedCall, 'requestId' | 'sourceIp' | 'userAgent'>,
  ): Record<string, unknown> {
    if (action === undefined) throw errors.missingParameter('Action');
    if (!Object.hasOwn(ACTIONS, action)) throw errors.actionNotFound();
    const handler = ACTIONS[action];
    if (params.required('Version') !== handler.version) throw errors.invalidVersion();
    const nowMs = now().getTime();
    const caller = authenticate(method, params, { credentials, nonces, nowMs });
    // A copy to go back to if the change cannot be saved (only with --state, and only when something may change).
    const before =
      options.statePath && (handler.mutates || anyExpired(store, nowMs)) ? structuredClone(store.secrets) : undefined;
    const purged = store.purgeExpired(nowMs);
    const served = { action, version: handler.version, mutates: handler.mutates, params, caller, nowMs, ...meta };
    let body: Record<string, unknown>;
    try {
      // Handlers validate before they change anything, so a rejected request leaves nothing new to save.
      body = handler.run({ params, store, nowMs, caller, credentials, trail });
    } catch (error) {
      const recorded = trail.served({ ...served, error });
      if (purged) persistOrUndo(before);
      else if (recorded && options.statePath) eventSave.schedule();
      throw error;
    }
    // Recorded once the change is saved: a request answered with InternalFailure did not happen.
    if (handler.mutates || purged) persistOrUndo(before);
    if (trail.served({ ...served, body }) && options.statePath) eventSave.schedule();
    return body;
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => void handle(req, res);
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key, maxHeaderSize: MAX_HEADER_SIZE }, listener)
    : createHttpServer({ maxHeaderSize: MAX_HEADER_SIZE }, listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `${options.tls ? 'https' : 'http'}://${urlHost}:${port}`,
    port,
    store,
    credentials,
    trail,
    stats: () => ({
      requests: counters.requests,
      byAction: { ...counters.byAction },
      throttledByAction: { ...counters.throttledByAction },
    }),
    setFaults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        eventSave.flush();
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK keeps connections alive; without this close() would wait for them to idle out.
        server.closeAllConnections();
      }),
  };
}

function anyExpired(store: SecretStore, nowMs: number): boolean {
  for (const secret of store.secrets.values())
    if (secret.plannedDeleteTime !== undefined && secret.plannedDeleteTime <= nowMs) return true;
  return false;
}
