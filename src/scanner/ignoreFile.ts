import * as vscode from 'vscode';
import { DisposableOwner } from '../platform/disposables';
import type { Log } from '../platform/log';
import { readWorkspaceFile, refusalSentence } from '../platform/workspaceFiles';
import {
  IGNORE_FILE_NAME,
  NO_IGNORES,
  ignoreEntryLine,
  parseIgnoreFile,
  type IgnoreEntry,
  type IgnoreRules,
} from '../core/scanner';

export type { IgnoreRules };

/**
 * The ignore file of each workspace folder, loaded once and reloaded when it changes on disk. The file comes with the
 * repository: a link out of the folder, a device, a pipe or a huge file is neither read nor written (the log says why).
 */
export class IgnoreFiles extends DisposableOwner {
  private readonly loaded = new Map<string, IgnoreRules>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: Log) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(`**/${IGNORE_FILE_NAME}`));
    const reload = (): void => {
      this.loaded.clear();
      void this.loadAll().then(() => this.changed.fire());
    };
    this.register(watcher.onDidChange(reload));
    this.register(watcher.onDidCreate(reload));
    this.register(watcher.onDidDelete(reload));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(reload));
  }

  async loadAll(): Promise<void> {
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((folder) => this.load(folder)));
  }

  /** The rules for a file (empty until its folder's file has loaded; `loadAll` runs at start). */
  rulesFor(uri: vscode.Uri): IgnoreRules {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return (folder && this.loaded.get(folder.uri.toString())) ?? NO_IGNORES;
  }

  /**
   * Appends an entry (with a comment that names the rule and place, never the value) and reloads. Returns false, having
   * told the user why, when the entry could not be written as one line or the file is refused.
   */
  async append(folder: vscode.WorkspaceFolder, entry: IgnoreEntry, comment: string): Promise<boolean> {
    const line = ignoreEntryLine(entry, comment);
    if (line === undefined) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'This finding cannot be ignored by rule: the file name holds a control character, "#" or spaces at either end. Rename the file, or ignore the finding itself.',
        ),
      );
      return false;
    }
    const uri = vscode.Uri.joinPath(folder.uri, IGNORE_FILE_NAME);
    const read = await readWorkspaceFile(uri, folder);
    if (read.refusal) {
      const sentence = refusalSentence(uri, read.refusal);
      this.log.warn(sentence);
      void vscode.window.showErrorMessage(sentence);
      return false;
    }
    let text = read.text ?? '# KMS Secrets: findings to ignore (fingerprints, never values). Commit this file.\n';
    if (text && !text.endsWith('\n')) text += '\n';
    text += `${line}\n`;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    this.loaded.set(folder.uri.toString(), parseIgnoreFile(text));
    this.changed.fire();
    return true;
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<void> {
    const uri = vscode.Uri.joinPath(folder.uri, IGNORE_FILE_NAME);
    const read = await readWorkspaceFile(uri, folder);
    if (read.refusal) this.log.warn(refusalSentence(uri, read.refusal));
    this.loaded.set(folder.uri.toString(), read.text === undefined ? NO_IGNORES : parseIgnoreFile(read.text));
  }
}
