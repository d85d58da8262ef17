import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = join(resolve(__dirname, '../../../..'), 'dist/cli.js');
const PASSWORD = 'CliScanPw-' + '7h3k9';

function scan(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'scan', ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('kms-secrets scan (built CLI)', () => {
  let dir: string;

  before(() => {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first.');
    dir = mkdtempSync(join(tmpdir(), 'kms-scan-'));
    mkdirSync(join(dir, 'src'));
    mkdirSync(join(dir, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(join(dir, 'src', 'db.js'), `const db = connect({\n  password: '${PASSWORD}',\n});\n`);
    writeFileSync(join(dir, 'clean.js'), 'const password = process.env.DB_PASSWORD;\n');
    writeFileSync(join(dir, 'node_modules', 'dep', 'x.env'), `DB_PASSWORD=${PASSWORD}\n`);
    writeFileSync(join(dir, '.gitignore'), 'local.env\n');
    writeFileSync(join(dir, 'local.env'), `DB_PASSWORD=${PASSWORD}\n`);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports findings as JSON with 1-based positions and relative paths, exit code 1, never the value', () => {
    const result = scan(dir, '--format', 'json', '.');
    assert.equal(result.code, 1, result.stderr);
    const findings = JSON.parse(result.stdout);
    assert.deepEqual(
      findings.map((f: { file: string; line: number; column: number; endColumn: number; ruleId: string }) => [
        f.file,
        f.line,
        f.column,
        f.endColumn,
        f.ruleId,
      ]),
      [['src/db.js', 2, 14, 14 + PASSWORD.length, 'hardcoded-password']],
    );
    assert.ok(!result.stdout.includes(PASSWORD) && !result.stderr.includes(PASSWORD));
  });

  it('skips dependencies and what .gitignore ignores, and exits 0 when nothing is found', () => {
    assert.equal(scan(dir, 'clean.js').code, 0);
    const text = scan(dir, '.');
    assert.ok(!text.stdout.includes('node_modules') && !text.stdout.includes('local.env'));
    assert.match(text.stdout, /^src\/db\.js:2:14 {2}warning {2}Hard-coded password/m);
  });

  it('writes SARIF 2.1.0 with rules, locations and value-free fingerprints', () => {
    const sarif = JSON.parse(scan(dir, '--format', 'sarif', 'src').stdout);
    assert.equal(sarif.version, '2.1.0');
    const [run] = sarif.runs;
    assert.equal(run.tool.driver.rules[0].id, 'hardcoded-password');
    assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, 'src/db.js');
    assert.equal(run.results[0].locations[0].physicalLocation.region.startLine, 2);
    assert.match(run.results[0].partialFingerprints['kmsSecrets/v1'], /^[0-9a-f]{32}$/);
  });

  it('honours --exclude and the ignore file', () => {
    assert.equal(scan(dir, '--exclude', 'src/**', '.').code, 0);
    const [finding] = JSON.parse(scan(dir, '--format', 'json', 'src').stdout);
    writeFileSync(join(dir, '.kms-secrets-ignore'), `${finding.fingerprint}  # reviewed\n`);
    try {
      assert.equal(scan(dir, 'src').code, 0);
    } finally {
      rmSync(join(dir, '.kms-secrets-ignore'));
    }
  });

  it('exits 2 with a clear message on misuse', () => {
    assert.equal(scan(dir).code, 2);
    assert.equal(scan(dir, '--format', 'xml', '.').code, 2);
    const missing = scan(dir, 'nope');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or folder: nope/);
    assert.equal(scan(dir, '--threads', '0', '.').code, 2);
  });
});

describe('kms-secrets scan never passes in silence (built CLI)', () => {
  let dir: string;
  const token = 'ghp_' + 'R8fK2mW9xQ4vL7nP3sT6yB1cJ5hD0gA8eZ2u';
  const rows = (stdout: string): [string, number, string][] =>
    JSON.parse(stdout)
      .filter((f: { line?: number }) => f.line)
      .map((f: { file: string; line: number; ruleId: string }) => [f.file, f.line, f.ruleId]);

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kms-scan-gate-'));
    chmodSync(dir, 0o755);
    for (const folder of ['build', 'dist', 'out', 'target', 'node_modules/dep', '.git', 'src/nested'])
      mkdirSync(join(dir, folder), { recursive: true });
    for (const folder of ['build', 'dist', 'out', 'target'])
      writeFileSync(join(dir, folder, 'config.env'), `DB_PASSWORD=${PASSWORD}\n`);
    writeFileSync(join(dir, 'node_modules/dep/x.env'), `DB_PASSWORD=${PASSWORD}\n`);
    writeFileSync(join(dir, '.git/config'), `DB_PASSWORD=${PASSWORD}\n`);
    writeFileSync(join(dir, 'src/app.min.js'), `var a=1;var t="${token}";b();\n`);
    writeFileSync(join(dir, 'src/real.env'), `API_TOKEN=${PASSWORD}\n`);
    symlinkSync('real.env', join(dir, 'src/link.env'));
    symlinkSync('..', join(dir, 'src/nested/loop'));
    symlinkSync('missing.env', join(dir, 'src/dangling.env'));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('scans build output by default; skips only dependency and VCS folders', () => {
    const result = scan(dir, '--format', 'json', '.');
    assert.equal(result.code, 1, result.stderr);
    const files = rows(result.stdout).map(([file]) => file);
    for (const folder of ['build', 'dist', 'out', 'target']) assert.ok(files.includes(`${folder}/config.env`), folder);
    assert.ok(!files.some((f) => f.startsWith('node_modules/') || f.startsWith('.git/')));
  });

  it('scans minified bundles, and a file named on the command line even when excluded', () => {
    assert.deepEqual(
      rows(scan(dir, '--format', 'json', 'src').stdout).filter(([f]) => f.endsWith('.min.js')),
      [['src/app.min.js', 1, 'github-token']],
    );
    const named = scan(dir, '--format', 'json', '--exclude', 'src/**', 'src/app.min.js');
    assert.deepEqual(rows(named.stdout), [['src/app.min.js', 1, 'github-token']]);
  });

  it('reads a symlinked file once, follows no folder link (no loop), and skips dangling links', () => {
    const result = scan(dir, '--format', 'json', 'src');
    const envs = rows(result.stdout).filter(([f]) => f.endsWith('.env'));
    assert.deepEqual(envs, [['src/real.env', 1, 'hardcoded-token']]);
    assert.equal(result.code, 1, result.stderr);
  });

  it('scans a file larger than 8 MB to its end (streamed in windows)', function () {
    this.timeout(60_000);
    const big = join(dir, 'big');
    mkdirSync(big);
    const filler = '# nothing to see here, just a long generated file\n'.repeat(200_000); // ~10 MB
    writeFileSync(join(big, 'dump.sql'), `${filler}-- tail\nCREATE USER app IDENTIFIED BY 'Tail-Secret-9x';\n`);
    try {
      const result = scan(dir, '--format', 'json', 'big');
      assert.equal(result.code, 1, result.stderr);
      assert.deepEqual(rows(result.stdout), [['big/dump.sql', 200_002, 'hardcoded-password']]);
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
  });

  it('names an unreadable file on stderr, scans the rest, lists it in JSON and SARIF, and exits 3', () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o755);
    writeFileSync(join(locked, 'secret.env'), `DB_PASSWORD=${PASSWORD}\n`);
    writeFileSync(join(locked, 'open.env'), `DB_PASSWORD=${PASSWORD}\n`);
    chmodSync(join(locked, 'secret.env'), 0o000);
    chmodSync(join(locked, 'open.env'), 0o644);
    // Root reads anything: run the CLI as nobody so the permission means something.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = (...args: string[]) => {
      const r = spawnSync(process.execPath, [CLI, 'scan', ...args], { cwd: dir, encoding: 'utf8', ...asUser });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    try {
      const text = run('locked');
      assert.equal(text.code, 3, text.stderr);
      assert.match(text.stderr, /locked\/secret\.env: Not scanned: cannot be read \(EACCES\)/);
      assert.match(text.stdout, /locked\/open\.env:1/);
      const json = JSON.parse(run('--format', 'json', 'locked').stdout);
      assert.deepEqual(
        json.filter((e: { notice?: string }) => e.notice),
        [
          {
            file: 'locked/secret.env',
            notice: 'unreadable',
            level: 'error',
            message: 'Not scanned: cannot be read (EACCES).',
          },
        ],
      );
      const sarif = JSON.parse(run('--format', 'sarif', 'locked').stdout);
      const [invocation] = sarif.runs[0].invocations;
      assert.equal(invocation.executionSuccessful, false);
      assert.equal(
        invocation.toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri,
        'locked/secret.env',
      );
      assert.equal(sarif.runs[0].results.length, 1, 'the readable file is still reported');
    } finally {
      rmSync(locked, { recursive: true, force: true });
    }
  });

  it('stops a runaway custom pattern, reports it, keeps every other rule, and exits 3', function () {
    this.timeout(60_000);
    const work = join(dir, 'custom');
    mkdirSync(work);
    writeFileSync(join(work, 'a.env'), `DB_PASSWORD=${PASSWORD}\nX=${'a'.repeat(40)}!\n`);
    writeFileSync(
      join(work, 'config.json'),
      JSON.stringify({
        customPatterns: [
          { id: 'evil', pattern: '(a+)+$' },
          { id: 'acme', pattern: 'ACME-[0-9]{6}' },
        ],
      }),
    );
    const result = scan(dir, '--format', 'json', '--config', 'custom/config.json', 'custom/a.env');
    assert.equal(result.code, 3, result.stderr);
    assert.match(result.stderr, /Custom pattern "evil" was stopped and disabled/);
    const entries = JSON.parse(result.stdout);
    assert.deepEqual(rows(result.stdout), [['custom/a.env', 1, 'hardcoded-password']]);
    assert.equal(entries.find((e: { notice?: string }) => e.notice)?.notice, 'pattern-disabled');
  });
});
