// A cloned repository's .vscode/settings.json must not redirect signed requests (issue 11, item 1): its
// kmsSecrets.endpoint / kmsSecrets.profile never apply in Restricted Mode, and in a trusted workspace only once the
// user allowed that exact value. A plain-HTTP listener stands for the attacker's server and counts what reaches it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SeedFile } from '../../../src/emulator/server';
import { scripted } from '../../../src/platform/automation';
import { signInWithKeys, signOut, sleep, useEmulator, waitFor, type EmulatorFixture } from '../fixtures';
import { report } from '../index';

const SEED: SeedFile = {
  secrets: [
    { name: 'trust/app/token', versions: [{ versionId: 'v1', value: 'trust-token-value', stages: ['ACSCurrent'] }] },
    {
      name: 'trust/app/db',
      versions: [{ versionId: 'd1', value: { user: 'u', password: 'trust-db-value' }, stages: ['ACSCurrent'] }],
    },
  ],
} as SeedFile;

/** The attacker's server: answers every request with a KMS-style 403 (never retried) and counts them. */
async function trap(): Promise<{ url: string; count: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server = http.createServer((req, res) => {
    count++;
    req.resume();
    res.writeHead(403, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ RequestId: 'trap', Code: 'Forbidden.Trap', Message: 'trap', HttpStatus: 403 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    count: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The workspace's .vscode/settings.json, written as a cloned repository would carry it (and removed afterwards). */
function workspaceSettingsFile() {
  const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const dir = path.join(folder, '.vscode');
  const file = path.join(dir, 'settings.json');
  const dirExisted = fs.existsSync(dir);
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  return {
    write(settings: Record<string, unknown>) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(file, JSON.stringify(settings, null, 2));
    },
    read: () => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>,
    restore() {
      if (before !== undefined) fs.writeFileSync(file, before);
      else fs.rmSync(file, { force: true });
      if (!dirExisted) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Everything that talks to KMS on its own: the explorer lists, a file with references is open and its diagnostics ran
 * (a missing secret is flagged, which proves they asked the emulator), and a hover asked for a secret's metadata.
 */
async function useEverything(fx: EmulatorFixture, dir: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.view.extension.kmsSecrets');
  fx.api.explorer.tree.refresh();
  await fx.api.explorer.tree.whenListed();
  const file = path.join(dir, `refs-${Date.now().toString(36)}.env`);
  fs.writeFileSync(
    file,
    'TOKEN=kms://trust/app/token\nMISSING=kms://trust/missing\nDB=kms://trust/app/db#password\nP=kms://trust/app/token?profile=default\n',
  );
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(document);
  await waitFor('the reference diagnostics', () =>
    vscode.languages.getDiagnostics(document.uri).some((d) => d.code === 'unknown-secret') ? true : undefined,
  );
  await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 10));
  await sleep(500);
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  fs.rmSync(file, { force: true });
}

describe('Workspace connection settings in a trusted workspace', function () {
  this.timeout(90_000);
  before(function () {
    if (!vscode.workspace.isTrusted) this.skip();
  });
  const fx = useEmulator({ seed: SEED });
  let attacker: Awaited<ReturnType<typeof trap>>;
  let settings: ReturnType<typeof workspaceSettingsFile>;
  let dir: string;
  const config = () => fx.api.platform.config;

  before(async () => {
    attacker = await trap();
    settings = workspaceSettingsFile();
    dir = fs.mkdtempSync(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.kms-trust-'));
  });

  after(async () => {
    await vscode.commands.executeCommand('kmsSecrets.manageSettingApprovals', scripted({ forget: 'workspace' }));
    settings?.restore();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await attacker?.close();
  });

  it('sends nothing to a workspace endpoint the user has not allowed, while everything runs', async () => {
    settings.write({ 'kmsSecrets.endpoint': attacker.url, 'kmsSecrets.profile': 'default' });
    await waitFor('the workspace values to be noticed', () =>
      config().overriddenSettings().length === 2 ? true : undefined,
    );
    assert.deepEqual(
      config()
        .overriddenSettings()
        .map((s) => [s.key, s.value, s.undecided]),
      [
        ['endpoint', attacker.url, true],
        ['profile', 'default', true],
      ],
    );
    assert.equal(config().endpoint, fx.endpoint, "the user's endpoint applies");
    assert.equal(config().profile, 'explorer-test', "the user's profile applies");
    const reads = fx.kms.stats().requests;
    await useEverything(fx, dir);
    assert.ok(fx.kms.stats().requests > reads, 'the requests went to the user’s endpoint');
    assert.equal(attacker.count(), 0, 'no request reached the workspace’s endpoint');
  });

  it('does not count a workspace profile as signed in, and sign-in writes only the user’s settings', async () => {
    await signOut();
    assert.equal(config().profile, '', 'the workspace profile does not apply');
    assert.deepEqual(await fx.api.explorer.tree.getChildren(), [], 'signed out: the tree is empty');
    await signInWithKeys();
    const inspected = vscode.workspace.getConfiguration('kmsSecrets').inspect('profile');
    assert.equal(inspected?.globalValue, 'explorer-test', 'sign-in wrote the user settings');
    assert.equal(settings.read()['kmsSecrets.profile'], 'default', 'and left the workspace file alone');
    assert.equal(attacker.count(), 0);
  });

  it('sends the requests to the workspace endpoint once the user allowed that value, until revoked', async () => {
    await vscode.commands.executeCommand(
      'kmsSecrets.reviewWorkspaceSettings',
      scripted({ answer: 'allow', keys: ['endpoint'] }),
    );
    assert.equal(config().endpoint, attacker.url);
    fx.api.explorer.tree.refresh();
    await fx.api.explorer.tree.whenListed();
    await waitFor('requests at the allowed endpoint', () => (attacker.count() > 0 ? true : undefined));
    report(`      allowed workspace endpoint: ${attacker.count()} request(s) reached it`);
    await vscode.commands.executeCommand('kmsSecrets.manageSettingApprovals', scripted({ forget: 'workspace' }));
    assert.equal(config().endpoint, fx.endpoint, 'revoked: the user’s endpoint applies again');
  });

  it('lets an explicit sign-in win over an allowed workspace profile', async () => {
    await vscode.commands.executeCommand(
      'kmsSecrets.reviewWorkspaceSettings',
      scripted({ answer: 'allow', keys: ['profile'] }),
    );
    assert.equal(config().profile, 'default', 'the allowed workspace profile applies');
    await signInWithKeys();
    assert.equal(config().profile, 'explorer-test', 'the sign-in choice applies');
    assert.equal(settings.read()['kmsSecrets.profile'], 'default', 'the workspace file is unchanged');
  });
});

describe('Workspace connection settings in Restricted Mode', function () {
  this.timeout(90_000);
  before(function () {
    if (vscode.workspace.isTrusted) this.skip();
  });
  const fx = useEmulator({ seed: SEED });
  let attacker: Awaited<ReturnType<typeof trap>>;
  let settings: ReturnType<typeof workspaceSettingsFile>;
  let dir: string;

  before(async () => {
    attacker = await trap();
    settings = workspaceSettingsFile();
    dir = fs.mkdtempSync(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.kms-trust-'));
  });

  after(async () => {
    settings?.restore();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await attacker?.close();
  });

  it('sends nothing to a workspace endpoint, not even after an approval attempt', async () => {
    const config = fx.api.platform.config;
    settings.write({ 'kmsSecrets.endpoint': attacker.url, 'kmsSecrets.profile': 'default' });
    // VS Code may hide restricted workspace values even from inspect(); then there is nothing to wait for.
    const seen = await waitFor(
      'the workspace values',
      () => (config.overriddenSettings().length ? true : undefined),
      3_000,
    ).catch(() => false);
    report(
      `      Restricted Mode: workspace values ${seen ? 'visible to inspect() but not applied' : 'hidden by VS Code'}`,
    );
    assert.equal(vscode.workspace.isTrusted, false);
    assert.notEqual(
      vscode.workspace.getConfiguration('kmsSecrets').get('endpoint'),
      attacker.url,
      'restrictedConfigurations: VS Code does not apply the workspace value',
    );
    assert.equal(config.endpoint, fx.endpoint);
    assert.equal(config.profile, 'explorer-test');
    const reads = fx.kms.stats().requests;
    await useEverything(fx, dir);
    assert.ok(fx.kms.stats().requests > reads, 'the requests went to the user’s endpoint');
    const reviewed = await vscode.commands.executeCommand<unknown[]>(
      'kmsSecrets.reviewWorkspaceSettings',
      scripted({ answer: 'allow' }),
    );
    assert.deepEqual(reviewed, [], 'nothing can be allowed in Restricted Mode');
    assert.equal(config.endpoint, fx.endpoint);
    fx.api.explorer.tree.refresh();
    await fx.api.explorer.tree.whenListed();
    assert.equal(attacker.count(), 0, 'no request reached the workspace’s endpoint');
  });
});
