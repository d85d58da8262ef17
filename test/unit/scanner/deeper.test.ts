import * as assert from 'node:assert/strict';
import { RULES, scanText } from '../../../src/core/scanner';
import { DEEPER, DEEPER_CLEAN } from './deeper';
import { MINED, MINED_CLEAN } from './mined';

describe('scanner: deeper detection (issue #12)', () => {
  for (const c of [...DEEPER, ...MINED]) {
    it(`${c.name} (${c.path})`, () => {
      const { findings } = scanText(c.text, { path: c.path });
      assert.deepEqual(
        findings.map((f) => c.text.slice(f.start, f.end)),
        c.secrets,
      );
      const ids = new Set(RULES.map((r) => r.id));
      for (const f of findings) assert.ok(ids.has(f.ruleId), `${f.ruleId} is listed in RULES`);
    });
  }
  it('finds the same in every file with Windows line endings', () => {
    for (const c of [...DEEPER, ...MINED, ...DEEPER_CLEAN, ...MINED_CLEAN]) {
      const text = c.text.replace(/\r?\n/g, '\r\n');
      const { findings } = scanText(text, { path: c.path });
      assert.deepEqual(
        findings.map((f) => text.slice(f.start, f.end)),
        c.secrets.map((s) => s.replace(/\r?\n/g, '\r\n')),
        `${c.name} (${c.path})`,
      );
    }
  });
  it("places an administrator's password where it stands, not where a remark after it repeats it", () => {
    for (const text of [
      'SSH: root / Gl4cier!bay7 (same as Gl4cier!bay7x on staging)',
      '| db1 | `admin` / `Pa55-w0rd!` (was Pa55-w0rd!1) |',
    ]) {
      const { findings } = scanText(text, { path: 'notes/handover.md' });
      const password = /\/ `?([^\s`]+)/.exec(text)![1];
      assert.deepEqual(
        findings.map((f) => [f.start, f.end]),
        [[text.indexOf(password), text.indexOf(password) + password.length]],
      );
    }
  });
  it("reports Rails' development and test secret_key_base as fixtures, at info severity, and production's as any other key", () => {
    const key = (seed: string) => seed.repeat(4) + '0a2db44eea803a1363c105993961648378ddb85502d2dc6d6ef88577fa613f56';
    const text = [
      'development:',
      `  secret_key_base: ${key('1c571bfb')}`,
      'test:',
      `  secret_key_base: ${key('09d1778e')}`,
      'production:',
      `  secret_key_base: ${key('e5cda4a2')}`,
      'staging:',
      '  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>',
    ].join('\n');
    const { findings } = scanText(text, { path: 'config/secrets.yml' });
    assert.deepEqual(
      findings.map((f) => [f.severity, text.slice(f.start, f.end)]),
      [
        ['info', key('1c571bfb')],
        ['info', key('09d1778e')],
        ['warning', key('e5cda4a2')],
      ],
    );
  });
  it("reports a Pester test's password at info severity (`Tests/*.Tests.ps1`), the same line in a script as any other", () => {
    const text =
      "$cred = [pscredential]::new('test-user', (ConvertTo-SecureString 'Qz7!vLp2Wx9k' -AsPlainText -Force))";
    const severities = (path: string) => scanText(text, { path }).findings.map((f) => f.severity);
    assert.deepEqual(severities('Tests/Connect-Billing.Tests.ps1'), ['info']);
    assert.deepEqual(severities('src/Billing/Tests/Setup.ps1'), ['info']);
    assert.deepEqual(severities('scripts/Connect-Billing.ps1'), ['warning']);
  });
  it('reports an expired token in a test at info severity, and the same token outside tests as any other', () => {
    const expired =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtbGVkZ2VyIiwiYXVkIjoibGVkZ2VyLWFwaSIsImlhdCI6MTU5MDAwMDAwMCwiZXhwIjoxNTkwMDA3MjAwfQ.YQg93kEFjc4ji606s2qXaWvFJP7bMNTyYY51qtH4dVk';
    const live =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfbGl2ZSIsInNjb3BlIjoiYWRtaW4iLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6NDEwMjQ0NDgwMH0.NiJ78w5KEU63FH-iVxwp6GmXJyIwjeRVgcMhg0Bb_wM';
    const text = `export const ledgerToken = '${expired}';\nexport const adminToken = '${live}';\n`;
    const severities = (path: string) => scanText(text, { path }).findings.map((f) => [f.severity, f.start]);
    assert.deepEqual(severities('services/auth/test/fixtures/tokens.ts'), [
      ['info', text.indexOf(expired)],
      ['warning', text.indexOf(live)],
    ]);
    assert.deepEqual(severities('services/auth/src/tokens.ts'), [
      ['warning', text.indexOf(expired)],
      ['warning', text.indexOf(live)],
    ]);
  });
  for (const c of [...DEEPER_CLEAN, ...MINED_CLEAN]) {
    it(`stays silent: ${c.name} (${c.path})`, () => {
      const { findings } = scanText(c.text, { path: c.path });
      assert.deepEqual(
        findings.map((f) => `${f.ruleId}: ${c.text.slice(f.start, f.end)}`),
        [],
      );
    });
  }
});
