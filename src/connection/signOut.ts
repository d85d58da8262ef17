import * as vscode from 'vscode';
import type { ConnectionManager } from './connectionManager';

/** Scripted answer of `kmsSecrets.signOut` (tests): whether to forget the typed-in credentials too. */
export interface SignOutArgs {
  forgetCredentials?: boolean;
}

/** Signs out; for credentials typed into VS Code, asks whether to keep them in SecretStorage for next time. */
export async function signOut(connections: ConnectionManager, args?: SignOutArgs): Promise<void> {
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
