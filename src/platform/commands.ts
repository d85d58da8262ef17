import * as vscode from 'vscode';
import type { CommandId } from '../commands';
import { userSentence } from '../core/failure';
import type { Log } from './log';
import { showError } from './notify';

export interface CommandOptions {
  log: Log;
  /** The sentence shown when the failure brings none of its own (a KMS error or the extension's own message). */
  failure: string;
}

/**
 * Registers a command whose failure reaches the user as one sentence with "Show Log" (the KMS error's own sentence when
 * there is one), the detail going to the log, redacted. Every command of the extension goes through here. The handler's
 * result is the command's result (undefined after a failure).
 */
export function registerCommand<A extends unknown[], R>(
  id: CommandId,
  handler: (...args: A) => R | Thenable<R>,
  { log, failure }: CommandOptions,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: A): Promise<R | undefined> => {
    try {
      return await handler(...args);
    } catch (error) {
      void showError(log, userSentence(error, failure), error);
      return undefined;
    }
  });
}
