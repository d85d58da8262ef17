import * as assert from 'node:assert/strict';
import { parseIgnoreFile, scanText } from '../../../src/core/scanner';
import { secretNameStrength } from '../../../src/core/scanner/rules/secretNames';
import { cpuMs } from './cpuTime';
import { NEGATIVE, POSITIVE } from './fixtures';

function found(text: string, path: string): string[] {
  return scanText(text, { path }).findings.map((f) => text.slice(f.start, f.end));
}

describe('scanner: formats', () => {
  for (const c of POSITIVE) {
    it(`finds exactly the secrets in: ${c.name}`, () => {
      assert.deepEqual(found(c.text, c.path).sort(), [...c.secrets].sort());
    });
  }
  for (const c of NEGATIVE) {
    it(`stays silent on: ${c.name}`, () => {
      assert.deepEqual(found(c.text, c.path), []);
    });
  }
});

describe('scanner: findings', () => {
  const text = 'A=1\nDB_PASSWORD=Tr0ub4dor&3x\n';
  const [finding] = scanText(text, { path: '.env' }).findings;

  it('reports the exact range of the secret with 0-based positions', () => {
    assert.equal(finding.line, 1);
    assert.equal(finding.column, 'DB_PASSWORD='.length);
    assert.equal(finding.endColumn, 'DB_PASSWORD=Tr0ub4dor&3x'.length);
    assert.equal(finding.nameHint, 'DB_PASSWORD');
    assert.equal(finding.ruleId, 'hardcoded-password');
  });

  it('names the kind in the message, never the value', () => {
    assert.match(finding.message, /password/);
    assert.ok(!finding.message.includes('Tr0ub4dor'));
  });

  it('gives fingerprints that are stable, value-free and distinct per occurrence', () => {
    const again = scanText(`# comment\n${text}`, { path: '.env' }).findings[0];
    assert.equal(again.fingerprint, finding.fingerprint, 'unrelated lines do not move it');
    const otherValue = scanText('A=1\nDB_PASSWORD=0therPassw0rd!\n', { path: '.env' }).findings[0];
    assert.equal(otherValue.fingerprint, finding.fingerprint, 'the fingerprint says nothing about the value');
    const twice = scanText('DB_PASSWORD=Tr0ub4dor&3x\nDB_PASSWORD=Tr0ub4dor&3x\n', { path: '.env' }).findings;
    assert.notEqual(twice[0].fingerprint, twice[1].fingerprint);
    assert.notEqual(scanText(text, { path: 'other/.env' }).findings[0].fingerprint, finding.fingerprint);
  });

  it('spans a whole private key block', () => {
    const body = Array.from(
      { length: 6 },
      (_, i) => `MIIEv${i}QIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7${i}x`,
    ).join('\n');
    const pem = `-----BEGIN ${'PRIVATE'} KEY-----\n${body}\n-----END PRIVATE KEY-----`;
    const key = `const key = \`${pem}\`;\n`;
    const [f] = scanText(key, { path: 'k.js' }).findings;
    assert.equal(f.ruleId, 'private-key');
    assert.equal(key.slice(f.start, f.end), pem);
    const encrypted = pem.replace(/PRIVATE KEY/g, 'ENCRYPTED PRIVATE KEY');
    assert.equal(scanText(encrypted, { path: 'k.pem' }).findings[0]?.ruleId, 'private-key');
    assert.deepEqual(
      scanText('-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n', { path: 'README.md' }).findings,
      [],
    );
  });
});

describe('scanner: silencing', () => {
  it('honours kms-secrets-ignore on the line and -next-line on the line before', () => {
    assert.deepEqual(found('DB_PASSWORD=Tr0ub4dor&3x # kms-secrets-ignore\n', '.env'), []);
    assert.deepEqual(
      found('# kms-secrets-ignore-next-line\nDB_PASSWORD=Tr0ub4dor&3x\nX_PASSWORD=An0ther-Pw9\n', '.env'),
      ['An0ther-Pw9'],
    );
  });

  it('drops findings whose fingerprint is in the ignore file, and rules ignored for one file', () => {
    const text = 'DB_PASSWORD=Tr0ub4dor&3x\n';
    const [f] = scanText(text, { path: '.env' }).findings;
    const ignore = parseIgnoreFile(
      `# ignored\n${f.fingerprint}  # hardcoded-password in .env\nrule:hardcoded-token src/a.ts\n`,
    );
    assert.deepEqual(
      scanText(text, { path: '.env', config: { ignoredFingerprints: ignore.fingerprints } }).findings,
      [],
    );
    assert.equal(ignore.isRuleIgnored('hardcoded-token', 'src/a.ts'), true);
    assert.equal(ignore.isRuleIgnored('hardcoded-token', 'src/b.ts'), false);
  });

  it('skips disabled rules and applies custom patterns', () => {
    assert.deepEqual(found('DB_PASSWORD=Tr0ub4dor&3x\n', '.env').length, 1);
    assert.deepEqual(
      scanText('DB_PASSWORD=Tr0ub4dor&3x\n', { path: '.env', config: { disabledRules: ['hardcoded-password'] } })
        .findings,
      [],
    );
    const custom = scanText('id: ACME-7f3k9q2w8e\n', {
      path: 'a.yml',
      config: { customPatterns: [{ id: 'acme-key', pattern: '(ACME-[a-z0-9]{10})', kind: 'ACME key' }] },
    }).findings;
    assert.equal(custom.length, 1);
    assert.equal(custom[0].ruleId, 'acme-key');
    assert.deepEqual(
      scanText('x', { config: { customPatterns: [{ id: 'bad', pattern: '(' }] } }).findings,
      [],
      'an invalid pattern is skipped',
    );
  });
});

describe('scanner: guards', () => {
  it('judges a key of separators alone as naming nothing (it threw, and a file of moto failed to scan)', () => {
    for (const name of [':', '.', '__', '""', '._.']) assert.equal(secretNameStrength(name), undefined, name);
  });

  it('marks binary input, and scans input of any size', () => {
    assert.equal(scanText('abc\0def').binary, true);
    assert.deepEqual(scanText('a'.repeat(6 * 1024 * 1024)).findings, []);
  });

  it('takes well under 1 s per MB on adversarial input', function () {
    this.timeout(20_000);
    const inputs = [
      'a'.repeat(1_000_000),
      '='.repeat(1_000_000),
      '"'.repeat(1_000_000),
      'password='.repeat(110_000),
      `"${'a'.repeat(999_998)}`,
      'key: '.repeat(200_000),
      `${'x:'.repeat(300_000)}@`,
      `-----BEGIN PRIVATE KEY-----${'A'.repeat(1_000_000)}`,
      `${'ab:cd@'.repeat(160_000)}`,
      `mysql ${' -p'.repeat(300_000)}`,
      `${'token_a1b2c3d4e5f6g7h8 = '.repeat(40_000)}`,
    ];
    for (const input of inputs) {
      for (const path of ['a.env', 'a.js']) {
        const ms = cpuMs(() => scanText(input, { path }));
        const mb = input.length / 1e6;
        assert.ok(
          ms < 1000 * mb,
          `${JSON.stringify(input.slice(0, 20))}… (${path}) took ${ms.toFixed(0)} ms for ${mb.toFixed(1)} MB`,
        );
      }
    }
  });

  it('still finds known token formats in a minified one-line bundle', () => {
    const bundle = `${'var a=1;'.repeat(2000)}var t="${'ghp_' + 'R8fK2mW9xQ4vL7nP3sT6yB1cJ5hD0gA8eZ2u'}";${'b();'.repeat(2000)}`;
    assert.equal(scanText(bundle, { path: 'app.min.js' }).findings[0]?.ruleId, 'github-token');
  });
});
