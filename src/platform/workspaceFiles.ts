import * as vscode from 'vscode';
import {
  checkRepositoryFile,
  MAX_REPOSITORY_FILE_BYTES,
  readRepositoryFileChecked,
  type FileRefusal,
} from '../core/repositoryFiles';

/**
 * Files the workspace provides that the extension reads or writes by itself (the ignore file, the references env file,
 * a launch configuration's `envFile`), checked by the one rule in src/core/repositoryFiles.ts before they are touched.
 * On a file system other than the disk (a virtual workspace) there are no links to leave the folder by; only the kind
 * and size are checked there.
 */

/** Why `uri` must not be read or written, or undefined when it may (including when it does not exist). */
export async function workspaceFileRefusal(
  uri: vscode.Uri,
  folder: vscode.WorkspaceFolder | undefined,
): Promise<FileRefusal | undefined> {
  if (uri.scheme === 'file')
    return (await checkRepositoryFile(uri.fsPath, folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined))
      .refusal;
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
  if (stat.type & vscode.FileType.SymbolicLink || !(stat.type & vscode.FileType.File)) return 'not-a-file';
  return stat.size > MAX_REPOSITORY_FILE_BYTES ? 'too-large' : undefined;
}

/** The text of a workspace file, why it was refused, or neither when there is no such file. */
export async function readWorkspaceFile(
  uri: vscode.Uri,
  folder: vscode.WorkspaceFolder | undefined,
): Promise<{ text?: string; refusal?: FileRefusal }> {
  if (uri.scheme === 'file')
    return readRepositoryFileChecked(uri.fsPath, folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined);
  const refusal = await workspaceFileRefusal(uri, folder);
  if (refusal) return { refusal };
  try {
    return { text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
  } catch {
    return {};
  }
}

/** One sentence for the user (and the log) on why `uri` was left alone, with what to do about it. */
export function refusalSentence(uri: vscode.Uri, refusal: FileRefusal): string {
  const file = vscode.workspace.asRelativePath(uri, false);
  switch (refusal) {
    case 'outside':
      return vscode.l10n.t(
        '{0} is a link to a file outside the workspace folder, so KMS Secrets neither reads nor writes it: replace the link with a regular file.',
        file,
      );
    case 'not-a-file':
      return vscode.l10n.t(
        '{0} is not a regular file (a folder, device, pipe or broken link), so KMS Secrets neither reads nor writes it: replace it with a regular file.',
        file,
      );
    case 'too-large':
      return vscode.l10n.t(
        '{0} is larger than 1 MiB, far more than such a file holds, so KMS Secrets neither reads nor writes it: shorten it.',
        file,
      );
  }
}
