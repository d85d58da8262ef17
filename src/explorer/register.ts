import * as vscode from 'vscode';
import { Commands } from '../commands';
import type { Services } from '../services';
import { SecretsTreeProvider } from './secretsTreeProvider';

export const VIEW_ID = 'kmsSecrets.secrets';

export function register(context: vscode.ExtensionContext, _services: Services): void {
  const provider = new SecretsTreeProvider();
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(
    provider,
    view,
    vscode.commands.registerCommand(Commands.refresh, () => provider.refresh()),
  );
}
