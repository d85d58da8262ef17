import * as path from 'node:path';
import * as vscode from 'vscode';
import { showError } from '../platform/notify';
import type { Services } from '../services';
import { MASKED_VARIABLE, RUN_AS_NODE_VARIABLE, SHELL_ARGS_VARIABLE, SHELL_VARIABLE } from './maskedShell';
import { EnvResolver, InjectionError, untrustedMessage } from './resolver';

/**
 * `kmsSecrets.runWithSecrets`: a terminal whose environment holds the resolved references of the references env file.
 * The values go to `createTerminal({ env })` of a transient terminal — never to `environmentVariableCollection`, which
 * VS Code persists and re-applies across reloads by default. The terminal runs the user's shell behind
 * dist/maskedShell.js, which masks the values in everything the terminal shows.
 */
export async function openSecretsTerminal(
  services: Services,
  resolver: EnvResolver,
  folderArg?: vscode.WorkspaceFolder,
): Promise<vscode.Terminal | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder =
    folderArg ??
    (folders.length > 1
      ? await vscode.window.showWorkspaceFolderPick({
          placeHolder: vscode.l10n.t("Open a terminal with the secrets of which folder's references env file?"),
        })
      : folders[0]);
  if (!folder) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('KMS Secrets: open a folder whose references env file names the secrets.'),
    );
    return undefined;
  }
  try {
    if (!vscode.workspace.isTrusted) throw new InjectionError(untrustedMessage());
    const loaded = await resolver.load({ folder, referencesFile: true });
    if (!loaded.plan.assignments.length && !loaded.plan.broken.length) {
      const file = vscode.workspace.asRelativePath(services.config.referencesEnvFile(folder), false);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('KMS Secrets: {0} holds no secret references ({1}).', file, 'NAME=kms://…'),
      );
      return undefined;
    }
    const { values, count } = await resolver.resolve(loaded);
    const terminal = vscode.window.createTerminal({
      name: 'KMS Secrets',
      cwd: folder.uri,
      ...maskedShell(values),
      isTransient: true,
      iconPath: new vscode.ThemeIcon('key'),
    });
    terminal.show();
    services.log.info(`Opened a terminal with ${count} secret(s) (${Object.keys(values).sort().join(', ')}).`);
    vscode.window.setStatusBarMessage(
      `$(key) ${
        count === 1
          ? vscode.l10n.t('KMS Secrets: terminal with 1 secret')
          : vscode.l10n.t('KMS Secrets: terminal with {0} secrets', count)
      }`,
      8000,
    );
    return terminal;
  } catch (error) {
    const sentence =
      error instanceof InjectionError ? error.message : vscode.l10n.t('The secret references could not be resolved.');
    void showError(
      services.log,
      vscode.l10n.t('No terminal opened: {0}', sentence),
      error instanceof InjectionError ? undefined : error,
    );
    return undefined;
  }
}

/** Node (the extension host's own executable) running dist/maskedShell.js, which starts the user's shell. */
function maskedShell(values: Record<string, string>): Pick<vscode.TerminalOptions, 'shellPath' | 'shellArgs' | 'env'> {
  // In desktop VS Code the executable is Electron: this makes it behave as Node (maskedShell takes it off again).
  const asNode = process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1', [RUN_AS_NODE_VARIABLE]: '1' } : {};
  return {
    shellPath: process.execPath,
    // Bundled next to dist/extension.js.
    shellArgs: [path.join(__dirname, 'maskedShell.js')],
    env: {
      ...values,
      ...asNode,
      [MASKED_VARIABLE]: Object.keys(values).join(','),
      [SHELL_VARIABLE]: vscode.env.shell,
      [SHELL_ARGS_VARIABLE]: '[]',
    },
  };
}
