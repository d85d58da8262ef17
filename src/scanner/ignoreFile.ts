import * as vscode from 'vscode';
import { DisposableOwner } from '../platform/disposables';
import { IGNORE_FILE_NAME, NO_IGNORES, parseIgnoreFile, type IgnoreRules } from '../core/scanner';

export type { IgnoreRules };

/** The ignore file of each workspace folder, loaded once and reloaded when it changes on disk. */
export class IgnoreFiles extends DisposableOwner {
  private readonly loaded = new Map<string, IgnoreRules>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor() {
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

  /** Appends a line (with a comment that names the rule and place, never the value) and reloads. */
  async append(folder: vscode.WorkspaceFolder, line: string, comment: string): Promise<void> {
    const uri = vscode.Uri.joinPath(folder.uri, IGNORE_FILE_NAME);
    let text = '';
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      text = '# KMS Secrets: findings to ignore (fingerprints, never values). Commit this file.\n';
    }
    if (text && !text.endsWith('\n')) text += '\n';
    text += `${line}  # ${comment.replace(/[\r\n]/g, ' ')}\n`;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    this.loaded.set(folder.uri.toString(), parseIgnoreFile(text));
    this.changed.fire();
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<void> {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, IGNORE_FILE_NAME));
      this.loaded.set(folder.uri.toString(), parseIgnoreFile(new TextDecoder().decode(bytes)));
    } catch {
      this.loaded.set(folder.uri.toString(), NO_IGNORES);
    }
  }
}
