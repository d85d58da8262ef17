import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RunningEmulator, startEmulator } from '../../../src/emulator/server';

// The built CLI, the real SDK and the emulator's signature checks: `run` end to end, as a user would call it.
const ROOT = resolve(__dirname, '../../../..');
const CLI = join(ROOT, 'dist/cli.js');
const KEY = { accessKeyId: 'run-test-key-id', accessKeySecret: 'run-test-key-secret' };
const CANARY = 'canary-run-Vq93xLw2';
const DB_PASSWORD = 'canary-db-P4ssw0rd-77';

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `dist/cli.js run …` the way a user's shell does: the file itself, through its shebang (so Node's own option
 * parsing sees the arguments, as with an installed `kms-secrets`). With `shell`, the arguments are a bash command line
 * instead (for process substitution).
 */
function runCli(args: string[], env: NodeJS.ProcessEnv, shell?: string): Promise<Outcome> {
  const hermetic: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: env.HOME,
    ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
    ...env,
  };
  const child = shell
    ? spawn('bash', ['-c', shell], { env: { ...hermetic, CLI } })
    : spawn(CLI, ['run', ...args], { env: hermetic });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  // A CLI left waiting on an empty FIFO must fail the test, not hang it.
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return new Promise((done) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr });
    }),
  );
}

describe('kms-secrets run against the emulator (built CLI)', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  before(async function () {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first.');
    emulator = await startEmulator({
      port: 0,
      credentials: [KEY],
      seed: {
        secrets: [
          { name: 'app/api-token', versions: [{ versionId: 'v1', value: CANARY, stages: ['ACSCurrent'] }] },
          {
            name: 'app/db',
            versions: [
              {
                versionId: 'v1',
                value: { username: 'orders', password: 'old-db-password-1' },
                stages: ['ACSPrevious'],
              },
              { versionId: 'v2', value: { username: 'orders', password: DB_PASSWORD }, stages: ['ACSCurrent'] },
            ],
          },
        ],
      },
    });
    dir = mkdtempSync(join(tmpdir(), 'kms-run-'));
    env = {
      HOME: dir,
      ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.accessKeySecret,
      KMS_SECRETS_ENDPOINT: emulator.url,
    };
  });

  after(async () => {
    await emulator?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('hands resolved values to the command and masks them in its output', async () => {
    const envFile = join(dir, 'refs.env');
    writeFileSync(envFile, 'TOKEN=kms://app/api-token\nDB_PASSWORD=kms://app/db#password\nPLAIN=hello\n');
    const script =
      'console.log(process.env.TOKEN + "|" + process.env.DB_PASSWORD + "|" + process.env.PLAIN + "|" + process.env.TOKEN.length + "|" + ("KMS_SECRETS_ENDPOINT" in process.env))';
    const result = await runCli(['--env-file', envFile, '--', process.execPath, '-e', script], env);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trim(), `******|******|hello|${CANARY.length}|false`);
    assert.ok(!result.stdout.includes(CANARY) && !result.stderr.includes(CANARY));
  });

  it('passes values through unmasked with --no-masking, and a pinned stage reads that version', async () => {
    const envFile = join(dir, 'stage.env');
    writeFileSync(envFile, 'OLD=kms://app/db?stage=ACSPrevious#password\n');
    const result = await runCli(
      ['--no-masking', '--env-file', envFile, '--', process.execPath, '-e', 'console.log(process.env.OLD)'],
      env,
    );
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trim(), 'old-db-password-1');
  });

  describe('--env-file through the shebang (Node must not read it first: nodejs/node#54232)', () => {
    const printToken = ['--', process.execPath, '-e', 'console.log(process.env.TOKEN === undefined ? "none" : "set")'];

    it('reads a regular file', async () => {
      const envFile = join(dir, 'regular.env');
      writeFileSync(envFile, 'TOKEN=kms://app/api-token\n');
      const result = await runCli(['--env-file', envFile, ...printToken], env);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout.trim(), 'set');
    });

    it("reports a missing file with the CLI's own error and exit code, not Node's", async () => {
      const result = await runCli(['--env-file', join(dir, 'absent.env'), ...printToken], env);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /^kms-secrets run: cannot read env file .*absent\.env: ENOENT/);
      assert.doesNotMatch(result.stderr, /^node:/m);
    });

    it('reads a FIFO (Node does not drain it first)', async () => {
      const fifo = join(dir, 'refs.fifo');
      execFileSync('mkfifo', [fifo]);
      // The writer blocks until the CLI opens the FIFO; had Node drained it, the CLI would read nothing.
      const writer = spawn('sh', ['-c', `printf 'TOKEN=kms://app/api-token\\n' > ${JSON.stringify(fifo)}`]);
      const result = await runCli(['--env-file', fifo, ...printToken], env);
      writer.kill();
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout.trim(), 'set');
    });

    it('reads process substitution, --env-file <(…) and --env-file=<(…)', async () => {
      const node = JSON.stringify(process.execPath);
      const print = `${node} -e 'console.log(process.env.TOKEN === undefined ? "none" : "set")'`;
      for (const flag of ['--env-file ', '--env-file=']) {
        const result = await runCli([], env, `"$CLI" run ${flag}<(echo TOKEN=kms://app/api-token) -- ${print}`);
        assert.equal(result.code, 0, `${flag}: ${result.stderr}`);
        assert.equal(result.stdout.trim(), 'set', flag);
      }
    });
  });

  it('masks every form of a value, split writes, and the credentials the command inherits', async () => {
    const envFile = join(dir, 'forms.env');
    writeFileSync(envFile, 'TOKEN=kms://app/api-token\nDB=kms://app/db\n');
    const script = `
      const t = process.env.TOKEN;
      process.stdout.write("split " + t.slice(0, 7));
      setTimeout(() => {
        process.stdout.write(t.slice(7) + "\\n");
        console.log(JSON.stringify({ db: process.env.DB }));
        console.log(JSON.stringify(process.env.DB));
        console.error("secret " + process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET);
      }, 10);`;
    const result = await runCli(['--env-file', envFile, '--', process.execPath, '-e', script], env);
    assert.equal(result.code, 0, result.stderr);
    const output = result.stdout + result.stderr;
    for (const leaked of [CANARY, DB_PASSWORD, KEY.accessKeySecret])
      assert.ok(!output.includes(leaked), `${leaked} in ${output}`);
    assert.match(result.stdout, /^split \*{6}$/m);
    assert.match(result.stderr, /^secret \*{6}$/m);
  });

  it('forwards the exit code of the command', async () => {
    const result = await runCli(['--', process.execPath, '-e', 'process.exit(7)'], env);
    assert.equal(result.code, 7);
  });

  it('refuses to start the command when a reference is broken, naming it and no value', async () => {
    const marker = join(dir, 'started');
    const envFile = join(dir, 'broken.env');
    writeFileSync(envFile, 'TOKEN=kms://app/api-token\nMISSING=kms://app/does-not-exist\nBADKEY=kms://app/db#nokey\n');
    const result = await runCli(
      [
        '--env-file',
        envFile,
        '--',
        process.execPath,
        '-e',
        `require("fs").writeFileSync(${JSON.stringify(marker)}, "x")`,
      ],
      env,
    );
    assert.equal(result.code, 1);
    assert.equal(existsSync(marker), false, 'the command must not start');
    assert.match(result.stderr, /MISSING .*kms:\/\/app\/does-not-exist/);
    assert.match(result.stderr, /BADKEY .*kms:\/\/app\/db#nokey/);
    for (const value of [CANARY, DB_PASSWORD]) assert.ok(!result.stderr.includes(value));
  });

  it('says which credentials failed when the AccessKey secret is wrong, without the secret', async () => {
    const envFile = join(dir, 'one.env');
    writeFileSync(envFile, 'TOKEN=kms://app/api-token\n');
    const wrong = { ...env, ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'wrong-secret-value-123' };
    const result = await runCli(['--env-file', envFile, '--', 'true'], wrong);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /AccessKey/);
    assert.ok(!result.stderr.includes('wrong-secret-value-123'));
  });
});
