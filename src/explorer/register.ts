import * as vscode from 'vscode';
import { Commands } from '../commands';
import { testOnly } from '../platform/automation';
import { registerCommand } from '../platform/commands';
import type { Services } from '../services';
import { ClipboardGuard } from './clipboard';
import { clearFilter, filter, FILTERED_CONTEXT } from './filterCommands';
import * as manage from './manageCommands';
import type { ExplorerNode } from './nodes';
import { SecretsTreeProvider } from './secretsTreeProvider';
import type { ExplorerContext } from './targets';
import * as values from './valueCommands';
import { ValueDocumentProvider } from './valueDocuments';

export const VIEW_ID = 'kmsSecrets.secrets';

/** What the extension-host tests reach (test mode only): the tree's data. */
export interface ExplorerTestApi {
  readonly tree: SecretsTreeProvider;
}

/** The Secrets view: the tree, its value documents and clipboard, and the commands on its rows. */
export function register(context: vscode.ExtensionContext, services: Services): ExplorerTestApi | undefined {
  const { connections, config, log, redactor } = services;
  const tree = new SecretsTreeProvider(connections, log, redactor, VIEW_ID);
  const view = vscode.window.createTreeView<ExplorerNode>(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const ctx: ExplorerContext = {
    connections,
    tree,
    view: view as vscode.TreeView<unknown>,
    values: new ValueDocumentProvider(connections, redactor, log),
    clipboard: new ClipboardGuard(config),
    log,
    redactor,
  };
  const failure = { log, failure: vscode.l10n.t('The KMS request failed.') };
  context.subscriptions.push(
    tree,
    view,
    ctx.values,
    ctx.clipboard,
    // Refresh also forgets cached secret usage, so the unused marks on the rows are computed again.
    registerCommand(
      Commands.refresh,
      () => {
        services.usage.clear();
        tree.refresh();
      },
      failure,
    ),
    registerCommand(Commands.retry, (node?: unknown) => tree.retry(node), failure),
    registerCommand(Commands.filter, (arg?: unknown) => filter(ctx, arg), failure),
    registerCommand(Commands.clearFilter, () => clearFilter(ctx), failure),
    registerCommand(
      Commands.revealValue,
      (arg?: unknown, extra?: unknown) => values.revealValue(ctx, arg, extra),
      failure,
    ),
    registerCommand(Commands.copyValue, (arg?: unknown) => values.copyValue(ctx, arg), failure),
    registerCommand(Commands.copyReference, (arg?: unknown) => values.copyReference(ctx, arg), failure),
    registerCommand(
      Commands.createSecret,
      (arg?: unknown, extra?: unknown) => manage.createSecret(ctx, arg, extra),
      failure,
    ),
    registerCommand(
      Commands.putSecretValue,
      (arg?: unknown, extra?: unknown) => manage.putSecretValue(ctx, arg, extra),
      failure,
    ),
    registerCommand(
      Commands.rotateSecret,
      (arg?: unknown, extra?: unknown) => manage.rotateSecret(ctx, arg, extra),
      failure,
    ),
    registerCommand(
      Commands.deleteSecret,
      (arg?: unknown, extra?: unknown) => manage.deleteSecret(ctx, arg, extra),
      failure,
    ),
    registerCommand(Commands.restoreSecret, (arg?: unknown) => manage.restoreSecret(ctx, arg), failure),
    registerCommand(Commands.editTags, (arg?: unknown, extra?: unknown) => manage.editTags(ctx, arg, extra), failure),
    registerCommand(
      Commands.editDescription,
      (arg?: unknown, extra?: unknown) => manage.editDescription(ctx, arg, extra),
      failure,
    ),
  );
  void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, false);
  return testOnly(() => ({ tree }));
}
