/**
 * Choosing names that do not collide, for "Move to KMS secret…" and Create Secret: a secret name KMS does not hold yet,
 * an environment variable the references env file does not define yet, and what an existing entry of that file holds.
 * Pure (the KMS lookup is passed in), so every rule is unit-tested in plain Node.
 */
import { envFileRecord, parseEnvFile } from './env/envFile';
import { isReference, MAX_NAME_LENGTH } from './reference';

/**
 * `base`, then `base-2`, `base-3`… (each within KMS's 192 characters): what a taken suggestion falls back to. Names in
 * `avoid` (already chosen for another secret of the same flow) are skipped.
 */
export function secretNameCandidates(
  base: string,
  { count = 5, avoid = [] }: { count?: number; avoid?: readonly string[] } = {},
): string[] {
  const names: string[] = [];
  for (let n = 1; names.length < count; n++) {
    const suffix = `-${n}`;
    const name = n === 1 ? base : `${base.slice(0, MAX_NAME_LENGTH - suffix.length)}${suffix}`;
    if (!avoid.includes(name)) names.push(name);
  }
  return names;
}

/**
 * The first candidate that `exists` says is free, asked in parallel. When KMS cannot answer (a failure, no permission),
 * the first candidate: a suggestion must never block the prompt, and the request itself still says if it is taken.
 */
export async function firstFreeName(
  candidates: readonly string[],
  exists: (name: string) => Promise<boolean>,
): Promise<string> {
  const answers = await Promise.all(candidates.map((name) => exists(name).catch(() => undefined)));
  if (answers.some((a) => a === undefined)) return candidates[0];
  const free = candidates.find((_, i) => answers[i] === false);
  return free ?? candidates[0];
}

/** `BASE`, else `BASE_2`, `BASE_3`…: the first name `taken` does not hold. */
export function freeEnvVarName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const name = `${base}_${n}`;
    if (!taken.has(name)) return name;
  }
}

/** The variables an env file defines (empty for a file that does not exist yet). */
export function envFileKeys(text: string | undefined): Set<string> {
  return new Set(text === undefined ? [] : parseEnvFile(text).entries.map((e) => e.key));
}

/**
 * What `name` holds in the references env file, seen from a move that would write `reference` there: nothing (`free`),
 * that very reference (`same`: nothing to write), another reference (`reference`: reuse it or replace it), or a plain
 * value (`plain`: replace it or pick another name).
 */
export type EnvEntryState =
  { kind: 'free' } | { kind: 'same' } | { kind: 'reference'; value: string } | { kind: 'plain' };

export function envEntryState(text: string | undefined, name: string, reference: string): EnvEntryState {
  if (text === undefined) return { kind: 'free' };
  const record = envFileRecord(text);
  if (!Object.prototype.hasOwnProperty.call(record, name)) return { kind: 'free' };
  const value = record[name];
  if (value === reference) return { kind: 'same' };
  return isReference(value) ? { kind: 'reference', value } : { kind: 'plain' };
}

/** An environment variable name code can read in every language the scanner fixes; undefined when fine. */
export function validateEnvVarName(name: string): string | undefined {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? undefined : 'Use letters, digits and _, not starting with a digit.';
}

/** `chosen`: free in KMS as far as the caller knows, but the flow already gave that name to another of its secrets. */
export type Availability = 'free' | 'taken' | 'chosen' | 'unknown';

export interface AvailabilityOptions {
  /** Quiet time after the last keystroke before KMS is asked. */
  debounceMs?: number;
  /** After this the answer is `unknown`: a slow KMS never holds the box up. */
  timeoutMs?: number;
  /** Names the flow already chose for its other new secrets (not in KMS yet): answered `chosen` without asking. */
  chosen?: readonly string[];
}

/**
 * Whether a typed name is free, for an input box that checks as the user types: each check waits for a quiet moment,
 * a newer name cancels the older one's request (its answer is `undefined`: stale, to be ignored), answers are cached
 * for the box's life, and failures or time-outs answer `unknown` instead of blocking.
 */
export class AvailabilityCheck {
  private readonly cache = new Map<string, Availability>();
  private current?: AbortController;
  private readonly debounceMs: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly exists: (name: string, signal: AbortSignal) => Promise<boolean>,
    options: AvailabilityOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 250;
    this.timeoutMs = options.timeoutMs ?? 3_000;
    for (const name of options.chosen ?? []) this.cache.set(name, 'chosen');
  }

  /** Known answers (names the caller already knows about, e.g. the secrets listed in the explorer). */
  remember(name: string, availability: Availability): void {
    this.cache.set(name, availability);
  }

  /** The cached answer, without asking. */
  known(name: string): Availability | undefined {
    return this.cache.get(name);
  }

  async check(name: string): Promise<Availability | undefined> {
    this.current?.abort(SUPERSEDED);
    const cached = this.cache.get(name);
    if (cached) return cached;
    const controller = new AbortController();
    this.current = controller;
    if (!(await quiet(this.debounceMs, controller.signal))) return undefined;
    const timer = setTimeout(() => controller.abort(TIMED_OUT), this.timeoutMs);
    try {
      const taken = await untilAborted(this.exists(name, controller.signal), controller.signal);
      const answer: Availability = taken ? 'taken' : 'free';
      this.cache.set(name, answer);
      return controller.signal.reason === SUPERSEDED ? undefined : answer;
    } catch {
      return controller.signal.reason === SUPERSEDED ? undefined : 'unknown';
    } finally {
      clearTimeout(timer);
      if (this.current === controller) this.current = undefined;
    }
  }

  /** Cancels the request in flight (the box closed). */
  dispose(): void {
    this.current?.abort(SUPERSEDED);
    this.current = undefined;
  }
}

const SUPERSEDED = 'superseded by a newer name';
const TIMED_OUT = 'timed out';

/** `promise`, or a rejection as soon as `signal` aborts (a lookup that ignores its signal still cannot hold the box). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error(String(signal.reason)));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** True unless `signal` aborted while waiting. */
function quiet(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
