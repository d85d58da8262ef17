// Localisation (English and Simplified Chinese): the manifest's %keys% resolve in both languages, the runtime bundle
// matches the source, every string has its translation with the same placeholders and links, and user-facing text in
// the converted folders goes through vscode.l10n.t.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findRawStrings, isProse } from './rawStrings';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const LANGUAGES = ['zh-cn'];

type Messages = Record<string, string | { message: string; comment?: string[] }>;
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as T;
const text = (m: Messages[string]): string => (typeof m === 'string' ? m : m.message);

/** Every string value of the manifest, with where it is. */
function manifestStrings(value: unknown, at = ''): { at: string; value: string }[] {
  if (typeof value === 'string') return [{ at, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => manifestStrings(v, `${at}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => manifestStrings(v, at ? `${at}.${k}` : k));
  return [];
}

/**
 * What a translation must carry over unchanged: `{0}` placeholders, command links, `#setting#` links, and inline code
 * (setting ids, paths, `kms://` examples, commands).
 */
export function invariants(message: string): string[] {
  const found = [
    ...message.matchAll(/\{\d+\}/g),
    ...message.matchAll(/\(command:[^)]*\)/g),
    ...message.matchAll(/`[^`]*`/g),
  ].map((m) => m[0]);
  return found.sort();
}

describe('Localisation', () => {
  describe('manifest (package.nls.json)', () => {
    const manifest = readJson<Record<string, unknown>>('package.json');
    const keys = manifestStrings(manifest)
      .map((s) => /^%(.+)%$/.exec(s.value)?.[1])
      .filter((k): k is string => !!k);
    const english = readJson<Messages>('package.nls.json');

    it('every %key% of package.json has its English text', () => {
      assert.ok(keys.length > 50, `only ${keys.length} %keys% in package.json`);
      assert.deepEqual(
        keys.filter((k) => !(k in english)),
        [],
      );
      assert.deepEqual(
        Object.keys(english).filter((k) => !keys.includes(k)),
        [],
        'package.nls.json keys no longer used by package.json',
      );
    });

    it('no user-facing manifest string is left in plain English', () => {
      // Identifiers, when clauses, paths, icons and patterns are not prose; titles, names and descriptions are.
      const prose = /(^|\.)(title|name|contextualTitle|description|markdownDescription|contents|displayName|label)$/;
      const plain = manifestStrings(manifest).filter(
        (s) => prose.test(s.at) && !/^%.+%$/.test(s.value) && !/^(scripts|devDependencies|dependencies)\./.test(s.at),
      );
      assert.deepEqual(
        plain.filter((s) => s.at !== 'name'),
        [],
      );
    });

    for (const language of LANGUAGES) {
      it(`package.nls.${language}.json translates every key, keeping links, placeholders and code`, () => {
        const translated = readJson<Messages>(`package.nls.${language}.json`);
        assert.deepEqual(
          Object.keys(english).filter((k) => !(k in translated)),
          [],
          'untranslated',
        );
        assert.deepEqual(
          Object.keys(translated).filter((k) => !(k in english)),
          [],
          'keys that package.nls.json no longer has',
        );
        for (const key of Object.keys(english)) {
          assert.deepEqual(invariants(text(translated[key])), invariants(text(english[key])), key);
        }
      });

      it(`the ${language} walkthrough media exist`, () => {
        const translated = readJson<Messages>(`package.nls.${language}.json`);
        for (const [key, value] of Object.entries(translated).filter(([k]) => k.endsWith('.media'))) {
          assert.notEqual(text(value), text(english[key]), `${key} points at the English file`);
          readFileSync(path.join(ROOT, text(value)), 'utf8');
        }
      });
    }
  });

  describe('runtime strings (l10n/bundle.l10n.json)', () => {
    const bundle = readJson<Messages>('l10n/bundle.l10n.json');

    it('the committed bundle is what @vscode/l10n-dev extracts from the source (npm run l10n)', function () {
      this.timeout(60_000);
      const result = spawnSync(process.execPath, ['scripts/l10n.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
    });

    for (const language of LANGUAGES) {
      it(`bundle.l10n.${language}.json translates every string with the same placeholders`, () => {
        const translated = readJson<Messages>(`l10n/bundle.l10n.${language}.json`);
        assert.deepEqual(
          Object.keys(bundle).filter((k) => !(k in translated)),
          [],
          'untranslated',
        );
        assert.deepEqual(
          Object.keys(translated).filter((k) => !(k in bundle)),
          [],
          'translations of strings the source no longer has',
        );
        for (const key of Object.keys(bundle)) {
          assert.deepEqual(invariants(text(translated[key])), invariants(text(bundle[key])), key);
          assert.notEqual(text(translated[key]).trim(), '', `${key}: empty translation`);
        }
      });
    }

    it('the placeholder check sees a dropped, added or renumbered placeholder', () => {
      assert.notDeepEqual(invariants('未启动：{1}'), invariants('Not starting "{0}": {1}'));
      assert.notDeepEqual(invariants('{0}{1}{2}'), invariants('{0} and {1}'));
      assert.notDeepEqual(invariants('凭据 {1}'), invariants('Secret {0}'));
      assert.notDeepEqual(invariants('[登录](command:x)'), invariants('[Sign In](command:kmsSecrets.signIn)'));
      assert.deepEqual(invariants('地域 {1}：{0}'), invariants('{0} in {1}'));
    });
  });

  describe('user-facing strings go through vscode.l10n.t', () => {
    const sources = readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .map((f) => `src/${f.split(path.sep).join('/')}`)
      .filter((f) => f.endsWith('.ts') && !/^src\/(cli|core|emulator)\//.test(f));

    it('no raw prose literal reaches the user', () => {
      assert.ok(sources.length > 20, `only ${sources.length} files checked`);
      const raw = sources.flatMap((f) => findRawStrings(f, readFileSync(path.join(ROOT, f), 'utf8')));
      assert.deepEqual(
        raw.map((r) => `${r.file}:${r.line} ${r.sink}: ${r.text}`),
        [],
      );
    });

    it('the check finds raw strings at every kind of place the user reads', () => {
      const sample = `
        const SHOW = 'Show Log';
        vscode.window.showErrorMessage('Something failed.', SHOW);
        vscode.window.showWarningMessage(vscode.l10n.t('Fine {0}', x), { modal: true, detail: 'Details here.' }, 'Delete');
        vscode.window.showInputBox({ title: 'Sign in', prompt: \`Name of \${x}\`, placeHolder: 'e.g. something', validateInput: (v) => (v ? undefined : 'Required.') });
        vscode.window.showQuickPick([{ label: '$(key) Switch profile…', description: a ? 'current' : 'other' }]);
        item.tooltip = new vscode.MarkdownString('**Bold** text');
        item.text = '$(key) ' + 'Signed in';
        vscode.window.setStatusBarMessage('Secrets injected', 5000);
        new vscode.Diagnostic(range, 'Unknown secret', severity);
        throw new Error(\`The credentials "\${name}" are missing.\`);
        registerCommand(id, handler, { log, failure: 'Signing in failed.' });
        void showError(log, 'No terminal opened');
        md.appendMarkdown('See the log');
      `;
      const sinks = findRawStrings('sample.ts', sample).map((r) => `${r.sink}: ${r.text}`);
      assert.deepEqual(sinks.sort(), [
        '.text =: Signed in',
        'appendMarkdown: See the log',
        'description: current',
        'description: other',
        'detail: Details here.',
        'failure: Signing in failed.',
        'label: $(key) Switch profile…',
        'new Diagnostic: Unknown secret',
        'new Error: `The credentials "${name}" are missing.`',
        'new MarkdownString: **Bold** text',
        'placeHolder: e.g. something',
        'prompt: `Name of ${x}`',
        'setStatusBarMessage: Secrets injected',
        'showError: No terminal opened',
        'showErrorMessage: Show Log',
        'showErrorMessage: Something failed.',
        'showWarningMessage: Delete',
        'title: Sign in',
        'validateInput: Required.',
      ]);
    });

    it('translated, computed and code-like text passes', () => {
      const sample = `
        vscode.window.showErrorMessage(vscode.l10n.t('Something failed: {0}', x), vscode.l10n.t('Show Log'));
        vscode.window.showQuickPick(items, { title: vscode.l10n.t('KMS region'), placeHolder: 'acs:ram::123:role/x' });
        item.text = \`$(key) \${source} · \${region}\`;
        item.label = '';
        const t = vscode.window.createTerminal({ name: 'KMS Secrets' });
        item.description = node.name;
      `;
      assert.deepEqual(findRawStrings('sample.ts', sample), []);
      assert.equal(isProse('kms-secrets-vscode'), false);
      assert.equal(isProse('$(check) '), false);
      assert.equal(isProse('Allow'), true);
      assert.equal(isProse('allowed'), true);
    });
  });
});
