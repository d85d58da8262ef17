import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { includesPattern, remoteSshAlias, sshConfigIncludeLine, withIncludeLine, type SshSession } from '../core/ssh';
import { scriptedArgs } from '../platform/automation';
import type { Config } from '../platform/config';
import { showError } from '../platform/notify';
import { chooseEcsSecret } from './ecsSecret';
import { hasAgent, type RemoteSshHosts } from './remoteSshHosts';
import {
  chooseDestination,
  missingTools,
  reportSshFailure,
  SshAnswers,
  SshContext,
  startSession,
  subTypeOf,
} from './session';

export const REMOTE_SSH_EXTENSION = 'ms-vscode-remote.remote-ssh';
/** Remote-SSH reconnects (after sleep, a dropped network) authenticate again: the agent keeps the key for a workday. */
export const REMOTE_SSH_KEY_LIFETIME_SECONDS = 8 * 3600;

/** How the command reaches Remote-SSH; the extension-host tests replace it (Remote-SSH cannot be installed offline). */
export interface RemoteSshBridge {
  /** Why Remote-SSH cannot be used from this window, or undefined. */
  unavailable(): string | undefined;
  /** Opens a new window connected to the host alias. */
  open(alias: string): Thenable<unknown>;
}

export const remoteSshBridge: RemoteSshBridge = {
  unavailable: () => {
    if (!vscode.extensions.getExtension(REMOTE_SSH_EXTENSION))
      return vscode.l10n.t(
        "Connect with Remote-SSH needs Microsoft's Remote - SSH extension ({0}): install it, then try again.",
        REMOTE_SSH_EXTENSION,
      );
    if (vscode.env.remoteName)
      return vscode.l10n.t(
        'Connect with Remote-SSH works from a local window: the private ssh-agent must run on the machine where Remote-SSH runs ssh.',
      );
    return undefined;
  },
  // Remote-SSH's command for other extensions, in a new window: this window holds the agent and must stay open.
  open: (alias) => vscode.commands.executeCommand('opensshremotes.openEmptyWindow', { host: alias }),
};

/**
 * `kmsSecrets.connectRemoteSsh`: a Host entry for Remote-SSH whose `IdentityAgent` is a private agent holding the ECS
 * secret's key (no key on disk), then Remote-SSH's own connect command for that host. The user's ssh config must
 * include the entries' folder: the command asks before adding that line, or hands it over to add by hand.
 */
export async function connectRemoteSsh(
  ctx: SshContext,
  hosts: RemoteSshHosts,
  config: Config,
  bridge: RemoteSshBridge,
  arg?: unknown,
  extra?: unknown,
): Promise<string | undefined> {
  const answers = scriptedArgs<SshAnswers>(extra);
  const unavailable = bridge.unavailable();
  if (unavailable) {
    void vscode.window.showInformationMessage(unavailable);
    return undefined;
  }
  let session: SshSession | undefined;
  try {
    const secret = await chooseEcsSecret(arg, ctx.connections, vscode.l10n.t('Connect with Remote-SSH'));
    if (!secret) return undefined;
    if (subTypeOf(secret) === 'Password') {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          '{0} holds a password, which Remote-SSH would ask you to type: use Open SSH Terminal, which logs in with it for you.',
          secret.name,
        ),
      );
      return undefined;
    }
    const missing = missingTools(secret);
    if (missing) {
      void showError(ctx.log, missing);
      return undefined;
    }
    const destination = await chooseDestination(ctx, secret, answers);
    if (!destination) return undefined;
    if (!(await ensureInclude(ctx, config, hosts.includePattern, answers))) return undefined;
    session = await startSession(ctx, secret, destination, {
      keyLifetimeSeconds: REMOTE_SSH_KEY_LIFETIME_SECONDS,
    });
    if (!hasAgent(session)) {
      // The value turned out to hold a password (its sub-type was missing from the metadata).
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          '{0} holds a password, which Remote-SSH would ask you to type: use Open SSH Terminal, which logs in with it for you.',
          secret.name,
        ),
      );
      return undefined;
    }
    const alias = remoteSshAlias(secret.name);
    await hosts.add(alias, session, REMOTE_SSH_KEY_LIFETIME_SECONDS);
    const added = session;
    session = undefined; // owned by `hosts` from here on
    try {
      await bridge.open(alias);
    } catch (error) {
      await hosts.end(alias);
      throw error;
    }
    const endNow = vscode.l10n.t('End Now');
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t(
          'Remote-SSH connects to {0} in a new window. The key stays in a private ssh-agent of this window for up to {1} hours: keep this window open while you work there.',
          `${added.target.user}@${added.target.host}`,
          REMOTE_SSH_KEY_LIFETIME_SECONDS / 3600,
        ),
        endNow,
      )
      .then((choice) => (choice === endNow ? hosts.end(alias) : undefined));
    return alias;
  } catch (error) {
    await session?.dispose();
    if (reportSshFailure(ctx.log, error)) return undefined;
    throw error;
  }
}

/** The ssh config Remote-SSH reads: its `remote.SSH.configFile` (the user's), else ~/.ssh/config. */
function remoteSshConfigFile(config: Config): string {
  const configured = config.remoteSshConfigFile;
  if (!configured) return join(homedir(), '.ssh', 'config');
  return configured.startsWith('~/') ? join(homedir(), configured.slice(2)) : configured;
}

/**
 * True when the user's ssh config includes the entries' folder, or the user just let the command add the line at its
 * top; the config is never changed without that answer.
 */
async function ensureInclude(
  ctx: SshContext,
  config: Config,
  pattern: string,
  answers: SshAnswers | undefined,
): Promise<boolean> {
  const file = remoteSshConfigFile(config);
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (includesPattern(text, pattern, homedir())) return true;
  const line = sshConfigIncludeLine(pattern);
  const add = vscode.l10n.t('Add Line');
  const copy = vscode.l10n.t('Copy Line');
  const choice =
    answers?.include !== undefined
      ? { add, copy, cancel: undefined }[answers.include]
      : await vscode.window.showInformationMessage(
          vscode.l10n.t('Let Remote-SSH find the hosts of KMS Secrets?'),
          {
            modal: true,
            detail: vscode.l10n.t(
              'Remote-SSH reads {0}. The hosts this command writes (a socket path and a public key each, never a key) are in a folder that file needs to include, with this line at its top:\n\n{1}',
              file,
              line,
            ),
          },
          add,
          copy,
        );
  if (choice === add) {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(file, withIncludeLine(text, pattern), { mode: 0o600 });
    ctx.log.info(`Added "${line}" at the top of ${file}.`);
    return true;
  }
  if (choice === copy) {
    await vscode.env.clipboard.writeText(line);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('The line is on the clipboard: add it at the top of {0}, then connect again.', file),
    );
  }
  return false;
}
