/**
 * Work over long lists on a shared thread (the extension host serves every extension): run in slices of a few
 * milliseconds, letting timers and other events through in between.
 */

/** How long one slice may hold the thread. */
export const SLICE_MS = 20;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * `items.filter(keep)`, yielding to the event loop whenever a slice has run for `sliceMs`; stops early (returning what
 * was kept so far) once `cancelled()` says so.
 */
export async function filterTimeSliced<T>(
  items: readonly T[],
  keep: (item: T) => boolean,
  { sliceMs = SLICE_MS, cancelled = () => false }: { sliceMs?: number; cancelled?: () => boolean } = {},
): Promise<T[]> {
  const kept: T[] = [];
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i++) {
    if (keep(items[i])) kept.push(items[i]);
    // Reading the clock for every item would cost more than some predicates.
    if ((i & 31) === 31 && performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      if (cancelled()) break;
      sliceStart = performance.now();
    }
  }
  return kept;
}
