import * as assert from 'node:assert/strict';
import { literalAround, planMoveToReference, TextEdit } from '../../src/core/literalMove';

function apply(text: string, edits: TextEdit[]): string {
  return [...edits]
    .sort((a, b) => b.start - a.start)
    .reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

function plan(text: string, secret: string, languageId: string, path?: string) {
  const start = text.indexOf(secret);
  assert.ok(start >= 0);
  return planMoveToReference({
    text,
    start,
    end: start + secret.length,
    languageId,
    path,
    reference: 'kms://app/db-password',
    envVarName: 'DB_PASSWORD',
  });
}

describe('literalAround', () => {
  it('finds the quotes around a finding, including a connection string around a password', () => {
    const text = 'const url = "postgres://app:s3cr3t-pw@db:5432/app";\n';
    const at = text.indexOf('s3cr3t-pw');
    const literal = literalAround(text, at, at + 9);
    assert.equal(text.slice(literal.valueStart, literal.valueEnd), 'postgres://app:s3cr3t-pw@db:5432/app');
    assert.equal(text.slice(literal.start, literal.end), '"postgres://app:s3cr3t-pw@db:5432/app"');
  });

  it('skips escaped quotes', () => {
    const text = 'x = "a\\"b s3cr3t c"';
    const at = text.indexOf('s3cr3t');
    const literal = literalAround(text, at, at + 6);
    assert.equal(text.slice(literal.valueStart, literal.valueEnd), 'a\\"b s3cr3t c');
  });

  it('takes the unquoted value of a key=value line, without a trailing comment', () => {
    const text = 'A=1\nDB_PASSWORD=hunter2-long  # prod\nB=2\n';
    const at = text.indexOf('hunter2-long');
    const literal = literalAround(text, at, at + 12);
    assert.equal(text.slice(literal.start, literal.end), 'hunter2-long');
  });

  it('takes the whole unquoted YAML value', () => {
    const text = 'spring:\n  datasource:\n    url: jdbc:mysql://root:pw-9x7@db/app\n';
    const at = text.indexOf('pw-9x7');
    const literal = literalAround(text, at, at + 6);
    assert.equal(text.slice(literal.start, literal.end), 'jdbc:mysql://root:pw-9x7@db/app');
  });
});

describe('planMoveToReference', () => {
  it('puts the reference in place of the value in config files', () => {
    const text = 'DB_HOST=db\nDB_PASSWORD="hunter2-long"\n';
    const result = plan(text, 'hunter2-long', 'dotenv', '/w/.env');
    assert.equal(result.secretValue, 'hunter2-long');
    assert.equal(apply(text, result.edits), 'DB_HOST=db\nDB_PASSWORD="kms://app/db-password"\n');
    assert.equal(result.envEntry, undefined);
  });

  it('replaces the JSON string value and keeps the quotes', () => {
    const text = '{\n  "password": "hunter2-long"\n}\n';
    assert.equal(
      apply(text, plan(text, 'hunter2-long', 'json').edits),
      '{\n  "password": "kms://app/db-password"\n}\n',
    );
  });

  it('turns a JavaScript literal into process.env and asks for the env-file entry', () => {
    const text = "const pool = mysql.createPool({ password: 'hunter2-long' });\n";
    const result = plan(text, 'hunter2-long', 'javascript', '/w/db.js');
    assert.equal(apply(text, result.edits), 'const pool = mysql.createPool({ password: process.env.DB_PASSWORD });\n');
    assert.deepEqual(result.envEntry, { key: 'DB_PASSWORD', value: 'kms://app/db-password' });
  });

  it('adds the import Python needs, after a shebang, only once', () => {
    const text = '#!/usr/bin/env python3\nPASSWORD = "hunter2-long"\n';
    const result = plan(text, 'hunter2-long', 'python');
    assert.equal(
      apply(text, result.edits),
      '#!/usr/bin/env python3\nimport os\nPASSWORD = os.environ["DB_PASSWORD"]\n',
    );
    const already = 'import os\nPASSWORD = "hunter2-long"\n';
    assert.equal(
      apply(already, plan(already, 'hunter2-long', 'python').edits),
      'import os\nPASSWORD = os.environ["DB_PASSWORD"]\n',
    );
  });

  it('unescapes the value of a double-quoted literal before it goes to KMS', () => {
    const text = 'String pw = "pa\\"ss\\\\word-123";\n';
    const at = text.indexOf('pa');
    const result = planMoveToReference({
      text,
      start: at,
      end: text.indexOf('";'),
      languageId: 'java',
      reference: 'kms://x',
      envVarName: 'PW',
    });
    assert.equal(result.secretValue, 'pa"ss\\word-123');
    assert.equal(apply(text, result.edits), 'String pw = System.getenv("PW");\n');
  });

  it('uses the interpolation form in shell when the value is unquoted', () => {
    const text = 'export PGPASSWORD=hunter2-long\n';
    const result = plan(text, 'hunter2-long', 'shellscript');
    assert.equal(apply(text, result.edits), 'export PGPASSWORD=${DB_PASSWORD}\n');
  });
});
