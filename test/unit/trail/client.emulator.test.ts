/**
 * The ActionTrail core over the real SDK path (KmsTransport → rpc-client) against the emulator: Show Usage, unused
 * secrets from one query stream, paging, windows, permission, throttling and backoff, KMS instance endpoints, the
 * last-read cache — and never a value.
 */
import * as assert from 'node:assert/strict';
import { CredentialResolver, KmsError } from '../../../src/core/kms';
import {
  createTrailClientSync,
  findUnusedSecrets,
  SecretUsageCursor,
  SecretUsageService,
  TrailClient,
  TrailClientOptions,
} from '../../../src/core/trail';
import { RunningEmulator, SeedFile, startEmulator } from '../../../src/emulator/server';
import type { SeedEvent } from '../../../src/emulator/trail/seedEvents';
import { AK, clientFor as kmsClientFor, count, STS } from '../kms/helpers';
import { readEvent, secret } from './helpers';

const CANARY = 'canary-usage-Hw72qPz9';
const fast = { sleep: async () => undefined, random: () => 0.5, minIntervalMs: 0 };

function trailFor(
  emulator: RunningEmulator,
  options: TrailClientOptions = {},
  keys: { accessKeyId: string; accessKeySecret: string; securityToken?: string } = AK,
  endpoint = emulator.url,
): TrailClient {
  return createTrailClientSync(
    { source: { kind: 'static', ...keys }, region: 'cn-hangzhou', endpoint, trailEndpoint: emulator.url },
    { ...fast, ...options },
  );
}

async function withTrail(
  seed: SeedFile,
  body: (emulator: RunningEmulator) => Promise<void>,
  trail: Parameters<typeof startEmulator>[0] = {},
): Promise<void> {
  const emulator = await startEmulator({
    credentials: [AK, STS],
    seed,
    ...trail,
    trail: { lookupsPerSecond: 0, ...trail.trail },
  });
  try {
    await body(emulator);
  } finally {
    await emulator.close();
  }
}

const role = { type: 'assumed-role', userName: 'orders-app:deploy-7', accessKeyId: 'STS.testOrdersRole99' };

function usageSeed(): SeedFile {
  return {
    secrets: [secret('app/db', CANARY), secret('app/other')],
    events: [
      readEvent('app/db', '-75d'),
      readEvent('app/db', '-45d'),
      readEvent('app/db', '-3d', { errorCode: 'Forbidden.NoPermission', sourceIpAddress: '198.51.100.23' }),
      { eventName: 'PutSecretValue', eventTime: '-2d', requestParameters: { SecretName: 'app/db', VersionId: 'v2' } },
      readEvent('app/db', '-1h', { userIdentity: role, userAgent: 'AlibabaCloud Java/17' }),
      readEvent('app/other', '-30m'),
    ],
  } as SeedFile;
}

describe('trail client against the emulator: Show Usage', () => {
  it('lists reads and writes of one secret newest first, across the windows of 90 days, never a value', async () => {
    await withTrail(usageSeed(), async (emulator) => {
      await kmsClientFor(emulator).getSecretValue('app/db');
      const before = count(emulator, 'LookupEvents');
      const events = await new SecretUsageCursor(trailFor(emulator), 'app/db', { days: 90 }).all();
      assert.equal(count(emulator, 'LookupEvents') - before, 3, 'three windows of at most 30 days');
      assert.deepEqual(
        events.map((e) => [e.action, e.principal, e.principalType, e.errorCode ?? '-']),
        [
          ['GetSecretValue', 'emulator-user', 'ram-user', '-'],
          ['GetSecretValue', 'orders-app:deploy-7', 'assumed-role', '-'],
          ['PutSecretValue', 'emulator-user', 'ram-user', '-'],
          ['GetSecretValue', 'alice', 'ram-user', 'Forbidden.NoPermission'],
          ['GetSecretValue', 'alice', 'ram-user', '-'],
          ['GetSecretValue', 'alice', 'ram-user', '-'],
        ],
      );
      const [mine, app] = events;
      assert.equal(
        mine.accessKeyId,
        'test…k-ak'.replace('k-ak', '-ak') === mine.accessKeyId ? mine.accessKeyId : 'tes…',
      );
      assert.equal(mine.sourceIp, '127.0.0.1');
      assert.match(mine.userAgent ?? '', /AlibabaCloud/);
      assert.deepEqual(
        [app.accessKeyId, app.userAgent, app.readWrite],
        ['STS.test…le99', 'AlibabaCloud Java/17', 'Read'],
      );
      assert.ok(!JSON.stringify(events).includes(CANARY));

      const week = await new SecretUsageCursor(trailFor(emulator), 'app/db', { days: 7 }).all();
      assert.equal(week.length, 4);
    });
  });

  it('pages 50 at a time over many LookupEvents pages; a failed page is asked again, nothing lost', async () => {
    const events: SeedEvent[] = [];
    for (let i = 0; i < 130; i++) events.push(readEvent('app/db', `-${10 + i * 30}m`));
    for (let i = 0; i < 60; i++) events.push(readEvent('app/other', `-${20 + i * 30}m`));
    await withTrail(
      { secrets: [secret('app/db')], events } as SeedFile,
      async (emulator) => {
        const cursor = new SecretUsageCursor(trailFor(emulator, { retry: { maxAttempts: 1 } }), 'app/db');
        const first = await cursor.next(50);
        assert.equal(first.length, 50);
        assert.ok(!cursor.done);
        emulator.setFaults({ failRate: 1 });
        await assert.rejects(cursor.next(50), (e: unknown) => e instanceof KmsError && e.kind === 'unavailable');
        emulator.setFaults({ failRate: 0 });
        const rest = [...(await cursor.next(50)), ...(await cursor.next(50))];
        assert.deepEqual([rest.length, cursor.done], [80, true]);
        const all = [...first, ...rest];
        assert.equal(new Set(all.map((e) => e.eventId)).size, 130);
        assert.deepEqual(
          all.map((e) => e.timeMs),
          [...all.map((e) => e.timeMs)].sort((a, b) => b - a),
        );
        assert.equal(cursor.scanned, 190, 'every KMS event of the window was looked at once');
        assert.deepEqual(await cursor.next(50), []);
      },
      { random: () => 0.2 },
    ); // every injected failure is a 503, never the HTML 502 (a different kind)
  });
});

describe('trail client against the emulator: unused secrets', () => {
  const names = Array.from({ length: 20 }, (_, i) => `app/s${String(i).padStart(2, '0')}`);
  const seed = (): SeedFile =>
    ({
      secrets: names.map((n) => secret(n)),
      events: [
        ...names.slice(0, 18).map((n, i) => readEvent(n, `-${i + 1}d`)),
        readEvent(names[18], '-40d'),
        { eventName: 'DescribeSecret', eventTime: '-1d', requestParameters: { SecretName: names[19] } },
      ],
    }) as SeedFile;

  it('answers from one query stream for the whole window, grouped by secret here, never one query per secret', async () => {
    await withTrail(seed(), async (emulator) => {
      const trail = trailFor(emulator);
      const month = await findUnusedSecrets(trail, names, { days: 30 });
      assert.deepEqual(month.unused, [names[18], names[19]]);
      assert.equal(month.pages, 1);
      assert.equal(count(emulator, 'LookupEvents'), 1, 'one call for twenty secrets');
      assert.equal(month.lastRead.get(names[3])?.principal, 'alice');
      assert.ok(month.complete);

      const twoMonths = await findUnusedSecrets(trail, names, { days: 60 });
      assert.deepEqual(twoMonths.unused, [names[19]], 'a describe is not a read');
      assert.equal(twoMonths.pages, 2);
      assert.ok(Math.abs(Date.now() - 40 * 86_400_000 - (twoMonths.lastRead.get(names[18])?.timeMs ?? 0)) < 5000);
    });
  });

  it('stops as soon as every secret has been seen', async () => {
    await withTrail(seed(), async (emulator) => {
      const report = await findUnusedSecrets(trailFor(emulator), names.slice(0, 5), { days: 90 });
      assert.deepEqual([report.unused, report.pages], [[], 1]);
    });
  });
});

describe('trail client against the emulator: errors and limits', () => {
  it('refuses a KMS instance endpoint with one sentence (its reads go to SLS) and sends nothing', async () => {
    await withTrail(usageSeed(), async (emulator) => {
      const trail = trailFor(emulator, {}, AK, 'https://kst-hzz6abc123.cryptoservice.kms.aliyuncs.com');
      const sls = (e: unknown) =>
        e instanceof KmsError &&
        e.code === 'KmsInstanceEndpoint' &&
        /Simple Log Service \(SLS\), not in ActionTrail/.test(e.message);
      assert.throws(() => new SecretUsageCursor(trail, 'app/db'), sls);
      await assert.rejects(findUnusedSecrets(trail, ['app/db']), sls);
      assert.equal(count(emulator, 'LookupEvents'), 0);
    });
  });

  it('names the action and the policy when the caller may not look up events', async () => {
    const denied = { accessKeyId: 'no-trail', accessKeySecret: 'no-trail-sk' };
    await withTrail(
      usageSeed(),
      async (emulator) => {
        await assert.rejects(
          new SecretUsageCursor(trailFor(emulator, {}, denied), 'app/db').all(),
          (e: unknown) =>
            e instanceof KmsError &&
            e.kind === 'noPermission' &&
            e.httpStatus === 403 &&
            e.message ===
              'Your RAM identity may not call actiontrail:LookupEvents. Ask an administrator to grant that action, for example with the AliyunActionTrailReadOnlyAccess policy.',
        );
      },
      { credentials: [AK, denied], trail: { deniedAccessKeyIds: [denied.accessKeyId] } },
    );
  });

  it('paces calls under 2 per second, backs off when throttled, and says so when throttling persists', async () => {
    const events: SeedEvent[] = [];
    for (let i = 0; i < 120; i++) events.push(readEvent('app/db', `-${10 + i * 30}m`));
    await withTrail(
      { secrets: [secret('app/db')], events } as SeedFile,
      async (emulator) => {
        const real = { sleep: undefined, minIntervalMs: undefined };
        let retries = 0;
        const paced = trailFor(emulator, { ...real, onRetry: () => retries++ });
        const started = Date.now();
        assert.equal((await new SecretUsageCursor(paced, 'app/db').all()).length, 120);
        assert.equal(retries, 0, 'paced calls are never throttled');
        assert.ok(Date.now() - started >= 900, 'three calls take at least a second');

        await new Promise((resolve) => setTimeout(resolve, 1100));
        const codes: string[] = [];
        const unpaced = trailFor(emulator, {
          sleep: undefined,
          retry: { baseDelayMs: 800, maxDelayMs: 1600 },
          random: () => 0.99,
          onRetry: (e) => codes.push(`${e.kind}:${e.code}`),
        });
        assert.equal((await new SecretUsageCursor(unpaced, 'app/db').all()).length, 120);
        assert.ok(codes.length >= 1 && codes.every((c) => c === 'throttled:Throttling.User'), codes.join());

        await new Promise((resolve) => setTimeout(resolve, 1100));
        const impatient = trailFor(emulator, { retry: { maxAttempts: 1 } });
        await assert.rejects(
          new SecretUsageCursor(impatient, 'app/db').all(),
          (e: unknown) =>
            e instanceof KmsError && e.kind === 'throttled' && /allows two lookups per second/.test(e.message),
        );
      },
      { trail: { lookupsPerSecond: 2 } },
    );
  });

  it('signs with STS credentials, and can share the KMS connection credential resolver', async () => {
    await withTrail(usageSeed(), async (emulator) => {
      const resolver = new CredentialResolver({ kind: 'static', ...STS });
      const trail = trailFor(emulator, { credentials: resolver }, { accessKeyId: 'unused', accessKeySecret: 'x' });
      assert.equal((await new SecretUsageCursor(trail, 'app/db').all()).length, 3);
    });
  });
});

describe('trail client against the emulator: SecretUsageService (the editor API)', () => {
  it('answers lastRead from memory only, fed by unused scans and Show Usage; shares identical scans', async () => {
    await withTrail(usageSeed(), async (emulator) => {
      const service = new SecretUsageService(trailFor(emulator));
      assert.equal(service.lastRead('app/db'), undefined);
      assert.equal(count(emulator, 'LookupEvents'), 0, 'asking the cache never sends a request');

      const [a, b] = await Promise.all([
        service.unused(['app/db', 'app/other', 'app/never'], { days: 30 }),
        service.unused(['app/never', 'app/other', 'app/db'], { days: 30 }),
      ]);
      assert.equal(a, b, 'one scan for the same question');
      assert.equal(count(emulator, 'LookupEvents'), 1);
      assert.deepEqual(a.unused, ['app/never']);
      const db = service.lastRead('app/db');
      assert.equal(db?.kind, 'read');
      assert.deepEqual(db?.kind === 'read' && [db.principal, db.principalType], [
        'orders-app:deploy-7',
        'assumed-role',
      ]);
      assert.deepEqual(service.lastRead('app/never'), {
        kind: 'notRead',
        days: 30,
        checkedAtMs: service.lastRead('app/never')?.checkedAtMs,
      });

      const cursor = service.openUsage('app/other', { days: 7 });
      await cursor.next(10);
      const other = service.lastRead('app/other');
      assert.ok(other?.kind === 'read' && other.principal === 'alice');
    });
  });

  it('expires what it knows', async () => {
    await withTrail(usageSeed(), async (emulator) => {
      let now = Date.now();
      const service = new SecretUsageService(trailFor(emulator), { now: () => now, lastReadTtlMs: 60_000 });
      await service.unused(['app/db'], { days: 7 });
      assert.ok(service.lastRead('app/db'));
      now += 61_000;
      assert.equal(service.lastRead('app/db'), undefined);
    });
  });
});
