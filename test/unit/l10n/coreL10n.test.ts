// The sentences src/core produces (validation, KMS errors, reference problems, rotation intervals, scanner findings) go
// through @vscode/l10n: unconfigured (the CLI) they are the English of the source with the values
// filled in; configured with a bundle's contents (what the extension does at activation with VS Code's bundle) they are
// that language's.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { checkSecretUse, type SecretLookup } from '../../../src/core/check';
import { KmsError, toKmsError } from '../../../src/core/kms/errors';
import { validateSecretName } from '../../../src/core/reference';
import { formatRotationInterval, validateRotationInterval } from '../../../src/core/rotation';
import { RULES } from '../../../src/core/scanner/catalog';
import { findingMessage } from '../../../src/core/scanner/findings';
import { kindName } from '../../../src/core/scanner/kindNames';
import { DocumentScanHost } from '../../../src/core/scanner';
import { useBundle } from '../../../src/core/displayLanguage';
import { validateNewSecretName } from '../../../src/core/secretInput';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const zhCn = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<
  string,
  string
>;

const notFound = () =>
  toKmsError(
    Object.assign(new Error('Forbidden.ResourceNotFoundError: code: 404, msg requestid: RID-1'), {
      code: 'Forbidden.ResourceNotFoundError',
      data: { Code: 'Forbidden.ResourceNotFound', Message: 'msg', RequestId: 'RID-1' },
    }),
    { action: 'GetSecretValue', secret: 'app/db' },
  );

/** Every kind a built-in rule can report: the catalog's, and the `kind: '…'` literals of the rules and matchers. */
function ruleKinds(): string[] {
  const dir = path.join(ROOT, 'src', 'core', 'scanner');
  const literals = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(path.join(dir, f), 'utf8').matchAll(/\bkind: '([^']+)'/g)].map((m) => m[1]));
  // connections.ts picks among three by the parameter's name.
  return [...new Set([...RULES.map((r) => r.kind), ...literals, 'API key', 'token', 'secret'])].sort();
}

describe('Localisation of core sentences (@vscode/l10n)', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('are the English of the source, values filled in, when nothing is configured (CLI)', () => {
    assert.equal(formatRotationInterval('604800s'), '7 days');
    assert.equal(formatRotationInterval('3600s'), '1 hour');
    assert.equal(
      validateRotationInterval('7'),
      'Write the rotation interval as a whole number and a unit (d, h, m or s): 7d, 12h or 604800s.',
    );
    assert.equal(
      notFound().message,
      'The secret "app/db" was not found in this region. Check the name and the region.',
    );
    assert.equal(
      findingMessage({ kind: 'GitHub token', quotedName: 'GH_TOKEN' }),
      'Hard-coded GitHub token in "GH_TOKEN". Move it to KMS and reference it instead.',
    );
    assert.equal(validateNewSecretName('acs/x'), 'Names starting with acs/ are reserved for managed secrets.');
  });

  it('speak the configured language, with the same values', async () => {
    l10n.config({ contents: zhCn });
    assert.equal(formatRotationInterval('604800s'), '7 天');
    assert.equal(formatRotationInterval('43200s'), '12 小时');
    assert.equal(formatRotationInterval('1d'), '1 天');
    assert.equal(validateRotationInterval('9000h'), '轮转周期为 6 小时到 365 天（8,760 小时）。');
    const error = notFound();
    assert.ok(error instanceof KmsError);
    assert.equal(error.message, '在此地域中未找到凭据“app/db”。请检查名称和地域。');
    assert.equal(validateSecretName('a b'), "凭据名称只能包含字母、数字和 _/+=.@-（在 1 处发现 ' '）。");
    assert.equal(
      findingMessage({ kind: 'password', quotedName: 'DB_PASSWORD' }),
      '“DB_PASSWORD”中有硬编码的凭证（密码）。请将其移至 KMS，并改用凭据引用。',
    );
    const lookup: SecretLookup = {
      activeRegion: 'cn-hangzhou',
      describe: async () => ({}),
      versions: async () => [{ versionId: 'v1', stages: ['ACSCurrent'] }],
      jsonKeys: async () => [],
    };
    const { problems } = await checkSecretUse({ name: 'app/db', stage: 'ACSPending' }, lookup, { readValues: false });
    assert.equal(
      problems[0]?.message,
      "凭据 'app/db' 没有任何版本带有版本状态“ACSPending”（现有版本状态：'ACSCurrent'）。",
    );
  });

  it('reach scan worker threads: a worker started after the bundle is handed over words findings, kinds and reasons in it', async () => {
    const text = 'DB_PASSWORD = "Xk9#mQ2$vL7pR4wZ"\n';
    const options = { path: 'app.py', config: { customPatterns: [{ id: 'broken', pattern: '(' }] } };
    useBundle(zhCn);
    const host = new DocumentScanHost();
    try {
      const result = await host.open('doc', text, options);
      assert.deepEqual(
        result.findings.map((f) => f.message),
        ['“DB_PASSWORD”中有硬编码的凭证（密码）。请将其移至 KMS，并改用凭据引用。'],
      );
      // the kind as quick-fix titles and the status bar show it (the extension host has no kind names of its own)
      assert.deepEqual(
        result.findings.map((f) => [f.kind, f.kindLabel]),
        [['password', zhCn['password']]],
      );
      assert.notEqual(zhCn['password'], 'password');
      const reason = result.disabledPatterns?.[0]?.reason ?? '';
      assert.equal(reason, zhCn['Custom pattern "{0}" is not a valid regular expression.']?.replace('{0}', 'broken'));
    } finally {
      await host.dispose();
      useBundle({});
    }
  });

  it('name every kind a built-in rule reports, in every language the bundle has; custom kinds stay as written', () => {
    const kinds = ruleKinds();
    assert.ok(kinds.length > 60, `only ${kinds.length} kinds found`);
    l10n.config({ contents: zhCn });
    assert.deepEqual(
      kinds.filter((kind) => kindName(kind) === kind),
      [],
      'kinds missing from core/scanner/kindNames.ts or from the zh-cn bundle',
    );
    assert.equal(kindName('ACME deploy key'), 'ACME deploy key');
  });
});
