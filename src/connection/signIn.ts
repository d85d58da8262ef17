import * as vscode from 'vscode';
import { TYPED_MODES, validateCredentialName, TypedCredentials } from './credentialStore';
import type { Config } from '../platform/config';
import type { ConnectionManager, ConnectionSource } from './connectionManager';
import type { DetectedProfile } from './kmsClients';

/** Scripted answers of `kmsSecrets.signIn` / `kmsSecrets.selectProfile` (tests only: src/platform/automation.ts). */
export type SignInArgs =
  | { source: 'chain' }
  | { source: 'profile'; name: string }
  | { source: 'stored'; name: string; credentials?: TypedCredentials };

type Choice = vscode.QuickPickItem & { pick?: () => Promise<SignInPlan | undefined> };
interface SignInPlan {
  source: ConnectionSource;
  credentials?: TypedCredentials;
  /** The profile's own region (aliyun CLI `region_id`), used when the user has not chosen a region in settings. */
  region?: string;
}

/**
 * Signs in through a quick pick of detected CLI profiles, the default chain (environment variables,
 * ~/.alibabacloud/credentials, ECS RAM role, …), credentials stored earlier, or new ones typed in (AccessKey, STS token,
 * RAM role), which go to SecretStorage; scripted answers skip the pick. What it writes: the typed-in keys to
 * SecretStorage, the choice to the user's `kmsSecrets.profile` setting, and — only when neither the user's nor the
 * workspace's settings name a region — the profile's own region to the user's `kmsSecrets.region`. Nothing goes into
 * the workspace's settings.
 */
export async function signIn(
  connections: ConnectionManager,
  config: Config,
  detect: () => Promise<DetectedProfile[]>,
  args?: SignInArgs,
  title = vscode.l10n.t('Sign in to Alibaba Cloud KMS'),
): Promise<boolean> {
  const plan = args ? fromArgs(args) : await pickPlan(connections, detect, title);
  if (!plan) return false;
  if (plan.source.kind === 'stored' && !plan.credentials) {
    plan.credentials = await connections.credentials.get(plan.source.name);
    if (!plan.credentials)
      throw new Error(vscode.l10n.t('No credentials named "{0}" are stored in VS Code.', plan.source.name));
  }
  await connections.signIn(plan.source, plan.credentials);
  if (plan.region && plan.region !== connections.region && !config.isSet('region'))
    await config.write('region', plan.region);
  return true;
}

function fromArgs(args: SignInArgs): SignInPlan {
  switch (args.source) {
    case 'chain':
      return { source: { kind: 'chain' } };
    case 'profile':
      return { source: { kind: 'profile', name: args.name } };
    case 'stored': {
      const problem = validateCredentialName(args.name);
      if (problem) throw new Error(problem);
      const c = args.credentials;
      if (c && (!TYPED_MODES.includes(c.mode) || !c.accessKeyId || !c.accessKeySecret)) {
        throw new Error(
          vscode.l10n.t(
            'Typed-in credentials need a mode ({0}), an AccessKey ID and its AccessKey secret.',
            TYPED_MODES.join(', '),
          ),
        );
      }
      return { source: { kind: 'stored', name: args.name }, credentials: args.credentials };
    }
  }
}

async function pickPlan(
  connections: ConnectionManager,
  detect: () => Promise<DetectedProfile[]>,
  title: string,
): Promise<SignInPlan | undefined> {
  const active = connections.signedIn ? connections.source : undefined;
  const isActive = (s: ConnectionSource) =>
    active !== undefined &&
    active.kind === s.kind &&
    (s.kind === 'chain' || (active as { name: string }).name === s.name);
  const mark = (s: ConnectionSource) => (isActive(s) ? ' $(check)' : '');

  const items = async (): Promise<Choice[]> => {
    let detected: DetectedProfile[] = [];
    try {
      detected = await detect();
    } catch {
      // Detection is a convenience; the other choices still work.
    }
    const chain: ConnectionSource = { kind: 'chain' };
    const list: Choice[] = [
      { label: vscode.l10n.t('Detected on this machine'), kind: vscode.QuickPickItemKind.Separator },
      {
        label: `$(server-environment) ${vscode.l10n.t('Default credential chain')}${mark(chain)}`,
        detail: vscode.l10n.t(
          'Environment variables, {0}, the aliyun CLI default profile, ECS RAM role, OIDC',
          '~/.alibabacloud/credentials',
        ),
        pick: async () => ({ source: chain }),
      },
      ...detected.map((p): Choice => {
        const source: ConnectionSource = { kind: 'profile', name: p.name };
        return {
          label: `$(terminal) ${p.name}${mark(source)}`,
          description: [p.mode, p.regionId, p.current ? vscode.l10n.t('current') : undefined]
            .filter(Boolean)
            .join(' · '),
          detail: p.path,
          pick: async () => ({ source, region: p.regionId }),
        };
      }),
    ];
    const stored = connections.credentials.names();
    if (stored.length) {
      list.push({ label: vscode.l10n.t('Stored in VS Code'), kind: vscode.QuickPickItemKind.Separator });
      for (const name of stored) {
        const source: ConnectionSource = { kind: 'stored', name };
        list.push({
          label: `$(lock) ${name}${mark(source)}`,
          description: vscode.l10n.t('secret storage'),
          pick: async () => ({ source }),
        });
      }
    }
    list.push(
      {
        label: vscode.l10n.t('Enter credentials (kept in VS Code secret storage)'),
        kind: vscode.QuickPickItemKind.Separator,
      },
      {
        label: `$(key) ${vscode.l10n.t('AccessKey…')}`,
        detail: vscode.l10n.t('AccessKey ID and AccessKey secret of a RAM user'),
        pick: () => typed('AK'),
      },
      {
        label: `$(shield) ${vscode.l10n.t('STS token…')}`,
        detail: vscode.l10n.t('Temporary AccessKey with its security token'),
        pick: () => typed('StsToken'),
      },
      {
        label: `$(organization) ${vscode.l10n.t('RAM role…')}`,
        detail: vscode.l10n.t('AccessKey that assumes a RAM role ({0})', 'AssumeRole'),
        pick: () => typed('RamRoleArn'),
      },
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      {
        label: `$(terminal) ${vscode.l10n.t('Other aliyun CLI profile…')}`,
        detail: vscode.l10n.t('Type a profile name'),
        pick: otherProfile,
      },
    );
    return list;
  };

  const choice = await vscode.window.showQuickPick(items(), {
    title,
    placeHolder: vscode.l10n.t('Where should KMS Secrets take credentials from?'),
    matchOnDetail: true,
  });
  return choice?.pick?.();
}

async function otherProfile(): Promise<SignInPlan | undefined> {
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('aliyun CLI profile'),
    prompt: vscode.l10n.t('Name of a profile in {0} or {1}', '~/.aliyun/config.json', '~/.alibabacloud/credentials'),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Type a profile name.')),
  });
  return name ? { source: { kind: 'profile', name: name.trim() } } : undefined;
}

async function typed(mode: TypedCredentials['mode']): Promise<SignInPlan | undefined> {
  const ask = (prompt: string, options: Partial<vscode.InputBoxOptions> = {}) =>
    vscode.window.showInputBox({
      title: vscode.l10n.t('Sign in to Alibaba Cloud KMS'),
      prompt,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('This field is required.')),
      ...options,
    });
  const accessKeyId = (await ask(vscode.l10n.t('AccessKey ID')))?.trim();
  if (!accessKeyId) return undefined;
  const accessKeySecret = await ask(vscode.l10n.t('AccessKey secret'), { password: true });
  if (!accessKeySecret) return undefined;
  let credentials: TypedCredentials;
  if (mode === 'StsToken') {
    const securityToken = await ask(vscode.l10n.t('Security token (STS)'), { password: true });
    if (!securityToken) return undefined;
    credentials = { mode, accessKeyId, accessKeySecret, securityToken };
  } else if (mode === 'RamRoleArn') {
    const roleArn = (
      await ask(vscode.l10n.t('RAM role ARN'), {
        placeHolder: 'acs:ram::1234567890123456:role/kms-reader',
        validateInput: (v) =>
          /^acs:ram::\d+:role\/.+/.test(v.trim())
            ? undefined
            : vscode.l10n.t('Role ARNs look like {0}.', 'acs:ram::<account-id>:role/<name>'),
      })
    )?.trim();
    if (!roleArn) return undefined;
    const roleSessionName = (
      await ask(vscode.l10n.t('Session name (optional)'), {
        value: 'kms-secrets-vscode',
        validateInput: () => undefined,
      })
    )?.trim();
    credentials = { mode, accessKeyId, accessKeySecret, roleArn, roleSessionName: roleSessionName || undefined };
  } else {
    credentials = { mode, accessKeyId, accessKeySecret };
  }
  const name = (
    await ask(vscode.l10n.t('Name for these credentials (usable as {0} in references)', '?profile='), {
      value: 'vscode',
      validateInput: (v) => validateCredentialName(v.trim()),
    })
  )?.trim();
  if (!name) return undefined;
  return { source: { kind: 'stored', name }, credentials };
}
