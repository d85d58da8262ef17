/**
 * The files `kms-secrets scan` reads: every file under the given paths, minus default excludes (dependencies, build
 * output,
 * VCS metadata), `--exclude` globs and what `.gitignore` files say (each applying to its folder and below, as git reads
 * them).
 */
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export const DEFAULT_EXCLUDES = [
  '**/node_modules/**',
  '**/.git/**',
  '**/.hg/**',
  '**/.svn/**',
  '**/dist/**',
  '**/out/**',
  '**/build/**',
  '**/target/**',
  '**/vendor/**',
  '**/.venv/**',
  '**/venv/**',
  '**/__pycache__/**',
  '**/.vscode-test/**',
  '**/*.min.js',
  '**/*.map',
  '**/package-lock.json',
  '**/yarn.lock',
  '**/pnpm-lock.yaml',
  '**/.kms-secrets-ignore',
];

export interface WalkOptions {
  root: string;
  exclude: string[];
}

export async function* walkFiles(paths: string[], options: WalkOptions): AsyncGenerator<string> {
  const excluded = picomatch([...DEFAULT_EXCLUDES, ...options.exclude], { dot: true });
  const rel = (file: string): string => relative(options.root, file).split(sep).join('/');
  for (const path of paths) {
    const info = await stat(path);
    if (info.isFile()) {
      yield path;
      continue;
    }
    yield* walkDirectory(path, [], excluded, rel);
  }
}

async function* walkDirectory(
  dir: string,
  inherited: { base: string; matcher: Ignore }[],
  excluded: (path: string) => boolean,
  rel: (file: string) => string,
): AsyncGenerator<string> {
  const rules = [...inherited];
  try {
    rules.push({ base: dir, matcher: ignore().add(await readFile(join(dir, '.gitignore'), 'utf8')) });
  } catch {
    // No .gitignore here.
  }
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    const shown = rel(full);
    const probe = entry.isDirectory() ? `${shown}/` : shown;
    if (excluded(shown) || (entry.isDirectory() && excluded(`${shown}/x`))) continue;
    if (
      rules.some(({ base, matcher }) =>
        matcher.ignores(relative(base, full).split(sep).join('/') + (entry.isDirectory() ? '/' : '')),
      )
    )
      continue;
    if (entry.isDirectory()) yield* walkDirectory(full, rules, excluded, rel);
    else if (entry.isFile() && probe) yield full;
  }
}
