import * as vscode from 'vscode';
import type { Decision, SettingDecision } from '../core/guardedSettings';
import { SECTION, type Config, type OverriddenSetting } from './config';
import { DisposableOwner } from './disposables';
import type { Log } from './log';
import { describeWorkspace, type SettingApprovals } from './settingApprovals';

/** Scripted answers of `kmsSecrets.reviewWorkspaceSettings` (tests): the answer, for the keys listed (default: all). */
export interface ReviewArgs {
  answer: Decision;
  keys?: string[];
}

/** Scripted form of `kmsSecrets.manageSettingApprovals` (tests): forget every remembered answer of this workspace. */
export interface ManageArgs {
  forget: 'workspace';
}

/**
 * Asks the user, once, about each workspace value of a guarded setting (endpoint, profile) that a trusted workspace
 * sets: a modal naming the setting, the value and the workspace. The answer is remembered per workspace, key and value
 * (SettingApprovals); until "Allow", the user's own setting applies. Never asks in Restricted Mode, where such values
 * never apply.
 */
export class WorkspaceSettingsReview extends DisposableOwner {
  /** Values asked about in this session (an answer dismissed with Escape is not asked again until the next start). */
  private readonly asked = new Set<string>();

  constructor(
    private readonly config: Config,
    private readonly approvals: SettingApprovals,
    private readonly log: Log,
  ) {
    super();
    this.register(config.onDidChange(() => void this.askUndecided()));
    void this.askUndecided();
  }

  /** Asks about every value with no answer yet. */
  async askUndecided(): Promise<void> {
    if (!vscode.workspace.isTrusted) return;
    for (const setting of this.config.overriddenSettings()) {
      const id = `${setting.key}\0${setting.value}`;
      if (!setting.undecided || this.asked.has(id)) continue;
      this.asked.add(id);
      this.log.warn(
        `This workspace sets kmsSecrets.${setting.key} to "${setting.value}"; your own setting applies until you allow it.`,
      );
      await this.ask(setting);
    }
  }

  /** `kmsSecrets.reviewWorkspaceSettings`: asks again about every workspace value not in effect (answered or not). */
  async review(scripted?: ReviewArgs): Promise<OverriddenSetting[]> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'In Restricted Mode this workspace cannot change where KMS requests go or which credentials sign them. Trust the workspace first to review its settings.',
        ),
      );
      return [];
    }
    const settings = this.config.overriddenSettings().filter((s) => !scripted?.keys || scripted.keys.includes(s.key));
    if (!settings.length) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'No workspace setting is waiting for your approval: the connection settings in effect are yours or ones you allowed.',
        ),
      );
      return [];
    }
    for (const setting of settings) {
      if (scripted) await this.approvals.decide(setting.key, setting.value, scripted.answer);
      else await this.ask(setting);
    }
    return settings;
  }

  /** `kmsSecrets.manageSettingApprovals`: lists the remembered answers; the ones picked are forgotten (asked again). */
  async manage(args?: ManageArgs): Promise<SettingDecision[]> {
    const all = this.approvals.list();
    if (args) {
      const forget = all.filter((d) => d.workspace === this.approvals.workspace);
      await this.approvals.forget(forget);
      return forget;
    }
    if (!all.length) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('You have not allowed or refused any workspace connection setting yet.'),
      );
      return [];
    }
    const items = all.map((decision) => ({
      label: `${SECTION}.${decision.key}: ${decision.value}`,
      description:
        decision.decision === 'allow' ? vscode.l10n.t('allowed') : vscode.l10n.t('kept out (your setting applies)'),
      detail: describeWorkspace(decision.workspace),
      decision,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Workspace connection settings you answered'),
      placeHolder: vscode.l10n.t(
        'Pick the answers to forget: an allowed value stops applying, and you are asked again',
      ),
      canPickMany: true,
      matchOnDetail: true,
    });
    if (!picked?.length) return [];
    const forget = picked.map((p) => p.decision);
    await this.approvals.forget(forget);
    this.log.info(`Forgot ${forget.length} answer(s) about workspace connection settings.`);
    for (const d of forget) this.asked.delete(`${d.key}\0${d.value}`);
    return forget;
  }

  private async ask(setting: OverriddenSetting): Promise<Decision | undefined> {
    const allow = vscode.l10n.t('Allow');
    const keep = vscode.l10n.t('Keep My Settings');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        'This workspace sets {0} to "{1}". Use it for your KMS requests?',
        `${SECTION}.${setting.key}`,
        setting.value,
      ),
      {
        modal: true,
        detail: vscode.l10n.t(
          'Workspace: {0}\n\nA workspace setting can send your signed KMS requests, and the secret values they carry, to another server, or choose the credentials that sign them. Until you allow this value for this workspace, your own setting applies. "KMS Secrets: Manage Workspace Setting Approvals" revokes an answer.',
          this.approvals.workspaceLabel,
        ),
      },
      allow,
      keep,
    );
    const decision: Decision | undefined = choice === allow ? 'allow' : choice === keep ? 'keep' : undefined;
    if (decision) {
      await this.approvals.decide(setting.key, setting.value, decision);
      this.log.info(
        `${decision === 'allow' ? 'Allowed' : 'Kept out'} kmsSecrets.${setting.key} = "${setting.value}" for this workspace.`,
      );
    }
    return decision;
  }
}
