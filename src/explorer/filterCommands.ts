import * as vscode from 'vscode';
import { parseFilter } from '../core/secretFilter';
import type { ExplorerContext } from './targets';

export const FILTERED_CONTEXT = 'kmsSecrets.explorer.filtered';

/**
 * `kmsSecrets.filter`: the filter text as the argument (Reveal in Explorer passes a secret name), otherwise typed in a
 * box that checks it as the user types; empty clears the filter.
 */
export async function filter(ctx: ExplorerContext, arg?: unknown): Promise<void> {
  let text = typeof arg === 'string' ? arg : undefined;
  if (text === undefined) {
    text = await vscode.window.showInputBox({
      title: vscode.l10n.t('Filter Secrets'),
      prompt: vscode.l10n.t(
        'A name fragment, tag:key or tag:key=value, type:Rds — combine them with spaces; empty clears the filter',
      ),
      value: ctx.tree.filter?.text ?? '',
      validateInput: (v) => {
        if (!v.trim()) return undefined;
        const parsed = parseFilter(v);
        return typeof parsed === 'string' ? parsed : undefined;
      },
    });
    if (text === undefined) return;
  }
  setFilter(ctx, text.trim() || undefined);
}

export function clearFilter(ctx: ExplorerContext): void {
  setFilter(ctx, undefined);
}

function setFilter(ctx: ExplorerContext, text: string | undefined): void {
  const parsed = text ? parseFilter(text) : undefined;
  if (typeof parsed === 'string') throw new Error(parsed);
  ctx.tree.setFilter(parsed);
  ctx.view.description = parsed ? vscode.l10n.t('filter: {0}', parsed.text) : undefined;
  void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, parsed !== undefined);
}
