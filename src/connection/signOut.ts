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
    const keep = vscode.l10n.t('Sign Out');
    const forget = vscode.l10n.t('Sign Out and Forget Credentials');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Sign out of KMS Secrets? The credentials "{0}" can stay in VS Code\'s secret storage for next time.',
        source.name,
      ),
      { modal: true },
      keep,
      forget,
    );
    if (!choice) return;
    await connections.signOut(choice === forget);
  } else {
    await connections.signOut(false);
  }
}
