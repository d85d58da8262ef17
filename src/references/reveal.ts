import * as vscode from 'vscode';
import { Commands } from '../commands';
import { findReferences, type SecretReference } from '../core/reference';
import { asSecretTarget, secretTarget, type SecretTarget } from '../platform/automation';

const VIEW_FOCUS = 'kmsSecrets.secrets.focus';

/**
 * Shows a secret in the explorer: focuses the view and filters it to the secret's name. The explorer exposes no reveal
 * of its own yet; once it does, this should call it instead of filtering.
 */
export async function revealInExplorer(arg?: unknown): Promise<SecretTarget | undefined> {
  const target = asSecretTarget(arg) ?? referenceAtCursor();
  if (!target) {
    void vscode.window.showInformationMessage(
      'Put the cursor on a secret reference (kms://…) to reveal it in the explorer.',
    );
    return undefined;
  }
  await vscode.commands.executeCommand(VIEW_FOCUS);
  await vscode.commands.executeCommand(Commands.filter, target.name);
  return target;
}

/** A `command:` URI that reveals the reference's secret (for hovers and document links). */
export function revealUri(reference: SecretReference, region: string): vscode.Uri {
  const target = secretTarget({ name: reference.name, region });
  return vscode.Uri.parse(`command:${Commands.revealInExplorer}?${encodeURIComponent(JSON.stringify([target]))}`);
}

function referenceAtCursor(): SecretTarget | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const line = editor.document.lineAt(editor.selection.active.line);
  const at = editor.selection.active.character;
  const found = findReferences(line.text).find((f) => f.reference && f.start <= at && at <= f.end);
  const reference = found?.reference;
  return reference ? { name: reference.name, region: reference.region ?? reference.arn?.region } : undefined;
}
