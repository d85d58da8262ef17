import { join } from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../commands';
import { testOnly } from '../platform/automation';
import { registerCommand } from '../platform/commands';
import type { Services } from '../services';
import { connectRemoteSsh, REMOTE_SSH_EXTENSION, RemoteSshBridge, remoteSshBridge } from './connectRemoteSsh';
import { DestinationMemory } from './destination';
import { openSshTerminal } from './openTerminal';
import { RemoteSshHosts } from './remoteSshHosts';
import type { SshContext } from './session';
import { TerminalSessions } from './terminalSessions';

/** Menus show Connect with Remote-SSH only where it can work. */
export const REMOTE_SSH_CONTEXT = 'kmsSecrets.remoteSshAvailable';

/** What the extension-host tests reach (test mode only). */
export interface SshTestApi {
  readonly terminals: TerminalSessions;
  readonly remoteHosts: RemoteSshHosts;
  /** Remote-SSH cannot be installed offline: the tests put a recorder in its place. */
  useRemoteSsh(bridge: RemoteSshBridge | undefined): void;
}

/**
 * SSH sessions with ECS secrets (the Bastionhost way): Open SSH Terminal and Connect with Remote-SSH. Every agent ends
 * with its terminal or Remote-SSH host, and all of them when the extension is deactivated.
 */
export function register(context: vscode.ExtensionContext, services: Services): SshTestApi | undefined {
  const { connections, log, config } = services;
  const ctx: SshContext = { connections, log, destinations: new DestinationMemory(context.globalState) };
  const terminals = new TerminalSessions(log);
  const remoteHosts = new RemoteSshHosts(join(context.globalStorageUri.fsPath, 'remote-ssh'), log);
  let bridge = remoteSshBridge;
  const updateContext = () =>
    void vscode.commands.executeCommand('setContext', REMOTE_SSH_CONTEXT, bridge.unavailable() === undefined);
  context.subscriptions.push(
    terminals,
    remoteHosts,
    registerCommand(
      Commands.openSshTerminal,
      (arg?: unknown, extra?: unknown) => openSshTerminal(ctx, terminals, arg, extra),
      {
        log,
        failure: vscode.l10n.t('The SSH terminal could not be opened.'),
      },
    ),
    registerCommand(
      Commands.connectRemoteSsh,
      (arg?: unknown, extra?: unknown) => connectRemoteSsh(ctx, remoteHosts, config, bridge, arg, extra),
      { log, failure: vscode.l10n.t('Connecting with Remote-SSH failed.') },
    ),
    vscode.extensions.onDidChange(updateContext),
  );
  updateContext();
  log.debug(`SSH: Remote-SSH (${REMOTE_SSH_EXTENSION}) ${bridge.unavailable() ? 'is not available' : 'is available'}.`);
  return testOnly(() => ({
    terminals,
    remoteHosts,
    useRemoteSsh: (replacement) => {
      bridge = replacement ?? remoteSshBridge;
      updateContext();
    },
  }));
}
