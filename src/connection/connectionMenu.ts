import * as vscode from 'vscode';
import { Commands } from '../commands';
import type { ConnectionManager } from './connectionManager';

/** The status-bar item's menu: switch profile or region, or sign out. */
export async function connectionMenu(connections: ConnectionManager): Promise<void> {
  const items = [
    {
      label: `$(key) ${vscode.l10n.t('Switch profile…')}`,
      description: connections.sourceLabel,
      command: Commands.selectProfile,
    },
    {
      label: `$(globe) ${vscode.l10n.t('Switch region…')}`,
      description: connections.regions.join(', '),
      command: Commands.selectRegion,
    },
    { label: `$(sign-out) ${vscode.l10n.t('Sign out')}`, command: Commands.signOut },
  ];
  const choice = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('KMS Secrets connection') });
  if (choice) await vscode.commands.executeCommand(choice.command);
}
