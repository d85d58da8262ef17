import * as vscode from 'vscode';
import { Commands } from '../commands';
import { scriptedArgs } from '../platform/automation';
import { registerCommand } from '../platform/commands';
import type { Services } from '../services';
import { connectionMenu } from './connectionMenu';
import { detectProfiles } from './kmsClients';
import { selectRegion, type SelectRegionArgs } from './regionPicker';
import { signIn, type SignInArgs } from './signIn';
import { signOut, type SignOutArgs } from './signOut';
import { ConnectionStatusBar } from './statusBar';

/** Sign-in, sign-out, the profile and region pickers, and the status-bar item. No test hooks. */
export function register(context: vscode.ExtensionContext, services: Services): undefined {
  const { connections, config, log } = services;
  context.subscriptions.push(
    new ConnectionStatusBar(connections),
    registerCommand(
      Commands.signIn,
      (arg?: unknown) => signIn(connections, config, detectProfiles, scriptedArgs<SignInArgs>(arg)),
      { log, failure: vscode.l10n.t('Signing in failed.') },
    ),
    registerCommand(
      Commands.selectProfile,
      (arg?: unknown) =>
        signIn(
          connections,
          config,
          detectProfiles,
          scriptedArgs<SignInArgs>(arg),
          vscode.l10n.t('Switch KMS credentials'),
        ),
      { log, failure: vscode.l10n.t('Switching the profile failed.') },
    ),
    registerCommand(
      Commands.selectRegion,
      (arg?: unknown) => selectRegion(connections, config, scriptedArgs<SelectRegionArgs>(arg)),
      { log, failure: vscode.l10n.t('Switching the region failed.') },
    ),
    registerCommand(Commands.signOut, (arg?: unknown) => signOut(connections, scriptedArgs<SignOutArgs>(arg)), {
      log,
      failure: vscode.l10n.t('Signing out failed.'),
    }),
    registerCommand(Commands.connectionMenu, () => connectionMenu(connections), {
      log,
      failure: vscode.l10n.t('The connection menu could not be shown.'),
    }),
  );
  return undefined;
}
