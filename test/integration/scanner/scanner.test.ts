import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { scripted } from '../../../src/platform/automation';
import type { FindingArgs } from '../../../src/scanner/codeActions';
import { logText, sleep, useEmulator, waitFor } from '../fixtures';

// Hard-coded credentials as a user would write them; canaries, so any leak into logs or files is caught.
const ENV_PASSWORD = 'CanaryEnvPw-' + '5f2a9c';
const JS_PASSWORD = 'CanaryJsPw-' + '8d1e4b';
const TAKEN_PASSWORD = 'CanaryTaken-' + '3c7f0a';

async function diagnosticsFor(uri: vscode.Uri, count: number): Promise<vscode.Diagnostic[]> {
  for (let i = 0; i < 100; i++) {
    const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'KMS Secrets');
    if (found.length >= count) return found;
    await sleep(50);
  }
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'KMS Secrets');
}

async function noDiagnostics(uri: vscode.Uri): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (!vscode.languages.getDiagnostics(uri).some((d) => d.source === 'KMS Secrets')) return true;
    await sleep(50);
  }
  return false;
}

async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return actions.filter((a) => a.command?.command.startsWith('kmsSecrets.'));
}

describe('Credential scanner in the editor (against the emulator)', function () {
  this.timeout(60_000);
  const fx = useEmulator({
    seed: {
      secrets: [
        { name: 'scanner/taken', versions: [{ versionId: 'v1', value: 'already-here', stages: ['ACSCurrent'] }] },
      ],
    },
  });
  let dir: vscode.Uri;
  const folder = () => vscode.workspace.workspaceFolders![0];

  const write = async (name: string, text: string): Promise<vscode.Uri> => {
    const uri = vscode.Uri.joinPath(dir, name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return uri;
  };
  const open = async (uri: vscode.Uri) => vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const fixArgs = (action: vscode.CodeAction): FindingArgs => action.command!.arguments![0] as FindingArgs;

  before(async () => {
    dir = vscode.Uri.joinPath(folder().uri, `scanner-${Date.now().toString(36)}`);
    await vscode.workspace.fs.createDirectory(dir);
    await vscode.workspace
      .getConfiguration('kmsSecrets')
      .update(
        'referencesEnvFile',
        `${vscode.workspace.asRelativePath(dir, false)}/refs.env`,
        vscode.ConfigurationTarget.Global,
      );
  });

  after(async () => {
    // Nothing may stay dirty: a dirty model of a deleted file would be written back into the fixture workspace.
    await vscode.workspace.saveAll(false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await sleep(300);
    await vscode.workspace
      .getConfiguration('kmsSecrets')
      .update('referencesEnvFile', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.delete(dir, { recursive: true });
    await vscode.workspace.fs
      .delete(vscode.Uri.joinPath(folder().uri, '.kms-secrets-ignore'))
      .then(undefined, () => undefined);
  });

  it('reports a hard-coded password as you type, on the secret only, without its value in the message', async () => {
    const uri = await write('typing.env', 'DB_HOST=db\n');
    const editor = await open(uri);
    assert.ok(await noDiagnostics(uri));
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), `DB_PASSWORD=${ENV_PASSWORD}\n`));
    const [diagnostic] = await diagnosticsFor(uri, 1);
    assert.ok(diagnostic, 'a diagnostic appears after typing');
    assert.equal(diagnostic.code, 'hardcoded-password');
    assert.equal(editor.document.getText(diagnostic.range), ENV_PASSWORD);
    assert.ok(!diagnostic.message.includes(ENV_PASSWORD));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('offers Move to KMS (preferred), Use existing, and the ignores', async () => {
    const uri = await write('offers.env', `DB_PASSWORD=${ENV_PASSWORD}\n`);
    await open(uri);
    const [diagnostic] = await diagnosticsFor(uri, 1);
    const titles = (await quickFixes(uri, diagnostic)).map((x) => `${x.title}${x.isPreferred ? ' (preferred)' : ''}`);
    assert.ok(titles.includes('Move password to KMS secret… (preferred)'), `got: ${titles.join(' | ')}`);
    assert.ok(titles.includes('Use existing KMS secret…'));
    assert.ok(titles.includes('Ignore this finding (ignore file)'));
    assert.ok(titles.includes('Ignore hardcoded-password in this file'));
  });

  it('moves a literal in a config file into a new secret and puts the reference in its place', async () => {
    const uri = await write('app.env', `DB_HOST=db\nDB_PASSWORD=${ENV_PASSWORD}\n`);
    const editor = await open(uri);
    const [diagnostic] = await diagnosticsFor(uri, 1);
    const move = (await quickFixes(uri, diagnostic)).find((x) => x.isPreferred)!;
    const done = await vscode.commands.executeCommand<boolean>(
      move.command!.command,
      fixArgs(move),
      scripted({ secretName: 'scanner/app-db-password' }),
    );
    assert.equal(done, true);
    assert.equal(editor.document.getText(), 'DB_HOST=db\nDB_PASSWORD=kms://scanner/app-db-password\n');
    const stored = fx.kms.store.find('scanner/app-db-password');
    assert.deepEqual(
      stored?.versions.map((v) => v.data),
      [ENV_PASSWORD],
      'the emulator holds the literal as the value',
    );
    assert.ok(await noDiagnostics(uri), 'no finding remains');
  });

  it('moves a literal in code into a secret: env lookup in the code, NAME=kms://… in the references env file, one edit', async () => {
    const uri = await write('db.js', `const pool = mysql.createPool({ host: 'db', password: '${JS_PASSWORD}' });\n`);
    const editor = await open(uri);
    const [diagnostic] = await diagnosticsFor(uri, 1);
    const move = (await quickFixes(uri, diagnostic)).find((x) => x.isPreferred)!;
    const done = await vscode.commands.executeCommand<boolean>(
      move.command!.command,
      fixArgs(move),
      scripted({ secretName: 'scanner/js-db', envVarName: 'DB_PASSWORD' }),
    );
    assert.equal(done, true);
    assert.equal(
      editor.document.getText(),
      "const pool = mysql.createPool({ host: 'db', password: process.env.DB_PASSWORD });\n",
    );
    const refs = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(dir, 'refs.env'));
    assert.match(refs.getText(), /^DB_PASSWORD=kms:\/\/scanner\/js-db$/m);
    await vscode.commands.executeCommand('undo');
    assert.ok(editor.document.getText().includes(JS_PASSWORD), 'one undo restores the literal');
    await vscode.commands.executeCommand('redo');
  });

  it('never overwrites a variable of the references env file: reuse keeps its reference, replace needs consent', async () => {
    // A known references env file (saved first, so an open copy follows the disk).
    await vscode.workspace.saveAll(false);
    const refsUri = vscode.Uri.joinPath(dir, 'refs.env');
    const before = 'EXISTING_PASSWORD=kms://scanner/existing\n';
    await vscode.workspace.fs.writeFile(refsUri, new TextEncoder().encode(before));
    const refsDoc = await vscode.workspace.openTextDocument(refsUri);
    await waitFor('the references env file to reload', () => (refsDoc.getText() === before ? true : undefined));
    const creates = () => fx.kms.stats().byAction.CreateSecret ?? 0;

    const reuseUri = await write('reuse.js', `const password = '${JS_PASSWORD}-reuse';\n`);
    const reuse = await open(reuseUri);
    let [diagnostic] = await diagnosticsFor(reuseUri, 1);
    let move = (await quickFixes(reuseUri, diagnostic)).find((x) => x.isPreferred)!;
    const created = creates();
    assert.equal(
      await vscode.commands.executeCommand<boolean>(
        move.command!.command,
        fixArgs(move),
        scripted({ secretName: 'scanner/reuse', envVarName: 'EXISTING_PASSWORD', existingVariable: 'reuse' }),
      ),
      true,
    );
    assert.equal(reuse.document.getText(), 'const password = process.env.EXISTING_PASSWORD;\n');
    assert.equal(creates(), created, 'reusing the variable creates no secret');
    assert.equal(fx.kms.store.find('scanner/reuse'), undefined);
    assert.equal(refsDoc.getText(), before, 'the references env file is unchanged');

    const replaceUri = await write('replace.js', `const password = '${JS_PASSWORD}-replace';\n`);
    const replace = await open(replaceUri);
    [diagnostic] = await diagnosticsFor(replaceUri, 1);
    move = (await quickFixes(replaceUri, diagnostic)).find((x) => x.isPreferred)!;
    assert.equal(
      await vscode.commands.executeCommand<boolean>(
        move.command!.command,
        fixArgs(move),
        scripted({ secretName: 'scanner/replace', envVarName: 'EXISTING_PASSWORD', existingVariable: 'replace' }),
      ),
      true,
    );
    assert.equal(replace.document.getText(), 'const password = process.env.EXISTING_PASSWORD;\n');
    assert.match(refsDoc.getText(), /^EXISTING_PASSWORD=kms:\/\/scanner\/replace$/m, 'replaced when the user said so');
    assert.equal(refsDoc.getText().match(/^EXISTING_PASSWORD=/gm)?.length, 1, 'one entry, not two');
    await vscode.workspace.saveAll(false);
  });

  it('leaves the file untouched when the secret cannot be created', async () => {
    const text = `SMTP_PASSWORD=${TAKEN_PASSWORD}\n`;
    const uri = await write('taken.env', text);
    const editor = await open(uri);
    const [diagnostic] = await diagnosticsFor(uri, 1);
    const move = (await quickFixes(uri, diagnostic)).find((x) => x.isPreferred)!;
    const done = await vscode.commands.executeCommand<boolean>(
      move.command!.command,
      fixArgs(move),
      scripted({ secretName: 'scanner/taken' }),
    );
    assert.equal(done, false);
    assert.equal(editor.document.getText(), text);
    assert.equal(editor.document.isDirty, false);
  });

  it('replaces a literal with a reference to an existing secret', async () => {
    const uri = await write('existing.env', `LEGACY_PASSWORD=${TAKEN_PASSWORD}\n`);
    const editor = await open(uri);
    const [diagnostic] = await diagnosticsFor(uri, 1);
    const use = (await quickFixes(uri, diagnostic)).find((x) => x.title.startsWith('Use existing'))!;
    assert.equal(
      await vscode.commands.executeCommand<boolean>(
        use.command!.command,
        fixArgs(use),
        scripted({ existingSecret: 'scanner/taken' }),
      ),
      true,
    );
    assert.equal(editor.document.getText(), 'LEGACY_PASSWORD=kms://scanner/taken\n');
  });

  it('ignores a finding through the committable ignore file, which holds no value', async () => {
    const uri = await write('ignored.env', `OTHER_PASSWORD=${ENV_PASSWORD}\n`);
    await open(uri);
    const [diagnostic] = await diagnosticsFor(uri, 1);
    const ignore = (await quickFixes(uri, diagnostic)).find((x) => x.title.startsWith('Ignore this finding'))!;
    await vscode.commands.executeCommand(ignore.command!.command, ...ignore.command!.arguments!);
    const file = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder().uri, '.kms-secrets-ignore')),
    );
    assert.ok(file.includes(fixArgs(ignore).fingerprint));
    assert.ok(!file.includes(ENV_PASSWORD));
    assert.ok(await noDiagnostics(uri), 'the finding is gone');
  });

  it('scans the whole workspace, honouring .gitignore', async () => {
    await vscode.workspace.saveAll(false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await write('.gitignore', 'ignored-by-git.env\n');
    const ignored = await write('ignored-by-git.env', `GIT_PASSWORD=${ENV_PASSWORD}\n`);
    const found = await write('closed.properties', `mail.password=${JS_PASSWORD}\n`);
    const summary = await vscode.commands.executeCommand<{ files: number; findings: number }>(
      'kmsSecrets.scanWorkspace',
    );
    assert.ok(summary && summary.files > 0);
    assert.equal(vscode.languages.getDiagnostics(found).filter((d) => d.source === 'KMS Secrets').length, 1);
    assert.equal(vscode.languages.getDiagnostics(ignored).length, 0);
  });

  it('never writes a value to the log', async () => {
    const log = await logText(fx.api);
    for (const value of [ENV_PASSWORD, JS_PASSWORD, TAKEN_PASSWORD])
      assert.ok(!log.includes(value), 'log is free of values');
  });
});
