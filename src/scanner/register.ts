import * as vscode from 'vscode';
import { Commands } from '../commands';
import { showError } from '../platform/notify';
import type { Services } from '../services';
import { ScannerCodeActions, type FindingArgs } from './codeActions';
import { IgnoreFiles } from './ignoreFile';
import { LiveScanner } from './liveScanner';
import { moveToKms, useExistingSecret, type MoveOptions } from './moveToKms';
import { relativePath } from './paths';
import { scanWorkspace } from './workspaceScan';

/** What the extension-host tests reach: the live scanner (diagnostics and the findings behind them). */
export interface ScannerApi {
  live: LiveScanner;
}

export function register(context: vscode.ExtensionContext, services: Services): ScannerApi {
  const ignores = new IgnoreFiles();
  const live = new LiveScanner(services.config, ignores, services.log);
  const guarded =
    <A extends unknown[]>(failure: string, run: (...args: A) => Promise<unknown>) =>
    async (...args: A) => {
      try {
        return await run(...args);
      } catch (error) {
        void showError(services.log, failure, error);
        return undefined;
      }
    };

  const ignoreIn = async (args: FindingArgs, line: string, comment: string): Promise<void> => {
    const uri = vscode.Uri.parse(args.uri);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) {
      void vscode.window.showWarningMessage(
        'Only files inside a workspace folder can be ignored (the ignore file lives there).',
      );
      return;
    }
    await ignores.append(folder, line, comment);
  };

  context.subscriptions.push(
    ignores,
    live,
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new ScannerCodeActions(live), {
      providedCodeActionKinds: ScannerCodeActions.kinds,
    }),
    vscode.languages.registerCodeActionsProvider({ scheme: 'untitled' }, new ScannerCodeActions(live), {
      providedCodeActionKinds: ScannerCodeActions.kinds,
    }),
    vscode.commands.registerCommand(
      Commands.scanWorkspace,
      guarded('Scanning the workspace failed.', async () => {
        const summary = await scanWorkspace(services, live, ignores);
        const text = summary.findings
          ? `Found ${summary.findings} hard-coded credential(s) in ${summary.filesWithFindings} of ${summary.files} files.`
          : `No hard-coded credentials in ${summary.files} files.`;
        void vscode.window
          .showInformationMessage(
            summary.cancelled ? `Scan cancelled. ${text}` : text,
            ...(summary.findings ? ['Open Problems'] : []),
          )
          .then((choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'));
        return summary;
      }),
    ),
    vscode.commands.registerCommand(
      Commands.moveToKms,
      guarded('Moving the value to KMS failed.', (args: FindingArgs, options?: MoveOptions) =>
        moveToKms(services, args, options),
      ),
    ),
    vscode.commands.registerCommand(
      Commands.useExistingSecret,
      guarded('Replacing the value with a reference failed.', (args: FindingArgs, options?: MoveOptions) =>
        useExistingSecret(services, args, options),
      ),
    ),
    vscode.commands.registerCommand(
      Commands.ignoreFinding,
      guarded('The finding could not be ignored.', (args: FindingArgs) =>
        ignoreIn(args, args.fingerprint, `${args.ruleId} in ${relativePath(vscode.Uri.parse(args.uri))}`),
      ),
    ),
    vscode.commands.registerCommand(
      Commands.ignoreRuleInFile,
      guarded('The rule could not be ignored.', (args: FindingArgs) => {
        const path = relativePath(vscode.Uri.parse(args.uri));
        return ignoreIn(args, `rule:${args.ruleId} ${path}`, `every ${args.ruleId} finding in this file`);
      }),
    ),
    vscode.commands.registerCommand(
      Commands.ignoreAllInFile,
      guarded('The findings could not be ignored.', async (args: { uri: string; version: number }) => {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
        const folder = vscode.workspace.getWorkspaceFolder(document.uri);
        if (!folder || document.version !== args.version) return;
        for (const finding of live.findingsFor(document)) {
          await ignores.append(folder, finding.fingerprint, `${finding.ruleId} in ${relativePath(document.uri)}`);
        }
      }),
    ),
  );
  return { live };
}
