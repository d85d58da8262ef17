import * as vscode from 'vscode';
import { Commands } from '../commands';
import { SECTION } from '../platform/config';
import type { Services } from '../services';

/** Commands that belong to no single feature: the log and the settings. */
export function register(context: vscode.ExtensionContext, { log }: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.showLog, () => log.show()),
    vscode.commands.registerCommand(Commands.openSettings, () =>
      vscode.commands.executeCommand('workbench.action.openSettings', `@ext:kms-secrets.kms-secrets ${SECTION}`),
    ),
  );
}
