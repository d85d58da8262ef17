import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEFAULT_PAGE_CONCURRENCY } from '../../../src/core/kms/paging';
import type { SeedFile } from '../../../src/emulator/server';
import { ACCESS_KEY, api, configure, signInWithKeys, signOut, useEmulator } from '../fixtures';
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

/**
 * The same listing against the emulator in its own process (`kms-secrets emulator`), as a real KMS is: above, the
 * in-process emulator signs, checks and answers every page on the extension host's own thread, which the figure
 * then includes.
 */
describe('Secrets explorer at 10,000 secrets, emulator in its own process', function () {
  this.timeout(180_000);
  let emulator: ChildProcess | undefined;
  let dir = '';
  let listRequests = 0;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kms-scale-'));
    const seedFile = path.join(dir, 'seed.json');
    writeFileSync(
      seedFile,
      JSON.stringify({
        secrets: Array.from({ length: COUNT }, (_, i) => ({
          name: `bulk/service-${String(i).padStart(5, '0')}/password`,
          versions: [{ versionId: 'v1', value: `bulk-value-${i}`, stages: ['ACSCurrent'] }],
        })),
      }),
    );
    // out/test/integration/explorer → the repository's dist/cli.js
    const cli = path.resolve(__dirname, '../../../../dist/cli.js');
    const args = [cli, 'emulator', '--port', '0', '--seed', seedFile, '--latency-ms', String(LATENCY_MS), '--verbose'];
    emulator = spawn(process.execPath, args, {
      env: { ...process.env, KMS_EMULATOR_CREDENTIALS: `${ACCESS_KEY.accessKeyId}:${ACCESS_KEY.accessKeySecret}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    createInterface({ input: emulator.stderr! }).on('line', (line) => {
      if (line.startsWith('ListSecrets ')) listRequests++;
    });
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: emulator!.stdout! }).on('line', (line) => {
        const match = /listening on (http:\/\/\S+)/.exec(line);
        if (match) resolve(match[1]);
      });
      emulator!.once('exit', (code) => reject(new Error(`the emulator exited with ${code}`)));
    });
    await api();
    await configure(url);
    await signInWithKeys();
  });
  after(async () => {
    await signOut();
    await configure('');
    emulator?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists all 10,000 with the pages after the first fetched concurrently', async () => {
    const tree = (await api()).explorer.tree;
    tree.refresh();
    const started = Date.now();
    const firstRows = await tree.getChildren();
    const firstVisible = Date.now() - started;
    const list = await tree.whenListed();
    const all = Date.now() - started;
    assert.equal((await tree.getChildren()).filter(isSecret).length, COUNT);
    report(
      `      explorer figures, emulator in its own process: first page visible ${firstVisible} ms (${firstRows.length - 1} rows), all ${COUNT} listed ${all} ms (list stats: ${(list.stats.completeAt ?? 0) - list.stats.startedAt} ms); ${listRequests} ListSecrets`,
    );
  });
});
