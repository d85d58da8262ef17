// src/core is the pure half of the extension: unit-tested in plain Node, so it must never reach for the VS Code API.
// ESLint says so too; this test keeps the rule even when lint is skipped, and also catches require() and dynamic
// import().
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const CORE = path.resolve(__dirname, '..', '..', '..', 'src', 'core');

/** Import specifiers of a TypeScript file: static imports/exports, import() and require(), comments stripped first. */
export function importedModules(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const specifiers: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) specifiers.push(match[1]);
  return specifiers;
}

describe('src/core boundary', () => {
  it('recognises every way a file can import vscode', () => {
    assert.deepEqual(importedModules("import * as vscode from 'vscode';"), ['vscode']);
    assert.deepEqual(importedModules("import type { Uri } from 'vscode';"), ['vscode']);
    assert.deepEqual(importedModules("export { window } from 'vscode';"), ['vscode']);
    assert.deepEqual(importedModules("const v = require('vscode');"), ['vscode']);
    assert.deepEqual(importedModules("await import('vscode');"), ['vscode']);
    assert.deepEqual(importedModules("import 'vscode';"), ['vscode']);
    assert.deepEqual(importedModules("// import * as vscode from 'vscode';\n/* require('vscode') */"), []);
  });

  it('has no file under src/core that imports vscode', () => {
    const files = readdirSync(CORE, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    assert.ok(files.length > 0, `no TypeScript files found under ${CORE}`);
    const offenders = files.filter((file) =>
      importedModules(readFileSync(path.join(CORE, file), 'utf8')).includes('vscode'),
    );
    assert.deepEqual(offenders, [], `src/core files importing vscode: ${offenders.join(', ')}`);
  });
});
