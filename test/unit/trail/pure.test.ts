/** The ActionTrail core without a server: windows, parameters, event mapping, matching, errors, pacing, endpoints. */
import * as assert from 'node:assert/strict';
import { KmsError } from '../../../src/core/kms';
import {
  eventFrom,
  eventsOfSecret,
  isKmsInstanceHost,
  lastDays,
  latestReads,
  LookupPage,
  lookupPageFrom,
  lookupParams,
  LookupQuery,
  LookupStream,
  Pacer,
  resolveTrailEndpoint,
  shortenAccessKeyId,
  splitWindow,
  toTrailError,
  TrailClient,
  TrailEvent,
} from '../../../src/core/trail';
import { DAY, iso } from './helpers';

const NOW = Date.parse('2026-06-30T12:00:00.750Z');

describe('trail: time windows', () => {
  it('turns "the last N days" into whole-second windows of at most 30 days, newest first', () => {
    const week = lastDays(7, NOW);
    assert.equal(iso(week.endMs), '2026-06-30T12:00:00Z');
    assert.equal(iso(week.startMs), '2026-06-23T12:00:00Z');
    assert.deepEqual(splitWindow(week), [week]);

    const windows = splitWindow(lastDays(75, NOW)).map((w) => [iso(w.startMs), iso(w.endMs)]);
    assert.deepEqual(windows, [
      ['2026-05-31T12:00:00Z', '2026-06-30T12:00:00Z'],
      ['2026-05-01T12:00:00Z', '2026-05-31T12:00:00Z'],
      ['2026-04-16T12:00:00Z', '2026-05-01T12:00:00Z'],
    ]);
  });

  it('keeps 90 days just inside the retention period and refuses other day counts', () => {
    const range = lastDays(90, NOW);
    assert.ok(range.startMs > NOW - 90 * DAY && range.startMs <= NOW - 90 * DAY + 61_000);
    assert.equal(splitWindow(range).length, 3);
    for (const days of [0, 91, 1.5, NaN]) {
      assert.throws(
        () => lastDays(days, NOW),
        (e: unknown) => e instanceof KmsError && e.kind === 'invalidInput' && /1 to 90/.test(e.message),
      );
    }
  });
});

describe('trail: LookupEvents parameters', () => {
  it('flattens conditions and writes times, page size, direction and token as the API wants them', () => {
    assert.deepEqual(
      lookupParams({
        attributes: [
          { key: 'EventName', value: 'GetSecretValue' },
          { key: 'ServiceName', value: 'Kms' },
        ],
        window: { startMs: NOW - DAY, endMs: NOW },
        direction: 'BACKWARD',
        nextToken: 'tok',
      }),
      {
        'LookupAttribute.1.Key': 'EventName',
        'LookupAttribute.1.Value': 'GetSecretValue',
        'LookupAttribute.2.Key': 'ServiceName',
        'LookupAttribute.2.Value': 'Kms',
        StartTime: '2026-06-29T12:00:00Z',
        EndTime: '2026-06-30T12:00:00Z',
        MaxResults: '50',
        Direction: 'BACKWARD',
        NextToken: 'tok',
      },
    );
  });

  it('refuses what the service would refuse, before any request', () => {
    const refuses = (query: Parameters<typeof lookupParams>[0], message: RegExp) =>
      assert.throws(
        () => lookupParams(query),
        (e: unknown) => e instanceof KmsError && e.code === 'ClientValidation' && message.test(e.message),
      );
    const kms = { key: 'ServiceName' as const, value: 'Kms' };
    refuses({ attributes: [kms, kms, kms] }, /at most 2/);
    refuses({ attributes: [{ key: 'UserName' as never, value: 'x' }] }, /not an ActionTrail lookup key/);
    refuses({ attributes: [{ key: 'User', value: '' }] }, /needs a value/);
    refuses({ window: { startMs: NOW, endMs: NOW - 1 } }, /before its end/);
    refuses({ window: { startMs: NOW - 31 * DAY, endMs: NOW } }, /at most 30 days/);
    refuses({ maxResults: 51 }, /1 to 50/);
  });
});

describe('trail: events', () => {
  const raw = {
    eventId: 'e-1',
    eventName: 'GetSecretValue',
    eventTime: '2026-06-30T08:00:00Z',
    eventType: 'ApiCall',
    eventRW: 'Read',
    serviceName: 'Kms',
    requestParameters: {
      SecretName: 'acs:kms:cn-hangzhou:1234567890123456:secret/app/db',
      VersionStage: 'ACSCurrent',
      SecretData: 'canary-should-never-survive',
    },
    userIdentity: {
      type: 'assumed-role',
      userName: 'orders-app:deploy-1',
      accessKeyId: 'STS.NUQNP4PiGyckMsNiGELCs1234',
      principalId: '3435:deploy-1',
      accountId: '1234567890123456',
    },
    sourceIpAddress: '10.0.0.7',
    userAgent: 'aliyun-cli/3.0',
    errorCode: '',
  };

  it('keeps who, when, where and how; reduces ARNs to names; drops everything else from the parameters', () => {
    const event = eventFrom(raw) as TrailEvent;
    assert.deepEqual(event, {
      eventId: 'e-1',
      action: 'GetSecretValue',
      time: '2026-06-30T08:00:00Z',
      timeMs: Date.parse('2026-06-30T08:00:00Z'),
      readWrite: 'Read',
      serviceName: 'Kms',
      secretName: 'app/db',
      versionStage: 'ACSCurrent',
      principal: 'orders-app:deploy-1',
      principalType: 'assumed-role',
      accountId: '1234567890123456',
      accessKeyId: 'STS.NUQN…1234',
      sourceIp: '10.0.0.7',
      userAgent: 'aliyun-cli/3.0',
    });
    assert.ok(!JSON.stringify(event).includes('canary'));
  });

  it('reads parameters given as JSON text, names the root account, skips malformed events', () => {
    const root = eventFrom({
      ...raw,
      eventTime: '2026-06-30T16:00:00+08:00',
      requestParameters: JSON.stringify({ SecretName: 'app/db' }),
      userIdentity: { type: 'root-account', accessKeyId: 'LTAI5tAbCdEfGh9876' },
      errorCode: 'Forbidden.NoPermission',
    }) as TrailEvent;
    assert.deepEqual(
      [root.time, root.secretName, root.principal, root.principalType, root.accessKeyId, root.errorCode],
      ['2026-06-30T08:00:00Z', 'app/db', 'root', 'root-account', 'LTAI…9876', 'Forbidden.NoPermission'],
    );
    const page = lookupPageFrom({ RequestId: 'r', NextToken: 'n', Events: [raw, null, { eventName: 7 }, 'x'] });
    assert.deepEqual([page.events.length, page.nextToken, page.requestId], [1, 'n', 'r']);
    assert.deepEqual(lookupPageFrom({}).events, []);
  });

  it('shortens AccessKey IDs so they can be told apart but not quoted', () => {
    assert.equal(shortenAccessKeyId('LTAI5tAbCdEfGhIjKl'), 'LTAI…IjKl');
    assert.equal(shortenAccessKeyId('STS.NUQNP4PiGyckMsNi'), 'STS.NUQN…MsNi');
    assert.equal(shortenAccessKeyId('short'), 'sho…');
  });

  it('matches a secret exactly and finds the newest read of each wanted secret in one pass', () => {
    const ev = (secretName: string, action: string, time: string): TrailEvent => ({
      eventId: `${secretName}-${time}`,
      action,
      time,
      timeMs: Date.parse(time),
      secretName,
      principal: 'alice',
      principalType: 'ram-user',
    });
    const newestFirst = [
      ev('app/db', 'PutSecretValue', '2026-06-30T10:00:00Z'),
      ev('app/db', 'GetSecretValue', '2026-06-30T09:00:00Z'),
      ev('App/DB', 'GetSecretValue', '2026-06-30T08:30:00Z'),
      ev('app/db', 'GetSecretValue', '2026-06-29T09:00:00Z'),
      ev('app/key', 'GetSecretValue', '2026-06-28T09:00:00Z'),
    ];
    assert.equal(eventsOfSecret(newestFirst, 'app/db').length, 3);
    const latest = latestReads(newestFirst, new Set(['app/db', 'app/key', 'app/unused']));
    assert.deepEqual(
      [...latest].map(([name, e]) => [name, e.time]),
      [
        ['app/db', '2026-06-30T09:00:00Z'],
        ['app/key', '2026-06-28T09:00:00Z'],
      ],
    );
  });
});

describe('trail: errors, pacing, endpoints', () => {
  it('speaks of ActionTrail, its permission and its policy', () => {
    const mapped = (kind: KmsError['kind'], code?: string) =>
      toTrailError(new KmsError(kind, 'kms sentence', { code, httpStatus: 403, requestId: 'r' }));
    const denied = mapped('noPermission', 'NoPermission');
    assert.match(denied.message, /actiontrail:LookupEvents/);
    assert.match(denied.message, /AliyunActionTrailReadOnlyAccess/);
    assert.deepEqual(
      [denied.kind, denied.code, denied.requestId, denied.action],
      ['noPermission', 'NoPermission', 'r', 'LookupEvents'],
    );
    assert.match(mapped('throttled', 'Throttling.User').message, /two lookups per second/);
    assert.ok(mapped('throttled').retryable);
    assert.match(mapped('network', 'ENOTFOUND').message, /ActionTrail endpoint host name/);
    assert.match(mapped('network', 'DEPTH_ZERO_SELF_SIGNED_CERT').message, /TLS certificate of the ActionTrail/);
    assert.equal(mapped('signatureMismatch').message, 'kms sentence', 'credential problems keep their sentence');
  });

  it('spaces calls out to the documented rate, in order', async () => {
    let clock = 1_000;
    const slept: number[] = [];
    const pacer = new Pacer(
      500,
      () => clock,
      async (ms) => {
        slept.push(ms);
        clock += ms;
      },
    );
    await Promise.all([pacer.wait(), pacer.wait(), pacer.wait()]);
    assert.deepEqual(slept, [500, 500]);
    clock += 2_000;
    await pacer.wait();
    assert.deepEqual(slept, [500, 500], 'no wait after a quiet period');
  });

  it('defaults to the regional ActionTrail host and validates overrides like KMS endpoints', () => {
    assert.equal(resolveTrailEndpoint('cn-shanghai').url, 'https://actiontrail.cn-shanghai.aliyuncs.com');
    assert.equal(resolveTrailEndpoint('cn-shanghai', 'http://127.0.0.1:4000').url, 'http://127.0.0.1:4000');
    assert.throws(() => resolveTrailEndpoint('cn-shanghai', 'http://trail.example.com'), /Plain http is allowed only/);
    assert.throws(
      () => resolveTrailEndpoint('cn-shanghai', 'https://trail.example.com/api'),
      /ActionTrail is served at "\/"/,
    );
    assert.ok(isKmsInstanceHost('kst-hzz62ee1b7ey8e6jzlxx.cryptoservice.kms.aliyuncs.com'));
    assert.ok(!isKmsInstanceHost('kms.cn-hangzhou.aliyuncs.com'));
  });
});

describe('trail: one query stream over several windows', () => {
  /** Records the windows asked for and answers from a script: the stream's bookkeeping, no transport involved. */
  function scripted(pages: ((window: { startMs: number; endMs: number }) => LookupPage)[]) {
    const asked: string[] = [];
    const client = {
      assertReadsRecorded: () => undefined,
      lookupEvents: async (query: LookupQuery) => {
        asked.push(`${iso(query.window!.startMs)}|${query.nextToken ?? ''}`);
        const page = pages.shift();
        if (!page) throw new Error('no more pages scripted');
        return page(query.window!);
      },
    } as unknown as TrailClient;
    return { client, asked };
  }
  const at = (id: string, timeMs: number): TrailEvent => ({
    eventId: id,
    action: 'GetSecretValue',
    time: iso(timeMs),
    timeMs,
    principal: 'alice',
    principalType: 'ram-user',
  });

  it('follows NextTokens, then the older windows, and passes an event on the shared boundary once', async () => {
    const { client, asked } = scripted([
      (w) => ({ events: [at('new', w.endMs - 1000)], nextToken: 't1' }),
      (w) => ({ events: [at('edge', w.startMs)] }),
      (w) => ({ events: [at('edge', w.endMs), at('old', w.startMs + 1000)], nextToken: 't1' }),
      () => ({ events: [] }),
    ]);
    const stream = new LookupStream(client, lastDays(40, NOW), []);
    const ids: string[] = [];
    for (let page = await stream.nextPage(); page; page = await stream.nextPage())
      ids.push(...page.events.map((e) => e.eventId));
    assert.deepEqual(ids, ['new', 'edge', 'old']);
    assert.deepEqual(asked, [
      '2026-05-31T12:00:00Z|',
      '2026-05-31T12:00:00Z|t1',
      '2026-05-21T12:00:00Z|',
      '2026-05-21T12:00:00Z|t1',
    ]);
    assert.ok(stream.done && !stream.truncated);
  });

  it('treats a token that does not move as the end of the window, and stops at the page guard', async () => {
    const stuck = scripted([() => ({ events: [], nextToken: 'same' }), () => ({ events: [], nextToken: 'same' })]);
    const stream = new LookupStream(stuck.client, lastDays(7, NOW), []);
    while (await stream.nextPage());
    assert.equal(stuck.asked.length, 2);

    const endless = scripted(Array.from({ length: 5 }, (_, i) => () => ({ events: [], nextToken: `t${i}` })));
    const guarded = new LookupStream(endless.client, lastDays(7, NOW), [], 3);
    while (await guarded.nextPage());
    assert.deepEqual([endless.asked.length, guarded.truncated], [3, true]);
  });
});
