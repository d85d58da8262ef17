import * as vscode from 'vscode';
import type { SshSession } from '../core/ssh';
import { DisposableOwner } from '../platform/disposables';
import type { Log } from '../platform/log';

/** sshpass's own exit codes (its manual page); anything else is ssh's, or the remote shell's. */
const SSHPASS_WRONG_PASSWORD = 5;
const SSHPASS_UNKNOWN_HOST_KEY = 6;
const SSHPASS_CHANGED_HOST_KEY = 7;

/**
 * The SSH terminals this window opened and their sessions: a session (its private agent, for the SSHKey sub-type) ends
 * when its terminal closes — by the user, or by ssh ending — and every one ends when the extension is deactivated
 * (synchronously, since nothing asynchronous runs then).
 */
export class TerminalSessions extends DisposableOwner {
  private readonly sessions = new Map<vscode.Terminal, SshSession>();

  constructor(private readonly log: Log) {
    super();
    this.register(vscode.window.onDidCloseTerminal((terminal) => void this.closed(terminal)));
    this.register({ dispose: () => this.endAll() });
  }

  add(terminal: vscode.Terminal, session: SshSession): void {
    this.sessions.set(terminal, session);
  }

  /** The live sessions (the extension-host tests find their agents here). */
  get live(): readonly { terminal: vscode.Terminal; session: SshSession }[] {
    return [...this.sessions].map(([terminal, session]) => ({ terminal, session }));
  }

  private async closed(terminal: vscode.Terminal): Promise<void> {
    const session = this.sessions.get(terminal);
    if (!session) return;
    this.sessions.delete(terminal);
    await session.dispose();
    const code = terminal.exitStatus?.code;
    this.log.info(
      `The SSH terminal to ${session.target.user}@${session.target.host} for ${session.secretName} closed${code !== undefined ? ` (exit code ${code})` : ''}; its session ended.`,
    );
    if (session.subType === 'Password' && code !== undefined) this.explainPasswordExit(session, code);
  }

  /** A password session runs sshpass without a shell around it, so its terminal closes at once: say why it ended. */
  private explainPasswordExit(session: SshSession, code: number): void {
    const host = session.target.host;
    const sentence =
      code === SSHPASS_WRONG_PASSWORD
        ? vscode.l10n.t(
            '{0} refused the password of {1}: check that the ECS secret holds the current password of the instance.',
            host,
            session.secretName,
          )
        : code === SSHPASS_UNKNOWN_HOST_KEY
          ? vscode.l10n.t(
              'sshpass cannot accept the unknown host key of {0}: connect once with ssh in a terminal to check and accept it, then open the SSH terminal again.',
              host,
            )
          : code === SSHPASS_CHANGED_HOST_KEY
            ? vscode.l10n.t(
                'The host key of {0} has changed since you last connected: check it with the instance owner before removing the old one (ssh-keygen -R {0}).',
                host,
              )
            : code === 255
              ? vscode.l10n.t('ssh could not connect or log in to {0} (exit code 255).', host)
              : undefined;
    if (sentence) {
      this.log.warn(sentence);
      void vscode.window.showWarningMessage(sentence);
    }
  }

  private endAll(): void {
    for (const session of this.sessions.values()) session.disposeSync();
    this.sessions.clear();
  }
}
