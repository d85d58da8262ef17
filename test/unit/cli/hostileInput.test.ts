import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sanitizeText } from '../../../src/core/kms';
import { printable } from '../../../src/core/printable';

// What a cloned repository or a hostile server puts in front of `kms-secrets` must not reach the user's terminal as
// escape sequences: they retitle the window, clear the screen, write the clipboard (OSC 52) or hide earlier lines.
const CLI = join(resolve(__dirname, '../../../..'), 'dist/cli.js');
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;
const OSC_TITLE = '\u001b]0;PWNED\u0007';
const CLEAR = '\u001b[2J';

function cli(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 20_000,
    // No KMS is needed for what these files hold; an endpoint that refuses makes sure nothing is asked anyway.
    env: { ...process.env, KMS_SECRETS_ENDPOINT: 'http://127.0.0.1:9' },
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('hostile input never reaches the terminal as control characters', () => {
  let dir: string;

  before(() => {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first.');
    dir = mkdtempSync(join(tmpdir(), 'kms-hostile-'));
    // A file name is any bytes but "/" and NUL on Linux, and git keeps them.
    writeFileSync(join(dir, `a${CLEAR}b.env`), 'password = "Zx9vQ2mLp7Rt4Kw8"\n');
    // YAML's double-quoted "\e" is ESC; the manifest's name is quoted in the problem message.
    writeFileSync(
      join(dir, 'es.yaml'),
      [
        'apiVersion: alibabacloud.com/v1alpha1',
        'kind: ExternalSecret',
        'metadata:',
        '  name: "evil\\e]0;PWNED\\a\\e[2Jx"',
        'spec:',
        '  bogus: 1',
        '  data:',
        '    - key: "kms\\e[8m"',
        '      name: x',
        '',
      ].join('\n'),
    );
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('kms-secrets scan: file names in findings', () => {
    const result = cli(dir, 'scan', '.');
    assert.equal(result.code, 1, result.out);
    assert.match(result.out, /a\?\[2Jb\.env:1:/);
    assert.doesNotMatch(result.out, CONTROL);
  });

  it('kms-secrets check: names quoted from manifests', () => {
    const result = cli(dir, 'check', 'es.yaml');
    assert.equal(result.code, 1, result.out);
    assert.match(result.out, /Invalid ExternalSecret evil\?\]0;PWNED\?\?\[2Jx/);
    assert.doesNotMatch(result.out, CONTROL);
  });

  it("a server's message keeps its words and loses its escape sequences", () => {
    const text = sanitizeText(
      `Access denied ${OSC_TITLE}\u001b]52;c;ZWNobyBvd25lZA==\u0007${CLEAR}\u009b31m\u202efdp.`,
    );
    assert.doesNotMatch(text, CONTROL);
    assert.match(text, /^Access denied \?\]0;PWNED\?/);
  });

  it('printable leaves other text, Chinese included, as it is', () => {
    assert.equal(printable('密钥 demo/app-token: ok'), '密钥 demo/app-token: ok');
    assert.equal(printable(`x${OSC_TITLE}\u0085y`), 'x?]0;PWNED??y');
  });
});

describe('ignore files a repository makes into devices or pipes are not read', () => {
  let dir: string;

  before(function () {
    if (process.platform === 'win32') this.skip();
    dir = mkdtempSync(join(tmpdir(), 'kms-hostile-ignore-'));
    mkdirSync(join(dir, 'pipe'));
    mkdirSync(join(dir, 'zero'));
    // git stores symlinks: one to a FIFO (or /dev/tty, which waits for the keyboard) would block the walk forever,
    // one to /dev/zero never ends.
    const fifo = join(dir, 'fifo');
    spawnSync('mkfifo', [fifo]);
    symlinkSync(fifo, join(dir, 'pipe', '.gitignore'));
    symlinkSync('/dev/zero', join(dir, 'zero', '.gitignore'));
    symlinkSync(fifo, join(dir, '.kms-secrets-ignore'));
    writeFileSync(join(dir, 'pipe', 'a.env'), 'DB_PASSWORD=Zx9vQ2mLp7Rt4Kw8\n');
    writeFileSync(join(dir, 'zero', 'b.env'), 'X=kms://app/db\n');
  });

  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('kms-secrets scan finishes and still scans the folders', () => {
    const result = cli(dir, 'scan', '.');
    assert.equal(result.code, 1, result.out);
    assert.match(result.out, /pipe\/a\.env:1:/);
  });

  it('kms-secrets check finishes and still finds the references', () => {
    const result = cli(dir, 'check', '.');
    // The endpoint refuses connections: the reference is found, and reported as not verifiable.
    assert.equal(result.code, 2, result.out);
    assert.match(result.out, /1 reference\(s\) found/);
  });
});
