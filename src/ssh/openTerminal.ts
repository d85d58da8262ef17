import { homedir } from 'node:os';
import * as vscode from 'vscode';
import type { SshSession } from '../core/ssh';
import { scriptedArgs } from '../platform/automation';
import { showError } from '../platform/notify';
import { chooseEcsSecret } from './ecsSecret';
import { chooseDestination, missingTools, reportSshFailure, SshAnswers, SshContext, startSession } from './session';
import type { TerminalSessions } from './terminalSessions';

/**
 * A key session's terminal runs ssh under a small shell that keeps the terminal open when ssh itself fails (exit code
 * 255: no connection, key refused), so its error stays readable; any other code is the remote shell's and passes
 * through. `$1` is the message, the rest is the ssh invocation. A password session runs sshpass directly: a shell
 * around it would hold SSHPASS in its environment for the whole session.
 */
const KEEP_OPEN_ON_SSH_FAILURE =
  'm=$1; shift; "$@"; c=$?; if [ "$c" -eq 255 ]; then printf \'\\r\\n%s \' "$m"; read -r _; exit 0; fi; exit "$c"';

/**
 * `kmsSecrets.openSshTerminal`: an integrated terminal logged in to the ECS instance with the secret's key (held by a
 * private ssh-agent for this terminal only) or password (in sshpass's environment only). The key never reaches a file,
 * a setting, the log or the terminal's command line; the agent ends when the terminal closes.
 */
export async function openSshTerminal(
  ctx: SshContext,
  sessions: TerminalSessions,
  arg?: unknown,
  extra?: unknown,
): Promise<vscode.Terminal | undefined> {
  const answers = scriptedArgs<SshAnswers>(extra);
  if (!vscode.workspace.isTrusted) {
    explainUntrusted(ctx);
    return undefined;
  }
  let session: SshSession | undefined;
  try {
    const secret = await chooseEcsSecret(arg, ctx.connections, vscode.l10n.t('Open SSH Terminal'));
    if (!secret) return undefined;
    const missing = missingTools(secret);
    if (missing) {
      void showError(ctx.log, missing);
      return undefined;
    }
    const destination = await chooseDestination(ctx, secret, answers);
    if (!destination) return undefined;
    session = await startSession(ctx, secret, destination, { answers });
    const { file, args, env } = session.invocation;
    const options: vscode.TerminalOptions = {
      name: vscode.l10n.t('SSH {0}', `${session.target.user}@${session.target.host}`),
      iconPath: new vscode.ThemeIcon('vm-connect'),
      cwd: homedir(), // nothing of the workspace around the session
      ...(session.agent
        ? {
            shellPath: '/bin/sh',
            shellArgs: [
              '-c',
              KEEP_OPEN_ON_SSH_FAILURE,
              'kms-secrets-ssh',
              vscode.l10n.t('ssh could not connect or log in (exit code 255). Press Enter to close this terminal.'),
              file,
              ...args,
            ],
          }
        : { shellPath: file, shellArgs: args }),
      env,
      // The session's environment instead of VS Code's (which VS Code still extends with terminal.integrated.env.*).
      strictEnv: true,
      // Never saved and revived by VS Code (a revived password terminal would carry SSHPASS into its state).
      isTransient: true,
    };
    const terminal = vscode.window.createTerminal(options);
    sessions.add(terminal, session);
    if (env.SSHPASS !== undefined) forgetPasswordOnceStarted(terminal, env);
    terminal.show();
    ctx.log.info(
      `Opened an SSH terminal to ${session.target.user}@${session.target.host}${session.target.port ? `:${session.target.port}` : ''} with ${secret.name} (${session.subType}${session.agent ? `, private ssh-agent ${session.agent.pid}` : ', sshpass'}).`,
    );
    return terminal;
  } catch (error) {
    await session?.dispose();
    if (reportSshFailure(ctx.log, error)) return undefined;
    throw error;
  }
}

/**
 * Once the terminal's process exists, VS Code has handed the environment over; the copy in the terminal's
 * `creationOptions` (which any extension can read) then loses the password.
 */
function forgetPasswordOnceStarted(terminal: vscode.Terminal, env: Record<string, string>): void {
  void Promise.resolve(terminal.processId).finally(() => delete env.SSHPASS);
}

/**
 * VS Code starts no terminal process in an untrusted workspace (it asks for trust first, and a declined terminal stays
 * empty), so the command stops before anything is read and says how to go on.
 */
function explainUntrusted(ctx: SshContext): void {
  const manage = vscode.l10n.t('Manage Workspace Trust');
  const sentence = vscode.l10n.t(
    'VS Code runs terminals only in trusted workspaces: trust this workspace, or open the SSH terminal from a window without a folder (Connect with Remote-SSH works here).',
  );
  ctx.log.info(sentence);
  void vscode.window
    .showInformationMessage(sentence, manage)
    .then((choice) => (choice === manage ? vscode.commands.executeCommand('workbench.trust.manage') : undefined));
}
