import * as assert from 'node:assert/strict';
import {
  envLookup,
  envLookupExpression,
  isConfigLike,
  suggestEnvVarName,
  suggestSecretName,
  supportedCodeLanguages,
} from '../../src/core/codeEdits';
import { validateSecretName } from '../../src/core/reference';

describe('code edits', () => {
  describe('environment lookups per language', () => {
    const expected: Array<[string, string]> = [
      ['javascript', 'process.env.DB_PASSWORD'],
      ['typescript', 'process.env.DB_PASSWORD'],
      ['typescriptreact', 'process.env.DB_PASSWORD'],
      ['python', 'os.environ["DB_PASSWORD"]'],
      ['go', 'os.Getenv("DB_PASSWORD")'],
      ['java', 'System.getenv("DB_PASSWORD")'],
      ['kotlin', 'System.getenv("DB_PASSWORD")'],
      ['csharp', 'Environment.GetEnvironmentVariable("DB_PASSWORD")'],
      ['php', "getenv('DB_PASSWORD')"],
      ['ruby', 'ENV["DB_PASSWORD"]'],
      ['shellscript', '"${DB_PASSWORD}"'],
      ['powershell', '$env:DB_PASSWORD'],
      ['rust', 'std::env::var("DB_PASSWORD").expect("DB_PASSWORD is not set")'],
    ];
    for (const [languageId, expression] of expected) {
      it(`${languageId}: ${expression}`, () => {
        assert.equal(envLookupExpression(languageId, 'DB_PASSWORD'), expression);
        assert.equal(isConfigLike(languageId), false);
      });
    }

    it('names the imports the expression needs', () => {
      assert.deepEqual(envLookup('python', 'X')?.import, { module: 'os', statement: 'import os' });
      assert.deepEqual(envLookup('go', 'X')?.import, { module: 'os', statement: 'import "os"' });
      assert.equal(envLookup('javascript', 'X')?.import, undefined);
    });

    it('offers an interpolation form where strings interpolate', () => {
      assert.equal(envLookup('shellscript', 'X')?.interpolation, '${X}');
      assert.equal(envLookup('python', 'X')?.interpolation, undefined);
    });

    it('uses bracket access in JS for names that are not identifiers', () => {
      assert.equal(envLookupExpression('javascript', 'my-var'), 'process.env["my-var"]');
    });

    it('has no lookup for config or unknown languages', () => {
      assert.equal(envLookupExpression('yaml', 'X'), undefined);
      assert.equal(envLookupExpression('cobol', 'X'), undefined);
      assert.ok(supportedCodeLanguages().length > 20);
    });
  });

  describe('config-like files', () => {
    it('by language id', () => {
      for (const id of [
        'dotenv',
        'yaml',
        'json',
        'jsonc',
        'properties',
        'ini',
        'xml',
        'toml',
        'dockerfile',
        'dockercompose',
        'plaintext',
      ]) {
        assert.equal(isConfigLike(id), true, id);
      }
      for (const id of ['typescript', 'python', 'go', 'cobol']) assert.equal(isConfigLike(id), false, id);
    });

    it('by file name when the language is unknown', () => {
      for (const file of [
        '/ws/.env',
        '/ws/.env.local',
        'C:\\ws\\prod.env',
        '/ws/Dockerfile',
        '/ws/Dockerfile.prod',
        '/ws/app.yml',
        '/ws/app.cfg',
        '/ws/x.tfvars',
      ]) {
        assert.equal(isConfigLike('unknown-lang', file), true, file);
      }
      assert.equal(isConfigLike('unknown-lang', '/ws/main.zig'), false);
      assert.equal(isConfigLike('unknown-lang'), false);
      assert.equal(isConfigLike('python', '/ws/.env.py'), false, 'a code language wins over the file name');
    });
  });

  describe('suggestEnvVarName', () => {
    const cases: Array<[string, string | undefined, string]> = [
      ['dbPassword', undefined, 'DB_PASSWORD'],
      ['db-password', undefined, 'DB_PASSWORD'],
      ['aws.secret_key', undefined, 'AWS_SECRET_KEY'],
      ['AccessKeySecret', undefined, 'ACCESS_KEY_SECRET'],
      ['HTMLParserToken', undefined, 'HTML_PARSER_TOKEN'],
      ['password', '/ws/src/database.ts', 'DATABASE_PASSWORD'],
      ['password', '/ws/src/index.ts', 'PASSWORD'],
      ['password', '/ws/.env', 'PASSWORD'],
      ['token', '/ws/src/githubClient.py', 'GITHUB_CLIENT_TOKEN'],
      ['', undefined, 'SECRET'],
      ['!!!', undefined, 'SECRET'],
      ['2fa-seed', undefined, '_2FA_SEED'],
      ['密码 key', undefined, 'KEY'],
    ];
    for (const [hint, file, name] of cases) {
      it(`${JSON.stringify(hint)}${file ? ` in ${file}` : ''} → ${name}`, () => {
        const suggested = suggestEnvVarName(hint, file);
        assert.equal(suggested, name);
        assert.match(suggested, /^[A-Z_][A-Z0-9_]*$/);
      });
    }

    it('stays short', () => {
      assert.ok(suggestEnvVarName('a'.repeat(50) + 'B'.repeat(50)).length <= 64);
    });
  });

  describe('suggestSecretName', () => {
    it('prefixes the workspace and uses kebab case', () => {
      assert.equal(suggestSecretName('dbPassword', undefined, 'MyApp'), 'my-app/db-password');
      assert.equal(suggestSecretName('password', '/ws/src/database.ts', 'myapp'), 'myapp/database-password');
      assert.equal(suggestSecretName('ALIBABA_CLOUD_ACCESS_KEY_SECRET'), 'alibaba-cloud-access-key-secret');
      assert.equal(suggestSecretName('', undefined, 'shop'), 'shop/secret');
      assert.equal(suggestSecretName('token', undefined, '!!!'), 'token');
    });

    it('always produces a valid KMS name', () => {
      for (const hint of ['', ' ', 'a b c', 'x'.repeat(300), '密码', 'key#1?', '../../etc/passwd']) {
        const name = suggestSecretName(hint, '/ws/file.ts', 'w'.repeat(100));
        assert.equal(validateSecretName(name), undefined, `${JSON.stringify(hint)} → ${name}`);
      }
    });
  });
});
