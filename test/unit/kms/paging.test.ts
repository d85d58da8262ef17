import * as assert from 'node:assert/strict';
import { AdaptiveLimit, collectAll, paginate, RawPage } from '../../../src/core/kms/paging';
import type { SeedFile } from '../../../src/emulator/server';
import { clientFor, count, withEmulator } from './helpers';

const tick = (ms = 2) => new Promise((resolve) => setTimeout(resolve, ms));

/** A server of `total` numbers with a delay per page; records what was asked and how many ran at once. */
function numbers(total: () => number, delay: (page: number) => number = () => 2) {
  const asked: number[] = [];
  let running = 0;
  let peak = 0;
  const fetch = async (page: number, size: number): Promise<RawPage<number>> => {
    asked.push(page);
    running++;
    peak = Math.max(peak, running);
    await tick(delay(page));
    running--;
    const n = total();
    const items = Array.from(
      { length: Math.max(0, Math.min(size, n - (page - 1) * size)) },
      (_, i) => (page - 1) * size + i,
    );
    return { items, totalCount: n };
  };
  return { fetch, asked, peak: () => peak };
}

describe('kms paging: concurrent pages after the first', () => {
  it('fetches page 1 alone, then the rest at most `concurrency` at a time, yielding them in order', async () => {
    // Later pages answer faster than earlier ones: order must still hold.
    const server = numbers(
      () => 1000,
      (page) => (page === 1 ? 5 : 20 - page),
    );
    let firstAnswered = false;
    const fetch = async (page: number, size: number) => {
      assert.ok(page === 1 || firstAnswered, `page ${page} asked before page 1 was in`);
      const result = await server.fetch(page, size);
      if (page === 1) firstAnswered = true;
      return result;
    };
    let askedWhenFirstHandedOver: number[] = [];
    const order: number[] = [];
    for await (const page of paginate(fetch, { pageSize: 100, concurrency: 4 })) {
      if (page.pageNumber === 1) askedWhenFirstHandedOver = [...server.asked];
      order.push(page.pageNumber);
      assert.equal(page.items[0], (page.pageNumber - 1) * 100);
    }
    assert.deepEqual(askedWhenFirstHandedOver, [1, 2, 3, 4, 5], 'the next window is on its way while page 1 shows');
    assert.deepEqual(order, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.equal(server.peak(), 4);
  });

  it('with concurrency 1 asks one page after another', async () => {
    const server = numbers(() => 500);
    assert.equal((await collectAll(paginate(server.fetch, { pageSize: 100, concurrency: 1 }))).length, 500);
    assert.equal(server.peak(), 1);
  });

  it('stops launching when the consumer breaks, and a failure ahead of the stop is not unhandled', async () => {
    let calls = 0;
    const fetch = async (page: number, size: number) => {
      calls++;
      await tick();
      if (page === 3) throw new Error('page 3 fails after the consumer left');
      return { items: Array.from({ length: size }, (_, i) => i), totalCount: 10_000 };
    };
    for await (const page of paginate(fetch, { pageSize: 100, concurrency: 3 })) if (page.pageNumber === 2) break;
    assert.equal(calls, 4, 'page 1, then a window of 3; nothing more');
    await tick(20); // an unhandled rejection would fail the run here
  });

  it('yields the pages before a failed one, then throws its error', async () => {
    const fetch = async (page: number, size: number) => {
      await tick(page === 4 ? 1 : 5);
      if (page === 4) throw new Error('page 4 failed');
      return { items: Array.from({ length: size }, (_, i) => i), totalCount: 1000 };
    };
    const got: number[] = [];
    await assert.rejects(async () => {
      for await (const page of paginate(fetch, { pageSize: 100 })) got.push(page.pageNumber);
    }, /page 4 failed/);
    assert.deepEqual(got, [1, 2, 3]);
  });

  it('stops at a short page even when the total promised more, and goes on when the total grew', async () => {
    let total = 450;
    const shrinking = numbers(() => total);
    const pages = paginate(shrinking.fetch, { pageSize: 100, concurrency: 2 });
    const first = await pages.next();
    assert.equal(first.value?.totalCount, 450);
    total = 250; // deleted while listing
    const rest = await collectAll({ [Symbol.asyncIterator]: () => pages });
    assert.equal(rest.length, 150, 'pages 2 and 3 (short), nothing after');

    let growing = 300;
    const grows = numbers(() => growing);
    const all: number[] = [];
    for await (const page of paginate(grows.fetch, { pageSize: 100, concurrency: 2 })) {
      all.push(...page.items);
      if (page.pageNumber === 1) growing = 520; // created while listing
    }
    assert.equal(all.length, 520);
    assert.deepEqual(
      all,
      Array.from({ length: 520 }, (_, i) => i),
    );
  });

  it('narrows the window on throttling and widens it again as pages succeed', () => {
    const limit = new AdaptiveLimit(8);
    limit.throttled();
    assert.equal(limit.current, 4);
    limit.throttled();
    limit.throttled();
    limit.throttled();
    assert.equal(limit.current, 1);
    limit.succeeded();
    assert.equal(limit.current, 2, 'one success at width 1 adds one');
    for (let i = 0; i < 2; i++) limit.succeeded();
    assert.equal(limit.current, 3);
    for (let i = 0; i < 100; i++) limit.succeeded();
    assert.equal(limit.current, 8, 'never above the starting width');
  });

  it('runs fewer pages at once after a throttled one', async () => {
    const limit = new AdaptiveLimit(8);
    let running = 0;
    const peakAfterThrottle: number[] = [];
    let throttledAt: number | undefined;
    const fetch = async (page: number, size: number) => {
      running++;
      if (throttledAt !== undefined && page > throttledAt + 8) peakAfterThrottle.push(running);
      await tick(3);
      if (page === 5 && throttledAt === undefined) {
        throttledAt = page;
        for (let i = 0; i < 3; i++) limit.throttled(); // as three retries of a throttled request would report
      }
      running--;
      return { items: Array.from({ length: size }, (_, i) => i), totalCount: 3000 };
    };
    const pages = await collectAll(paginate(fetch, { pageSize: 100, concurrency: limit }));
    assert.equal(pages.length, 3000);
    assert.ok(peakAfterThrottle.length > 0 && Math.max(...peakAfterThrottle) < 8, `${peakAfterThrottle}`);
  });
});

describe('KmsClient.listSecretPages: concurrent pages against the emulator', function () {
  this.timeout(30_000);
  const seed = (n: number): SeedFile =>
    ({
      secrets: Array.from({ length: n }, (_, i) => ({
        name: `bulk/${String(i).padStart(4, '0')}`,
        versions: [{ versionId: 'v1', value: `v-${i}`, stages: ['ACSCurrent'] }],
      })),
    }) as SeedFile;

  it('lists every secret once, in KMS order, with the pages after the first in flight together', async () => {
    await withEmulator({ seed: seed(1000), latencyMs: 400 }, async (emulator) => {
      const client = clientFor(emulator, { cache: false });
      /** ListSecrets requests that reached the emulator 200 ms after page 1 (answers take 400 ms). */
      const inFlightAfterFirst = async (concurrency?: number) => {
        const before = count(emulator, 'ListSecrets');
        const names: string[] = [];
        let arrived = 0;
        for await (const page of client.listSecretPages({ pageSize: 100, concurrency })) {
          if (page.pageNumber === 1) {
            await new Promise((resolve) => setTimeout(resolve, 200));
            arrived = count(emulator, 'ListSecrets') - before;
          }
          names.push(...page.secrets.map((s) => s.name));
        }
        return { names, arrived };
      };
      const concurrent = await inFlightAfterFirst();
      assert.equal(concurrent.arrived, 9, 'page 1, then pages 2–9 at once');
      assert.deepEqual(
        concurrent.names,
        Array.from({ length: 1000 }, (_, i) => `bulk/${String(i).padStart(4, '0')}`),
      );
      const sequential = await inFlightAfterFirst(1);
      assert.equal(sequential.arrived, 2, 'with concurrency 1, one page at a time');
      assert.deepEqual(sequential.names, concurrent.names);
    });
  });

  it('backs off when KMS throttles and still lists everything in order', async () => {
    await withEmulator({ seed: seed(600), throttleRate: 0.3 }, async (emulator) => {
      const retries: string[] = [];
      const client = clientFor(emulator, {
        cache: false,
        retry: { maxAttempts: 10 },
        onRetry: (error) => retries.push(error.kind),
      });
      const names = (await collectAll(client.listSecretPages({ pageSize: 20 }))).map((s) => s.name);
      assert.deepEqual(
        names,
        Array.from({ length: 600 }, (_, i) => `bulk/${String(i).padStart(4, '0')}`),
      );
      assert.ok(retries.includes('throttled'), 'some pages were throttled and retried');
      assert.ok(count(emulator, 'ListSecrets') > 30);
    });
  });
});
