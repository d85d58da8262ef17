/**
 * src/core never imports `vscode`, so its sentences (validation messages, KMS errors, reference problems, rotation
 * intervals, scanner findings) go through @vscode/l10n. Handing it the bundle VS Code loaded for the display language
 * makes them speak that language too; with no bundle (English) it keeps the English of the source, as in the CLI.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

export function localiseCore(): void {
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
}
