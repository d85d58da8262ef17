import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  });
});
