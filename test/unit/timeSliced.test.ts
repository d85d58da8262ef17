import * as assert from 'node:assert/strict';
import { filterTimeSliced } from '../../src/core/timeSliced';

/** Keeps the thread busy for `ms` (a slow predicate: a glob, a .gitignore, a path computation). */
function spin(ms: number): void {
  for (const end = performance.now() + ms; performance.now() < end;);
}

describe('filterTimeSliced', () => {
  it('keeps what filter keeps, in order', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    assert.deepEqual(
      await filterTimeSliced(items, (i) => i % 7 === 0),
      items.filter((i) => i % 7 === 0),
    );
    assert.deepEqual(await filterTimeSliced([], () => true), []);
  });

  it('lets timers run while a slow filter works, never holding the thread much past a slice', async () => {
    const ticks: number[] = [];
    let last = performance.now();
    let longest = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      ticks.push(now);
    }, 1);
    try {
      // 4,000 items at 0.1 ms each: 400 ms of work in one go without slicing (a shared machine may still pause the
      // process for a tick or two: the bound below leaves room for that, and none for an unsliced run).
      const kept = await filterTimeSliced(
        Array.from({ length: 4000 }, (_, i) => i),
        (i) => {
          spin(0.1);
          return i % 2 === 0;
        },
        { sliceMs: 10 },
      );
      assert.equal(kept.length, 2000);
    } finally {
      clearInterval(timer);
    }
    assert.ok(ticks.length >= 5, `the timer ran ${ticks.length} times during 400 ms of filtering`);
    assert.ok(longest < 200, `the thread was held for ${longest.toFixed(0)} ms`);
  });

  it('stops when cancelled, returning what it kept so far', async () => {
    let seen = 0;
    const kept = await filterTimeSliced(
      Array.from({ length: 10_000 }, (_, i) => i),
      () => {
        seen++;
        spin(0.05);
        return true;
      },
      { sliceMs: 5, cancelled: () => seen > 500 },
    );
    assert.ok(kept.length < 10_000 && kept.length === seen, `kept ${kept.length} of ${seen} seen`);
  });
});
