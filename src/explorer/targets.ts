import * as vscode from 'vscode';
import type { ConnectionManager } from '../connection/connectionManager';
import type { Redactor } from '../core/redaction';
import { asSecretTarget } from '../platform/automation';
import type { Log } from '../platform/log';
import type { ClipboardGuard } from './clipboard';
import { isTargetNode, JsonKeyNode, SecretNode, VersionNode } from './nodes';
import type { SecretsTreeProvider } from './secretsTreeProvider';
import type { ValueDocumentProvider } from './valueDocuments';

/** What the explorer's commands share. */
export interface ExplorerContext {
  readonly connections: ConnectionManager;
  readonly tree: SecretsTreeProvider;
  readonly view: vscode.TreeView<unknown>;
  readonly values: ValueDocumentProvider;
  readonly clipboard: ClipboardGuard;
  readonly log: Log;
  readonly redactor: Redactor;
}

/** A secret (optionally one version, optionally one JSON key) a command acts on. */
export interface Target {
  region: string;
  name: string;
  type?: string;
  versionId?: string;
  stage?: string;
  jsonKey?: string;
  deleting?: boolean;
}

/** Commands take a tree row of this view, or a `secretTarget(…)` from the extension's own code; nothing else. */
export function targetOf(arg: unknown, ctx: ExplorerContext): Target | undefined {
  if (isTargetNode(arg)) {
    if (arg instanceof SecretNode)
      return { region: arg.region, name: arg.name, type: arg.summary.type, deleting: arg.deleting };
    const version = arg instanceof JsonKeyNode ? arg.version : (arg as VersionNode);
    const secret = version.secret;
    return {
      region: secret.region,
      name: secret.name,
      type: secret.summary.type,
      ...version.selector(),
      ...(arg instanceof JsonKeyNode ? { jsonKey: arg.key } : {}),
    };
  }
  const named = asSecretTarget(arg);
  if (!named) return undefined;
  const region = named.region ?? ctx.connections.region;
  const summary = ctx.tree.loaded(region).find((s) => s.name === named.name);
  return {
    region,
    name: named.name,
    type: summary?.type,
    deleting: summary ? summary.plannedDeleteTime !== undefined : undefined,
    versionId: named.versionId,
    stage: named.versionId ? undefined : named.stage,
    jsonKey: named.jsonKey,
  };
}

/**
 * The target of a command: its argument, else the tree's selection, else a quick pick of the secrets listed so far in
 * the active region (or a typed name).
 */
export async function resolveTarget(
  arg: unknown,
  ctx: ExplorerContext,
  title: string,
  accept?: (t: Target) => boolean,
): Promise<Target | undefined> {
  const direct = targetOf(arg, ctx) ?? (arg === undefined ? targetOf(ctx.view.selection[0], ctx) : undefined);
  if (direct && (!accept || accept(direct))) return direct;
  const region = ctx.connections.region;
  const listed = ctx.tree
    .loaded(region)
    .filter(
      (s) => !accept || accept({ region, name: s.name, type: s.type, deleting: s.plannedDeleteTime !== undefined }),
    );
  type Item = vscode.QuickPickItem & { name?: string };
  const items: Item[] = listed.map((s) => ({ label: s.name, description: s.type, name: s.name }));
  items.push({ label: vscode.l10n.t('$(edit) Type a secret name…') });
  const choice = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: vscode.l10n.t('Secret in {0}', region),
  });
  if (!choice) return undefined;
  let name = choice.name;
  if (!name) {
    name = (
      await vscode.window.showInputBox({
        title,
        prompt: vscode.l10n.t('Secret name'),
        validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Type a name.')),
      })
    )?.trim();
    if (!name) return undefined;
  }
  const summary = listed.find((s) => s.name === name);
  return { region, name, type: summary?.type, deleting: summary ? summary.plannedDeleteTime !== undefined : undefined };
}
