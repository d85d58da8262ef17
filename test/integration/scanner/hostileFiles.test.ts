// A cloned repository decides what its `.kms-secrets-ignore` and `.env` are on disk. These tests make them links to
// files outside the workspace folder, and give a file a name with a newline, and check that nothing is read, written
// or injected through them, and that the log says why.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { scripted } from '../../../src/platform/automation';
import type { FindingArgs } from '../../../src/scanner/codeActions';
import { logText, sleep, useEmulator, waitFor } from '../fixtures';

const RUN = Date.now().toString(36);
const PASSWORD = 'CanaryGuardPw-' + '61c0de';
const INJECTED = 'CanaryGuardInject-' + 'b7e5a2';
const IGNORE_FILE = '.kms-secrets-ignore';

async function diagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'KMS Secrets');
}

async function diagnosticFor(uri: vscode.Uri): Promise<vscode.Diagnostic> {
  return waitFor(`a finding in ${path.basename(uri.fsPath)}`, async () => (await diagnostics(uri))[0]);
}

async function quickFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic, title: RegExp): Promise<vscode.CodeAction> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const action = actions.find((a) => a.command?.command.startsWith('kmsSecrets.') && title.test(a.title));
  assert.ok(action, `a quick fix ${title} among ${actions.map((a) => a.title).join(' | ')}`);
  return action;
}

const run = (action: vscode.CodeAction, ...extra: unknown[]) =>
  vscode.commands.executeCommand<unknown>(action.command!.command, ...action.command!.arguments!, ...extra);

describe('Hostile workspace files: links out of the folder and names with newlines', function () {
  this.timeout(60_000);
  const fx = useEmulator({
    seed: {
      secrets: [{ name: 'guard/inject', versions: [{ versionId: 'v1', value: INJECTED, stages: ['ACSCurrent'] }] }],
    },
  });
  const folder = () => vscode.workspace.workspaceFolders![0];
  const root = () => folder().uri.fsPath;
  const ignorePath = () => path.join(root(), IGNORE_FILE);
  let dir: string;
  let outside: string;
  const rel = (file: string) => path.relative(root(), file).split(path.sep).join('/');

  before(function () {
    if (fs.existsSync(ignorePath())) this.skip(); // never replace a fixture's own ignore file
    dir = path.join(root(), `guard-${RUN}`);
    fs.mkdirSync(dir);
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-guard-outside-'));
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(ignorePath(), { force: true });
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('kmsSecrets')
      .update('referencesEnvFile', undefined, vscode.ConfigurationTarget.Global);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    for (const name of fs.readdirSync(root()))
      if (name.startsWith(`guard-victim-${RUN}`)) fs.rmSync(path.join(root(), name));
    if (outside) fs.rmSync(outside, { recursive: true, force: true });
  });

  it('does not read a .kms-secrets-ignore that links to a file outside the folder, and logs why', async () => {
    const file = path.join(dir, 'ignored-by-link.env');
    fs.writeFileSync(file, `DB_PASSWORD=${PASSWORD}\n`);
    const uri = vscode.Uri.file(file);
    await vscode.window.showTextDocument(uri);
    const diagnostic = await diagnosticFor(uri);
    const fingerprint = (
      (await quickFix(uri, diagnostic, /^Ignore this finding/)).command!.arguments![0] as FindingArgs
    ).fingerprint;

    const target = path.join(outside, 'ignore-list');
    fs.writeFileSync(target, `${fingerprint}\n`);
    fs.symlinkSync(target, ignorePath());
    await waitFor('the log to say why the ignore file is not read', async () =>
      (await logText(fx.api)).includes(`${IGNORE_FILE} is a link to a file outside the workspace folder`)
        ? true
        : undefined,
    );
    await sleep(1000);
    assert.equal((await diagnostics(uri)).length, 1, 'the finding is still reported');

    // The same entry in a regular file does suppress it: the link was the only reason it did not.
    fs.rmSync(ignorePath());
    fs.writeFileSync(ignorePath(), `${fingerprint}\n`);
    await waitFor('the finding to be ignored', async () => ((await diagnostics(uri)).length === 0 ? true : undefined));
  });

  it('an ignore entry for a file whose name holds a newline cannot add a second entry', async () => {
    const victim = path.join(root(), `guard-victim-${RUN}.env`);
    fs.writeFileSync(victim, `DB_PASSWORD=${PASSWORD}\n`);
    // "Ignore <rule> in this file" would write `rule:hardcoded-password guard-…/evil` and, on the next line, a rule
    // that silences the victim file.
    const evil = path.join(dir, `evil\nrule:hardcoded-password ${path.basename(victim)}`);
    fs.writeFileSync(evil, `DB_PASSWORD=${PASSWORD}\n`);
    const victimUri = vscode.Uri.file(victim);
    const evilUri = vscode.Uri.file(evil);
    await vscode.window.showTextDocument(victimUri);
    await diagnosticFor(victimUri);
    await vscode.window.showTextDocument(evilUri);
    const diagnostic = await diagnosticFor(evilUri);

    await run(await quickFix(evilUri, diagnostic, /^Ignore hardcoded-password in this file/));
    await sleep(500);
    const afterRule = fs.existsSync(ignorePath()) ? fs.readFileSync(ignorePath(), 'utf8') : '';
    assert.doesNotMatch(afterRule, /^rule:/m, 'no rule entry is written for that name');

    await run(await quickFix(evilUri, diagnostic, /^Ignore this finding/));
    const text = await waitFor('the ignore file', () =>
      fs.existsSync(ignorePath()) ? fs.readFileSync(ignorePath(), 'utf8') : undefined,
    );
    const entries = text.split('\n').filter((line) => line.trim() && !line.startsWith('#'));
    assert.equal(entries.length, 1, `one entry: ${JSON.stringify(text)}`);
    assert.ok(!text.includes(PASSWORD));
    await waitFor('the evil file to be ignored', async () =>
      (await diagnostics(evilUri)).length === 0 ? true : undefined,
    );
    await sleep(500);
    assert.equal((await diagnostics(victimUri)).length, 1, 'the other file is still reported');
  });

  it('Move to KMS into a workspace whose env file links outside the folder changes nothing and says why', async () => {
    const outsideEnv = path.join(outside, 'shell-profile');
    const outsideText = 'export PATH=/usr/bin\n';
    fs.writeFileSync(outsideEnv, outsideText);
    fs.symlinkSync(outsideEnv, path.join(dir, 'refs.env'));
    await vscode.workspace
      .getConfiguration('kmsSecrets')
      .update('referencesEnvFile', `${rel(dir)}/refs.env`, vscode.ConfigurationTarget.Global);
    const source = path.join(dir, 'db.js');
    const sourceText = `const pool = mysql.createPool({ host: 'db', password: '${PASSWORD}' });\n`;
    fs.writeFileSync(source, sourceText);
    const uri = vscode.Uri.file(source);
    const editor = await vscode.window.showTextDocument(uri);
    const diagnostic = await diagnosticFor(uri);
    const creates = fx.kms.stats().byAction.CreateSecret ?? 0;

    const done = await run(
      await quickFix(uri, diagnostic, /^Move password to KMS secret/),
      scripted({ secretName: 'guard/moved', envVarName: 'DB_PASSWORD' }),
    );
    assert.notEqual(done, true);
    assert.equal(editor.document.getText(), sourceText, 'the code is unchanged');
    assert.equal(editor.document.isDirty, false);
    assert.equal(fs.readFileSync(source, 'utf8'), sourceText);
    assert.equal(fs.readFileSync(outsideEnv, 'utf8'), outsideText, 'the file outside is unchanged');
    assert.equal(fx.kms.stats().byAction.CreateSecret ?? 0, creates, 'no secret is created');
    const log = await logText(fx.api);
    assert.ok(log.includes('refs.env is a link to a file outside the workspace folder'), 'the error says why');
    assert.ok(!log.includes(PASSWORD));
  });

  it('injection refuses an env file that links outside the folder, and resolves the same file when it is regular', async () => {
    await vscode.workspace
      .getConfiguration('kmsSecrets')
      .update('referencesEnvFile', `${rel(dir)}/no-refs.env`, vscode.ConfigurationTarget.Global);
    const outsideEnv = path.join(outside, 'app.env');
    fs.writeFileSync(outsideEnv, 'GUARD_SECRET=kms://guard/inject\n');
    const linked = path.join(dir, 'linked.env');
    fs.symlinkSync(outsideEnv, linked);
    const provider = fx.api.injection.createDebugProvider({});
    const config = (): vscode.DebugConfiguration => ({
      type: 'node',
      request: 'launch',
      name: 'guard launch',
      program: path.join(dir, 'none.js'),
      envFile: linked,
    });
    const reads = fx.kms.stats().byAction.GetSecretValue ?? 0;
    assert.equal(await provider.resolveDebugConfigurationWithSubstitutedVariables!(folder(), config()), undefined);
    assert.equal(fx.kms.stats().byAction.GetSecretValue ?? 0, reads, 'no secret is read');
    assert.ok((await logText(fx.api)).includes('linked.env is a link to a file outside the workspace folder'));

    fs.rmSync(linked);
    fs.copyFileSync(outsideEnv, linked);
    const resolved = await provider.resolveDebugConfigurationWithSubstitutedVariables!(folder(), config());
    assert.equal((resolved?.env as Record<string, string> | undefined)?.GUARD_SECRET, INJECTED);
    assert.ok(!(await logText(fx.api)).includes(INJECTED));
  });
});
