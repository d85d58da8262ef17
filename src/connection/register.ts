import * as vscode from 'vscode';
import { Commands } from '../commands';
import { showError } from '../platform/notify';
import type { Services } from '../services';
import type { ConnectionManager } from './connectionManager';
import { userSentence } from './errors';
import { detectProfiles } from './kmsBackend';
import { selectRegion, SelectRegionArgs } from './regionPicker';
import { signIn, SignInArgs } from './signIn';
import { ConnectionStatusBar } from './statusBar';

/** Sign-in, sign-out, the profile and region pickers, and the status-bar item. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  const { connections, log } = services;
  const guarded =
    <A extends unknown[]>(sentence: string, run: (...args: A) => Promise<unknown>) =>
    async (...args: A) => {
      try {
        return await run(...args);
      } catch (error) {
        void showError(log, userSentence(error, sentence || 'The command failed.'), error);
        return undefined;
      }
    };
  context.subscriptions.push(
    new ConnectionStatusBar(connections),
    vscode.commands.registerCommand(
      Commands.signIn,
      guarded('Signing in failed.', (args?: SignInArgs) => signIn(connections, detectProfiles, args)),
    ),
    vscode.commands.registerCommand(
      Commands.selectProfile,
      guarded('Switching the profile failed.', (args?: SignInArgs) =>
        signIn(connections, detectProfiles, args, 'Switch KMS credentials'),
      ),
    ),
    vscode.commands.registerCommand(
      Commands.selectRegion,
      guarded('Switching the region failed.', (args?: SelectRegionArgs) => selectRegion(connections, args)),
    ),
    vscode.commands.registerCommand(
      Commands.signOut,
      guarded('Signing out failed.', (args?: { forgetCredentials?: boolean }) => signOut(connections, args)),
    ),
    vscode.commands.registerCommand(
      Commands.connectionMenu,
      guarded('', () => connectionMenu(connections)),
    ),
  );
}

async function signOut(connections: ConnectionManager, args?: { forgetCredentials?: boolean }): Promise<void> {
  const source = connections.source;
  if (args) {
    await connections.signOut(!!args.forgetCredentials);
  } else if (source.kind === 'stored') {
    const choice = await vscode.window.showWarningMessage(
      `Sign out of KMS Secrets? The credentials "${source.name}" can stay in VS Code's secret storage for next time.`,
      { modal: true },
      'Sign Out',
      'Sign Out and Forget Credentials',
    );
    if (!choice) return;
    await connections.signOut(choice !== 'Sign Out');
  } else {
    await connections.signOut(false);
  }
}

async function connectionMenu(connections: ConnectionManager): Promise<void> {
  const items = [
    { label: '$(key) Switch profile…', description: connections.sourceLabel, command: Commands.selectProfile },
    { label: '$(globe) Switch region…', description: connections.regions.join(', '), command: Commands.selectRegion },
    { label: '$(sign-out) Sign out', command: Commands.signOut },
  ];
  const choice = await vscode.window.showQuickPick(items, { title: 'KMS Secrets connection' });
  if (choice) await vscode.commands.executeCommand(choice.command);
}
