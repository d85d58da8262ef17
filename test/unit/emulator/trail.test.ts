/**
 * The emulator's ActionTrail: every KMS call it serves becomes an event (never with a value), and LookupEvents answers
 * Alibaba's own rpc-client with the documented filters, time rules, paging, permission and rate limit.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as KMS from '@alicloud/kms20160120';
import { RuntimeOptions } from '@alicloud/tea-util';
import { startEmulator, SeedFile } from '../../../src/emulator/server';
import { SeedError } from '../../../src/emulator/seed';
import { AK, clientFor, Json, raw, rejectsWith, withEmulator } from './helpers';
import { DAY, iso, lookup, readEvent, secret, trailSdk } from '../trail/helpers';

const CANARY = 'canary-trail-Zq81vX0pL';

describe('emulator ActionTrail: recording', () => {
  it('records every KMS call it serves: name, time, type, RW, service, region, parameters, identity, IP, agent, error', async () => {
    await withEmulator({ seed: { secrets: [secret('app/db')] } }, async (emulator, kms) => {
      await kms.getSecretValue(new KMS.GetSecretValueRequest({ secretName: 'app/db', versionStage: 'ACSCurrent' }));
      await rejectsWith(
        kms.getSecretValue(new KMS.GetSecretValueRequest({ secretName: 'no/such' })),
        'Forbidden.ResourceNotFound',
        404,
      );
      await kms.createSecret(
        new KMS.CreateSecretRequest({ secretName: 'app/new', secretData: CANARY, versionId: 'v1' }),
      );
      await kms.putSecretValue(
        new KMS.PutSecretValueRequest({ secretName: 'app/new', secretData: `${CANARY}-2`, versionId: 'v2' }),
      );
      await raw(kms, 'ListSecrets', { PageSize: 5 });

      const events = emulator.trail.log.all();
      assert.deepEqual(
        events.map((e) => [e.eventName, e.eventRW, e.requestParameters.SecretName, e.errorCode]),
        [
          ['GetSecretValue', 'Read', 'app/db', ''],
          ['GetSecretValue', 'Read', 'no/such', 'Forbidden.ResourceNotFound'],
          ['CreateSecret', 'Write', 'app/new', ''],
          ['PutSecretValue', 'Write', 'app/new', ''],
          ['ListSecrets', 'Read', undefined, ''],
        ],
      );
      const [read] = events;
      assert.equal(read.eventType, 'ApiCall');
      assert.equal(read.serviceName, 'Kms');
      assert.equal(read.acsRegion, 'cn-hangzhou');
      assert.equal(read.apiVersion, '2016-01-20');
      assert.equal(read.requestParameters.VersionStage, 'ACSCurrent');
      assert.equal(read.resourceName, 'app/db');
      assert.match(read.eventId, /^[0-9a-f-]{36}$/);
      assert.ok(Math.abs(Date.parse(read.eventTime) - Date.now()) < 60_000);
      assert.match(read.requestId, /^[0-9A-F-]{36}$/);
      assert.equal(read.sourceIpAddress, '127.0.0.1');
      assert.match(read.userAgent, /AlibabaCloud .*Node\.js/);
      assert.deepEqual(
        { ...read.userIdentity, principalId: typeof read.userIdentity.principalId },
        {
          type: 'ram-user',
          userName: 'emulator-user',
          accessKeyId: AK.accessKeyId,
          accountId: '1234567890123456',
          principalId: 'string',
        },
      );
      assert.equal(events[1].errorMessage, 'The resource is not found.');
      assert.equal(events[3].requestParameters.VersionId, 'v2');

      const everything = JSON.stringify(events);
      assert.ok(!everything.includes(CANARY), 'a secret value reached an event');
      assert.ok(!everything.includes('SecretData'), 'SecretData reached an event');
    });
  });

  it('records nothing for requests that fail authentication, for LookupEvents itself and for STS', async () => {
    await withEmulator({ seed: { secrets: [secret('app/db')] } }, async (emulator, kms) => {
      const wrong = clientFor(emulator, { ...AK, accessKeySecret: 'not-it' });
      await rejectsWith(raw(wrong, 'ListSecrets', {}), 'SignatureDoesNotMatch', 400);
      await lookup(trailSdk(emulator, AK));
      const assumed = (await kms.doRequest(
        'AssumeRole',
        'HTTPS',
        'POST',
        '2015-04-01',
        'AK',
        { RoleArn: 'acs:ram::1234567890123456:role/orders-app', RoleSessionName: 'deploy-42' },
        null as never,
        new RuntimeOptions({}),
      )) as Json;
      assert.equal(emulator.trail.log.size, 0);

      // The issued STS keys are a role session: the event names role and session, as ActionTrail does.
      const sts = clientFor(emulator, {
        accessKeyId: assumed.Credentials.AccessKeyId,
        accessKeySecret: assumed.Credentials.AccessKeySecret,
        securityToken: assumed.Credentials.SecurityToken,
      });
      await raw(sts, 'DescribeSecret', { SecretName: 'app/db' });
      const [event] = emulator.trail.log.all();
      assert.equal(event.userIdentity.type, 'assumed-role');
      assert.equal(event.userIdentity.userName, 'orders-app:deploy-42');
      assert.equal(event.userIdentity.accessKeyId, assumed.Credentials.AccessKeyId);
      assert.match(event.userIdentity.principalId, /^\d+:deploy-42$/);
    });
  });

  it('names configured identities: a RAM user by name, the root account', async () => {
    const root = { accessKeyId: 'root-ak', accessKeySecret: 'root-sk' };
    await withEmulator(
      {
        credentials: [AK, root],
        seed: { secrets: [secret('app/db')] },
        trail: { identities: { [AK.accessKeyId]: { userName: 'alice' }, 'root-ak': { type: 'root-account' } } },
      },
      async (emulator, kms) => {
        await raw(kms, 'DescribeSecret', { SecretName: 'app/db' });
        await raw(clientFor(emulator, root), 'DescribeSecret', { SecretName: 'app/db' });
        const [alice, owner] = emulator.trail.log.all().map((e) => e.userIdentity);
        assert.deepEqual([alice.type, alice.userName], ['ram-user', 'alice']);
        assert.deepEqual([owner.type, owner.userName, owner.principalId], ['root-account', 'root', '1234567890123456']);
      },
    );
  });
});

/** 120 reads of app/db spread over the last 6 days, plus reads of other secrets and a write. */
function busySeed(): SeedFile {
  const events = [];
  for (let i = 0; i < 120; i++) events.push(readEvent('app/db', `-${60 + i * 60}m`));
  events.push(readEvent('app/other', '-3h', { userIdentity: { type: 'ram-user', userName: 'bob' } }));
  events.push(readEvent('app/other', '-8d'));
  events.push({
    eventName: 'PutSecretValue',
    eventTime: '-2h',
    requestParameters: { SecretName: 'app/db', VersionId: 'v9' },
    sourceIpAddress: '10.0.0.9',
  });
  return { secrets: [secret('app/db'), secret('app/other')], events } as SeedFile;
}

describe('emulator LookupEvents through rpc-client (Version 2020-07-06)', () => {
  it('verifies the signature, the AccessKey and the version like every KMS action', async () => {
    await withEmulator({ seed: busySeed() }, async (emulator) => {
      await rejectsWith(lookup(trailSdk(emulator, { ...AK, accessKeySecret: 'wrong' })), 'SignatureDoesNotMatch', 400);
      await rejectsWith(
        lookup(trailSdk(emulator, { accessKeyId: 'nobody', accessKeySecret: 'x' })),
        'InvalidAccessKeyId.NotFound',
        404,
      );
      const sdk = trailSdk(emulator, AK);
      await rejectsWith(
        sdk.doRequest('LookupEvents', 'HTTPS', 'POST', '2016-01-20', 'AK', {}, null as never, new RuntimeOptions({})),
        'InvalidVersion',
        400,
      );
      const body = await lookup(sdk);
      assert.equal(body.Events.length, 20, 'default page size');
    });
  });

  it('filters with at most two conditions, AND-ed, exact, with the documented case-sensitive keys', async () => {
    await withEmulator({ seed: busySeed(), trail: { lookupsPerSecond: 0 } }, async (emulator) => {
      const sdk = trailSdk(emulator, AK);
      const names = async (attributes: { Key: string; Value: string }[]) =>
        (await lookup(sdk, { LookupAttribute: attributes, MaxResults: '50' })).Events.map(
          (e: Json) => `${e.eventName} ${e.requestParameters.SecretName} ${e.userIdentity.userName}`,
        );
      assert.deepEqual(await names([{ Key: 'User', Value: 'bob' }]), ['GetSecretValue app/other bob']);
      assert.deepEqual(
        await names([
          { Key: 'EventName', Value: 'PutSecretValue' },
          { Key: 'ServiceName', Value: 'Kms' },
        ]),
        ['PutSecretValue app/db emulator-user'],
      );
      assert.deepEqual(
        await names([
          { Key: 'EventName', Value: 'PutSecretValue' },
          { Key: 'EventRW', Value: 'Read' },
        ]),
        [],
      );
      assert.deepEqual(await names([{ Key: 'ServiceName', Value: 'kms' }]), [], 'values match exactly');
      assert.equal((await names([{ Key: 'ResourceName', Value: 'app/other' }])).length, 1);
      assert.equal((await names([{ Key: 'SourceIpAddress', Value: '10.0.0.9' }])).length, 1);
      assert.equal((await names([{ Key: 'EventAccessKeyId', Value: 'LTAItestAlice0001' }])).length, 50);
      const [one] = (await lookup(sdk, { MaxResults: '1' })).Events;
      assert.deepEqual(await names([{ Key: 'EventId', Value: one.eventId }]), [
        `${one.eventName} ${one.requestParameters.SecretName} ${one.userIdentity.userName}`,
      ]);

      await rejectsWith(lookup(sdk, { LookupAttribute: [{ Key: 'serviceName', Value: 'Kms' }] }), 'InvalidParameter');
      await rejectsWith(lookup(sdk, { LookupAttribute: [{ Key: 'UserName', Value: 'bob' }] }), 'InvalidParameter');
      await rejectsWith(lookup(sdk, { LookupAttribute: [{ Key: 'User' }] }), 'MissingParameter');
      const three = [
        { Key: 'User', Value: 'bob' },
        { Key: 'EventRW', Value: 'Read' },
        { Key: 'ServiceName', Value: 'Kms' },
      ];
      await rejectsWith(lookup(sdk, { LookupAttribute: three }), 'InvalidParameter');
    });
  });

  it('applies the time rules: both bounds or neither (7 days), at most 30 days, within the last 90', async () => {
    await withEmulator({ seed: busySeed(), trail: { lookupsPerSecond: 0 } }, async (emulator) => {
      const sdk = trailSdk(emulator, AK);
      const other = { LookupAttribute: [{ Key: 'ResourceName', Value: 'app/other' }] };
      const defaulted = await lookup(sdk, other);
      assert.equal(defaulted.Events.length, 1, 'the read 8 days ago is outside the default week');
      assert.ok(Math.abs(Date.parse(defaulted.EndTime) - Date.parse(defaulted.StartTime) - 7 * DAY) < 2000);

      const now = Date.now();
      const wide = await lookup(sdk, { ...other, StartTime: iso(now - 30 * DAY), EndTime: iso(now) });
      assert.equal(wide.Events.length, 2);
      assert.equal(wide.StartTime, iso(now - 30 * DAY));

      const bad = async (params: Record<string, string>, field: string) => {
        const data = await rejectsWith(lookup(sdk, params), 'InvalidParameter', 400);
        assert.match(data.Message, new RegExp(field));
      };
      await bad({ StartTime: iso(now - DAY) }, 'EndTime');
      await bad({ EndTime: iso(now) }, 'StartTime');
      await bad({ StartTime: iso(now), EndTime: iso(now - DAY) }, 'StartTime');
      await bad({ StartTime: iso(now - 31 * DAY), EndTime: iso(now) }, 'EndTime');
      await bad({ StartTime: iso(now - 91 * DAY), EndTime: iso(now - 80 * DAY) }, 'StartTime');
      await bad({ StartTime: '2024-01-01', EndTime: iso(now) }, 'StartTime');
    });
  });

  it('pages with MaxResults ≤ 50 and NextToken, newest first by default, oldest first FORWARD', async () => {
    await withEmulator({ seed: busySeed(), trail: { lookupsPerSecond: 0 } }, async (emulator) => {
      const sdk = trailSdk(emulator, AK);
      const filter = { LookupAttribute: [{ Key: 'ResourceName', Value: 'app/db' }], MaxResults: '50' };
      const seen: Json[] = [];
      let token: string | undefined;
      const sizes: number[] = [];
      do {
        const page = await lookup(sdk, { ...filter, ...(token && { NextToken: token }) });
        sizes.push(page.Events.length);
        seen.push(...page.Events);
        token = page.NextToken;
      } while (token);
      assert.deepEqual(sizes, [50, 50, 21]);
      assert.equal(new Set(seen.map((e) => e.eventId)).size, 121, 'no event twice');
      const times = seen.map((e) => Date.parse(e.eventTime));
      assert.deepEqual(
        times,
        [...times].sort((a, b) => b - a),
      );
      assert.ok(Math.abs(Date.now() - 3600_000 - times[0]) < 10_000, 'the newest (an hour ago) comes first');
      assert.equal(seen.filter((e) => e.eventName === 'PutSecretValue').length, 1);

      const forward = await lookup(sdk, { ...filter, Direction: 'FORWARD', MaxResults: '3' });
      assert.equal(Date.parse(forward.Events[0].eventTime), Math.min(...times));
      const next = await lookup(sdk, {
        ...filter,
        Direction: 'FORWARD',
        MaxResults: '3',
        NextToken: forward.NextToken,
      });
      assert.ok(Date.parse(next.Events[0].eventTime) >= Date.parse(forward.Events[2].eventTime));

      const first = await lookup(sdk, filter);
      await rejectsWith(lookup(sdk, { ...filter, MaxResults: '40', NextToken: first.NextToken }), 'InvalidParameter');
      await rejectsWith(lookup(sdk, { ...filter, NextToken: 'not-a-token' }), 'InvalidParameter');
      await rejectsWith(lookup(sdk, { MaxResults: '51' }), 'InvalidParameter');
      await rejectsWith(lookup(sdk, { Direction: 'SIDEWAYS' }), 'InvalidParameter');
    });
  });

  it('refuses a caller without actiontrail:LookupEvents (403) and throttles beyond 2 calls per second', async () => {
    const denied = { accessKeyId: 'no-trail-ak', accessKeySecret: 'no-trail-sk' };
    await withEmulator(
      { credentials: [AK, denied], seed: busySeed(), trail: { deniedAccessKeyIds: [denied.accessKeyId] } },
      async (emulator) => {
        await rejectsWith(lookup(trailSdk(emulator, denied)), 'NoPermission', 403);
        const sdk = trailSdk(emulator, AK);
        await lookup(sdk);
        await lookup(sdk);
        await rejectsWith(lookup(sdk), 'Throttling.User', 400);
        await new Promise((resolve) => setTimeout(resolve, 1050));
        await lookup(sdk);
        const { byAction, throttledByAction } = emulator.stats();
        assert.equal(byAction.LookupEvents, 5, 'every call is counted');
        assert.equal(throttledByAction.LookupEvents, 1, 'and the one refused for flow control, apart');
      },
    );
  });
});

describe('emulator ActionTrail: seeds, --state and bounds', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kms-trail-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps recorded events in the state file (saved after reads and at close) and restores them', async () => {
    const statePath = join(dir, 'state.json');
    const first = await startEmulator({ credentials: [AK], statePath, seed: { secrets: [secret('app/db', CANARY)] } });
    await clientFor(first).getSecretValue(new KMS.GetSecretValueRequest({ secretName: 'app/db' }));
    await new Promise((resolve) => setTimeout(resolve, 1300));
    const afterRead = JSON.parse(readFileSync(statePath, 'utf8'));
    assert.deepEqual(
      afterRead.events.map((e: Json) => e.eventName),
      ['GetSecretValue'],
      'a read is saved within a second',
    );
    await raw(clientFor(first), 'DescribeSecret', { SecretName: 'app/db' });
    await first.close();
    const text = readFileSync(statePath, 'utf8');
    assert.equal(JSON.parse(text).events.length, 2, 'close saves what is pending');
    assert.equal(JSON.parse(text).events[0].requestParameters.SecretData, undefined);
    assert.equal(statSync(statePath).mode & 0o777, 0o600);

    const second = await startEmulator({ credentials: [AK], statePath, trail: { lookupsPerSecond: 0 } });
    try {
      const body = await lookup(trailSdk(second, AK), { LookupAttribute: [{ Key: 'ResourceName', Value: 'app/db' }] });
      assert.deepEqual(
        body.Events.map((e: Json) => e.eventName),
        ['DescribeSecret', 'GetSecretValue'],
      );
    } finally {
      await second.close();
    }
  });

  it('keeps at most maxEvents (the newest) and nothing older than 90 days', async () => {
    const events = [readEvent('app/db', '-95d'), ...[1, 2, 3, 4, 5, 6].map((d) => readEvent('app/db', `-${d}d`))];
    const emulator = await startEmulator({
      credentials: [AK],
      seed: { secrets: [secret('app/db')], events } as SeedFile,
      trail: { maxEvents: 4 },
    });
    try {
      const kept = emulator.trail.log.all().map((e) => Math.round((Date.now() - Date.parse(e.eventTime)) / DAY));
      assert.deepEqual(kept, [4, 3, 2, 1]);
      await raw(clientFor(emulator), 'DescribeSecret', { SecretName: 'app/db' });
      assert.equal(emulator.trail.log.size, 4);
      assert.equal(emulator.trail.log.all()[3].eventName, 'DescribeSecret');
    } finally {
      await emulator.close();
    }
  });

  it('seeds events with relative or absolute times and refuses values or unknown parameters, naming the place', async () => {
    const at = iso(Date.now() - 2 * DAY);
    const emulator = await startEmulator({
      credentials: [AK],
      seed: { secrets: [secret('app/db')], events: [readEvent('app/db', '-26h'), readEvent('app/db', at)] },
    });
    try {
      const [older, newer] = emulator.trail.log.all();
      assert.equal(older.eventTime, at);
      assert.ok(Math.abs(Date.now() - 26 * 3600_000 - Date.parse(newer.eventTime)) < 5000);
      assert.equal(newer.eventRW, 'Read');
      assert.equal(newer.userIdentity.accountId, '1234567890123456');
    } finally {
      await emulator.close();
    }
    const refuse = async (event: Json, message: RegExp) =>
      assert.rejects(
        startEmulator({ credentials: [AK], seed: { secrets: [], events: [readEvent('a/b', '-1d'), event] } }),
        (e: unknown) => e instanceof SeedError && message.test(e.message),
      );
    await refuse(
      readEvent('a/b', '-1d', { requestParameters: { SecretName: 'a/b', SecretData: CANARY } }),
      /^seed: events\[1\]\.requestParameters\.SecretData is not recorded/,
    );
    await refuse(readEvent('a/b', 'yesterday'), /^seed: events\[1\]\.eventTime must look like/);
    await refuse({ eventTime: '-1d' }, /^seed: events\[1\]\.eventName/);
    await refuse(readEvent('a/b', '-1d', { userIdentity: { userName: 7 } as never }), /userIdentity\.userName/);
  });

  it('ships a demo in which someone read demo/orders/db yesterday and one secret has not been read for 60 days', async () => {
    const demo = JSON.parse(readFileSync(join(__dirname, '../../../../src/emulator/seeds/demo.json'), 'utf8'));
    const emulator = await startEmulator({ credentials: [AK], seed: demo });
    try {
      const reads = emulator.trail.log.all().filter((e) => e.eventName === 'GetSecretValue');
      const lastRead = (name: string) =>
        Math.max(...reads.filter((e) => e.requestParameters.SecretName === name).map((e) => Date.parse(e.eventTime)));
      const ageDays = (name: string) => (Date.now() - lastRead(name)) / DAY;
      assert.ok(
        reads.some(
          (e) =>
            e.requestParameters.SecretName === 'demo/orders/db' &&
            e.userIdentity.userName === 'alice' &&
            (Date.now() - Date.parse(e.eventTime)) / DAY > 1 &&
            (Date.now() - Date.parse(e.eventTime)) / DAY < 2,
        ),
      );
      assert.ok(ageDays('demo/staging/redis-password') > 60);
      for (const name of ['demo/orders/db', 'demo/app/api-token', 'demo/rds/orders-admin'])
        assert.ok(ageDays(name) < 1, `${name} is in use`);
      assert.ok(!JSON.stringify(emulator.trail.log.all()).includes('not-real'), 'no demo value in an event');
    } finally {
      await emulator.close();
    }
  });
});
