/**
 * `kms-secrets ssh` end to end with real parts: the built CLI, the real SDK against the emulator, a real sshd on
 * loopback, the real ssh, ssh-agent, ssh-add and sshpass. The key exists only in the emulator (and this test's memory):
 * no file or process ever shows it, the remote exit code comes back, and no agent or folder is left, also on Ctrl-C.
 */
import * as assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redactor } from '../../../src/core/redaction';
import { Writable } from 'node:stream';
import { sshCommand } from '../../../src/cli/sshCommand';
import { KmsClient } from '../../../src/core/kms';
import { ecsSecretReader } from '../../../src/core/ssh';
import { RunningEmulator, startEmulator } from '../../../src/emulator/server';
import { generateSshKeyPair } from '../../../src/emulator/sshKeyPair';
import { filesContaining, keyNeedles, liveAgents, processesHolding } from './scan';
import { passwordLoginUnavailable, skipUnless, sshdUnavailable, startSshd, TestSshd } from './sshd';

const CLI = join(resolve(__dirname, '../../../..'), 'dist/cli.js');
const KEY = { accessKeyId: 'ssh-test-key-id', accessKeySecret: 'ssh-test-key-secret' };
const KEY_SECRET = 'acs/ecs/test-web/key';
const PASSWORD_SECRET = 'acs/ecs/test-web/password';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString('utf8');
    callback();
  }
}

interface Running {
  child: ChildProcess;
  output(): { stdout: string; stderr: string };
  waitFor(text: string): Promise<void>;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

describe('kms-secrets ssh against a real sshd (built CLI)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let sshd: TestSshd;
  let work: string;
  let sessionTmp: string;
  let keyPair: { publicKey: string; privateKey: string };

  before(async function () {
    skipUnless(this, sshdUnavailable());
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first.');
    work = mkdtempSync(join(tmpdir(), 'kms-ssh-cli-'));
    keyPair = generateSshKeyPair('kms-ssh-test');
    sshd = await startSshd({ authorizedKeys: [keyPair.publicKey] });
    emulator = await startEmulator({ port: 0, credentials: [KEY] });
    await kms().createEcsSecret({
      name: KEY_SECRET,
      credential: { userName: sshd.user, publicKey: keyPair.publicKey, privateKey: keyPair.privateKey },
      instanceId: 'i-test0000000000001',
      regionId: 'cn-hangzhou',
      customData: { host: '127.0.0.1', port: String(sshd.port) },
    });
  });

  const kms = () =>
    new KmsClient(
      { source: { kind: 'static', ...KEY }, region: 'cn-hangzhou', endpoint: emulator.url },
      { redactor: new Redactor() },
    );

  beforeEach(() => {
    // TMPDIR of the CLI: the agent's folder is made here, so the whole of it can be searched for the key.
    sessionTmp = mkdtempSync(join(work, 'tmp-'));
  });

  after(async () => {
    await sshd?.close();
    await emulator?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  function startCli(args: string[], options: { ownGroup?: boolean } = {}): Running {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: work,
      TMPDIR: sessionTmp,
      ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.accessKeySecret,
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
      KMS_SECRETS_ENDPOINT: emulator.url,
    };
    const child = spawn(process.execPath, [CLI, 'ssh', ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: options.ownGroup === true,
    });
    let stdout = '';
    let stderr = '';
    const waiters: Array<{ text: string; resolve: () => void }> = [];
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      for (const w of waiters.filter((w) => stdout.includes(w.text))) w.resolve();
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
      (resolveDone) => child.on('close', (code, signal) => resolveDone({ code, signal, stdout, stderr })),
    );
    return {
      child,
      output: () => ({ stdout, stderr }),
      waitFor: (text) =>
        new Promise<void>((resolveWait, reject) => {
          if (stdout.includes(text)) return resolveWait();
          waiters.push({ text, resolve: resolveWait });
          void done.then((r) => reject(new Error(`ended before "${text}": ${r.code}\n${r.stderr}\n${sshd.log()}`)));
        }),
      done,
    };
  }

  const sshOptions = () => sshd.clientOptions.flatMap((o) => ['-o', o]).concat(['-o', 'BatchMode=yes']);
  const agentFolders = () => readdirSync(sessionTmp).filter((name) => name.startsWith('kms-ssh-'));

  function assertNothingLeft(): void {
    assert.deepEqual(agentFolders(), [], 'the agent folder is removed');
    assert.deepEqual(
      liveAgents(sessionTmp).map((p) => p.pid),
      [],
      'no ssh-agent of the session is left',
    );
  }

  it('runs a remote command with the key from KMS, returns its exit code and leaves nothing behind', async () => {
    const needles = keyNeedles(keyPair.privateKey);
    const run = startCli([KEY_SECRET, ...sshOptions(), '--', 'echo connected-$((6*7)); sleep 1; exit 7']);
    await run.waitFor('connected-42');

    // During the session: a 0700 folder with the agent's socket, one live agent, and the key in no file and no
    // process's command line or environment.
    const [folder] = agentFolders();
    assert.ok(folder, 'the agent folder exists while the session runs');
    assert.equal(statSync(join(sessionTmp, folder)).mode & 0o777, 0o700);
    assert.equal(statSync(join(sessionTmp, folder, 'agent.sock')).mode & 0o777, 0o600);
    if (process.platform === 'linux') assert.equal(liveAgents(sessionTmp).length, 1, 'one private agent runs');
    assert.deepEqual(filesContaining(sessionTmp, needles), [], 'no file in the session temp folder holds the key');
    assert.deepEqual(filesContaining(tmpdir(), needles), [], 'no file in the temp folder holds the key');
    assert.deepEqual(
      processesHolding(needles).map((p) => p.cmdline),
      [],
      'no process has the key in its command line or environment',
    );

    const result = await run.done;
    assert.equal(result.code, 7, result.stderr);
    for (const needle of needles) assert.ok(!(result.stdout + result.stderr).includes(needle), 'no key in output');
    assertNothingLeft();
  });

  it('lets --host, --port and --user override the secret', async () => {
    const run = startCli([
      KEY_SECRET,
      '--host',
      '127.0.0.1',
      '--port',
      String(sshd.port),
      '--user',
      sshd.user,
      ...sshOptions(),
      '--',
      'exit',
      '3',
    ]);
    const result = await run.done;
    assert.equal(result.code, 3, result.stderr);
    assertNothingLeft();
  });

  it('ends the agent and removes its folder on Ctrl-C (SIGINT to the whole process group)', async () => {
    const run = startCli([KEY_SECRET, ...sshOptions(), '--', 'echo connected; sleep 30'], { ownGroup: true });
    await run.waitFor('connected');
    assert.equal(agentFolders().length, 1);
    const started = Date.now();
    process.kill(-(run.child.pid as number), 'SIGINT');
    const result = await run.done;
    assert.notEqual(result.code, 0);
    assert.ok(Date.now() - started < 10_000, 'Ctrl-C ends the session promptly');
    assertNothingLeft();
  });

  it('ends the agent and removes its folder on SIGTERM to the CLI alone', async () => {
    const run = startCli([KEY_SECRET, ...sshOptions(), '--', 'echo connected; sleep 30']);
    await run.waitFor('connected');
    run.child.kill('SIGTERM');
    const result = await run.done;
    assert.notEqual(result.code, 0);
    assertNothingLeft();
  });

  it('fails with 255 and one sentence when the key is rejected by the server, leaving nothing', async () => {
    const other = generateSshKeyPair('not-authorized');
    const client = kms();
    await client.createEcsSecret({
      name: 'acs/ecs/test-web/unauthorized',
      credential: { userName: sshd.user, ...other },
      instanceId: 'i-test0000000000002',
      regionId: 'cn-hangzhou',
      customData: { host: '127.0.0.1', port: String(sshd.port) },
    });
    const result = await startCli(['acs/ecs/test-web/unauthorized', ...sshOptions(), '--', 'true']).done;
    assert.equal(result.code, 255);
    assert.match(result.stderr, /Permission denied/);
    for (const needle of keyNeedles(other.privateKey)) assert.ok(!result.stderr.includes(needle));
    assertNothingLeft();
  });

  it('says what is missing without starting anything: no host, not an ECS secret, unknown secret', async () => {
    const client = kms();
    await client.createEcsSecret({
      name: 'acs/ecs/test-web/nohost',
      credential: { userName: 'ecs-user', password: 'nohost-password-canary' },
      instanceId: 'i-test0000000000003',
      regionId: 'cn-hangzhou',
    });
    await client.createSecret({ name: 'app/generic', value: 'generic-value-canary' });
    // In process (the same sshCommand the built CLI runs): no Node start-up per case.
    const run = async (args: string[]) => {
      const stdout = new Capture();
      const stderr = new Capture();
      const env = { PATH: process.env.PATH, TMPDIR: sessionTmp, ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true' };
      const code = await sshCommand([...args, '--endpoint', emulator.url], {
        env,
        stdout,
        stderr,
        createReader: async (options) =>
          ecsSecretReader(
            new KmsClient(
              { source: { kind: 'static', ...KEY }, region: 'cn-hangzhou', endpoint: options.endpoint },
              { cache: false },
            ),
          ),
      });
      return { code, stderr: stderr.text };
    };
    const noHost = await run(['acs/ecs/test-web/nohost']);
    assert.equal(noHost.code, 255);
    assert.match(noHost.stderr, /names no host: pass --host/);
    const generic = await run(['app/generic', '--host', '127.0.0.1']);
    assert.equal(generic.code, 255);
    assert.match(generic.stderr, /is a Generic secret; choose an ECS secret/);
    const unknown = await run(['acs/ecs/nope', '--host', '127.0.0.1']);
    assert.equal(unknown.code, 255);
    assert.match(unknown.stderr, /not found|does not exist/i);
    for (const r of [noHost, generic, unknown]) {
      assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
      assert.ok(!r.stderr.includes('canary'));
    }
    const usage = await run(['--bogus']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /Unknown option --bogus/);
    assertNothingLeft();
  });

  describe('password sub-type through sshpass', () => {
    let passwordSshd: TestSshd;
    const password = `pw-${randomBytes(12).toString('base64url')}`;

    before(async function () {
      skipUnless(this, sshdUnavailable());
      const why = passwordLoginUnavailable();
      if (why) {
        // e.g. not root: sshd cannot check a password without reading /etc/shadow
        console.log(`      skipped: ${why}`);
        this.skip();
      }
      passwordSshd = await startSshd({ password });
      await kms().createEcsSecret({
        name: PASSWORD_SECRET,
        credential: { userName: passwordSshd.user, password },
        instanceId: 'i-test0000000000004',
        regionId: 'cn-hangzhou',
        customData: { host: '127.0.0.1', port: String(passwordSshd.port) },
      });
    });

    after(async () => passwordSshd?.close());

    it('logs in with the password held only by sshpass, and returns the exit code', async () => {
      const options = passwordSshd.clientOptions.flatMap((o) => ['-o', o]);
      const run = startCli([PASSWORD_SECRET, ...options, '--', 'echo connected-pw; sleep 1; exit 5']);
      await run.waitFor('connected-pw');
      assert.deepEqual(
        processesHolding([password]).map((p) => p.cmdline),
        [],
        'no process shows the password in its command line or environment (sshpass overwrites its copy)',
      );
      assert.deepEqual(filesContaining(sessionTmp, [password]), []);
      assert.deepEqual(agentFolders(), [], 'a password session starts no agent');
      const result = await run.done;
      assert.equal(result.code, 5, `${result.stderr}\n${passwordSshd.log()}`);
      assert.ok(!(result.stdout + result.stderr).includes(password));
    });

    it('explains the silent exit code 6 of sshpass at an unknown host key', async () => {
      const result = await startCli([PASSWORD_SECRET, '-o', 'UserKnownHostsFile=/dev/null', '--', 'true']).done;
      assert.equal(result.code, 6);
      assert.match(result.stderr, /unknown host key .*StrictHostKeyChecking=accept-new/);
    });
  });
});
