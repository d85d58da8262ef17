import * as vscode from 'vscode';
import { editorProxySettings, type ProxySettings } from '../core/proxy';

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

  /**
   * The env file that holds `NAME=kms://…` lines for code that reads environment variables: the setting, relative to
   * the workspace folder (default `.env`).
   */
  referencesEnvFile(folder: vscode.WorkspaceFolder): vscode.Uri {
    const setting = this.get(folder.uri).get<string>('referencesEnvFile', '.env').trim() || '.env';
    return setting.startsWith('/') ? vscode.Uri.file(setting) : vscode.Uri.joinPath(folder.uri, setting);
  }

  get scanner(): ScannerSettings {
    const c = this.get();
    return {
      enabled: c.get<boolean>('scanner.enabled', true),
      disabledRules: c.get<string[]>('scanner.disabledRules', []),
      exclude: c.get<string[]>('scanner.exclude', []),
      customPatterns: c.get<CustomPatternSetting[]>('scanner.customPatterns', []),
      debounceMs: c.get<number>('scanner.debounceMs', 300),
    };
  }

  /**
   * VS Code's own proxy settings (`http.proxy`, `http.proxySupport`, `http.noProxy`, `http.proxyAuthorization`), the
   * proxy variables when they are unset. User or machine level only: a workspace must not decide where signed requests
   * go (VS Code itself ignores these settings in workspace files).
   */
  get proxy(): ProxySettings {
    const http = vscode.workspace.getConfiguration('http');
    const user = <T>(key: string): T | undefined => {
      const inspected = http.inspect<T>(key);
      return inspected?.globalValue ?? inspected?.defaultValue;
    };
    return editorProxySettings({
      proxy: user<string>('proxy'),
      proxySupport: user<string>('proxySupport'),
      noProxy: user<string[]>('noProxy'),
      proxyAuthorization: user<string | null>('proxyAuthorization'),
    });
  }

  /** Fires when any `kmsSecrets.*` setting changes. */
  onDidChange(listener: (event: vscode.ConfigurationChangeEvent) => void): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SECTION)) listener(event);
    });
  }
}

export interface CustomPatternSetting {
  id: string;
  pattern: string;
  kind?: string;
  severity?: 'error' | 'warning' | 'info';
}

export interface ScannerSettings {
  enabled: boolean;
  disabledRules: string[];
  exclude: string[];
  customPatterns: CustomPatternSetting[];
  debounceMs: number;
}
