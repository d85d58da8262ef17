import * as vscode from 'vscode';
import { Commands } from '../commands';
import { testOnly } from '../platform/automation';
import { registerCommand } from '../platform/commands';
import { CHECKED_DOCUMENTS } from '../platform/documentChecker';
import type { Services } from '../services';
import { ScannerCodeActions } from './codeActions';
import { ignoreAllInFile, ignoreFinding, ignoreRuleInFile } from './ignoreCommands';
import { IgnoreFiles } from './ignoreFile';
import { LiveScanner } from './liveScanner';
import { moveToExternalSecret } from './moveToExternalSecret';
import { moveToKms, useExistingSecret } from './moveToKms';
import { scanWorkspaceAndReport } from './workspaceScan';

/** What the extension-host tests reach (test mode only): the live scanner (diagnostics and the findings behind them). */
export interface ScannerTestApi {
  readonly live: LiveScanner;
}

/** The credential scanner in the editor: live diagnostics, their quick fixes, and Scan Workspace. */
export function register(context: vscode.ExtensionContext, services: Services): ScannerTestApi | undefined {
  const { log } = services;
  const ignores = new IgnoreFiles(log);
  const live = new LiveScanner(services.config, ignores, log);
  context.subscriptions.push(
    ignores,
    live,
    vscode.languages.registerCodeActionsProvider(CHECKED_DOCUMENTS, new ScannerCodeActions(live), {
      providedCodeActionKinds: ScannerCodeActions.kinds,
    }),
    registerCommand(Commands.scanWorkspace, () => scanWorkspaceAndReport(services, live, ignores), {
      log,
      failure: vscode.l10n.t('Scanning the workspace failed.'),
    }),
    registerCommand(Commands.moveToKms, (finding: unknown, extra?: unknown) => moveToKms(services, finding, extra), {
      log,
      failure: vscode.l10n.t('Moving the value to KMS failed.'),
    }),
    registerCommand(
      Commands.moveToExternalSecret,
      (finding: unknown, extra?: unknown) => moveToExternalSecret(services, finding, extra),
      { log, failure: vscode.l10n.t('Moving the Secret to KMS failed.') },
    ),
    registerCommand(
      Commands.useExistingSecret,
      (finding: unknown, extra?: unknown) => useExistingSecret(services, finding, extra),
      { log, failure: vscode.l10n.t('Replacing the value with a reference failed.') },
    ),
    registerCommand(Commands.ignoreFinding, (finding: unknown) => ignoreFinding(ignores, finding), {
      log,
      failure: vscode.l10n.t('The finding could not be ignored.'),
    }),
    registerCommand(Commands.ignoreRuleInFile, (finding: unknown) => ignoreRuleInFile(ignores, finding), {
      log,
      failure: vscode.l10n.t('The rule could not be ignored.'),
    }),
    registerCommand(Commands.ignoreAllInFile, (arg: unknown) => ignoreAllInFile(ignores, live, arg), {
      log,
      failure: vscode.l10n.t('The findings could not be ignored.'),
    }),
  );
  return testOnly(() => ({ live }));
}
