import * as vscode from 'vscode';
import type { SecretMetadata, SecretSummary, SecretVersion } from '../core/kms/types';
import { isManaged } from '../core/secretInput';
import { formatReference, SecretReference } from '../core/reference';
import { ecsContextFlag, ecsDescription, isEcs } from './ecs';
import { secretDescription, typeIcon, typeLabel, versionTooltip } from './format';
import { secretUri } from './secretUri';

/**
 * Tree nodes. Each builds its own TreeItem with a stable `id` and a composite `contextValue` (`kind;flag;flag`), which
 * the manifest matches with `viewItem =~ /^secret;.*\bgeneric\b/` and the like.
 */
export type ExplorerNode = RegionNode | SecretNode | VersionNode | JsonKeyNode | MessageNode;

export class RegionNode {
  readonly kind = 'region';
  constructor(readonly region: string) {}

  toTreeItem(description: string | undefined): vscode.TreeItem {
    const item = new vscode.TreeItem(this.region, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `region|${this.region}`;
    item.iconPath = new vscode.ThemeIcon('globe');
    item.description = description;
    item.contextValue = 'region';
    return item;
  }
}

export class SecretNode {
  readonly kind = 'secret';
  /** Versions once listed (cleared on change). */
  versions?: Promise<SecretVersion[]>;
  tooltip?: vscode.MarkdownString;
  /** DescribeSecret's answer once fetched (ECS rows show parts of it: src/explorer/ecs.ts); cleared on change. */
  details?: SecretMetadata;
  /** The background DescribeSecret of an ECS row was started (once per summary). */
  described?: boolean;

  constructor(
    readonly region: string,
    public summary: SecretSummary,
    readonly parent: RegionNode | undefined,
  ) {}

  get name(): string {
    return this.summary.name;
  }

  get deleting(): boolean {
    return this.summary.plannedDeleteTime !== undefined;
  }

  toTreeItem(): vscode.TreeItem {
    const s = this.summary;
    const item = new vscode.TreeItem(
      s.name,
      this.deleting ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = `secret|${this.region}|${s.name}`;
    item.iconPath = typeIcon(s);
    item.description = isEcs(s) && this.details && !this.deleting ? ecsDescription(this.details) : secretDescription(s);
    item.tooltip = this.tooltip;
    // Keys the usage feature's decorations (secrets nobody read lately); the label and icon stay as set here.
    item.resourceUri = secretUri(this.region, s.name);
    item.accessibilityInformation = {
      label: this.deleting
        ? vscode.l10n.t('{0}, {1} secret, pending deletion', s.name, typeLabel(s.type))
        : vscode.l10n.t('{0}, {1} secret', s.name, typeLabel(s.type)),
    };
    item.contextValue = [
      'secret',
      ...(isEcs(s) ? [ecsContextFlag(this.details)] : []),
      isManaged(s.type) ? 'managed' : 'generic',
      this.deleting ? 'deleting' : 'active',
    ].join(';');
    return item;
  }

  reference(): SecretReference {
    return { name: this.name };
  }
}

export class VersionNode {
  readonly kind = 'version';
  /** JSON keys of this version's value once read (the value itself is never kept here). */
  keys?: Promise<string[] | undefined>;
  /**
   * What reading the keys found: `json` (expandable), `text` (a plain value: no expand arrow) or `unknown` (not read
   * yet, or the read failed: expandable, so the row can say why).
   */
  content: 'json' | 'text' | 'unknown';

  constructor(
    readonly secret: SecretNode,
    readonly version: SecretVersion,
  ) {
    // Managed secrets (RDS, RAM, ECS…) always hold JSON.
    this.content = isManaged(secret.summary.type) ? 'json' : 'unknown';
  }

  get region(): string {
    return this.secret.region;
  }

  get name(): string {
    return this.secret.name;
  }

  /** How to address this version: ACSCurrent → the default, else its first stage, else its id. */
  selector(): { stage?: string; versionId?: string } {
    if (this.version.stages.includes('ACSCurrent')) return { stage: 'ACSCurrent' };
    if (this.version.stages.length) return { stage: this.version.stages[0] };
    return { versionId: this.version.versionId };
  }

  toTreeItem(): vscode.TreeItem {
    const v = this.version;
    const item = new vscode.TreeItem(
      v.versionId,
      this.content === 'text' ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = `version|${this.region}|${this.name}|${v.versionId}`;
    const current = v.stages.includes('ACSCurrent');
    item.iconPath = new vscode.ThemeIcon(
      current ? 'circle-filled' : v.stages.length ? 'circle-outline' : 'circle-slash',
    );
    item.description = v.stages.length ? v.stages.join(', ') : vscode.l10n.t('no stage');
    item.tooltip = versionTooltip(this.name, v);
    item.contextValue = [
      'version',
      current ? 'current' : v.stages.length ? 'staged' : 'unstaged',
      isManaged(this.secret.summary.type) ? 'managed' : 'generic',
    ].join(';');
    return item;
  }

  reference(): SecretReference {
    const selector = this.selector();
    return {
      name: this.name,
      stage: selector.stage === 'ACSCurrent' ? undefined : selector.stage,
      versionId: selector.versionId,
    };
  }
}

export class JsonKeyNode {
  readonly kind = 'jsonKey';
  constructor(
    readonly version: VersionNode,
    readonly key: string,
  ) {}

  get region(): string {
    return this.version.region;
  }

  get name(): string {
    return this.version.name;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.key, vscode.TreeItemCollapsibleState.None);
    item.id = `key|${this.region}|${this.name}|${this.version.version.versionId}|${this.key}`;
    item.iconPath = new vscode.ThemeIcon('symbol-field');
    item.tooltip = vscode.l10n.t(
      'Key "{0}" of the JSON value. Copy Reference gives {1}',
      this.key,
      formatReference(this.reference()),
    );
    item.contextValue = 'jsonKey';
    return item;
  }

  reference(): SecretReference {
    return { ...this.version.reference(), jsonKey: this.key };
  }
}

/** Rows that are not data: loading, empty, error (with a retry action). */
export class MessageNode {
  readonly kind = 'message';
  constructor(
    readonly id: string,
    readonly label: string,
    readonly style: 'info' | 'loading' | 'error',
    /** For errors: what Retry does. */
    readonly retry?: () => void,
    readonly detail?: string,
  ) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = `message|${this.id}`;
    item.iconPath =
      this.style === 'error'
        ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
        : this.style === 'loading'
          ? new vscode.ThemeIcon('loading~spin')
          : new vscode.ThemeIcon('info');
    item.tooltip = this.detail ?? this.label;
    item.contextValue = this.style === 'error' ? 'error' : 'message';
    if (this.style === 'error' && this.retry) {
      item.command = { command: 'kmsSecrets.retry', title: vscode.l10n.t('Retry'), arguments: [this] };
    }
    return item;
  }
}

/** Anything a value/reference command can act on. */
export type SecretTargetNode = SecretNode | VersionNode | JsonKeyNode;

export function isTargetNode(x: unknown): x is SecretTargetNode {
  return x instanceof SecretNode || x instanceof VersionNode || x instanceof JsonKeyNode;
}
