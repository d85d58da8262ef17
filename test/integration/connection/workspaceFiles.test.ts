// A cloned repository's settings must not choose files outside it for the extension to write: Insert Secret Reference
// and Move to KMS append to `kmsSecrets.referencesEnvFile`, so a workspace value that is absolute or climbs out of
// the folder (`/home/you/.bashrc`, `../../.profile`) does not count; the user's own setting may name any path.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, waitFor } from '../fixtures';

describe('The references env file a workspace may choose', function () {
  this.timeout(60_000);
  const folder = () => vscode.workspace.workspaceFolders![0];
  const dir = () => path.join(folder().uri.fsPath, '.vscode');
  const file = () => path.join(dir(), 'settings.json');
  let original: string | undefined;
  let dirExisted = false;

  before(() => {
    dirExisted = fs.existsSync(dir());
    original = fs.existsSync(file()) ? fs.readFileSync(file(), 'utf8') : undefined;
  });

  after(async () => {
    if (original !== undefined) fs.writeFileSync(file(), original);
    else fs.rmSync(file(), { force: true });
    if (!dirExisted) fs.rmSync(dir(), { recursive: true, force: true });
    await vscode.workspace
      .getConfiguration('kmsSecrets')
      .update('referencesEnvFile', undefined, vscode.ConfigurationTarget.Global);
  });

  /** Writes the workspace's value and waits until VS Code reads it. */
  async function workspaceValue(value: string): Promise<string> {
    fs.mkdirSync(dir(), { recursive: true });
    fs.writeFileSync(file(), JSON.stringify({ 'kmsSecrets.referencesEnvFile': value }));
    await waitFor(`VS Code reads ${value}`, () =>
      vscode.workspace.getConfiguration('kmsSecrets', folder().uri).inspect('referencesEnvFile')?.workspaceValue ===
      value
        ? true
        : undefined,
    );
    return (await api()).platform.config.referencesEnvFile(folder()).fsPath;
  }

  it('ignores a workspace value outside the folder, and takes one inside it', async () => {
    const own = path.join(folder().uri.fsPath, '.env');
    const bashrc = path.join(os.homedir(), '.bashrc');
    assert.equal(await workspaceValue(bashrc), own);
    assert.equal(await workspaceValue('../../.profile'), own);
    assert.equal(await workspaceValue('config/../../x.env'), own);
    assert.equal(await workspaceValue('~/.profile'), own);
    assert.equal(await workspaceValue('config/refs.env'), path.join(folder().uri.fsPath, 'config', 'refs.env'));
  });

  it("falls back to the user's own setting, which may name any path", async () => {
    const mine = path.join(os.tmpdir(), 'my-refs.env');
    await vscode.workspace
      .getConfiguration('kmsSecrets')
      .update('referencesEnvFile', mine, vscode.ConfigurationTarget.Global);
    assert.equal(await workspaceValue('/etc/evil.env'), mine);
  });
});
