import * as vscode from 'vscode';
import { Commands } from '../commands';
import type { Services } from '../services';
import { testOnly, scriptedArgs } from './automation';
import { registerCommand } from './commands';
import { SECTION, type Config } from './config';
import { WorkspaceSettingsReview, type ManageArgs, type ReviewArgs } from './workspaceSettingsReview';

/** What the extension-host tests reach (test mode only): the settings as the extension reads them, and the review. */
export interface PlatformTestApi {
  readonly config: Config;
  readonly review: WorkspaceSettingsReview;
}

/** The plumbing's own commands: the log, the settings, and the review of workspace connection settings. */
export function register(context: vscode.ExtensionContext, services: Services): PlatformTestApi | undefined {
  const { log, config, approvals } = services;
  const review = new WorkspaceSettingsReview(config, approvals, log);
  context.subscriptions.push(
    review,
    registerCommand(Commands.showLog, () => log.show(), { log, failure: vscode.l10n.t('The log could not be shown.') }),
    registerCommand(
      Commands.openSettings,
      () => vscode.commands.executeCommand('workbench.action.openSettings', `@ext:kms-secrets.kms-secrets ${SECTION}`),
      { log, failure: vscode.l10n.t('The settings could not be opened.') },
    ),
    registerCommand(Commands.reviewWorkspaceSettings, (arg?: unknown) => review.review(scriptedArgs<ReviewArgs>(arg)), {
      log,
      failure: vscode.l10n.t('Reviewing the workspace settings failed.'),
    }),
    registerCommand(Commands.manageSettingApprovals, (arg?: unknown) => review.manage(scriptedArgs<ManageArgs>(arg)), {
      log,
      failure: vscode.l10n.t('Managing the approved workspace settings failed.'),
    }),
  );
  return testOnly(() => ({ config, review }));
}
