import * as assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEFAULT_PAGE_CONCURRENCY } from '../../../src/core/kms/paging';
import type { SeedFile } from '../../../src/emulator/server';
import { useEmulator } from '../fixtures';
import { report } from '../index';
import { isSecret } from './helpers';

const COUNT = 10_000;

/** A full GC before reading the heap, so the figures compare live objects, not garbage (no --expose-gc in the host). */
function collect(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
const LATENCY_MS = 20;

/** Figures for the note (printed, not asserted on time): 10,000 secrets at 20 ms per request. */
describe('Secrets explorer at 10,000 secrets', function () {
  this.timeout(180_000);
  const seed: SeedFile = {
    secrets: Array.from({ length: COUNT }, (_, i) => ({
      name: `bulk/service-${String(i).padStart(5, '0')}/password`,
      tags: { env: i % 2 ? 'dev' : 'prod', team: `team-${i % 17}` },
      versions: [{ versionId: 'v1', value: `bulk-value-${i}`, stages: ['ACSCurrent'] }],
    })),
  } as SeedFile;
  const fx = useEmulator({ seed, latencyMs: LATENCY_MS });

  it('shows the first page at once and lists all in the background', async () => {
    const tree = fx.api.explorer.tree;
    tree.refresh();
    collect();
    const heapBefore = process.memoryUsage();
    const started = Date.now();
    const firstRows = await tree.getChildren();
    const firstVisible = Date.now() - started;
    assert.ok(firstRows.length > 0 && firstRows.length < COUNT, `first page only (${firstRows.length} rows)`);

    const list = await tree.whenListed();
    const all = Date.now() - started;
    const rows = (await tree.getChildren()).filter(isSecret);
    assert.equal(rows.length, COUNT);
    for (const r of rows.slice(0, 50)) tree.getTreeItem(r);
    collect();
    const heapAfter = process.memoryUsage();
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    const lines = [
      `explorer figures: ${COUNT} secrets, ${LATENCY_MS} ms latency, page size ${firstRows.length - 1}, pages after the first up to ${DEFAULT_PAGE_CONCURRENCY} at a time (goals: first page < 300 ms, all < 1 s)`,
      `  first page visible: ${firstVisible} ms (list stats: ${(list.stats.firstPageAt ?? 0) - list.stats.startedAt} ms)`,
      `  all ${COUNT} listed: ${all} ms (list stats: ${(list.stats.completeAt ?? 0) - list.stats.startedAt} ms); requests: ${JSON.stringify(fx.kms.stats().byAction.ListSecrets ?? 0)} ListSecrets`,
      `  extension host memory (after GC; the in-process emulator holds its own copy of the 10,000): heapUsed ${mb(heapBefore.heapUsed)} → ${mb(heapAfter.heapUsed)} MB (+${mb(heapAfter.heapUsed - heapBefore.heapUsed)} for the listed tree), rss ${mb(heapBefore.rss)} → ${mb(heapAfter.rss)} MB`,
    ];
    for (const line of lines) report(`      ${line}`);
  });
});
