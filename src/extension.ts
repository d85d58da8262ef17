import * as vscode from 'vscode';
import * as connection from './connection/register';
import { ConnectionManager } from './connection/connectionManager';
import { CredentialStore } from './connection/credentialStore';
import { kmsClientFactory } from './connection/kmsClients';
import { ReferenceReader } from './connection/referenceReader';
import { Redactor } from './core/redaction';
import * as explorer from './explorer/register';
import * as injection from './injection/register';
import { testOnly } from './platform/automation';
import { localiseCore } from './platform/coreL10n';
import { Config } from './platform/config';
import { Log } from './platform/log';
import { showError } from './platform/notify';
import * as platform from './platform/register';
import { SettingApprovals } from './platform/settingApprovals';
import * as references from './references/register';
import * as scanner from './scanner/register';
import * as usage from './usage/register';
import { UsageConnections } from './usage/usageConnections';
import * as ssh from './ssh/register';
import type { Feature, Services } from './services';

/** What activate() returns, in the project's test host only: each feature's test hooks. */
export interface ExtensionTestApi {
  /** Folder of the extension's log file (tests read it to prove that no value reaches the log). */
  logUri: vscode.Uri;
  platform?: platform.PlatformTestApi;
  explorer?: explorer.ExplorerTestApi;
  scanner?: scanner.ScannerTestApi;
  injection?: injection.InjectionTestApi;
  usage?: usage.UsageTestApi;
  ssh?: ssh.SshTestApi;
}

/** Composition root: builds the services, lets each feature register itself, and reports a failed start in one sentence. */
export function activate(context: vscode.ExtensionContext): ExtensionTestApi | undefined {
  const started = Date.now();
  localiseCore();
  const redactor = new Redactor();
  const log = new Log(redactor);
  context.subscriptions.push(log);
  try {
    const approvals = new SettingApprovals(context.globalState);
    const config = new Config(approvals);
    const proxy = () => config.proxy;
    const credentials = new CredentialStore(context.secrets, context.globalState);
    const connections = new ConnectionManager(
      config,
      log,
      credentials,
      context.globalState,
      kmsClientFactory(redactor, log, proxy),
    );
    const readers = new ReferenceReader(connections, redactor, proxy);
    const trail = new UsageConnections(connections, config, redactor, log, proxy);
    context.subscriptions.push(approvals, config, connections, readers, trail);
    const services: Services = { log, config, approvals, redactor, connections, references: readers, usage: trail };
    const run = <T>(feature: Feature<T>) => feature(context, services);
    const hooks = {
      platform: run(platform.register),
      connection: run(connection.register),
      explorer: run(explorer.register),
      references: run(references.register),
      scanner: run(scanner.register),
      injection: run(injection.register),
      usage: run(usage.register),
      ssh: run(ssh.register),
    };
    log.info(`Activated in ${Date.now() - started} ms.`);
    return testOnly(() => ({
      logUri: context.logUri,
      platform: hooks.platform,
      explorer: hooks.explorer,
      scanner: hooks.scanner,
      injection: hooks.injection,
      usage: hooks.usage,
      ssh: hooks.ssh,
    }));
  } catch (error) {
    void showError(log, vscode.l10n.t('KMS Secrets failed to start. The log has the details.'), error);
    throw error;
  }
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions, which VS Code disposes.
}
