import * as KMS from '@alicloud/kms20160120';
import * as assert from 'node:assert/strict';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCredentials } from '../../../src/cli/emulatorCommand';
import { RunningEmulator } from '../../../src/emulator/server';
import { clientFor } from './helpers';

const ROOT = resolve(__dirname, '../../../..');
const CLI = join(ROOT, 'dist/cli.js');

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function waitForLine(r: Run): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const match = /^KMS emulator listening on http:\/\/127\.0\.0\.1:(\d+)\n/.exec(r.stdout());
    if (match) return Number(match[1]);
    await new Promise((done) => setTimeout(done, 25));
  }
  throw new Error(`no ready line; stderr: ${r.stderr()}`);
}

describe('emulator CLI (node dist/cli.js emulator)', function () {
  this.timeout(60_000);
  before(() => execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' }));

  it('prints exactly one line, serves signed requests, and exits 0 on SIGTERM', async () => {
    const r = run(['emulator', '--port', '0', '--credentials', 'cli-ak:cli-secret,STS.x:s2:tok']);
    const port = await waitForLine(r);
    const client = clientFor({ port } as RunningEmulator, { accessKeyId: 'cli-ak', accessKeySecret: 'cli-secret' });
    await client.createSecret(
      new KMS.CreateSecretRequest({ secretName: 'cli/s', secretData: 'hidden-value', versionId: 'v1' }),
    );
    r.child.kill('SIGTERM');
    assert.equal(await r.exit, 0);
    assert.equal(r.stdout(), `KMS emulator listening on http://127.0.0.1:${port}\n`);
    assert.equal(r.stderr(), '');
  });

  it('loads a seed, logs only Action/status/latency with --verbose, and stops on SIGINT', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kms-cli-'));
    try {
      const seed = join(dir, 'seed.json');
      writeFileSync(
        seed,
        JSON.stringify({
          secrets: [{ name: 'seeded', versions: [{ versionId: 'v1', value: 'seed-value', stages: ['ACSCurrent'] }] }],
        }),
      );
      const r = run(['emulator', '--seed', seed, '--verbose'], { KMS_EMULATOR_CREDENTIALS: 'env-ak:env-secret' });
      const port = await waitForLine(r);
      const client = clientFor({ port } as RunningEmulator, { accessKeyId: 'env-ak', accessKeySecret: 'env-secret' });
      assert.equal(
        (await client.getSecretValue(new KMS.GetSecretValueRequest({ secretName: 'seeded' }))).secretData,
        'seed-value',
      );
      r.child.kill('SIGINT');
      assert.equal(await r.exit, 0);
      assert.match(r.stderr(), /^GetSecretValue 200 \d+ms\n$/);
      assert.doesNotMatch(r.stderr(), /seed-value|seeded|Signature/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('documents its flags in --help and rejects bad input without echoing secrets', async () => {
    const help = run(['emulator', '--help']);
    assert.equal(await help.exit, 0);
    for (const flag of [
      '--port',
      '--host',
      '--state',
      '--seed',
      '--credentials',
      '--latency-ms',
      '--fail-rate',
      '--throttle-rate',
    ]) {
      assert.ok(help.stdout().includes(flag), flag);
    }
    const badRate = run(['emulator', '--fail-rate', '2']);
    assert.equal(await badRate.exit, 1);
    assert.match(badRate.stderr(), /--fail-rate/);
    const badFlag = run(['emulator', '--nope']);
    assert.equal(await badFlag.exit, 2);
    const badCreds = run(['emulator', '--credentials', 'only-an-id-supersecret']);
    assert.equal(await badCreds.exit, 1);
    assert.doesNotMatch(badCreds.stderr(), /supersecret/);
    const publicKeys = run(['emulator', '--host', '0.0.0.0'], { KMS_EMULATOR_CREDENTIALS: '' });
    assert.equal(await publicKeys.exit, 1);
    assert.match(publicKeys.stderr(), /refusing to listen on 0\.0\.0\.0 with the default credentials/);
  });

  it('parses credential lists with optional STS tokens', () => {
    assert.deepEqual(parseCredentials('a:b, c:d:tok:with:colons'), [
      { accessKeyId: 'a', accessKeySecret: 'b' },
      { accessKeyId: 'c', accessKeySecret: 'd', securityToken: 'tok:with:colons' },
    ]);
    assert.throws(() => parseCredentials('a:'), /<id>:<secret>/);
  });
});
