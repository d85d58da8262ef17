import * as vscode from 'vscode';
import type { ConnectionManager } from '../connection/connectionManager';
import { isKmsError } from '../core/kms';
import {
  ecsSecretReader,
  findExecutable,
  formatDestination,
  isSshError,
  openSshSession,
  parseDestination,
  SshSession,
  SshTool,
} from '../core/ssh';
import type { Log } from '../platform/log';
import { showError } from '../platform/notify';
import { askDestination, customDataDestination, DestinationMemory } from './destination';
import { EcsSecret, NotEcsSecret } from './ecsSecret';

/** What both SSH commands share. */
export interface SshContext {
  readonly connections: ConnectionManager;
  readonly log: Log;
  readonly destinations: DestinationMemory;
}

/** Answers to the commands' prompts (`scripted(…)`, test host only). */
export interface SshAnswers {
  /** The host prompt's answer, `[user@]host[:port]`. */
  destination?: string;
  /** Connect with Remote-SSH: the answer to "add the Include line?". */
  include?: 'add' | 'copy' | 'cancel';
  /**
   * `-o` options for ssh, for the tests' own sshd (its known_hosts: ssh finds `~/.ssh` through the passwd entry, not
   * $HOME, so the run's isolated home does not isolate it). Never from settings: a `ProxyCommand` runs any command.
   */
  sshOptions?: string[];
}

export const subTypeOf = (secret: EcsSecret): string | undefined => secret.details.extended?.secretSubType;

/**
 * Why the session cannot start on this machine, before the host is asked or the secret read: the OpenSSH tools, and
 * sshpass for a password secret. One sentence naming what to install, or undefined.
 */
export function missingTools(secret: EcsSecret): string | undefined {
  if (process.platform === 'win32')
    return vscode.l10n.t(
      "SSH sessions with a private ssh-agent need Linux or macOS: Windows' OpenSSH agent cannot listen on a socket of its own.",
    );
  const password = subTypeOf(secret) === 'Password';
  const tools: SshTool[] = password ? ['ssh', 'sshpass'] : ['ssh', 'ssh-agent', 'ssh-add'];
  const missing = tools.find((tool) => !findExecutable(tool));
  if (missing === 'sshpass')
    return vscode.l10n.t(
      '{0} logs in with a password, which needs sshpass: install the sshpass package (Debian/Ubuntu: sudo apt install sshpass; Fedora: sudo dnf install sshpass), then try again.',
      secret.name,
    );
  if (missing)
    return vscode.l10n.t(
      '{0} was not found on PATH: install the OpenSSH client (Debian/Ubuntu: openssh-client; Fedora: openssh-clients; macOS ships it).',
      missing,
    );
  return undefined;
}

/**
 * Where to connect: the scripted answer, else the prompt (prefilled with the user's last choice for this secret, else
 * its CustomData). The choice is remembered when it differs from the secret's own. Undefined when the user cancels.
 */
export async function chooseDestination(
  ctx: SshContext,
  secret: EcsSecret,
  answers: SshAnswers | undefined,
): Promise<string | undefined> {
  const fallback = customDataDestination(secret.details);
  const destination =
    answers?.destination !== undefined
      ? formatDestination(parseDestination(answers.destination))
      : await askDestination(secret.name, ctx.destinations.get(secret.region, secret.name) ?? fallback);
  if (destination === undefined) return undefined;
  await ctx.destinations.remember(secret.region, secret.name, destination, fallback);
  return destination;
}

/**
 * Reads the secret's current value through a client of its own that caches nothing, and opens the session: for a key,
 * a private agent holding it; for a password, sshpass's invocation. The value is dropped when this returns.
 */
export async function startSession(
  ctx: SshContext,
  secret: EcsSecret,
  destination: string,
  options: { keyLifetimeSeconds?: number; answers?: SshAnswers } = {},
): Promise<SshSession> {
  const { host, user, port } = parseDestination(destination);
  const client = await ctx.connections.uncachedClient(secret.region);
  return openSshSession(ecsSecretReader(client), {
    secretName: secret.name,
    host,
    user,
    port,
    keyLifetimeSeconds: options.keyLifetimeSeconds,
    sshOptions: options.answers?.sshOptions,
  });
}

/**
 * Failures the SSH commands explain themselves (one sentence, the detail to the log); false for anything else, which
 * the command's guard reports.
 */
export function reportSshFailure(log: Log, error: unknown): boolean {
  if (error instanceof NotEcsSecret) {
    void showError(log, error.message);
    return true;
  }
  if (isSshError(error)) {
    if (error.detail) log.warn(`ssh: ${error.detail}`);
    void showError(log, vscode.l10n.t('No SSH session started: {0}', error.message));
    return true;
  }
  if (isKmsError(error)) {
    void showError(log, vscode.l10n.t('No SSH session started: {0}', error.message), error);
    return true;
  }
  return false;
}
