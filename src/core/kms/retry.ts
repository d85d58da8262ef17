/**
 * Retries with exponential backoff and full jitter. The SDK's own `autoretry` never fires (rpc-client only retries on a
 * RetryError nothing throws, kms-api.md §4), so this is the only retry layer. Sleep and randomness are injectable so
 * tests run without waiting and with known delays.
 */
import { cancelled, KmsError, toKmsError } from './errors';

export interface RetryPolicy {
  /** Total attempts including the first (≥ 1). */
  maxAttempts: number;
  /** Cap of the first backoff; doubles per attempt. */
  baseDelayMs: number;
  /** Upper bound of any single backoff. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 5_000 };

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryOptions {
  policy?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  sleep?: Sleep;
  random?: () => number;
  /** Decides per error; defaults to KmsError.retryable. */
  shouldRetry?: (error: KmsError, attempt: number) => boolean;
  /** Observes each retry (for logging): the error that caused it and the delay chosen. */
  onRetry?: (error: KmsError, attempt: number, delayMs: number) => void;
  action?: string;
}

/** Full jitter (AWS architecture blog): uniform in [0, min(cap, base·2^(attempt-1))). Spreads out clients that failed together. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** A sleep that ends early (rejecting with a `cancelled` KmsError) when the signal fires. */
export const abortableSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Settles with `promise`, or rejects with a `cancelled` error as soon as `signal` fires. The SDK cannot abort its HTTP
 * request, so the request itself runs on until it ends or times out; its outcome is ignored.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, action?: string): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(cancelled(action));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled(action));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Runs `attempt` until it succeeds, fails with a non-retryable error, runs out of attempts or is cancelled. */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const policy = { ...DEFAULT_RETRY, ...options.policy };
  const maxAttempts = Math.max(1, Math.floor(policy.maxAttempts));
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const shouldRetry = options.shouldRetry ?? ((error: KmsError) => error.retryable);
  for (let n = 1; ; n++) {
    if (options.signal?.aborted) throw cancelled(options.action);
    try {
      return await raceAbort(attempt(n), options.signal, options.action);
    } catch (raw) {
      const error = toKmsError(raw, { action: options.action });
      if (error.kind === 'cancelled' || n >= maxAttempts || !shouldRetry(error, n)) throw error;
      const delay = backoffDelay(n, policy, random);
      options.onRetry?.(error, n, delay);
      await sleep(delay, options.signal);
      if (options.signal?.aborted) throw cancelled(options.action);
    }
  }
}
