import { setTimeout as wait } from 'node:timers/promises';
import * as vscode from 'vscode';
import { jsonObjectKeys } from '../core/jsonKeys';
import type { SecretMetadata, SecretSummary, SecretVersion } from '../core/kms/types';
import { mapWithConcurrency } from '../core/kms/concurrency';
import type { ConnectionManager } from '../connection/connectionManager';
import { failureSentence, userSentence } from '../core/failure';
import type { Redactor } from '../core/redaction';
import { DisposableOwner } from '../platform/disposables';
import type { Log } from '../platform/log';
import type { SecretFilter } from '../core/secretFilter';
import { isEcs } from './ecs';
import { md, secretTooltip } from './format';
import { ExplorerNode, JsonKeyNode, MessageNode, RegionNode, SecretNode, VersionNode } from './nodes';
import { SecretList } from './secretList';

/** How often background paging may redraw the tree (each redraw sends every row of a region to the workbench). */
const REDRAW_MS = 400;
/** How long the first rows may wait for the listing to end (a single page ends within a few ticks). */
const LAST_PAGE_WAIT_MS = 25;
/** Background DescribeSecret calls at a time for ECS rows. */
const ECS_DESCRIBE_CONCURRENCY = 4;

/**
 * The secrets tree: regions (when several are shown) → secrets → versions → JSON keys. Listing is lazy and paged: the
 * first page appears as soon as it arrives, the rest stream in behind a "Loading…" row with view progress. Tooltips
 * come from
 * DescribeSecret in `resolveTreeItem`, only for rows the user hovers. No value is ever part of a row.
 */
export class SecretsTreeProvider extends DisposableOwner implements vscode.TreeDataProvider<ExplorerNode> {
  private readonly changed = this.register(new vscode.EventEmitter<ExplorerNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private lists = new Map<string, SecretList>();
  private nodes = new Map<string, SecretNode>();
  private regionNodes = new Map<string, RegionNode>();
  private redrawTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private currentFilter: SecretFilter | undefined;
  /** Lists whose rows were last answered complete: a redraw would only re-send them (and race a click on a row). */
  private readonly shownComplete = new WeakSet<SecretList>();

  constructor(
    private readonly connections: ConnectionManager,
    private readonly log: Log,
    private readonly redactor: Redactor,
    private readonly viewId: string,
  ) {
    super();
    this.register(connections.onDidChange(() => this.refresh()));
    this.register({ dispose: () => this.clear() });
  }

  get filter(): SecretFilter | undefined {
    return this.currentFilter;
  }

  setFilter(filter: SecretFilter | undefined): void {
    this.currentFilter = filter;
    this.refresh();
  }

  /** Drops everything loaded and lists again. */
  refresh(): void {
    this.clear();
    this.changed.fire(undefined);
  }

  private clear(): void {
    for (const list of this.lists.values()) list.abort();
    for (const timer of this.redrawTimers.values()) clearTimeout(timer);
    this.lists = new Map();
    this.nodes = new Map();
    this.redrawTimers = new Map();
  }

  /** The list of a region, started on first use. */
  list(region: string): SecretList {
    let list = this.lists.get(region);
    if (!list) {
      const created = new SecretList(this.connections.client(region), this.currentFilter, () =>
        this.scheduleRedraw(region, created),
      );
      list = created;
      this.lists.set(region, list);
      this.log.debug(
        `Listing secrets in ${region}${this.currentFilter ? ` (filter: ${this.currentFilter.text})` : ''}.`,
      );
      void vscode.window.withProgress({ location: { viewId: this.viewId } }, () => created.done);
      void created.done.then(() => {
        if (created.aborted) return;
        const s = created.stats;
        if (created.state === 'error') this.log.error(`Listing secrets in ${region} failed`, created.error);
        else
          this.log.info(
            `Listed ${s.loaded} secrets in ${region}: first page after ${(s.firstPageAt ?? 0) - s.startedAt} ms, all after ${(s.completeAt ?? 0) - s.startedAt} ms.`,
          );
      });
    }
    return list;
  }

  private scheduleRedraw(region: string, list: SecretList): void {
    if (list.aborted || this.redrawTimers.has(region)) return;
    const delay = list.state === 'loading' ? REDRAW_MS : 0;
    this.redrawTimers.set(
      region,
      setTimeout(() => {
        this.redrawTimers.delete(region);
        if (this.lists.get(region) === list && !this.shownComplete.has(list))
          this.changed.fire(this.regionParent(region));
      }, delay),
    );
  }

  /** The node whose children are a region's secrets: the region row, or the root when only one region is shown. */
  private regionParent(region: string): RegionNode | undefined {
    return this.connections.regions.length > 1 ? this.regionNode(region) : undefined;
  }

  private regionNode(region: string): RegionNode {
    let node = this.regionNodes.get(region);
    if (!node) this.regionNodes.set(region, (node = new RegionNode(region)));
    return node;
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    if (node instanceof RegionNode) {
      const list = this.lists.get(node.region);
      const count = list
        ? list.state === 'loading'
          ? `${list.items.length}${list.total !== undefined ? ` of ${list.total}` : ''}…`
          : `${list.items.length}`
        : undefined;
      return node.toTreeItem(count);
    }
    return node.toTreeItem();
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) {
      if (!this.connections.signedIn) return [];
      const regions = this.connections.regions;
      if (regions.length > 1) return regions.map((r) => this.regionNode(r));
      return this.secretRows(regions[0], undefined);
    }
    if (node instanceof RegionNode) return this.secretRows(node.region, node);
    if (node instanceof SecretNode) return this.versionRows(node);
    if (node instanceof VersionNode) return this.keyRows(node);
    return [];
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    if (node instanceof SecretNode) return node.parent;
    if (node instanceof VersionNode) return node.secret;
    if (node instanceof JsonKeyNode) return node.version;
    return undefined;
  }

  async resolveTreeItem(
    item: vscode.TreeItem,
    node: ExplorerNode,
    token: vscode.CancellationToken,
  ): Promise<vscode.TreeItem> {
    if (!(node instanceof SecretNode) || node.tooltip) return item;
    try {
      const client = await this.connections.client(node.region);
      const details = await client.describeSecret(node.name);
      node.details = details;
      if (token.isCancellationRequested) return item;
      node.tooltip = secretTooltip(details, node.region);
    } catch (error) {
      this.log.error(`Describing ${node.name} failed`, error);
      node.tooltip = new vscode.MarkdownString(
        `**${md(node.name)}**\n\n$(error) ${failureSentence(error, vscode.l10n.t('The details could not be loaded.'))}`,
        true,
      );
    }
    item.tooltip = node.tooltip;
    return item;
  }

  private async secretRows(region: string, parent: RegionNode | undefined): Promise<ExplorerNode[]> {
    const list = this.list(region);
    await list.firstPage;
    // A region with one page is done a moment later: answer without a "Loading…" row rather than replacing it by a
    // redraw, which the workbench can drop when it comes while these rows are still being rendered (a stale row).
    if (list.state === 'loading') await Promise.race([list.done, wait(LAST_PAGE_WAIT_MS)]);
    if (this.lists.get(region) !== list) return this.secretRows(region, parent);
    if (list.state !== 'loading') this.shownComplete.add(list);
    const rows: ExplorerNode[] = list.items.map((summary) => this.secretNode(region, summary, parent));
    this.describeEcs(region, rows);
    if (list.state === 'loading') {
      const loaded = list.items.length.toLocaleString('en-US');
      const text =
        list.total !== undefined
          ? vscode.l10n.t('Loading… {0} of {1}', loaded, list.total.toLocaleString('en-US'))
          : vscode.l10n.t('Loading… {0}', loaded);
      rows.push(new MessageNode(`${region}|loading`, text, 'loading'));
    } else if (list.state === 'error') {
      rows.push(
        this.errorRow(
          `${region}|list`,
          list.error,
          () => this.reload(region),
          vscode.l10n.t('Listing the secrets in {0} failed.', region),
        ),
      );
    } else if (list.items.length === 0) {
      const text = this.currentFilter
        ? vscode.l10n.t('No secrets match "{0}" in {1}.', this.currentFilter.text, region)
        : vscode.l10n.t('No secrets in {0}.', region);
      rows.push(new MessageNode(`${region}|empty`, text, 'info'));
    }
    return rows;
  }

  private secretNode(region: string, summary: SecretSummary, parent: RegionNode | undefined): SecretNode {
    const key = `${region}|${summary.name}`;
    let node = this.nodes.get(key);
    if (!node) this.nodes.set(key, (node = new SecretNode(region, summary, parent)));
    else if (node.summary !== summary) {
      node.summary = summary;
      node.tooltip = undefined;
      node.details = undefined;
      node.described = undefined;
    }
    return node;
  }

  /**
   * ECS rows show their sub-type, instance and rotation, which only DescribeSecret has: described in the background,
   * a few at a time, once per row (a failure leaves the row as it is; its tooltip says why).
   */
  private describeEcs(region: string, rows: ExplorerNode[]): void {
    const pending = rows.filter(
      (n): n is SecretNode => n instanceof SecretNode && isEcs(n.summary) && !n.details && !n.described && !n.deleting,
    );
    if (!pending.length) return;
    for (const node of pending) node.described = true;
    void this.connections
      .client(region)
      .then((client) =>
        mapWithConcurrency(pending, ECS_DESCRIBE_CONCURRENCY, async (node) => {
          try {
            node.details = await client.describeSecret(node.name);
            if (this.nodes.get(`${region}|${node.name}`) === node) this.changed.fire(node);
          } catch (error) {
            this.log.debug(`Describing ${node.name} for its row failed: ${failureSentence(error)}`);
          }
        }),
      )
      .catch((error: unknown) => this.log.debug(`Describing ECS secrets failed: ${failureSentence(error)}`));
  }

  private async versionRows(node: SecretNode): Promise<ExplorerNode[]> {
    node.versions ??= this.connections
      .client(node.region)
      .then((c) => c.listSecretVersions(node.name, { includeDeprecated: true }));
    let versions: SecretVersion[];
    try {
      versions = await node.versions;
    } catch (error) {
      node.versions = undefined;
      this.log.error(`Listing the versions of ${node.name} failed`, error);
      return [
        this.errorRow(
          `${node.region}|${node.name}|versions`,
          error,
          () => this.changed.fire(node),
          vscode.l10n.t('The versions could not be listed.'),
        ),
      ];
    }
    const rows = orderVersions(versions).map((v) => new VersionNode(node, v));
    // Whether a Generic version holds JSON (keys to expand) or plain text (no arrow) is known only from its value:
    // read them now, in the background, and redraw the rows that turn out to be plain text.
    for (const row of rows.filter((r) => r.content === 'unknown'))
      void this.readKeys(row).then(
        () => row.content === 'text' && this.changed.fire(row),
        () => undefined,
      );
    return rows;
  }

  /** The top-level keys of a version's JSON value. The value is read, registered with the redactor and dropped. */
  private readKeys(node: VersionNode): Promise<string[] | undefined> {
    node.keys ??= this.connections.client(node.region).then(async (c) => {
      const value = await c.getSecretValue(node.name, { versionId: node.version.versionId });
      this.redactor.register(value.value);
      const keys = jsonObjectKeys(value.value);
      node.content = keys ? 'json' : 'text';
      return keys;
    });
    return node.keys;
  }

  private async keyRows(node: VersionNode): Promise<ExplorerNode[]> {
    try {
      const keys = await this.readKeys(node);
      return (keys ?? []).map((k) => new JsonKeyNode(node, k));
    } catch (error) {
      node.keys = undefined;
      this.log.error(`Reading the keys of ${node.name} (${node.version.versionId}) failed`, error);
      return [
        this.errorRow(
          `${node.region}|${node.name}|${node.version.versionId}|keys`,
          error,
          () => this.changed.fire(node),
          vscode.l10n.t('The value could not be read.'),
        ),
      ];
    }
  }

  private errorRow(id: string, error: unknown, retry: () => void, fallback: string): MessageNode {
    return new MessageNode(
      id,
      userSentence(error, fallback),
      'error',
      retry,
      vscode.l10n.t('Click to retry. The log has the details.'),
    );
  }

  /** `kmsSecrets.retry` on an error row (its own retry), a region row (list it again) or nothing (everything). */
  retry(node?: unknown): void {
    if (node instanceof MessageNode && node.retry) node.retry();
    else if (node instanceof RegionNode) this.reload(node.region);
    else this.refresh();
  }

  /** Lists a region again (after an error, or when a change is too large to patch). */
  reload(region: string): void {
    this.lists.get(region)?.abort();
    this.lists.delete(region);
    for (const key of [...this.nodes.keys()]) if (key.startsWith(`${region}|`)) this.nodes.delete(key);
    this.changed.fire(this.regionParent(region));
  }

  /**
   * A secret changed (or appeared): describe it again and patch its row, dropping cached versions and tooltip, so the
   * tree stays put instead of relisting 10,000 secrets.
   */
  async secretChanged(region: string, name: string): Promise<void> {
    const client = await this.connections.client(region);
    client.invalidate(name);
    const list = this.lists.get(region);
    let summary: SecretSummary | undefined;
    let details: SecretMetadata | undefined;
    try {
      details = await client.describeSecret(name);
      summary = {
        name: details.name,
        type: details.type,
        createTime: details.createTime,
        updateTime: details.updateTime,
        plannedDeleteTime: details.plannedDeleteTime,
        tags: details.tags,
      };
    } catch {
      summary = undefined;
    }
    if (list) {
      if (summary && (!this.currentFilter || this.currentFilter.matches(summary))) list.upsert(summary);
      else list.remove(name);
    }
    const node = this.nodes.get(`${region}|${name}`);
    if (node && summary) {
      node.summary = summary;
      node.tooltip = undefined;
      node.versions = undefined;
      node.details = details;
    }
    if (!summary) this.nodes.delete(`${region}|${name}`);
    this.changed.fire(node && summary ? node : this.regionParent(region));
    if (node && summary) this.changed.fire(this.regionParent(region));
  }

  /** Loaded secrets of a region (for pickers), without waiting for more pages. */
  loaded(region: string): readonly SecretSummary[] {
    return this.lists.get(region)?.items ?? [];
  }

  /** Test and diagnostics hook: the load figures of a region, once its listing finished. */
  async whenListed(region = this.connections.region): Promise<SecretList> {
    const list = this.list(region);
    await list.done;
    return this.lists.get(region) === list ? list : this.whenListed(region);
  }
}

/** ACSCurrent first, then other staged versions, then the stage-less ones; newest first within each group. */
function orderVersions(versions: SecretVersion[]): SecretVersion[] {
  const rank = (v: SecretVersion) =>
    v.stages.includes('ACSCurrent') ? 0 : v.stages.includes('ACSPrevious') ? 1 : v.stages.length ? 2 : 3;
  return [...versions].sort((a, b) => rank(a) - rank(b) || (b.createTime ?? '').localeCompare(a.createTime ?? ''));
}
