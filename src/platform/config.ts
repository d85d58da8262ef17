import * as vscode from 'vscode';
import {
  GUARDED_SETTINGS,
  guardedLevels,
  readGuarded,
  RESTRICTED_SETTINGS,
  settingText,
  type GuardedReading,
  type GuardedSetting,
} from '../core/guardedSettings';
import { DEFAULT_DAYS, validateDays } from '../core/trail';
import { DisposableOwner } from './disposables';
import type { SettingApprovals } from './settingApprovals';
import { editorProxySettings, type ProxySettings } from '../core/proxy';

export const SECTION = 'kmsSecrets';

/** A change of settings: `affects('scanner')` is true when any `kmsSecrets.scanner.*` setting changed. */
export interface SettingsChange {
  affects(key: string): boolean;
}

/** A workspace value of a guarded setting that is not in effect (Restricted Mode, not yet allowed, or kept out). */
export interface OverriddenSetting {
  key: GuardedSetting;
  value: string;
  /** No answer from the user yet (and the workspace is trusted, so asking makes sense). */
  undecided: boolean;
}

/**
 * Typed, read-through access to every `kmsSecrets.*` setting (never cached, so a change applies at once), and the one
 * place settings are written. Guarded settings (endpoints, profile: src/core/guardedSettings.ts) take a workspace value
 * only in a trusted workspace whose user allowed that exact value; the rest read as VS Code resolves them.
 */
export class Config extends DisposableOwner {
  private readonly changed = this.register(new vscode.EventEmitter<SettingsChange>());
  /** Fires when a setting changed, or when the trust or the approvals behind a guarded setting changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly approvals: SettingApprovals) {
    super();
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SECTION))
          this.changed.fire({ affects: (key) => event.affectsConfiguration(`${SECTION}.${key}`) });
      }),
    );
    // Trust and approvals decide which value of a restricted setting applies, so their changes are setting changes.
    const restrictedChanged = () =>
      this.changed.fire({ affects: (key) => RESTRICTED_SETTINGS.some((r) => r === key || r.startsWith(`${key}.`)) });
    this.register(approvals.onDidChange(restrictedChanged));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(restrictedChanged));
  }

  private section(scope?: vscode.ConfigurationScope): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION, scope);
  }

  /** The active region: references and commands without a region use it. */
  get region(): string {
    return this.section().get<string>('region', 'cn-hangzhou');
  }

  /** Custom KMS endpoint URL ('' = the public endpoint of the region). Guarded. */
  get endpoint(): string {
    return this.guardedString('endpoint');
  }

  /** Credentials profile ('' = the default credential chain). Guarded. */
  get profile(): string {
    return this.guardedString('profile');
  }

  /** ActionTrail endpoint URL for secret usage ('' = `https://actiontrail.<region>.aliyuncs.com`). Guarded. */
  get trailEndpoint(): string {
    return this.guardedString('usage.trailEndpoint');
  }

  /** The last N days Show Usage and the unused marks look at (1–90, ActionTrail's retention; default 7). */
  get usageDays(): number {
    const days = this.section().get<number>('usage.days', DEFAULT_DAYS);
    return validateDays(days) === undefined ? days : DEFAULT_DAYS;
  }

  /** Mark the secrets nobody read in the window in the explorer (an ActionTrail scan per region, on demand). */
  get markUnusedSecrets(): boolean {
    return this.section().get<boolean>('usage.markUnused', false) === true;
  }

  /** `kmsSecrets.explorer.regions`: the regions the explorer lists side by side (may be empty). */
  get explorerRegions(): string[] {
    const list = this.section().get<unknown>('explorer.regions', []);
    return Array.isArray(list) ? list.filter((r): r is string => typeof r === 'string') : [];
  }

  /** Seconds after Copy Value before the clipboard is cleared (0 = never). */
  get clipboardClearSeconds(): number {
    const seconds = this.section().get<number>('clipboardClearSeconds', 30);
    return typeof seconds === 'number' && seconds > 0 ? seconds : 0;
  }

  /**
   * The env file that holds `NAME=kms://…` lines for code that reads environment variables: the setting, relative to
   * the workspace folder (default `.env`). Insert Secret Reference and Move to KMS write to it, so a workspace's own
   * value counts only while it stays inside the folder (`/home/you/.bashrc` or `../../.profile` from a cloned
   * repository's settings would have those commands append to your files); a path anywhere comes from your settings.
   */
  referencesEnvFile(folder: vscode.WorkspaceFolder): vscode.Uri {
    const levels = this.section(folder.uri).inspect<string>('referencesEnvFile');
    const inside = (value: string | undefined) => (value !== undefined && isInside(value) ? value : undefined);
    const setting =
      (
        inside(levels?.workspaceFolderValue) ??
        inside(levels?.workspaceValue) ??
        levels?.globalValue ??
        '.env'
      ).trim() || '.env';
    return setting.startsWith('/') ? vscode.Uri.file(setting) : vscode.Uri.joinPath(folder.uri, setting);
  }

  /** The `kmsSecrets.references.*` settings, for a document when given (`diagnostics.enabled` is resource-scoped). */
  references(scope?: vscode.ConfigurationScope): ReferenceSettings {
    const c = this.section(scope);
    return {
      diagnostics: c.get<boolean>('references.diagnostics.enabled', true),
      debounceMs: Math.max(0, c.get<number>('references.diagnostics.debounceMs', 500)),
      cacheSeconds: Math.max(0, c.get<number>('references.cacheSeconds', 60)),
    };
  }

  get scanner(): ScannerSettings {
    const c = this.section();
    return {
      enabled: c.get<boolean>('scanner.enabled', true),
      disabledRules: c.get<string[]>('scanner.disabledRules', []),
      exclude: c.get<string[]>('scanner.exclude', []),
      customPatterns: this.customPatterns(),
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

  /** A workspace's patterns are regexes its author wrote: in Restricted Mode only the user's own apply. */
  private customPatterns(): CustomPatternSetting[] {
    const c = this.section();
    if (vscode.workspace.isTrusted) return c.get<CustomPatternSetting[]>('scanner.customPatterns', []);
    const levels = c.inspect<CustomPatternSetting[]>('scanner.customPatterns');
    return levels?.globalValue ?? levels?.defaultValue ?? [];
  }

  /**
   * Remote-SSH's `remote.SSH.configFile` as the user set it (the SSH feature adds an Include line there, after asking):
   * never a workspace's value, which could point that edit at any file. Undefined when unset (Remote-SSH then reads
   * ~/.ssh/config).
   */
  get remoteSshConfigFile(): string | undefined {
    const value = vscode.workspace.getConfiguration('remote.SSH').inspect<unknown>('configFile')?.globalValue;
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  }

  /** Workspace values of guarded settings that are not in effect, for the prompt and the review command. */
  overriddenSettings(): OverriddenSetting[] {
    const out: OverriddenSetting[] = [];
    for (const key of GUARDED_SETTINGS) {
      const reading = this.guarded(key);
      if (reading.overridden !== undefined)
        out.push({ key, value: settingText(reading.overridden), undecided: !!reading.undecided });
    }
    return out;
  }

  /**
   * Writes a setting. Guarded ones (endpoint, profile) always go to the user's settings, never into the workspace; if
   * an allowed workspace value would still win over the user's explicit choice, that value is kept out from now on.
   * Other settings are written where they are defined now (workspace or user), so the change takes effect.
   */
  async write(key: string, value: unknown): Promise<void> {
    const c = this.section();
    if (isGuarded(key)) {
      await c.update(key, value, vscode.ConfigurationTarget.Global);
      const reading = this.guarded(key);
      if (reading.from === 'workspace') await this.approvals.decide(key, settingText(reading.value), 'keep');
      return;
    }
    const inspected = c.inspect(key);
    const inWorkspace = inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined;
    await c.update(key, value, inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
  }

  /** True when the user's or the workspace's settings set the key (it is not just the default). */
  isSet(key: string): boolean {
    const inspected = this.section().inspect(key);
    return inspected?.globalValue !== undefined || inspected?.workspaceValue !== undefined;
  }

  private guarded(key: GuardedSetting): GuardedReading<unknown> {
    const levels = guardedLevels(key, this.section().inspect<unknown>(key) ?? {});
    return readGuarded(levels, {
      trusted: vscode.workspace.isTrusted,
      decision: (value) => this.approvals.decision(key, value),
    });
  }

  private guardedString(key: GuardedSetting): string {
    const { value } = this.guarded(key);
    return typeof value === 'string' ? value.trim() : '';
  }
}

/** A relative path that stays below the folder it is relative to. */
function isInside(path: string): boolean {
  const parts = path.trim().replace(/\\/g, '/').split('/');
  return !!path.trim() && !/^([a-z]:|\/|~)/i.test(path.trim()) && !parts.includes('..');
}

function isGuarded(key: string): key is GuardedSetting {
  return (GUARDED_SETTINGS as readonly string[]).includes(key);
}

/** The `kmsSecrets.references.*` settings. */
export interface ReferenceSettings {
  /** Flag broken references as diagnostics. */
  diagnostics: boolean;
  /** Quiet time after the last edit before a document's references are checked. */
  debounceMs: number;
  /** How long listings, metadata and JSON key names stay cached. */
  cacheSeconds: number;
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
