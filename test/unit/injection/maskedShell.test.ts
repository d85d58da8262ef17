import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { underScript } from '../../../src/injection/maskedShell';

// The Run-with-Secrets terminal's wrapper, run as VS Code runs it (Node + the file), with a shell fed from a pipe.
const WRAPPER = path.resolve(__dirname, '../../../src/injection/maskedShell.js');
const CANARY = 'CANARY-terminal-5d1c';
const MULTI = `line-one-${CANARY}\nline "two" \\ end`;

function runShell(input: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [WRAPPER], {
    env: {
      PATH: process.env.PATH,
      SECRET: CANARY,
      MULTI,
      PLAIN: 'plain-value',
      NODE: process.execPath,
      KMS_SECRETS_MASKED: 'SECRET,MULTI',
      KMS_SECRETS_SHELL: '/bin/sh',
      KMS_SECRETS_SHELL_ARGS: '[]',
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  child.stdin.end(input);
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return new Promise((done) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, output });
    }),
  );
}

/** What the shell is told to run: a program printing the values as programs do, then the wrapper's leftovers. */
const PRINT_FORMS = `
  const s = process.env.SECRET, m = process.env.MULTI;
  process.stdout.write("split " + s.slice(0, 6));
  setTimeout(() => {
    process.stdout.write(s.slice(6) + "\\n");
    console.log("json " + JSON.stringify(m));
    console.log("line " + m.split("\\n")[0]);
    console.log("plain " + process.env.PLAIN);
  }, 20);`;
const SCRIPT = [
  `"$NODE" -e '${PRINT_FORMS}'`,
  'echo "wrapper variables: [${KMS_SECRETS_MASKED-}${KMS_SECRETS_SHELL-}${KMS_SECRETS_SHELL_ARGS-}]"',
  'exit 3',
  '',
].join('\n');

describe('Run-with-Secrets terminal wrapper (injection/maskedShell)', function () {
  this.timeout(20_000);
  if (process.platform === 'win32') return;

  it('starts the shell under `script` where there is one', () => {
    const pty = underScript('/bin/bash', ['-l'], { PATH: process.env.PATH }, 'linux');
    assert.ok(pty, 'util-linux script is installed here');
    assert.deepEqual(pty.args.slice(0, 3), ['-q', '-e', '-c']);
    assert.equal(pty.args[3], "exec '/bin/bash' '-l'");
    assert.deepEqual(underScript("/it's/sh", [], { PATH: process.env.PATH }, 'darwin')?.args, [
      '-q',
      '/dev/null',
      "/it's/sh",
    ]);
    assert.equal(underScript('/bin/sh', [], { PATH: '/nonexistent' }, 'linux'), undefined);
  });

  for (const [how, env] of [
    ['under script (a pseudo-terminal)', {}],
    ['without script (pipes)', { PATH: '/nonexistent' }],
  ] as const) {
    it(`masks split output, JSON-escaped and single-line forms ${how}, and keeps the exit code`, async () => {
      const { code, output } = await runShell(SCRIPT, env);
      assert.equal(code, 3, output);
      assert.ok(!output.includes(CANARY), `no canary in ${JSON.stringify(output)}`);
      assert.match(output, /split \*{6}/);
      assert.match(output, /json "\*{6}"/);
      assert.match(output, /line \*{6}/);
      assert.match(output, /plain plain-value/, 'other output passes');
      assert.match(output, /wrapper variables: \[\]/, "the wrapper's own variables do not reach the shell");
    });
  }
});
