import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { parseRunArgs } from '../../../src/cli/run/args';
import { planRunEnv } from '../../../src/cli/run/plan';
import { runCommand } from '../../../src/cli/runCommand';
import { SecretReference } from '../../../src/core/reference';

const MASK = '******';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString('utf8');
    callback();
  }
}

describe('kms-secrets run', () => {
  describe('arguments', () => {
    it('parses flags, repeated env files, = forms and the command after --', () => {
      assert.deepEqual(
        parseRunArgs([
          '--env-file',
          'a.env',
          '--env-file=b.env',
          '--endpoint',
          'http://127.0.0.1:1',
          '--profile=p',
          '--region',
          'cn-beijing',
          '--no-masking',
          '--',
          'node',
          '-e',
          'x',
        ]),
        {
          envFiles: ['a.env', 'b.env'],
          endpoint: 'http://127.0.0.1:1',
          profile: 'p',
          region: 'cn-beijing',
          masking: false,
          help: false,
          command: 'node',
          commandArgs: ['-e', 'x'],
        },
      );
      assert.equal(
        parseRunArgs(['node', '--env-file', 'x']).commandArgs[0],
        '--env-file',
        'options after the command belong to it',
      );
      assert.equal(parseRunArgs(['--help']).help, true);
    });

    it('rejects bad usage', () => {
      assert.throws(() => parseRunArgs([]), /No command given/);
      assert.throws(() => parseRunArgs(['--env-file']), /--env-file needs a value/);
      assert.throws(() => parseRunArgs(['--env-file', '--', 'x']), /needs a value/);
      assert.throws(() => parseRunArgs(['--bogus', '--', 'x']), /Unknown option --bogus/);
    });
  });

  describe('planRunEnv', () => {
    it('overlays env files on the environment (later files win) and finds references and broken ones', () => {
      const plan = planRunEnv({ PATH: '/bin', FROM_ENV: 'kms://env-secret', OVERRIDDEN: 'env' }, [
        { path: 'a.env', text: 'OVERRIDDEN=a\nA=kms://a#key\nBAD=kms://x?stage=1&version=2\n' },
        { path: 'b.env', text: 'OVERRIDDEN=b\nbroken line\n' },
      ]);
      assert.equal(plan.env.OVERRIDDEN, 'b');
      assert.deepEqual(
        plan.references.map((r) => [r.key, r.origin]),
        [
          ['FROM_ENV', 'environment'],
          ['A', 'a.env:2'],
        ],
      );
      assert.deepEqual(
        plan.broken.map((b) => [b.key, b.origin, b.error.code]),
        [['BAD', 'a.env:3', 'exclusive']],
      );
      assert.deepEqual(plan.fileErrors, ["b.env:2: Expected '=' after 'broken'."]);
    });
  });

  describe('runCommand (injected KMS)', () => {
    const secrets: Record<string, string> = {
      'app/db': 'db-pa55word!',
      'app/rds': '{"user":"admin","password":"rds-pa55"}',
    };
    const createFetch = async () => async (ref: SecretReference) => {
      if (!(ref.name in secrets))
        throw new Error(`The secret ${ref.name} does not exist (Forbidden.ResourceNotFound).`);
      return { value: secrets[ref.name] };
    };
    const files: Record<string, string> = {
      'app.env':
        'DB_PASSWORD=kms://app/db\nRDS_USER=kms://app/rds#user\nRDS_PASSWORD="kms://app/rds#password"\nPLAIN=hello\n',
      'broken.env': 'OK=kms://app/db\nBROKEN=kms://app/db?foo=bar\n',
      'missing.env': 'GONE=kms://app/missing\nJSONLESS=kms://app/db#user\n',
    };
    const run = async (argv: string[], env: Record<string, string> = {}) => {
      const stdout = new Capture();
      const stderr = new Capture();
      const code = await runCommand(argv, {
        createFetch,
        env: { PATH: process.env.PATH ?? '', ...env },
        readFile: async (path) => {
          if (!(path in files)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
          return files[path];
        },
        stdout,
        stderr,
      });
      return { code, stdout: stdout.text, stderr: stderr.text };
    };
    const printEnv = `for (const k of ['DB_PASSWORD','RDS_USER','RDS_PASSWORD','PLAIN','FROM_ENV','KMS_SECRETS_ENDPOINT']) console.log(k + '=' + process.env[k]); console.error('err ' + process.env.DB_PASSWORD)`;

    it('runs the command with resolved values and masks them in stdout and stderr', async () => {
      const result = await run(['--env-file', 'app.env', '--', process.execPath, '-e', printEnv]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^DB_PASSWORD=\*\*\*\*\*\*$/m);
      assert.match(result.stdout, /^RDS_USER=\*\*\*\*\*\*$/m, 'a value extracted by #key is masked too');
      assert.ok(!result.stdout.includes('db-pa55word!') && !result.stdout.includes('rds-pa55'));
      assert.match(result.stdout, /^PLAIN=hello$/m);
      assert.equal(result.stderr, `err ${MASK}\n`);
    });

    it('with --no-masking passes the values through', async () => {
      const result = await run(['--no-masking', '--env-file', 'app.env', '--', process.execPath, '-e', printEnv]);
      assert.match(result.stdout, /^DB_PASSWORD=db-pa55word!$/m);
      assert.match(result.stdout, /^RDS_PASSWORD=rds-pa55$/m);
    });

    it('resolves references found in the current environment and drops its own variables', async () => {
      const result = await run(['--no-masking', '--', process.execPath, '-e', printEnv], {
        FROM_ENV: 'kms://app/db',
        KMS_SECRETS_ENDPOINT: 'http://127.0.0.1:9',
      });
      assert.match(result.stdout, /^FROM_ENV=db-pa55word!$/m);
      assert.match(result.stdout, /^KMS_SECRETS_ENDPOINT=undefined$/m);
    });

    it('forwards the exit code, and 128+n when the command dies of a signal', async () => {
      assert.equal((await run(['--', process.execPath, '-e', 'process.exit(7)'])).code, 7);
      assert.equal((await run(['--', process.execPath, '-e', "process.kill(process.pid, 'SIGTERM')"])).code, 128 + 15);
    });

    it('refuses to start when a reference is broken, naming it', async () => {
      const result = await run(['--env-file', 'broken.env', '--', process.execPath, '-e', 'console.log("started")']);
      assert.equal(result.code, 1);
      assert.equal(result.stdout, '');
      assert.match(
        result.stderr,
        /not starting .*: 1 broken secret reference\(s\):\n {2}BROKEN \(broken\.env:2\): Unknown query parameter 'foo'/,
      );
    });

    it('refuses to start when a reference cannot be resolved, naming it and never a value', async () => {
      const result = await run(['--env-file', 'missing.env', '--', process.execPath, '-e', 'console.log("started")']);
      assert.equal(result.code, 1);
      assert.equal(result.stdout, '');
      assert.match(
        result.stderr,
        /GONE \(missing\.env:1\): kms:\/\/app\/missing: The secret app\/missing does not exist/,
      );
      assert.match(result.stderr, /JSONLESS \(missing\.env:2\): kms:\/\/app\/db#user: the secret's value is not JSON/);
      assert.ok(!result.stderr.includes('db-pa55word!'));
    });

    it('reports usage errors, unreadable env files and unknown commands', async () => {
      assert.equal((await run([])).code, 2);
      const missing = await run(['--env-file', 'nope.env', '--', 'true']);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /cannot read env file nope\.env: ENOENT/);
      const unknown = await run(['--', 'definitely-not-a-command-kms']);
      assert.equal(unknown.code, 127);
      assert.match(unknown.stderr, /definitely-not-a-command-kms: command not found/);
      const help = await run(['--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /Usage: kms-secrets run/);
    });

    it('does not connect to KMS when there is nothing to resolve', async () => {
      const result = await runCommand(['--', process.execPath, '-e', 'console.log("ok")'], {
        createFetch: async () => assert.fail('no KMS needed'),
        env: { PATH: process.env.PATH ?? '' },
        stdout: new Capture(),
        stderr: new Capture(),
      });
      assert.equal(result, 0);
    });
  });

  describe('signals', () => {
    const runCommandJs = path.resolve(__dirname, '../../../src/cli/runCommand.js');

    /** Starts runCommand in its own node process (so signals to it don't hit mocha), waits for the command's "ready". */
    function startWrapped(
      childScript: string,
    ): Promise<{ code: number | null; output: string; signal: (s: NodeJS.Signals) => void }> {
      return new Promise((resolve, reject) => {
        const wrapper = `require(${JSON.stringify(runCommandJs)}).runCommand(['--', process.execPath, '-e', ${JSON.stringify(childScript)}]).then((c) => process.exit(c))`;
        const proc = spawn(process.execPath, ['-e', wrapper], { stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        let signalled = false;
        proc.stdout.on('data', (d: Buffer) => {
          output += d.toString();
          if (!signalled && output.includes('ready')) {
            signalled = true;
            proc.kill('SIGTERM');
          }
        });
        proc.stderr.on('data', (d: Buffer) => (output += d.toString()));
        proc.on('error', reject);
        proc.on('close', (code) => resolve({ code, output, signal: () => undefined }));
      });
    }

    it('forwards SIGTERM to the command and exits 128+15 when it dies of it', async () => {
      const result = await startWrapped("console.log('ready'); setInterval(() => {}, 1000)");
      assert.equal(result.code, 143, result.output);
    });

    it('lets a command that handles the signal decide its exit code', async () => {
      const result = await startWrapped(
        "process.on('SIGTERM', () => { console.log('got SIGTERM'); process.exit(3); }); console.log('ready'); setInterval(() => {}, 1000)",
      );
      assert.equal(result.code, 3, result.output);
      assert.match(result.output, /got SIGTERM/);
    });
  });
});
