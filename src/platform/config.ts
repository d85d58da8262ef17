import * as vscode from 'vscode';

export const SECTION = 'kmsSecrets';

/** Typed, read-through access to the `kmsSecrets.*` settings; never cached, so a change applies at once. */
export class Config {
  private get(scope?: vscode.ConfigurationScope): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION, scope);
  }

  get region(): string {
    return this.get().get<string>('region', 'cn-hangzhou');
  }

  get endpoint(): string {
    return this.get().get<string>('endpoint', '').trim();
  }

  get profile(): string {
    return this.get().get<string>('profile', '').trim();
  }

  /** Fires when any `kmsSecrets.*` setting changes. */
  onDidChange(listener: (event: vscode.ConfigurationChangeEvent) => void): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SECTION)) listener(event);
    });
  }
}
