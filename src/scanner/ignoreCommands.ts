import * as vscode from 'vscode';
import type { IgnoreEntry } from '../core/scanner';
import { documentOf, findingOf } from './codeActions';
import type { IgnoreFiles } from './ignoreFile';
import type { LiveScanner } from './liveScanner';
import { relativePath } from './paths';

/** "Ignore this finding": its fingerprint goes into the folder's ignore file (which never holds a value). */
export function ignoreFinding(ignores: IgnoreFiles, arg: unknown): Promise<void> {
  const finding = findingOf(arg);
  const uri = vscode.Uri.parse(finding.uri);
  return ignoreIn(ignores, uri, { fingerprint: finding.fingerprint }, `${finding.ruleId} in ${relativePath(uri)}`);
}

/** "Ignore <rule> in this file". */
export function ignoreRuleInFile(ignores: IgnoreFiles, arg: unknown): Promise<void> {
  const finding = findingOf(arg);
  const uri = vscode.Uri.parse(finding.uri);
  return ignoreIn(
    ignores,
    uri,
    { ruleId: finding.ruleId, path: relativePath(uri) },
    `every ${finding.ruleId} finding in this file`,
  );
}

/** "Ignore all findings in this file": every finding of the version the light bulb showed. */
export async function ignoreAllInFile(ignores: IgnoreFiles, live: LiveScanner, arg: unknown): Promise<void> {
  const { uri, version } = documentOf(arg);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (!folder || document.version !== version) return;
  for (const finding of live.findingsFor(document)) {
    const comment = `${finding.ruleId} in ${relativePath(document.uri)}`;
    if (!(await ignores.append(folder, { fingerprint: finding.fingerprint }, comment))) return;
  }
}

async function ignoreIn(ignores: IgnoreFiles, uri: vscode.Uri, entry: IgnoreEntry, comment: string): Promise<void> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Only files inside a workspace folder can be ignored (the ignore file lives there).'),
    );
    return;
  }
  await ignores.append(folder, entry, comment);
}
