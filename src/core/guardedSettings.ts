/**
 * The trust rule for settings that decide where signed requests go or which credentials sign them: a cloned repository
 * must not redirect them. A workspace or folder value of such a setting applies only in a trusted workspace whose user
 * allowed that exact value for that workspace; until then the user's own value (or the default) applies, and nothing
 * is sent to the workspace's value. Pure, so the rule is unit-tested in plain Node; src/platform/config.ts applies it.
 */
import { resolveEndpoint } from './kms/endpoint';
import { printable } from './printable';

/**
 * Keys under `kmsSecrets.` whose workspace values need the user's approval. Adding an endpoint setting is one line here;
 * the manifest declares the same keys in `capabilities.untrustedWorkspaces.restrictedConfigurations` (a unit test
 * holds the two together).
 */
export const GUARDED_SETTINGS = ['endpoint', 'profile', 'usage.trailEndpoint'] as const;
export type GuardedSetting = (typeof GUARDED_SETTINGS)[number];

/** Keys whose workspace values never apply in Restricted Mode: the guarded ones, and patterns the scanner compiles. */
export const RESTRICTED_SETTINGS: readonly string[] = [...GUARDED_SETTINGS, 'scanner.customPatterns'];

/** A setting's value at each level, as `WorkspaceConfiguration.inspect` reports it. */
export interface SettingLevels<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

export type Decision = 'allow' | 'keep';

/** The user's answer about one workspace value, remembered in the extension's global state (never in the workspace). */
export interface SettingDecision {
  /** The workspace's identity: its .code-workspace file, or its folders (see src/platform/settingApprovals.ts). */
  workspace: string;
  key: string;
  value: string;
  decision: Decision;
}

export interface GuardedReading<T> {
  /** The value to use. */
  value: T | undefined;
  from: 'workspace' | 'user' | 'default';
  /** The workspace's own value when it is not in effect. */
  overridden?: T;
  /** Set when that value awaits the user's answer (a trusted workspace with no decision about it yet). */
  undecided?: boolean;
}

/**
 * A guarded setting's value as it is compared, approved, shown in the approval prompt and used. An endpoint becomes
 * the URL its requests go to: the URL parser drops tabs, line breaks and invisible characters (U+200B, U+00AD) and
 * decodes `%2e`, so `https://kms.cn-hangzhou.aliyuncs.com` followed by twenty line breaks and `.evil.example` would
 * otherwise be approved as the Alibaba Cloud host it seems to be. Anything else (and an endpoint that is no URL, which
 * the client refuses anyway) is kept on one printable line. Non-strings are left alone.
 */
export function guardedValue(key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text && /endpoint$/i.test(key)) {
    try {
      return resolveEndpoint({ region: '', endpoint: text }).url;
    } catch {
      // Shown as written, made printable: the client says why it cannot be used.
    }
  }
  return printable(text);
}

/** Every level of a setting through `guardedValue`. */
export function guardedLevels<T>(key: string, levels: SettingLevels<T>): SettingLevels<unknown> {
  return {
    defaultValue: guardedValue(key, levels.defaultValue),
    globalValue: guardedValue(key, levels.globalValue),
    workspaceValue: guardedValue(key, levels.workspaceValue),
    workspaceFolderValue: guardedValue(key, levels.workspaceFolderValue),
  };
}

/** The text a value is approved as (settings hold strings here; anything else is compared as JSON). */
export function settingText(value: unknown): string {
  return typeof value === 'string' ? value.trim() : JSON.stringify(value);
}

/** Which value of a guarded setting applies, given the workspace's trust and the user's decision about its value. */
export function readGuarded<T>(
  levels: SettingLevels<T>,
  context: { trusted: boolean; decision: (value: string) => Decision | undefined },
): GuardedReading<T> {
  const own: GuardedReading<T> =
    levels.globalValue !== undefined
      ? { value: levels.globalValue, from: 'user' }
      : { value: levels.defaultValue, from: 'default' };
  const workspace = levels.workspaceFolderValue !== undefined ? levels.workspaceFolderValue : levels.workspaceValue;
  if (workspace === undefined || settingText(workspace) === settingText(own.value)) return own;
  if (!context.trusted) return { ...own, overridden: workspace };
  const decision = context.decision(settingText(workspace));
  if (decision === 'allow') return { value: workspace, from: 'workspace' };
  return { ...own, overridden: workspace, undecided: decision === undefined };
}

/** The one recorded decision about this workspace, key and value, if any. */
export function findDecision(
  decisions: readonly SettingDecision[],
  workspace: string,
  key: string,
  value: string,
): SettingDecision | undefined {
  return decisions.find((d) => d.workspace === workspace && d.key === key && d.value === value);
}

/** `decisions` with `decision` recorded (replacing an earlier answer about the same workspace, key and value). */
export function withDecision(decisions: readonly SettingDecision[], decision: SettingDecision): SettingDecision[] {
  return [...decisions.filter((d) => !sameSubject(d, decision)), decision];
}

/** `decisions` without the ones listed. */
export function withoutDecisions(
  decisions: readonly SettingDecision[],
  forget: readonly SettingDecision[],
): SettingDecision[] {
  return decisions.filter((d) => !forget.some((f) => sameSubject(d, f)));
}

function sameSubject(a: SettingDecision, b: SettingDecision): boolean {
  return a.workspace === b.workspace && a.key === b.key && a.value === b.value;
}
