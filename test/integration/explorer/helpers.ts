import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';
import type { ExplorerNode } from '../../../src/explorer/nodes';
import type { MessageNode, SecretNode } from '../../../src/explorer/nodes';
import type { SeedFile } from '../../../src/emulator/server';

export const EXTENSION_ID = 'kms-secrets.kms-secrets';
export const ACCESS_KEY = { accessKeyId: 'explorer-test-key-id', accessKeySecret: 'explorer-test-key-secret' };
/** A value that must never reach the log: every test that touches values uses it somewhere. */
export const CANARY = 'CANARY-explorer-9f3b1c7e-never-in-logs';

export async function api(): Promise<Required<ExtensionApi>> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  const exports = await ext.activate();
  assert.ok(exports?.explorer, 'activate() returns the explorer API');
  return exports as Required<ExtensionApi>;
}

/** The demo seed (repository file) plus a canary secret holding a JSON value. */
export function demoSeed(): SeedFile {
  // out/test/integration/explorer → repository root
  const root = path.resolve(__dirname, '../../../..');
  const seed = JSON.parse(readFileSync(path.join(root, 'src/emulator/seeds/demo.json'), 'utf8')) as SeedFile;
  (seed.secrets as unknown[]).push({
    name: 'test/canary',
    description: 'Canary for the log test',
    tags: { env: 'test' },
    versions: [{ versionId: 'c1', value: { user: 'canary-user', password: CANARY }, stages: ['ACSCurrent'] }],
  });
  return seed;
}

export async function configure(endpoint: string, regions: string[] = []): Promise<void> {
  const config = vscode.workspace.getConfiguration('kmsSecrets');
  await config.update('endpoint', endpoint, vscode.ConfigurationTarget.Global);
  await config.update('region', 'cn-hangzhou', vscode.ConfigurationTarget.Global);
  await config.update('explorer.regions', regions, vscode.ConfigurationTarget.Global);
}

export async function signInWithKeys(): Promise<void> {
  await vscode.commands.executeCommand('kmsSecrets.signIn', {
    source: 'stored',
    name: 'explorer-test',
    credentials: { mode: 'AK', ...ACCESS_KEY },
  });
}

export async function rootSecrets(a: Required<ExtensionApi>): Promise<SecretNode[]> {
  const tree = a.explorer.tree;
  await tree.whenListed();
  const rows = await tree.getChildren();
  return rows.filter(isSecret);
}

export async function secretNode(a: Required<ExtensionApi>, name: string): Promise<SecretNode> {
  const node = (await rootSecrets(a)).find((n) => n.name === name);
  assert.ok(node, `the tree lists ${name}`);
  return node;
}

export async function children(a: Required<ExtensionApi>, node: ExplorerNode): Promise<ExplorerNode[]> {
  return a.explorer.tree.getChildren(node);
}

export function label(a: Required<ExtensionApi>, node: ExplorerNode): string {
  const item = a.explorer.tree.getTreeItem(node);
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Text of the extension's log files (the LogOutputChannel writes `<logUri>/<name>.log`). */
export async function logText(a: Required<ExtensionApi>): Promise<string> {
  await sleep(500); // the log service writes asynchronously
  let text = '';
  for (const [name, type] of await vscode.workspace.fs.readDirectory(a.logUri)) {
    if (type === vscode.FileType.File && name.endsWith('.log')) {
      text += new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(a.logUri, name)));
    }
  }
  return text;
}

/**
 * Node kinds by their `kind` tag: the extension runs from its bundle (dist/extension.js), the tests from out/, so the
 * classes differ and `instanceof` cannot be used across the two.
 */
export const isSecret = (n: unknown): n is SecretNode => (n as { kind?: string })?.kind === 'secret';
export const isMessage = (n: unknown): n is MessageNode => (n as { kind?: string })?.kind === 'message';
