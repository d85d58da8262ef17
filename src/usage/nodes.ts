import * as vscode from 'vscode';
import { Commands } from '../commands';
import type { TrailEvent } from '../core/trail';
import { eventAccessibilityLabel, eventDescription, eventTooltip } from './format';

/** Rows of the Usage view: one per event, "Load more", and the rows that say what is going on. */
export type UsageNode = EventNode | MoreNode | StatusNode;

export class EventNode {
  readonly kind = 'event';
  constructor(readonly event: TrailEvent) {}

  toTreeItem(nowMs: number): vscode.TreeItem {
    const e = this.event;
    const item = new vscode.TreeItem(e.action, vscode.TreeItemCollapsibleState.None);
    item.id = `event|${e.eventId || `${e.timeMs}|${e.action}|${e.principal}`}`;
    item.description = eventDescription(e, nowMs);
    item.tooltip = eventTooltip(e, nowMs);
    item.accessibilityInformation = { label: eventAccessibilityLabel(e, nowMs) };
    item.iconPath = e.errorCode
      ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
      : new vscode.ThemeIcon(e.readWrite === 'Write' ? 'edit' : 'eye');
    item.contextValue = e.errorCode ? 'usageEvent;failed' : 'usageEvent';
    return item;
  }
}

/** "Load more": the next page of the same query (nothing is skipped or repeated). */
export class MoreNode {
  readonly kind = 'more';
  constructor(readonly shown: number) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
    item.id = 'more';
    item.description = vscode.l10n.t('{0} shown', this.shown);
    item.iconPath = new vscode.ThemeIcon('more');
    item.tooltip = vscode.l10n.t('Look further back in ActionTrail for older events.');
    item.command = { command: Commands.usageLoadMore, title: vscode.l10n.t('Load More') };
    item.contextValue = 'usageMore';
    return item;
  }
}

/** Searching, nothing found, stopped, or failed (then selecting it tries again). */
export class StatusNode {
  readonly kind = 'status';
  constructor(
    readonly style: 'loading' | 'empty' | 'stopped' | 'error',
    readonly label: string,
    readonly detail: string,
  ) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = `status|${this.style}`;
    item.tooltip = this.detail;
    item.iconPath =
      this.style === 'error'
        ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
        : this.style === 'loading'
          ? new vscode.ThemeIcon('loading~spin')
          : new vscode.ThemeIcon(this.style === 'stopped' ? 'debug-pause' : 'info');
    if (this.style === 'error' || this.style === 'stopped') {
      item.command = { command: Commands.usageLoadMore, title: vscode.l10n.t('Try Again') };
    }
    item.contextValue = `usageStatus;${this.style}`;
    return item;
  }
}
