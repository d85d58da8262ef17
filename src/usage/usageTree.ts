import * as vscode from 'vscode';
import { userSentence } from '../core/failure';
import type { SecretUsageCursor } from '../core/trail';
import type { Config } from '../platform/config';
import { DisposableOwner } from '../platform/disposables';
import type { Log } from '../platform/log';
import { windowText } from './format';
import { EventNode, MoreNode, StatusNode, type UsageNode } from './nodes';
import type { UsageConnections } from './usageConnections';

export const USAGE_VIEW = 'kmsSecrets.usage';
/** Context keys for the view's title actions. */
export const SUBJECT_CONTEXT = 'kmsSecrets.usage.hasSubject';
export const LOADING_CONTEXT = 'kmsSecrets.usage.loading';
/** Events per "Load more": a screenful, and a handful of LookupEvents pages on a quiet account. */
export const PAGE_SIZE = 50;
/** How often the "Searching…" row updates its count while a long scan runs. */
const PROGRESS_MS = 1000;

export interface UsageSubject {
  region: string;
  name: string;
}

/** One Show Usage query: its secret, window, cursor and the events shown so far. */
interface Query {
  subject: UsageSubject;
  days: number;
  cursor?: SecretUsageCursor;
  rows: EventNode[];
  state: 'loading' | 'ready' | 'stopped' | 'error';
  error?: unknown;
}

/**
 * The Usage view: who read or changed one secret in the last N days, newest first, a page at a time ("Load more"),
 * from ActionTrail. A query can be stopped and continued, and a failed page tried again, without skipping or repeating
 * events (the cursor keeps its place). Rows hold event metadata only; no event carries a value.
 */
export class UsageTreeProvider extends DisposableOwner implements vscode.TreeDataProvider<UsageNode> {
  private readonly changed = this.register(new vscode.EventEmitter<UsageNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private query: Query | undefined;
  private controller: AbortController | undefined;
  private loading: Promise<void> | undefined;
  private view: vscode.TreeView<UsageNode> | undefined;

  constructor(
    private readonly usage: UsageConnections,
    private readonly config: Config,
    private readonly log: Log,
  ) {
    super();
    this.register(usage.onDidChange((why) => why === 'connection' && this.close()));
    this.register(config.onDidChange((e) => e.affects('usage.days') && void this.refresh()));
    this.register({ dispose: () => this.controller?.abort() });
  }

  /** The view shows the query's secret and window in its description and a summary in its message. */
  attach(view: vscode.TreeView<UsageNode>): void {
    this.view = view;
    this.describe();
  }

  get subject(): UsageSubject | undefined {
    return this.query?.subject;
  }

  /** Settles when the page being fetched is in (tests, and commands that want to wait). */
  get settled(): Promise<void> {
    return this.loading ?? Promise.resolve();
  }

  /** Shows the usage of a secret: a new query over the configured window (any running one is stopped). */
  show(subject: UsageSubject): Promise<void> {
    this.stopLoading();
    this.query = { subject, days: this.config.usageDays, rows: [], state: 'loading' };
    return this.loadMore();
  }

  /** The same secret again, from now (a new cursor: new events appear, the window moves). */
  async refresh(): Promise<void> {
    if (this.query) await this.show(this.query.subject);
  }

  /** The next page; after a stop or a failure, the same page again. */
  loadMore(): Promise<void> {
    const query = this.query;
    if (!query) return Promise.resolve();
    if (this.loading) return this.loading;
    const controller = new AbortController();
    this.controller = controller;
    query.state = 'loading';
    this.update();
    let shown = -1;
    const ticker = setInterval(() => {
      const scanned = query.cursor?.scanned ?? 0;
      if (scanned !== shown) this.changed.fire(undefined);
      shown = scanned;
    }, PROGRESS_MS);
    const loading = Promise.resolve(
      vscode.window.withProgress({ location: { viewId: USAGE_VIEW } }, () => this.fetch(query, controller.signal)),
    ).finally(() => {
      clearInterval(ticker);
      if (this.loading !== loading) return;
      this.loading = undefined;
      this.controller = undefined;
      this.update();
    });
    this.loading = loading;
    return loading;
  }

  /** Stops the running query where it is; "Load more" continues from there. */
  stop(): void {
    this.controller?.abort();
  }

  private async fetch(query: Query, signal: AbortSignal): Promise<void> {
    const { region, name } = query.subject;
    try {
      query.cursor ??= (await this.usage.service(region)).openUsage(name, { days: query.days });
      const events = await query.cursor.next(PAGE_SIZE, { signal });
      query.rows.push(...events.map((e) => new EventNode(e)));
      query.state = 'ready';
      this.log.debug(
        `Usage of ${name} in ${region}: ${query.rows.length} events, ${query.cursor.scanned} KMS events looked at.`,
      );
    } catch (error) {
      if (signal.aborted) {
        query.state = 'stopped';
        return;
      }
      query.state = 'error';
      query.error = error;
      this.log.error(`Looking up the usage of ${name} in ${region} failed`, error);
    }
  }

  private stopLoading(): void {
    this.controller?.abort();
    this.controller = undefined;
    this.loading = undefined;
  }

  /** Back to the welcome text (the connection changed: the secret may not exist there). */
  private close(): void {
    this.stopLoading();
    this.query = undefined;
    this.update();
  }

  private update(): void {
    this.describe();
    void vscode.commands.executeCommand('setContext', SUBJECT_CONTEXT, this.query !== undefined);
    void vscode.commands.executeCommand('setContext', LOADING_CONTEXT, this.loading !== undefined);
    this.changed.fire(undefined);
  }

  private describe(): void {
    if (!this.view) return;
    const query = this.query;
    this.view.description = query ? vscode.l10n.t('{0} · {1} days', query.subject.name, query.days) : undefined;
    this.view.message = query && this.summary(query);
  }

  private summary(query: Query): string | undefined {
    if (query.state !== 'ready' || query.rows.length === 0) return undefined;
    const span = windowText(query.days);
    return query.cursor?.done
      ? vscode.l10n.t('{0} events in {1}, newest first.', query.rows.length, span)
      : vscode.l10n.t('The newest {0} events in {1}; load more to look further back.', query.rows.length, span);
  }

  getTreeItem(node: UsageNode): vscode.TreeItem {
    return node instanceof EventNode ? node.toTreeItem(Date.now()) : node.toTreeItem();
  }

  getChildren(node?: UsageNode): UsageNode[] {
    const query = this.query;
    if (node || !query) return [];
    const rows: UsageNode[] = [...query.rows];
    const status = this.status(query);
    if (status) rows.push(status);
    else if (!query.cursor?.done) rows.push(new MoreNode(query.rows.length));
    return rows;
  }

  private status(query: Query): StatusNode | undefined {
    const { name } = query.subject;
    switch (query.state) {
      case 'loading': {
        const scanned = query.cursor?.scanned ?? 0;
        return new StatusNode(
          'loading',
          scanned
            ? vscode.l10n.t('Searching ActionTrail… {0} KMS events looked at', scanned.toLocaleString())
            : vscode.l10n.t('Searching ActionTrail…'),
          vscode.l10n.t(
            'ActionTrail answers two lookups per second; a busy account takes a while. Stop keeps what was found.',
          ),
        );
      }
      case 'stopped':
        return new StatusNode(
          'stopped',
          vscode.l10n.t('Stopped. Select to continue.'),
          vscode.l10n.t('Continues where the search stopped; nothing is skipped.'),
        );
      case 'error':
        return new StatusNode(
          'error',
          userSentence(query.error, vscode.l10n.t('The usage of {0} could not be looked up.', name)),
          vscode.l10n.t('Select to try again. The log has the details.'),
        );
      case 'ready':
        if (query.cursor?.done && query.rows.length === 0)
          return new StatusNode(
            'empty',
            vscode.l10n.t('Nobody read or changed {0} in {1}.', name, windowText(query.days)),
            vscode.l10n.t(
              'ActionTrail delivers events a few minutes after the call. Reads through a KMS instance endpoint are recorded in SLS, not ActionTrail.',
            ),
          );
        return undefined;
    }
  }
}
