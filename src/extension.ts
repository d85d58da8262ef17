import * as vscode from 'vscode';
import { Redactor } from './core/redaction';
import { Config } from './platform/config';
import { Log } from './platform/log';
import type { Services } from './services';
import * as general from './general/register';
import * as explorer from './explorer/register';
import * as referenceFeature from './references/register';
import * as scanner from './scanner/register';
import * as connection from './connection/register';
import * as injection from './injection/register';
import { ConnectionManager } from './connection/connectionManager';
import { CredentialStore } from './connection/credentialStore';
import { kmsBackendFactory } from './connection/kmsBackend';
import { ReferenceReader } from './connection/referenceReader';

/** What activate() returns: hooks for the extension-host tests (each feature's own, kept minimal). */
export interface ExtensionApi {
  /** Folder of the extension's log file (tests read it to prove that no value reaches the log). */
  logUri: vscode.Uri;
  explorer?: explorer.ExplorerApi;
  scanner?: scanner.ScannerApi;
  injection?: injection.InjectionApi;
}

/** Composition root: builds the services, lets each feature register itself, and reports a failed start in one sentence. */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = Date.now();
  const redactor = new Redactor();
  const log = new Log(redactor);
  context.subscriptions.push(log);
  try {
    const config = new Config();
    const proxy = () => config.proxy;
    const credentials = new CredentialStore(context.secrets, context.globalState);
    const connections = new ConnectionManager(
      config,
      log,
      credentials,
      context.globalState,
      kmsBackendFactory(redactor, log, proxy),
    );
    context.subscriptions.push(connections);
    const references = new ReferenceReader(connections, redactor, proxy);
    context.subscriptions.push(references);
    const services: Services = { log, config, redactor, connections, references };
    for (const feature of [general, connection, referenceFeature]) feature.register(context, services);
    const api: ExtensionApi = {
      logUri: context.logUri,
      explorer: explorer.register(context, services),
      scanner: scanner.register(context, services),
      injection: injection.register(context, services),
    };
    log.info(`Activated in ${Date.now() - started} ms.`);
    return api;
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
