import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RunningEmulator, startEmulator } from '../../../src/emulator/server';
import { startTestProxy, TestProxy } from '../../support/proxy';
import { testCertificate, TestCertificate } from '../../support/tls';

// `kms-secrets run` behind a proxy, end to end: the built CLI, the real SDK and credentials library, the emulator on
// HTTPS with a throw-away certificate (trusted as a user trusts a private CA, NODE_EXTRA_CA_CERTS), and a local proxy
// that records the CONNECTs. `*.proxy.test` names resolve only inside the proxy: a success proves it was used.
const ROOT = resolve(__dirname, '../../../..');
const CLI = join(ROOT, 'dist/cli.js');
const KEY = { accessKeyId: 'proxy-test-key-id', accessKeySecret: 'proxy-test-key-secret' };
const VALUE = 'canary-proxy-Zq81mW';
const PROXY_USER = { user: 'alice', password: 'p@ss:w/rd-canary' };
/** The emulator listens on a second loopback address: VS Code's rules (and ours) proxy it, unlike 127.0.0.1. */
const EMULATOR_HOST = '127.0.0.2';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('kms-secrets run behind an HTTP proxy (built CLI, emulator over HTTPS)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let proxy: TestProxy;
  let dir: string;
  let certificate: TestCertificate;

  function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<Outcome> {
    const child = spawn(process.execPath, [CLI, 'run', '--no-masking', ...args], {
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        NODE_EXTRA_CA_CERTS: certificate.certFile,
        ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
        TOKEN: 'kms://app/token',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
  }

  const printToken = ['--', process.execPath, '-e', 'console.log(process.env.TOKEN)'];
  const keys = { ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.accessKeySecret };

  before(async function () {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first.');
    dir = mkdtempSync(join(tmpdir(), 'kms-proxy-'));
    certificate = testCertificate(join(dir, 'tls'));
    emulator = await startEmulator({
      host: EMULATOR_HOST,
      credentials: [KEY],
      tls: { cert: certificate.cert, key: certificate.key },
      seed: { secrets: [{ name: 'app/token', versions: [{ versionId: 'v1', value: VALUE, stages: ['ACSCurrent'] }] }] },
    });
    proxy = await startTestProxy({ auth: PROXY_USER, testHostAddress: EMULATOR_HOST });
  });

  beforeEach(() => proxy.requests.splice(0));

  after(async () => {
    await proxy?.close();
    await emulator?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reaches KMS through HTTPS_PROXY with basic auth: the proxy sees the CONNECT and the credentials', async () => {
    const result = await runCli(printToken, {
      ...keys,
      KMS_SECRETS_ENDPOINT: `https://kms.proxy.test:${emulator.port}`,
      HTTPS_PROXY: proxy.urlWith(PROXY_USER.user, PROXY_USER.password),
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trim(), VALUE);
    assert.deepEqual(
      proxy.requests.map((r) => [r.target, r.auth, r.status]),
      [[`kms.proxy.test:${emulator.port}`, `${PROXY_USER.user}:${PROXY_USER.password}`, 200]],
    );
    assert.deepEqual(proxy.otherMethods, [], 'nothing but CONNECT reaches the proxy');
  });

  it('assumes a RAM role through the proxy too (STS AssumeRole of @alicloud/credentials), from http_proxy', async () => {
    mkdirSync(join(dir, '.aliyun'), { recursive: true });
    writeFileSync(
      join(dir, '.aliyun', 'config.json'),
      JSON.stringify({
        current: 'role',
        profiles: [
          {
            name: 'role',
            mode: 'RamRoleArn',
            access_key_id: KEY.accessKeyId,
            access_key_secret: KEY.accessKeySecret,
            ram_role_arn: 'acs:ram::1234567890123456:role/kms-reader',
            ram_session_name: 'proxy-test',
            sts_endpoint: `sts.proxy.test:${emulator.port}`,
          },
        ],
      }),
    );
    const before = emulator.stats().byAction.AssumeRole ?? 0;
    const result = await runCli(['--profile', 'role', ...printToken], {
      KMS_SECRETS_ENDPOINT: `https://kms.proxy.test:${emulator.port}`,
      // VS Code's order: lower case first, and the http variable serves https when no https one is set.
      http_proxy: proxy.urlWith(PROXY_USER.user, PROXY_USER.password),
      HTTP_PROXY: 'http://127.0.0.1:9',
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trim(), VALUE);
    assert.equal((emulator.stats().byAction.AssumeRole ?? 0) - before, 1);
    const targets = proxy.requests.map((r) => r.target);
    assert.ok(targets.includes(`sts.proxy.test:${emulator.port}`), `STS went through the proxy: ${targets}`);
    assert.ok(targets.includes(`kms.proxy.test:${emulator.port}`), `KMS went through the proxy: ${targets}`);
  });

  it('goes direct to a NO_PROXY host: the proxy sees nothing', async () => {
    const result = await runCli(printToken, {
      ...keys,
      KMS_SECRETS_ENDPOINT: `https://${EMULATOR_HOST}:${emulator.port}`,
      https_proxy: proxy.urlWith(PROXY_USER.user, PROXY_USER.password),
      no_proxy: `example.com, ${EMULATOR_HOST}`,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trim(), VALUE);
    assert.deepEqual(proxy.requests, []);
  });

  it('says the proxy wants credentials (407), once, without echoing the wrong password', async () => {
    const result = await runCli(printToken, {
      ...keys,
      KMS_SECRETS_ENDPOINT: `https://kms.proxy.test:${emulator.port}`,
      HTTPS_PROXY: proxy.urlWith(PROXY_USER.user, 'wrong-canary-pw'),
    });
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      new RegExp(`proxy http://127\\.0\\.0\\.1:${proxy.port} asked for credentials \\(407\\)`),
    );
    assert.ok(!result.stderr.includes('wrong-canary-pw'));
    assert.equal(proxy.requests.length, 1, 'a refused tunnel is not retried');
  });

  it('names an unreachable proxy', async () => {
    const result = await runCli(printToken, {
      ...keys,
      KMS_SECRETS_ENDPOINT: `https://kms.proxy.test:${emulator.port}`,
      HTTPS_PROXY: 'http://user:secret-canary@127.0.0.1:9',
    });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /proxy http:\/\/127\.0\.0\.1:9 could not be reached \(ECONNREFUSED\)/);
    assert.ok(!result.stderr.includes('secret-canary'));
  });
});
