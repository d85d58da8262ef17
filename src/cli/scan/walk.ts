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

/** Ignore files are a few KB; more is not an ignore file. */
const MAX_SETTINGS_FILE_BYTES = 1024 * 1024;

/**
 * The text of a small file the repository itself provides (`.gitignore`, `.kms-secrets-ignore`), or undefined when
 * there is none. Only a regular file (a symlink to one is fine) of at most 1 MiB is read: a cloned repository can make
 * that name a symlink to /dev/tty (reading waits for the user's keyboard), a FIFO (waits forever) or /dev/zero (never
 * ends).
 */
export async function readRepositoryFile(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_SETTINGS_FILE_BYTES) return undefined;
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

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
  const gitignore = await readRepositoryFile(join(dir, '.gitignore'));
  if (gitignore !== undefined) rules.push({ base: dir, matcher: ignore().add(gitignore) });
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
