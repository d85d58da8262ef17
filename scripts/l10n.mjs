// `npm run l10n`: regenerates l10n/bundle.l10n.json (the English runtime strings) from every `vscode.l10n.t(…)` call in
// the extension's source and every `l10n.t(…)` call (@vscode/l10n) in src/core, with @vscode/l10n-dev's extractor (the one VS Code's own extensions use). Translators then
// add the new keys to l10n/bundle.l10n.<lang>.json; the unit test test/unit/l10n.test.ts fails until they do.
// `npm run l10n -- --check` writes nothing and exits 1 when the committed bundle is stale (CI, the unit test).
import { getL10nJson } from '@vscode/l10n-dev';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(ROOT, 'l10n', 'bundle.l10n.json');

/**
 * The extension's TypeScript under src/, in a stable order. The CLI and the emulator stay English (they never load
 * `vscode`). src/core must not import `vscode`: its sentences go through `l10n.t` from @vscode/l10n, which the
 * extension configures with VS Code's bundle at activation (and which, unconfigured in the CLI, gives the English).
 */
export function extensionSources(root = ROOT) {
  const src = join(root, 'src');
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !/^(cli|emulator)\//.test(file.split('\\').join('/')))
    .sort()
    .map((file) => join(src, file));
}

/** The bundle the source asks for, as the text `npm run l10n` writes (two-space JSON, as Prettier formats it). */
export async function generateBundle(files = extensionSources()) {
  const json = await getL10nJson(
    files.map((file) => ({ contents: readFileSync(file, 'utf8'), extension: file.slice(file.lastIndexOf('.')) })),
  );
  return JSON.stringify(json, null, 2) + '\n';
}

async function main() {
  const check = process.argv.includes('--check');
  const expected = await generateBundle();
  let current = '';
  try {
    current = readFileSync(BUNDLE, 'utf8');
  } catch {
    // No bundle yet: it is written below, or reported stale.
  }
  const where = relative(ROOT, BUNDLE);
  if (current === expected) {
    console.log(`${where} is up to date (${Object.keys(JSON.parse(expected)).length} strings)`);
    return 0;
  }
  if (!check) {
    writeFileSync(BUNDLE, expected);
    console.log(`wrote ${where} (${Object.keys(JSON.parse(expected)).length} strings)`);
    return 0;
  }
  const before = new Set(Object.keys(current ? JSON.parse(current) : {}));
  const after = new Set(Object.keys(JSON.parse(expected)));
  for (const key of after) if (!before.has(key)) console.error(`  missing: ${JSON.stringify(key)}`);
  for (const key of before) if (!after.has(key)) console.error(`  no longer in the source: ${JSON.stringify(key)}`);
  console.error(`${where} is stale: run \`npm run l10n\`, then translate the new strings`);
  return 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(await main());
