import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { usageCommand } from '../../../src/cli/usageCommand';
import { createKmsClient } from '../../../src/core/kms';
import { RunningEmulator, SeedFile, startEmulator } from '../../../src/emulator/server';
import { readEvent, secret } from '../trail/helpers';

// The built CLI, the real SDK path and the emulator's signature checks: `usage` end to end, as a user would call it.
const ROOT = resolve(__dirname, '../../../..');
const CLI = join(ROOT, 'dist/cli.js');
const KEY = { accessKeyId: 'usage-test-key-id', accessKeySecret: 'usage-test-key-secret' };
const DENIED = { accessKeyId: 'usage-no-trail-id', accessKeySecret: 'usage-no-trail-secret' };
const CANARY = 'canary-usage-cli-Rt55wQ';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('kms-secrets usage against the emulator (built CLI)', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  const usage = (args: string[], extra: NodeJS.ProcessEnv = {}): Promise<Outcome> => {
    const child = spawn(process.execPath, [CLI, 'usage', ...args], {
      env: { PATH: process.env.PATH, ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true', ...env, ...extra },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
  };

  before(async function () {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first.');
    const seed = {
      secrets: [
        secret('app/db', CANARY),
        secret('app/idle'),
        { ...secret('app/retired'), pendingDeletion: { recoveryWindowInDays: 7 } },
      ],
      events: [
        readEvent('app/idle', '-40d'),
        readEvent('app/db', '-3d', { errorCode: 'Forbidden.NoPermission', sourceIpAddress: '198.51.100.23' }),
        readEvent('app/db', '-26h'),
        readEvent('app/db', '-2h', {
          userIdentity: { type: 'assumed-role', userName: 'orders-app:deploy-7', accessKeyId: 'STS.cliTestRole0042' },
          userAgent: 'evil\u001b[31m-agent\u0007',
        }),
      ],
    } as SeedFile;
    emulator = await startEmulator({
      credentials: [KEY, DENIED],
      seed,
      trail: { deniedAccessKeyIds: [DENIED.accessKeyId], lookupsPerSecond: 0 },
    });
    dir = mkdtempSync(join(tmpdir(), 'kms-usage-'));
    env = {
      HOME: dir,
      ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.accessKeySecret,
      KMS_SECRETS_ENDPOINT: emulator.url,
      KMS_SECRETS_TRAIL_ENDPOINT: emulator.url,
    };
    // A real read through the core client: it is recorded "now", with the caller's identity.
    const kms = await createKmsClient({
      source: { kind: 'static', ...KEY },
      region: 'cn-hangzhou',
      endpoint: emulator.url,
    });
    assert.equal((await kms.getSecretValue('app/db')).value, CANARY);
  });

  after(async () => {
    await emulator?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints the events of a secret newest first as a table, terminal-safe, without values', async () => {
    const { code, stdout, stderr } = await usage(['app/db']);
    assert.equal(code, 0, stderr);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines[0], '4 events for "app/db" in the last 7 days, newest first:');
    assert.match(lines[2], /^TIME +ACTION +PRINCIPAL +TYPE +ACCESSKEY +SOURCE IP +USER AGENT +ERROR$/);
    assert.match(
      lines[3],
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ +GetSecretValue +emulator-user +ram-user +usag…y-id +127\.0\.0\.1 +AlibabaCloud/,
    );
    assert.match(
      lines[4],
      /orders-app:deploy-7 +assumed-role +STS\.cliT…0042 +203\.0\.113\.10 +evil\?\[31m-agent\? +-$/,
    );
    assert.match(lines[5], / alice +ram-user +LTAI…0001 +203\.0\.113\.10 +aliyun-cli\/3\.0\.204 +-$/);
    assert.match(lines[6], /198\.51\.100\.23 .* Forbidden\.NoPermission$/);
    // eslint-disable-next-line no-control-regex
    assert.ok(!/[\u0000-\u0008\u001b]/.test(stdout), 'no control characters reach the terminal');
    assert.ok(!stdout.includes(CANARY) && !stderr.includes(CANARY));
  });

  it('prints JSON {time, action, principal, principalType, accessKeyId, sourceIp, userAgent, errorCode}', async () => {
    const { code, stdout } = await usage(['app/db', '--days', '30', '--format', 'json']);
    assert.equal(code, 0);
    const events = JSON.parse(stdout);
    assert.equal(events.length, 4);
    for (const e of events)
      assert.deepEqual(Object.keys(e), [
        'time',
        'action',
        'principal',
        'principalType',
        'accessKeyId',
        'sourceIp',
        'userAgent',
        'errorCode',
      ]);
    assert.deepEqual(events[1], {
      time: events[1].time,
      action: 'GetSecretValue',
      principal: 'orders-app:deploy-7',
      principalType: 'assumed-role',
      accessKeyId: 'STS.cliT…0042',
      sourceIp: '203.0.113.10',
      userAgent: 'evil\u001b[31m-agent\u0007',
      errorCode: null,
    });
    assert.equal(events[3].errorCode, 'Forbidden.NoPermission');
    const times = events.map((e: { time: string }) => Date.parse(e.time));
    assert.ok(
      times.every((t: number, i: number) => i === 0 || t <= times[i - 1]),
      'newest first',
    );
    assert.match(events[0].time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.ok(!stdout.includes(CANARY));
  });

  it('lists the secrets nobody read in the window (--unused), as text and JSON', async () => {
    const month = await usage(['--unused', '--days', '30']);
    assert.equal(month.code, 0, month.stderr);
    assert.equal(
      month.stdout,
      '2 of 3 secrets were not read in the last 30 days:\n  app/idle\n  app/retired  (pending deletion)\n',
    );
    const quarter = await usage(['--unused', '--days', '90', '--format', 'json']);
    assert.deepEqual(JSON.parse(quarter.stdout), [{ name: 'app/retired', pendingDeletion: true }]);
  });

  it('exits 1 with one sentence when ActionTrail refuses (no permission) or cannot see the reads (KMS instance)', async () => {
    const denied = await usage(['app/db'], {
      ALIBABA_CLOUD_ACCESS_KEY_ID: DENIED.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: DENIED.accessKeySecret,
    });
    assert.equal(denied.code, 1);
    assert.equal(
      denied.stderr,
      'kms-secrets usage: Your RAM identity may not call actiontrail:LookupEvents. Ask an administrator to grant that action, for example with the AliyunActionTrailReadOnlyAccess policy.\n',
    );
    assert.equal(denied.stdout, '');
    const instance = await usage(['app/db', '--endpoint', 'https://kst-abc123def.cryptoservice.kms.aliyuncs.com']);
    assert.equal(instance.code, 1);
    assert.match(instance.stderr, /recorded in Simple Log Service \(SLS\), not in ActionTrail/);
  });

  it('exits 2 on misuse, with the reason and the help', async () => {
    const spawned = await usage(['app/db', '--days', '0']);
    assert.equal(spawned.code, 2);
    assert.match(spawned.stderr, /--days: The number of days must be a whole number from 1 to 90/);
    assert.match(spawned.stderr, /Usage: kms-secrets usage <secret-name>/);
    const help = await usage(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /actiontrail:LookupEvents/);

    // The rest of the matrix in-process (same function the CLI dispatches to), to keep the suite quick.
    const cases: [string[], RegExp][] = [
      [[], /name exactly one secret, or use --unused/],
      [['a', 'b'], /name exactly one secret/],
      [['--unused', 'app/db'], /--unused takes no secret name/],
      [['app/db', '--days', '91'], /from 1 to 90/],
      [['app/db', '--days', '7d'], /from 1 to 90/],
      [['app/db', '--format', 'xml'], /unknown format "xml"/],
      [['app/db', '--verbose'], /Unknown option '--verbose'/],
      [['bad name!'], /name/i],
      [['app/db', '--trail-endpoint', 'http://trail.example.com'], /Plain http is allowed only/],
    ];
    for (const [args, message] of cases) {
      let stderr = '';
      const sink = (write: (s: string) => void) =>
        new Writable({
          write: (chunk, _encoding, done) => {
            write(String(chunk));
            done();
          },
        });
      const code = await usageCommand(args, {
        env,
        stdout: sink(() => undefined),
        stderr: sink((text) => (stderr += text)),
      });
      assert.equal(code, 2, `${args.join(' ')}: ${stderr}`);
      assert.match(stderr, message);
    }
  });
});
