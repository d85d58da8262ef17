// KMS access-layer benchmark: the real SDK over HTTP against the local emulator with 20 ms latency per response.
// Run after `npm run compile-tests` (imports from out/). Prints a small table; exits non-zero on failure.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const out = resolve(process.argv[2] ?? 'out');
const { startEmulator } = require(`${out}/src/emulator/server.js`);
const { KmsClient } = require(`${out}/src/core/kms/index.js`);

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

  let started = performance.now();
  let firstPage;
  let listed = 0;
  let pages = 0;
  for await (const page of client.listSecretPages({ fetchTags: true })) {
    firstPage ??= performance.now() - started;
    listed += page.secrets.length;
    pages++;
  }
  const all = performance.now() - started;
  if (listed !== SECRETS) throw new Error(`listed ${listed} of ${SECRETS}`);
  rows.push([`ListSecrets: first page (100 of ${SECRETS})`, firstPage, '1 request']);
  rows.push([`ListSecrets: all ${SECRETS} secrets`, all, `${pages} requests, sequential pages`]);

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

console.log(`KMS access layer — emulator latency ${LATENCY_MS} ms, Node ${process.version}`);
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`${'measurement'.padEnd(width)} | ${'ms'.padStart(8)} | note`);
console.log(`${'-'.repeat(width)}-|-${'-'.repeat(8)}-|-${'-'.repeat(30)}`);
for (const [label, ms, note] of rows) console.log(`${label.padEnd(width)} | ${ms.toFixed(0).padStart(8)} | ${note}`);
