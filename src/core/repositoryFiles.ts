/**
 * Files a cloned repository provides and the extension reads or writes on its own: the ignore files, the references
 * env file, a launch configuration's `envFile`. The repository decides what those names are on disk, so each is checked
 * before it is touched: a link whose target leaves the workspace folder (reading `~/.aws/credentials` as an ignore
 * file, appending an env entry to `~/.bashrc`), anything that is not a regular file (/dev/tty waits for the keyboard, a
 * FIFO waits forever, /dev/zero never ends) and a file far larger than such files are (MAX_REPOSITORY_FILE_BYTES) are
 * refused. A link that stays inside the folder is fine.
 */
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

/** Ignore and env files are a few KB; more is not such a file. */
export const MAX_REPOSITORY_FILE_BYTES = 1024 * 1024;

/** Why a file is not read or written: `outside` (a link leaving the folder), `not-a-file`, `too-large`. */
export type FileRefusal = 'outside' | 'not-a-file' | 'too-large';

/** What the file system says about a path. */
export interface FileFacts {
  /** What the path is once links are followed; `missing` when nothing is there, `dangling` for a link to nothing. */
  kind: 'file' | 'other' | 'missing' | 'dangling';
  size: number;
  /** The real path: of the file when it exists, else of its nearest existing folder (where a write would land). */
  real: string;
}

/** The folder a file must stay in: its path as the workspace names it, and its real path. */
export interface Folder {
  path: string;
  real: string;
}

function isWithin(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The one rule. A path that names a place inside the folder must really be inside it (a path outside the folder came
 * from the user's own settings and is theirs to choose); what is there must be a regular file of at most
 * MAX_REPOSITORY_FILE_BYTES; nothing there at all is fine (there is nothing to read, and a write creates a file).
 */
export function fileRefusal(path: string, facts: FileFacts, folder?: Folder): FileRefusal | undefined {
  if (folder && isWithin(folder.path, path) && !isWithin(folder.real, facts.real)) return 'outside';
  if (facts.kind === 'missing') return undefined;
  if (facts.kind !== 'file') return 'not-a-file';
  return facts.size > MAX_REPOSITORY_FILE_BYTES ? 'too-large' : undefined;
}

/** lstat and realpath of `path` (never opens it, so a device or FIFO cannot block). */
export async function fileFacts(path: string): Promise<FileFacts> {
  let link: boolean;
  try {
    link = (await lstat(path)).isSymbolicLink();
  } catch {
    return { kind: 'missing', size: 0, real: await nearestReal(dirname(path)) };
  }
  try {
    const real = await realpath(path);
    const info = await stat(real);
    return { kind: info.isFile() ? 'file' : 'other', size: info.size, real };
  } catch {
    // A link to nothing (or a loop): a write through it would create its target wherever that is.
    return { kind: link ? 'dangling' : 'other', size: 0, real: await nearestReal(dirname(path)) };
  }
}

async function nearestReal(path: string): Promise<string> {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    try {
      return await realpath(dir);
    } catch {
      if (dirname(dir) === dir) return dir;
    }
  }
}

/** Checks `path` against the rule, with `folder` (a path) as the folder it must stay in when given. */
export async function checkRepositoryFile(
  path: string,
  folder?: string,
): Promise<{ refusal?: FileRefusal; exists: boolean }> {
  const facts = await fileFacts(path);
  const inside = folder === undefined ? undefined : { path: resolve(folder), real: await nearestReal(folder) };
  return { refusal: fileRefusal(resolve(path), facts, inside), exists: facts.kind !== 'missing' };
}

/** The text of a repository file, why it was refused, or neither when there is no such file. */
export async function readRepositoryFileChecked(
  path: string,
  folder?: string,
): Promise<{ text?: string; refusal?: FileRefusal }> {
  const { refusal, exists } = await checkRepositoryFile(path, folder);
  if (refusal || !exists) return { refusal };
  try {
    return { text: await readFile(path, 'utf8') };
  } catch {
    return {};
  }
}

/** The text of a small file the repository provides (`.gitignore`, `.kms-secrets-ignore`), undefined when there is none or it is refused. */
export async function readRepositoryFile(path: string, folder?: string): Promise<string | undefined> {
  return (await readRepositoryFileChecked(path, folder)).text;
}
