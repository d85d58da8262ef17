// Runs inside a real VS Code extension host (see test/integration/index.ts): the real `vscode` API, no mocks.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { report } from './index';

const EXTENSION_ID = 'kms-secrets.kms-secrets';
const CONTAINER_COMMAND = 'workbench.view.extension.kmsSecrets';
const FOCUS_COMMAND = 'kmsSecrets.secrets.focus';

/** The slice of activate()'s return value these tests use; declared here so a test never drags src/ types into its build. */
interface TestApi {
  logUri?: vscode.Uri;
  explorer?: { tree?: { getChildren(node?: unknown): unknown } };
}

interface Manifest {
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
  };
}

async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The extension's own "Activated in N ms." line from its LogOutputChannel file, when the log is where logUri says. */
function loggedActivationMs(logUri: vscode.Uri | undefined): number | undefined {
  if (!logUri) return undefined;
  try {
    for (const file of readdirSync(logUri.fsPath, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.log')) continue;
      const match = /Activated in (\d+) ms/.exec(readFileSync(path.join(logUri.fsPath, file), 'utf8'));
      if (match) return Number(match[1]);
    }
  } catch {
    // No log folder yet: the figure is informational, the assertions below do not depend on it.
  }
  return undefined;
}

describe('Activation', () => {
  let extension: vscode.Extension<TestApi>;
  let manifest: Manifest;

  before(async () => {
    const found = vscode.extensions.getExtension<TestApi>(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not installed in this host`);
    extension = found;
    manifest = extension.packageJSON as Manifest;
  });

  it('activates and reports how long it took', async () => {
    const wasActive = extension.isActive;
    const started = performance.now();
    await extension.activate();
    const wallMs = performance.now() - started;
    assert.equal(extension.isActive, true);
    const logUri = extension.exports?.logUri;
    const logged = logUri
      ? await waitFor('the activation line in the log', () => loggedActivationMs(logUri), 5_000).catch(() => undefined)
      : undefined;
    const parts = [
      logged !== undefined ? `activate() ran in ${logged} ms (extension's own log)` : undefined,
      wasActive
        ? 'already active (onStartupFinished) before the suite started'
        : `ext.activate() took ${wallMs.toFixed(0)} ms wall`,
    ].filter(Boolean);
    report(`      activation: ${parts.join('; ')}`);
  });

  it('opens the fixture workspace', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'exactly one workspace folder');
    assert.equal(path.basename(folders[0].uri.fsPath), 'workspace');
  });

  it('registers every command declared in package.json', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const declared = manifest.contributes.commands.map((c) => c.command);
    assert.ok(declared.length > 0, 'package.json declares no commands');
    const missing = declared.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `declared but not registered: ${missing.join(', ')}`);
  });

  it('declares every kmsSecrets.* command it registers', async () => {
    const declared = new Set(manifest.contributes.commands.map((c) => c.command));
    // The workbench itself registers `<viewId>.focus`, `<viewId>.resetViewLocation`, … for each contributed view.
    const viewIds = Object.values(manifest.contributes.views)
      .flat()
      .map((v) => v.id);
    const fromViews = (id: string) => viewIds.some((viewId) => id.startsWith(`${viewId}.`));
    const undeclared = (await vscode.commands.getCommands(true)).filter(
      (id) => id.startsWith('kmsSecrets.') && !declared.has(id) && !fromViews(id),
    );
    assert.deepEqual(undeclared, [], `registered but not declared in package.json: ${undeclared.join(', ')}`);
  });

  it('opens the KMS Secrets view container and focuses the Secrets view', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    // The workbench derives both commands from the manifest: they exist only if the container and the view are
    // contributed.
    assert.ok(
      registered.has(CONTAINER_COMMAND),
      `${CONTAINER_COMMAND} is missing: the view container is not contributed`,
    );
    assert.ok(registered.has(FOCUS_COMMAND), `${FOCUS_COMMAND} is missing: the Secrets view is not contributed`);
    await vscode.commands.executeCommand(CONTAINER_COMMAND);
    await vscode.commands.executeCommand(FOCUS_COMMAND);
  });

  it('shows the Secrets view: the hidden tree fetches its rows only once the container opens', async function () {
    const tree = extension.exports?.explorer?.tree;
    // The extension-side observation needs activate() to return { explorer: { tree } }; without it this shows as
    // skipped.
    if (!tree) this.skip();
    // A hidden tree view defers fetching its rows until it is shown, so a root getChildren() after the sidebar was
    // closed is the extension-side proof that the view really became visible.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const original = tree.getChildren;
    let rootRequested = false;
    tree.getChildren = function (this: unknown, node?: unknown) {
      if (node === undefined) rootRequested = true;
      return original.call(this, node);
    };
    try {
      await vscode.commands.executeCommand('kmsSecrets.refresh');
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(rootRequested, false, 'the hidden view fetched its rows: visibility would prove nothing');
      await vscode.commands.executeCommand(CONTAINER_COMMAND);
      await waitFor('the Secrets view to request its rows', () => (rootRequested ? true : undefined));
    } finally {
      tree.getChildren = original;
    }
  });
});
