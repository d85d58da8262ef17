import * as vscode from 'vscode';
import { Commands } from '../commands';
import { userSentence } from '../connection/errors';
import { showError } from '../platform/notify';
import type { Services } from '../services';
import { ClipboardGuard } from './clipboard';
import { parseFilter } from './filter';
import * as manage from './manageCommands';
import { ExplorerNode, MessageNode, RegionNode } from './nodes';
import { SecretsTreeProvider } from './secretsTreeProvider';
import type { ExplorerContext } from './targets';
import * as values from './valueCommands';
import { ValueDocumentProvider } from './valueDocuments';

export const VIEW_ID = 'kmsSecrets.secrets';
export const FILTERED_CONTEXT = 'kmsSecrets.explorer.filtered';

/** What activate() exposes for the extension-host tests: the tree's data, nothing else. */
export interface ExplorerApi {
  readonly tree: SecretsTreeProvider;
}

export function register(context: vscode.ExtensionContext, services: Services): ExplorerApi {
  const { connections, log, redactor } = services;
  const tree = new SecretsTreeProvider(connections, log, redactor, VIEW_ID);
  const view = vscode.window.createTreeView<ExplorerNode>(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const ctx: ExplorerContext = {
    connections,
    tree,
    view: view as vscode.TreeView<unknown>,
    values: new ValueDocumentProvider(connections, redactor, log),
    clipboard: new ClipboardGuard(),
    log,
    redactor,
  };

  /** Runs a command; a failure becomes one sentence with Show Log (detail, redacted, in the log). */
  const command = <A extends unknown[]>(id: string, run: (...args: A) => unknown) =>
    vscode.commands.registerCommand(id, async (...args: A) => {
      try {
        return await run(...args);
      } catch (error) {
        void showError(log, userSentence(error, 'The KMS request failed.'), error);
        return undefined;
      }
    });

  const setFilterText = (text: string | undefined) => {
    const filter = text ? parseFilter(text) : undefined;
    if (typeof filter === 'string') throw new Error(filter);
    tree.setFilter(filter);
    view.description = filter ? `filter: ${filter.text}` : undefined;
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, filter !== undefined);
  };

  context.subscriptions.push(
    tree,
    view,
    ctx.values,
    ctx.clipboard,
    command(Commands.refresh, () => tree.refresh()),
    command(Commands.retry, (node?: MessageNode | RegionNode) => {
      if (node instanceof MessageNode && node.retry) node.retry();
      else if (node instanceof RegionNode) tree.reload(node.region);
      else tree.refresh();
    }),
    command(Commands.filter, async (text?: string) => {
      if (text === undefined) {
        text = await vscode.window.showInputBox({
          title: 'Filter Secrets',
          prompt:
            'A name fragment, tag:key or tag:key=value, type:Rds — combine them with spaces; empty clears the filter',
          value: tree.filter?.text ?? '',
          validateInput: (v) => {
            if (!v.trim()) return undefined;
            const parsed = parseFilter(v);
            return typeof parsed === 'string' ? parsed : undefined;
          },
        });
        if (text === undefined) return;
      }
      setFilterText(text.trim() || undefined);
    }),
    command(Commands.clearFilter, () => setFilterText(undefined)),
    command(Commands.revealValue, (arg?: unknown, options?: values.RevealOptions) =>
      values.revealValue(ctx, arg, options),
    ),
    command(Commands.copyValue, (arg?: unknown) => values.copyValue(ctx, arg)),
    command(Commands.copyReference, (arg?: unknown) => values.copyReference(ctx, arg)),
    command(Commands.createSecret, (arg?: unknown, extra?: unknown) => manage.createSecret(ctx, arg, extra)),
    command(Commands.putSecretValue, (arg?: unknown, args?: manage.PutValueArgs) =>
      manage.putSecretValue(ctx, arg, args),
    ),
    command(Commands.rotateSecret, (arg?: unknown, args?: manage.RotateArgs) => manage.rotateSecret(ctx, arg, args)),
    command(Commands.deleteSecret, (arg?: unknown, args?: manage.DeleteArgs) => manage.deleteSecret(ctx, arg, args)),
    command(Commands.restoreSecret, (arg?: unknown) => manage.restoreSecret(ctx, arg)),
    command(Commands.editTags, (arg?: unknown, args?: manage.EditTagsArgs) => manage.editTags(ctx, arg, args)),
    command(Commands.editDescription, (arg?: unknown, args?: { description: string }) =>
      manage.editDescription(ctx, arg, args),
    ),
  );
  void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, false);
  return { tree };
}
