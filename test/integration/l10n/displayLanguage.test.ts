// The extension speaks VS Code's display language: its manifest (command titles, view names) and the sentences its
// code produces (errors, validation messages, refusals) come from package.nls.<lang>.json and
// l10n/bundle.l10n.<lang>.json. The suite runs in every host: in English it expects English, and under
// `npm run test:host -- --locale zh-cn` (the "zh-cn" stage of `npm test`) it expects the Chinese of the committed
// translations, and that VS Code really switched.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { scripted, secretTarget } from '../../../src/platform/automation';
import { demoSeed } from '../explorer/helpers';
import { api, EXTENSION_ID, logText, useEmulator, type TestApi } from '../fixtures';
import { report } from '../index';

type Bundle = Record<string, string>;

describe('Localisation: the UI speaks the display language', function () {
  let a: TestApi;
  let root: string;
  let language: string;
  let runtime: Bundle;
  let manifestText: Bundle;

  /** The sentence the extension should show for an English source string, in the host's language. */
  const expected = (english: string, ...args: (string | number)[]) =>
    (runtime[english] ?? english).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

  before(async () => {
    a = await api();
    root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    language = vscode.env.language;
    const read = (file: string): Bundle =>
      fs.existsSync(path.join(root, file))
        ? (JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Bundle)
        : {};
    runtime = language === 'en' ? {} : read(`l10n/bundle.l10n.${language}.json`);
    manifestText = { ...read('package.nls.json'), ...(language === 'en' ? {} : read(`package.nls.${language}.json`)) };
    report(`      display language: ${language}`);
  });

  it('runs in the language the host was started with, and loads the bundle of that language', function () {
    const wanted = process.env.KMS_TEST_LOCALE;
    if (wanted)
      assert.equal(language, wanted, `VS Code did not switch to ${wanted} (is its language pack registered?)`);
    if (language === 'en') {
      assert.equal(vscode.l10n.uri, undefined, 'English needs no bundle');
      return;
    }
    assert.ok(Object.keys(runtime).length > 50, `l10n/bundle.l10n.${language}.json has the translations`);
    assert.equal(path.basename(vscode.l10n.uri?.fsPath ?? ''), `bundle.l10n.${language}.json`);
    // The bundle VS Code loaded is the committed one, and it is not English.
    assert.equal(vscode.l10n.t('Show Log'), runtime['Show Log']);
    assert.notEqual(runtime['Show Log'], 'Show Log');
  });

  it('shows the manifest in that language: command titles, the view name, the welcome content', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: {
        // A localised title arrives as { value, original }: the palette also matches the English original.
        commands: { command: string; title: string | { value: string; original: string } }[];
        views: Record<string, { id: string; name: string }[]>;
        viewsWelcome: { contents: string }[];
      };
    };
    const signIn = pkg.contributes.commands.find((c) => c.command === 'kmsSecrets.signIn')?.title;
    const title = typeof signIn === 'string' ? signIn : signIn?.value;
    assert.equal(title, manifestText['command.signIn.title']);
    assert.equal(pkg.contributes.views.kmsSecrets[0].name, manifestText['views.secrets.name']);
    assert.equal(pkg.contributes.viewsWelcome[0].contents, manifestText['viewsWelcome.secrets.signedOut']);
    if (language === 'zh-cn') {
      assert.deepEqual(signIn, { value: '登录', original: 'Sign In' });
      assert.equal(pkg.contributes.views.kmsSecrets[0].name, '凭据');
    }
  });

  it('words its own errors and validation messages in that language, inserting the values', async () => {
    await vscode.commands.executeCommand('kmsSecrets.selectRegion', scripted({ region: 'Not A Region' }));
    await vscode.commands.executeCommand(
      'kmsSecrets.signIn',
      scripted({
        source: 'stored',
        name: 'bad name!',
        credentials: { mode: 'AK', accessKeyId: 'x', accessKeySecret: 'y' },
      }),
    );
    const log = await logText(a);
    const region = expected('Region ids are lowercase letters, digits and -, e.g. {0}.', 'cn-hangzhou');
    const name = expected('Names may contain only letters, digits and {0}', '_.@+-');
    assert.ok(log.includes(region), `the log has "${region}"`);
    assert.ok(log.includes(name), `the log has "${name}"`);
    if (language === 'zh-cn') {
      assert.ok(log.includes('地域 ID 只能由小写字母、数字和 - 组成，例如 cn-hangzhou。'));
      assert.ok(log.includes('名称只能包含字母、数字和 _.@+-'));
    }
  });

  it('refuses a launch in an untrusted workspace in that language', async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    const provider = a.injection.createDebugProvider({ isTrusted: () => false });
    const config = {
      type: 'node',
      request: 'launch',
      name: 'l10n-launch',
      program: path.join(folder.uri.fsPath, 'never-runs.js'),
      env: { L10N_TEST: 'kms://l10n/never-read' },
    };
    const result = await provider.resolveDebugConfigurationWithSubstitutedVariables!(folder, config);
    assert.equal(result, undefined, 'the launch is refused');
    const sentence = expected(
      'Not starting "{0}": {1}',
      'l10n-launch',
      expected(
        'KMS Secrets does not resolve secret references in an untrusted workspace (a workspace file could name any secret you can read). Trust the workspace to launch with secrets.',
      ),
    );
    assert.ok((await logText(a)).includes(sentence), `the log has "${sentence}"`);
    if (language === 'zh-cn')
      assert.match(sentence, /^未启动“l10n-launch”：KMS Secrets 不会在不受信任的工作区中解析凭据引用/);
  });

  // src/core has no `vscode`: its sentences come from @vscode/l10n, which the extension hands VS Code's bundle.
  describe('the sentences of its core (validation, KMS errors)', function () {
    useEmulator({ seed: demoSeed() });

    it('come in that language too, with the values inserted', async () => {
      await vscode.commands.executeCommand(
        'kmsSecrets.rotateSecret',
        secretTarget({ name: 'acs/ram/user/demo-ci-bot' }),
        scripted({ action: 'enable', interval: '7' }),
      );
      await vscode.commands.executeCommand('kmsSecrets.rotateSecret', secretTarget({ name: 'l10n/no-such-secret' }));
      const log = await logText(a);
      const interval = expected(
        'Write the rotation interval as a whole number and a unit (d, h, m or s): 7d, 12h or 604800s.',
      );
      const missing = expected(
        'The secret "{0}" was not found in this region. Check the name and the region.',
        'l10n/no-such-secret',
      );
      assert.ok(log.includes(interval), `the log has "${interval}"`);
      assert.ok(log.includes(missing), `the log has "${missing}"`);
      if (language === 'zh-cn') {
        assert.equal(interval, '轮转周期请写成整数加单位（d、h、m 或 s）：7d、12h 或 604800s。');
        assert.equal(missing, '在此地域中未找到凭据“l10n/no-such-secret”。请检查名称和地域。');
      }
    });
  });
});
