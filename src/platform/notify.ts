import * as vscode from 'vscode';
import type { Log } from './log';

const SHOW_LOG = 'Show Log';

/**
 * Reports a failure as one sentence with a way to the detail: the sentence goes to the user, the error to the log.
 * The sentence must never contain a secret value; the log line is redacted anyway.
 */
export async function showError(log: Log, sentence: string, error?: unknown): Promise<void> {
  log.error(sentence, error);
  const choice = await vscode.window.showErrorMessage(log.redactor.redact(sentence), SHOW_LOG);
  if (choice === SHOW_LOG) log.show();
}
