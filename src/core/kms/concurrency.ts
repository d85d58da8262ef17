/**
 * Bounded concurrency for bulk reads: KMS allows ~450 reads/s per account and region (kms-api.md §8), and a burst of
 * hundreds of parallel requests would throttle itself. Results keep the input order.
 */
import { cancelled } from './errors';

export const DEFAULT_CONCURRENCY = 8;

export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  const workers = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
  let next = 0;
  const run = async (): Promise<void> => {
    while (next < items.length) {
      if (signal?.aborted) throw cancelled();
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: workers }, run));
  return results;
}

export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Like mapWithConcurrency, but one failure does not stop the others: each item gets its own outcome. */
export function settleWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<Settled<R>[]> {
  return mapWithConcurrency(
    items,
    limit,
    (item, index) =>
      fn(item, index).then(
        (value): Settled<R> => ({ ok: true, value }),
        (error: unknown): Settled<R> => ({ ok: false, error }),
      ),
    signal,
  );
}
