import * as vscode from 'vscode';
import type { Log } from './log';

/**
 * Reports a failure as one sentence with a way to the detail: the sentence goes to the user, the error to the log.
 * The sentence must never contain a secret value; the log line is redacted anyway.
 */
export async function showError(log: Log, sentence: string, error?: unknown): Promise<void> {
  log.error(sentence, error);
  const showLog = vscode.l10n.t('Show Log');
  const choice = await vscode.window.showErrorMessage(log.redactor.redact(sentence), showLog);
  if (choice === showLog) log.show();
}
