import * as vscode from 'vscode';
import { Commands } from '../commands';
import { testOnly } from '../platform/automation';
import { registerCommand } from '../platform/commands';
import type { Services } from '../services';
import { markUnused, setDays, showUsage, unmarkUnused, type UsageContext } from './commands';
import type { UsageNode } from './nodes';
import { UnusedMarks } from './unusedMarks';
import { USAGE_VIEW, UsageTreeProvider } from './usageTree';

/** What the extension-host tests reach (test mode only). */
export interface UsageTestApi {
  readonly tree: UsageTreeProvider;
  readonly marks: UnusedMarks;
}

/** Secret usage from ActionTrail: the Usage view (Show Usage), and the marks on secrets nobody read lately. */
export function register(context: vscode.ExtensionContext, services: Services): UsageTestApi | undefined {
  const { connections, config, log, usage } = services;
  const tree = new UsageTreeProvider(usage, config, log);
  const view = vscode.window.createTreeView<UsageNode>(USAGE_VIEW, { treeDataProvider: tree });
  tree.attach(view);
  const marks = new UnusedMarks(connections, usage, config, log);
  const ctx: UsageContext = { connections, config, tree, marks };
  const failure = { log, failure: vscode.l10n.t('Looking up the usage in ActionTrail failed.') };
  context.subscriptions.push(
    tree,
    view,
    marks,
    vscode.window.registerFileDecorationProvider(marks),
    registerCommand(Commands.showUsage, (arg?: unknown) => showUsage(ctx, arg), failure),
    registerCommand(Commands.usageRefresh, () => tree.refresh(), failure),
    registerCommand(Commands.usageLoadMore, () => tree.loadMore(), failure),
    registerCommand(Commands.usageStop, () => tree.stop(), failure),
    registerCommand(Commands.usageSetDays, (arg?: unknown) => setDays(ctx, arg), failure),
    registerCommand(Commands.markUnused, () => markUnused(ctx), failure),
    registerCommand(Commands.unmarkUnused, () => unmarkUnused(ctx), failure),
  );
  return testOnly(() => ({ tree, marks }));
}
