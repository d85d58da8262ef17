import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InsertResult } from '../../../src/references/insert';
import type { SeedFile } from '../../../src/emulator/server';
import { scripted } from '../../../src/platform/automation';
import { api, logText, useEmulator, waitFor } from '../fixtures';
import { completionText, denyingProxy, labelOf, markdownText, referenceDiagnostics, useTempFolder } from './helpers';

/** A value that must never show in a hover, a completion item or a diagnostic. */
const CANARY = 'CANARY-references-4d1e8a2b-never-shown';

function seed(): SeedFile {
  return {
    secrets: [
      {
        name: 'refs/app/token',
        type: 'Generic',
        description: 'Token of the references test app',
        tags: { env: 'test' },
        versions: [
          { versionId: 'v1', value: `${CANARY}-old`, stages: ['ACSPrevious'] },
          { versionId: 'v2', value: CANARY, stages: ['ACSCurrent'] },
        ],
      },
      {
        name: 'refs/app/db',
        type: 'Generic',
        description: 'Database login of the references test app',
        versions: [{ versionId: 'd1', value: { user: 'refs_user', password: CANARY }, stages: ['ACSCurrent'] }],
      },
      {
        name: 'refs/legacy/old',
        type: 'Generic',
        description: 'Scheduled for deletion',
        pendingDeletion: { recoveryWindowInDays: 7 },
        versions: [{ versionId: 'o1', value: `${CANARY}-legacy`, stages: ['ACSCurrent'] }],
      },
      {
        name: 'refs/forbidden/x',
        type: 'Generic',
        versions: [{ versionId: 'f1', value: `${CANARY}-forbidden`, stages: ['ACSCurrent'] }],
      },
    ],
  } as unknown as SeedFile;
}

describe('Secret references (against the emulator)', function () {
  this.timeout(60_000);
  useEmulator({ seed: seed(), through: (url) => denyingProxy(url, 'refs/forbidden/') });
  const files = useTempFolder('kms-refs-');
  const open = files.open;

  before(async () => {
    const refs = vscode.workspace.getConfiguration('kmsSecrets');
    await refs.update('referencesEnvFile', path.join(files.dir, 'refs.env'), vscode.ConfigurationTarget.Global);
    await refs.update('references.diagnostics.debounceMs', 50, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    const refs = vscode.workspace.getConfiguration('kmsSecrets');
    await refs.update('referencesEnvFile', undefined, vscode.ConfigurationTarget.Global);
    await refs.update('references.diagnostics.debounceMs', undefined, vscode.ConfigurationTarget.Global);
    await refs.update('references.diagnostics.enabled', undefined, vscode.ConfigurationTarget.Global);
  });

  describe('insert', () => {
    it('in source code inserts an environment lookup and adds NAME=kms://… to the references env file', async () => {
      const editor = await open('insert-code.ts', 'const password = "";\n');
      const inQuotes = new vscode.Position(0, 'const password = "'.length);
      editor.selection = new vscode.Selection(inQuotes, inQuotes);
      const result = await vscode.commands.executeCommand<InsertResult>(
        'kmsSecrets.insertReference',
        scripted({ name: 'refs/app/db', jsonKey: 'password', envVar: 'DB_PASSWORD' }),
      );
      assert.equal(result?.reference, 'kms://refs/app/db#password');
      assert.equal(editor.document.getText(), 'const password = process.env.DB_PASSWORD;\n');
      // The env file comes from the setting (a workspace-level value, e.g. another suite's, would win over ours).
      const envFile = result.envFile!.fsPath;
      const envText = () => (fs.existsSync(envFile) ? fs.readFileSync(envFile, 'utf8') : '');
      // `#` would start a comment in an env file, so the reference is quoted.
      await waitFor(
        'the env file entry',
        () => (/^DB_PASSWORD='kms:\/\/refs\/app\/db#password'$/m.test(envText()) ? true : undefined),
        5_000,
      );
      if (envFile === path.join(files.dir, 'refs.env'))
        assert.equal(envText(), "DB_PASSWORD='kms://refs/app/db#password'\n", 'the env file is created with the entry');

      // A second insert adds to the existing file and keeps what is there.
      const end = editor.document.lineAt(0).range.end;
      editor.selection = new vscode.Selection(end, end);
      await vscode.commands.executeCommand(
        'kmsSecrets.insertReference',
        scripted({ name: 'refs/app/token', stage: 'ACSPrevious', envVar: 'API_TOKEN' }),
      );
      await waitFor(
        'the env file to be saved',
        () => (/^API_TOKEN=kms:\/\/refs\/app\/token\?stage=ACSPrevious$/m.test(envText()) ? true : undefined),
        5_000,
      );
      assert.match(envText(), /^DB_PASSWORD='kms:\/\/refs\/app\/db#password'$/m, 'the first entry stays');
      assert.ok(!editor.document.getText().includes('kms://'), 'code holds no reference, only the lookup');
    });

    it('in a config file inserts the plain reference', async () => {
      const editor = await open('insert-config.yaml', 'db:\n  password: \n');
      const at = new vscode.Position(1, '  password: '.length);
      editor.selection = new vscode.Selection(at, at);
      await vscode.commands.executeCommand(
        'kmsSecrets.insertReference',
        scripted({ name: 'refs/app/token', versionId: 'v1' }),
      );
      assert.equal(editor.document.getText(), 'db:\n  password: kms://refs/app/token?version=v1\n');
    });
  });

  describe('completion', () => {
    it('offers secret names after kms://', async () => {
      const editor = await open('complete-name.yaml', 'token: kms://\n');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        editor.document.uri,
        new vscode.Position(0, 'token: kms://'.length),
        '/',
      );
      const names = list.items.map(labelOf);
      for (const name of ['refs/app/token', 'refs/app/db', 'refs/legacy/old'])
        assert.ok(names.includes(name), `${name} offered (got ${names.join(', ')})`);
      const token = list.items.find((i) => labelOf(i) === 'refs/app/token')!;
      assert.match(String(token.detail), /Generic/);
      assert.ok(!completionText(list).includes(CANARY), 'no value in completion');
    });

    it('offers stages after ?stage= and versions after version=', async () => {
      const line = 'token: kms://refs/app/token?stage=';
      const editor = await open('complete-stage.yaml', `${line}\nother: kms://refs/app/token?version=\n`);
      const stages = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        editor.document.uri,
        new vscode.Position(0, line.length),
        '=',
      );
      const stageLabels = stages.items.map(labelOf);
      assert.ok(
        stageLabels.includes('ACSCurrent') && stageLabels.includes('ACSPrevious'),
        `stages offered (got ${stageLabels.join(', ')})`,
      );
      const versions = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        editor.document.uri,
        new vscode.Position(1, 'other: kms://refs/app/token?version='.length),
        '=',
      );
      const versionLabels = versions.items.map(labelOf);
      assert.ok(
        versionLabels.includes('v1') && versionLabels.includes('v2'),
        `versions offered (got ${versionLabels.join(', ')})`,
      );
      assert.ok(!completionText(stages).includes(CANARY) && !completionText(versions).includes(CANARY));
    });

    it('offers JSON key names after #, never values', async () => {
      const line = 'password: kms://refs/app/db#';
      const editor = await open('complete-key.yaml', `${line}\n`);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        editor.document.uri,
        new vscode.Position(0, line.length),
        '#',
      );
      const labels = list.items.map(labelOf);
      assert.ok(labels.includes('user') && labels.includes('password'), `keys offered (got ${labels.join(', ')})`);
      assert.ok(
        !completionText(list).includes(CANARY) && !completionText(list).includes('refs_user'),
        'no value in completion',
      );
    });
  });

  describe('hover and links', () => {
    it('shows metadata with the times as the tree shows them, never the value', async () => {
      const editor = await open('hover.env', 'TOKEN=kms://refs/app/token?stage=ACSPrevious\n');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        new vscode.Position(0, 12),
      );
      const text = markdownText(hovers);
      assert.match(text, /refs\/app\/token/);
      assert.match(text, /Generic/);
      assert.match(text, /Token of the references test app/);
      assert.match(text, /v1 \(ACSPrevious\)/);
      assert.match(text, /v2 \(ACSCurrent\)/);
      assert.match(text, /Rotation/);
      assert.match(text, /Updated/);
      assert.match(text, /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/, 'times as the tree shows them');
      // The way to the explorer is the reference's document link (below), which the workbench adds to the hover once.
      assert.doesNotMatch(text, /Reveal in Explorer/);
      assert.ok(!text.includes(CANARY), 'the hover holds no value');
    });

    it('links each reference to the explorer', async () => {
      const editor = await open('links.json', '{ "a": "kms://refs/app/db#user", "b": "kms://refs/app/token" }\n');
      const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>(
        'vscode.executeLinkProvider',
        editor.document.uri,
      );
      const ours = links.filter((l) => l.target?.scheme === 'command');
      assert.equal(ours.length, 2);
      assert.match(decodeURIComponent(ours[0].target!.query), /"name":"refs\/app\/db"/);
      const [link] = JSON.parse(decodeURIComponent(ours[0].target!.query)) as unknown[];
      const revealed = await vscode.commands.executeCommand<{ name: string }>('kmsSecrets.revealInExplorer', link);
      assert.equal(revealed?.name, 'refs/app/db');
      await vscode.commands.executeCommand('kmsSecrets.clearFilter');
    });
  });

  describe('diagnostics', () => {
    const lines = [
      'OK=kms://refs/app/token',
      'UNKNOWN=kms://refs/nope',
      'DELETING=kms://refs/legacy/old',
      'STAGE=kms://refs/app/token?stage=Nope',
      'VERSION=kms://refs/app/token?version=v9',
      'KEY=kms://refs/app/db#nokey',
      'NOTJSON=kms://refs/app/token#x',
      'DENIED=kms://refs/forbidden/x',
      'SYNTAX=kms://refs/bad*name',
      'TEMPLATE=kms://refs/${STAGE}/db',
    ];
    const expected: Record<number, string> = {
      1: 'unknown-secret',
      2: 'pending-deletion',
      3: 'unknown-stage',
      4: 'unknown-version',
      5: 'json-key-absent',
      6: 'not-json',
      7: 'no-permission',
      8: 'reference-syntax',
    };
    let uri: vscode.Uri;

    it('flags each kind of broken reference with its own code, and skips templates', async () => {
      const editor = await open('broken.env', lines.join('\n') + '\n');
      uri = editor.document.uri;
      const diagnostics = await waitFor('the reference diagnostics', () => {
        const d = referenceDiagnostics(uri);
        return d.length >= Object.keys(expected).length ? d : undefined;
      });
      const byLine = new Map(diagnostics.map((d) => [d.range.start.line, d]));
      for (const [line, code] of Object.entries(expected)) {
        assert.equal(byLine.get(Number(line))?.code, code, `line ${line} (${lines[Number(line)]}) is flagged ${code}`);
      }
      assert.ok(!byLine.has(0), 'a good reference is not flagged');
      assert.ok(!byLine.has(9), 'a templated reference is not flagged');
      assert.equal(diagnostics.length, Object.keys(expected).length);
      assert.equal(byLine.get(7)?.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(byLine.get(5)!.message, /'user', 'password'/);
      assert.equal(byLine.get(1)?.range.start.character, 'UNKNOWN='.length);
      for (const d of diagnostics) assert.ok(!d.message.includes(CANARY), 'no value in a diagnostic');
    });

    it('quick-fixes a missing JSON key with one that exists', async () => {
      const range = new vscode.Range(5, 'KEY='.length, 5, lines[5].length);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        range,
      );
      const titles = actions.map((a) => a.title);
      assert.ok(titles.includes('Pick another secret…'), titles.join(', '));
      const fix = actions.find((a) => a.title === "Use JSON key 'password'");
      assert.ok(fix?.edit, `a key fix is offered (got ${titles.join(', ')})`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.equal(doc.lineAt(5).text, 'KEY=kms://refs/app/db#password');
      await waitFor('the fixed line to be clean', () =>
        referenceDiagnostics(uri).some((d) => d.range.start.line === 5) ? undefined : true,
      );
    });

    it('quick-fixes an unknown stage with the current version', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        new vscode.Range(3, 8, 3, 9),
      );
      const fix = actions.find((a) => a.title.startsWith('Use the current version'));
      assert.ok(fix?.edit);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal((await vscode.workspace.openTextDocument(uri)).lineAt(3).text, 'STAGE=kms://refs/app/token');
    });

    it('offers to create an unknown secret, and the diagnostic goes once it exists', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        new vscode.Range(1, 10, 1, 11),
      );
      const create = actions.find((a) => a.title === "Create secret 'refs/nope' in KMS…");
      assert.ok(create?.command, actions.map((a) => a.title).join(', '));
      assert.equal(create.command.command, 'kmsSecrets.runReferenceFix');
      const [id, target] = create.command.arguments as [string, unknown];
      // The test answers the value prompt through scripted arguments.
      await vscode.commands.executeCommand(
        'kmsSecrets.runReferenceFix',
        id,
        target,
        scripted({ value: 'created-by-test' }),
      );
      await waitFor('the created secret to stop being flagged', () =>
        referenceDiagnostics(uri).some((d) => d.range.start.line === 1) ? undefined : true,
      );
    });

    it('restores a secret pending deletion through its quick fix', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        new vscode.Range(2, 12, 2, 13),
      );
      const restore = actions.find((a) => a.title === "Restore secret 'refs/legacy/old'");
      assert.ok(restore?.command, actions.map((a) => a.title).join(', '));
      await vscode.commands.executeCommand(restore.command.command, ...(restore.command.arguments ?? []));
      await waitFor('the restored secret to stop being flagged', () =>
        referenceDiagnostics(uri).some((d) => d.range.start.line === 2) ? undefined : true,
      );
    });

    it('picks another secret for a reference it cannot read', async () => {
      const line = 7;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        new vscode.Range(line, 10, line, 11),
      );
      const pick = actions.find((a) => a.title === 'Pick another secret…');
      assert.ok(pick?.command);
      // The test answers the picker through the arguments.
      await vscode.commands.executeCommand(
        pick.command.command,
        ...(pick.command.arguments ?? []),
        scripted({ name: 'refs/app/db', jsonKey: 'user' }),
      );
      assert.equal((await vscode.workspace.openTextDocument(uri)).lineAt(line).text, 'DENIED=kms://refs/app/db#user');
      await waitFor('the replaced reference to be clean', () =>
        referenceDiagnostics(uri).some((d) => d.range.start.line === line) ? undefined : true,
      );
    });

    it('checks references in JSON (tasks.json-like) and source files too', async () => {
      const json = await open(
        'tasks-like.json',
        '{ "tasks": [{ "options": { "env": { "TOKEN": "kms://refs/missing/one", "OK": "kms://refs/app/token" } } }] }\n',
      );
      const code = await open('source.py', 'import os\nURL = "kms://refs/app/token?stage=Gone"\n', 'python');
      const jsonDiagnostics = await waitFor('JSON diagnostics', () =>
        referenceDiagnostics(json.document.uri).length ? referenceDiagnostics(json.document.uri) : undefined,
      );
      assert.deepEqual(
        jsonDiagnostics.map((d) => d.code),
        ['unknown-secret'],
      );
      const codeDiagnostics = await waitFor('source diagnostics', () =>
        referenceDiagnostics(code.document.uri).length ? referenceDiagnostics(code.document.uri) : undefined,
      );
      assert.deepEqual(
        codeDiagnostics.map((d) => d.code),
        ['unknown-stage'],
      );
    });

    it('can be turned off', async () => {
      await vscode.workspace
        .getConfiguration('kmsSecrets')
        .update('references.diagnostics.enabled', false, vscode.ConfigurationTarget.Global);
      await waitFor('the diagnostics to clear', () => (referenceDiagnostics(uri).length === 0 ? true : undefined));
      await vscode.workspace
        .getConfiguration('kmsSecrets')
        .update('references.diagnostics.enabled', undefined, vscode.ConfigurationTarget.Global);
      await waitFor('the diagnostics to return', () => (referenceDiagnostics(uri).length > 0 ? true : undefined));
    });
  });

  describe('log', () => {
    it('never holds a value read by hover, completion, insert or the checks', async () => {
      const text = await logText(await api());
      assert.ok(!text.includes(CANARY), 'no value in the log');
    });
  });
});
