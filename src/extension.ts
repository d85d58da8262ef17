import * as vscode from 'vscode';
import { Redactor } from './core/redaction';
import { Config } from './platform/config';
import { Log } from './platform/log';
import type { Services } from './services';
import * as general from './general/register';
import * as explorer from './explorer/register';

/** Composition root: builds the services, lets each feature register itself, and reports a failed start in one sentence. */
export function activate(context: vscode.ExtensionContext): void {
  const started = Date.now();
  const redactor = new Redactor();
  const log = new Log(redactor);
  context.subscriptions.push(log);
  try {
    const services: Services = { log, config: new Config(), redactor };
    for (const feature of [general, explorer]) feature.register(context, services);
    log.info(`Activated in ${Date.now() - started} ms.`);
  } catch (error) {
    log.error('Activation failed', error);
    void vscode.window
      .showErrorMessage('KMS Secrets failed to start. The log has the details.', 'Show Log')
      .then((choice) => choice && log.show());
    throw error;
  }
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions, which VS Code disposes.
}
