/**
 * src/core never imports `vscode`, so its sentences (validation messages, KMS errors, reference problems, rotation
 * intervals, scanner findings) go through @vscode/l10n. Handing it the bundle VS Code loaded for the display language
 * makes them speak that language too; with no bundle (English) it keeps the English of the source, as in the CLI.
 */
import * as vscode from 'vscode';
import { useBundle } from '../core/displayLanguage';

export function localiseCore(): void {
  useBundle(vscode.l10n.bundle);
}
