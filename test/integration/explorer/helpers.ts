import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SeedFile } from '../../../src/emulator/server';
import type { ExplorerNode, MessageNode, SecretNode } from '../../../src/explorer/nodes';
import type { TestApi } from '../fixtures';

/** A value that must never reach the log: every test that touches values uses it somewhere. */
export const CANARY = 'CANARY-explorer-9f3b1c7e-never-in-logs';

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

export async function rootSecrets(a: TestApi): Promise<SecretNode[]> {
  const tree = a.explorer.tree;
  await tree.whenListed();
  const rows = await tree.getChildren();
  return rows.filter(isSecret);
}

export async function secretNode(a: TestApi, name: string): Promise<SecretNode> {
  const node = (await rootSecrets(a)).find((n) => n.name === name);
  assert.ok(node, `the tree lists ${name}`);
  return node;
}

export async function children(a: TestApi, node: ExplorerNode): Promise<ExplorerNode[]> {
  return a.explorer.tree.getChildren(node);
}

export function label(a: TestApi, node: ExplorerNode): string {
  const item = a.explorer.tree.getTreeItem(node);
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/**
 * Node kinds by their `kind` tag: the extension runs from its bundle (dist/extension.js), the tests from out/, so the
 * classes differ and `instanceof` cannot be used across the two.
 */
export const isSecret = (n: unknown): n is SecretNode => (n as { kind?: string })?.kind === 'secret';
export const isMessage = (n: unknown): n is MessageNode => (n as { kind?: string })?.kind === 'message';
