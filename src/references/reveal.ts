import * as vscode from 'vscode';
import { Commands } from '../commands';
import { asSecretTarget, secretTarget, type SecretTarget } from '../platform/automation';
import { mentionAt } from './mentions';

const VIEW_FOCUS = 'kmsSecrets.secrets.focus';

/**
 * Shows a secret in the explorer: focuses the view and filters it to the secret's name. The explorer exposes no reveal
 * of its own yet; once it does, this should call it instead of filtering.
 */
export async function revealInExplorer(arg?: unknown): Promise<SecretTarget | undefined> {
  const target = asSecretTarget(arg) ?? secretAtCursor();
  if (!target) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Put the cursor on a secret reference (kms://…) or an ExternalSecret key to reveal it in the explorer.',
      ),
    );
    return undefined;
  }
  await vscode.commands.executeCommand(VIEW_FOCUS);
  await vscode.commands.executeCommand(Commands.filter, target.name);
  return target;
}

/** A `command:` URI that reveals a secret (for hovers and document links). */
export function revealUri(secret: { name: string }, region: string): vscode.Uri {
  const target = secretTarget({ name: secret.name, region });
  return vscode.Uri.parse(`command:${Commands.revealInExplorer}?${encodeURIComponent(JSON.stringify([target]))}`);
}

function secretAtCursor(): SecretTarget | undefined {
  const editor = vscode.window.activeTextEditor;
  const use = editor && mentionAt(editor.document, editor.selection.active)?.use;
  return use ? { name: use.name, region: use.region ?? use.arn?.region } : undefined;
}
