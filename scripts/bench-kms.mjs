// KMS access-layer benchmark: the real SDK over HTTP against the local emulator with 20 ms latency per response.
// Run after `npm run compile-tests` (imports from out/). Prints a small table; exits non-zero on failure.
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const out = resolve(process.argv[2] ?? 'out');
const { startEmulator } = require(`${out}/src/emulator/server.js`);
const { KmsClient, DEFAULT_PAGE_CONCURRENCY } = require(`${out}/src/core/kms/index.js`);

const SECRETS = 10_000;
const LATENCY_MS = 20;
const PARALLEL_READS = 50;
const CONCURRENCY = 10;
const credentials = { accessKeyId: 'bench-ak', accessKeySecret: 'bench-sk' };

const seed = {
  secrets: Array.from({ length: SECRETS }, (_, i) => ({
    name: `bench/${String(i).padStart(5, '0')}`,
    tags: { env: i % 2 ? 'dev' : 'prod' },
    versions: [{ versionId: 'v1', value: `value-${i}`, stages: ['ACSCurrent'] }],
  })),
};

const emulator = await startEmulator({ credentials: [credentials], seed, latencyMs: LATENCY_MS });
const rows = [];
try {
  const client = new KmsClient(
    { source: { kind: 'static', ...credentials }, region: 'cn-hangzhou', endpoint: emulator.url },
    { cache: false },
  );
  await client.checkAccess(); // warm the connection pool, as a real session would have

  // Listing: pages one after another (the anchor: what 0.1.0 did) beside the default, the rest of the pages several
  // at a time once page 1 gave the total. CPU time (this process: client and in-process emulator) beside wall time,
  // since a busy machine stretches the wall time of both.
  const listing = {};
  for (const [mode, concurrency] of [
    ['sequential', 1],
    ['concurrent', undefined],
  ]) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    let firstPage;
    let listed = 0;
    let pages = 0;
    let previous = '';
    for await (const page of client.listSecretPages({ fetchTags: true, concurrency })) {
      firstPage ??= performance.now() - started;
      for (const secret of page.secrets) {
        if (secret.name <= previous) throw new Error(`${mode}: ${secret.name} out of order`);
        previous = secret.name;
      }
      listed += page.secrets.length;
      pages++;
    }
    const all = performance.now() - started;
    const used = process.cpuUsage(cpu);
    if (listed !== SECRETS) throw new Error(`${mode}: listed ${listed} of ${SECRETS}`);
    listing[mode] = { firstPage, all, pages, cpuMs: (used.user + used.system) / 1000 };
  }
  const { sequential, concurrent } = listing;
  const ratio = (a, b) => `${(a / b).toFixed(2)}× the sequential time`;
  rows.push([`ListSecrets, sequential pages: first page (100 of ${SECRETS})`, sequential.firstPage, 'anchor: 0.1.0']);
  rows.push([
    `ListSecrets, sequential pages: all ${SECRETS}`,
    sequential.all,
    `${sequential.pages} requests, ${sequential.cpuMs.toFixed(0)} ms CPU`,
  ]);
  rows.push([
    `ListSecrets, concurrent pages: first page (100 of ${SECRETS})`,
    concurrent.firstPage,
    `${ratio(concurrent.firstPage, sequential.firstPage)}; goal < 300 ms`,
  ]);
  rows.push([
    `ListSecrets, concurrent pages: all ${SECRETS}`,
    concurrent.all,
    `${ratio(concurrent.all, sequential.all)}; ${concurrent.pages} requests, up to ${DEFAULT_PAGE_CONCURRENCY} at a time, ${concurrent.cpuMs.toFixed(0)} ms CPU; goal < 1000 ms`,
  ]);

  let started;
  const names = Array.from({ length: PARALLEL_READS }, (_, i) => `bench/${String(i * 7).padStart(5, '0')}`);
  started = performance.now();
  const results = await client.getSecretValues(names, { concurrency: CONCURRENCY });
  const bulk = performance.now() - started;
  if (results.some((r) => r.error)) throw new Error('a GetSecretValue failed');
  rows.push([
    `GetSecretValue ×${PARALLEL_READS} (concurrency ${CONCURRENCY})`,
    bulk,
    `ideal ${Math.ceil(PARALLEL_READS / CONCURRENCY) * LATENCY_MS} ms`,
  ]);

  started = performance.now();
  const unbounded = await client.getSecretValues(names, { concurrency: PARALLEL_READS });
  const unboundedMs = performance.now() - started;
  if (unbounded.some((r) => r.error)) throw new Error('a GetSecretValue failed');
  rows.push([
    `GetSecretValue ×${PARALLEL_READS} (concurrency ${PARALLEL_READS})`,
    unboundedMs,
    `ideal ${LATENCY_MS} ms`,
  ]);
} finally {
  await emulator.close();
}

console.log(
  `KMS access layer — emulator latency ${LATENCY_MS} ms, Node ${process.version}, load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
);
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`${'measurement'.padEnd(width)} | ${'ms'.padStart(8)} | note`);
console.log(`${'-'.repeat(width)}-|-${'-'.repeat(8)}-|-${'-'.repeat(30)}`);
for (const [label, ms, note] of rows) console.log(`${label.padEnd(width)} | ${ms.toFixed(0).padStart(8)} | ${note}`);
