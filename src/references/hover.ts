import * as vscode from 'vscode';
import { Commands } from '../commands';
import type { SecretUse } from '../core/check';
import { displayTime } from '../core/displayTime';
import { failureSentence } from '../core/failure';
import type { SecretMetadata, SecretVersion } from '../core/kms/types';
import { DEFAULT_STAGE } from '../core/reference';
import { formatRotationInterval } from '../core/rotation';
import type { SecretCatalog } from './catalog';
import { linkedMentions, mentionAt, type SecretMention } from './mentions';
import { revealUri } from './reveal';

/** A line the hover may add from what is already in memory (the secret usage's "last read … by …"); never a request. */
export interface CachedHoverLine {
  describeLastRead(region: string, name: string): string | undefined;
}

/**
 * Hover on a secret a document names (a `kms://` reference, or a field of an ExternalSecret entry): what it reads, the
 * secret's metadata as rows, and a link to it in the explorer; never its value.
 */
export class ReferenceHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly catalog: SecretCatalog,
    private readonly usage?: CachedHoverLine,
  ) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    const mention = mentionAt(document, position);
    if (!mention) return undefined;
    const md = new vscode.MarkdownString(undefined, true);
    const use = mention.use;
    if (!use) {
      appendUnusable(md, mention);
      return new vscode.Hover(md, mention.range);
    }
    const region = this.catalog.regionOf(use);
    md.appendMarkdown(`**${vscode.l10n.t('KMS secret')}** `)
      .appendMarkdown(code(use.name))
      .appendText(` · ${region}`);
    md.appendText(`\n${readsSentence(use)}`);
    if (!this.catalog.signedIn) {
      md.appendMarkdown(`\n\n_${vscode.l10n.t("Sign in to KMS to see the secret's metadata.")}_`);
      return new vscode.Hover(md, mention.range);
    }
    try {
      const rows = await this.metadataRows(region, use.name);
      if (token.isCancellationRequested) return undefined;
      md.appendMarkdown('\n\n');
      for (const [label, value] of rows)
        md.appendMarkdown(`**${vscode.l10n.t('{0}:', label)}** `)
          .appendText(value)
          .appendMarkdown('  \n');
    } catch (error) {
      if (token.isCancellationRequested) return undefined;
      md.appendMarkdown('\n\n').appendText(
        failureSentence(error, vscode.l10n.t('KMS could not describe this secret.')),
      );
    }
    const lastRead = this.usage?.describeLastRead(region, use.name);
    if (lastRead) md.appendMarkdown('\n\n').appendText(lastRead);
    // A reference or an entry key is a document link to the explorer, which the workbench lists under this text; the
    // other fields of an entry (versionStage, a jmesPath path) are not, so their hover carries the one link.
    const linked = linkedMentions(document).some((link) => link.range.isEqual(mention.range));
    if (!linked) {
      md.isTrusted = { enabledCommands: [Commands.revealInExplorer] };
      const reveal = vscode.l10n.t('Reveal in Explorer');
      const tip = vscode.l10n.t('Show this secret in the KMS Secrets view');
      md.appendMarkdown(
        `\n\n[$(list-tree) ${reveal}](${revealUri(use, region).toString()} "${tip.replace(/"/g, "'")}")`,
      );
    }
    return new vscode.Hover(md, mention.range);
  }

  /** The secret's metadata as label/value rows (DescribeSecret and the version list; never the value). */
  private async metadataRows(region: string, name: string): Promise<[string, string][]> {
    const [details, versions] = await Promise.all([
      this.catalog.describe(region, name),
      this.catalog.versions(region, name).catch(() => undefined),
    ]);
    return [...describeRows(details), ...versionRows(versions)];
  }
}

function describeRows(details: SecretMetadata): [string, string][] {
  const rows: [string, string][] = [[vscode.l10n.t('Type'), details.type]];
  if (details.description) rows.push([vscode.l10n.t('Description'), details.description]);
  if (details.rotation) {
    const r = details.rotation;
    const parts = [r.enabled ? vscode.l10n.t('enabled') : r.status.toLowerCase()];
    if (r.interval) parts.push(vscode.l10n.t('every {0}', formatRotationInterval(r.interval) ?? r.interval));
    if (r.nextRotationDate) parts.push(vscode.l10n.t('next {0}', displayTime(r.nextRotationDate)));
    rows.push([vscode.l10n.t('Rotation'), parts.join(', ')]);
  } else {
    rows.push([vscode.l10n.t('Rotation'), vscode.l10n.t('none (generic secret)')]);
  }
  if (details.updateTime) rows.push([vscode.l10n.t('Updated'), displayTime(details.updateTime)]);
  if (details.createTime) rows.push([vscode.l10n.t('Created'), displayTime(details.createTime)]);
  if (details.plannedDeleteTime)
    rows.push([
      vscode.l10n.t('Pending deletion'),
      vscode.l10n.t('planned for {0}', displayTime(details.plannedDeleteTime)),
    ]);
  if (details.tags.length)
    rows.push([vscode.l10n.t('Tags'), details.tags.map((tag) => `${tag.key}=${tag.value}`).join(', ')]);
  return rows;
}

function versionRows(versions: SecretVersion[] | undefined): [string, string][] {
  if (!versions?.length) return [];
  const list = versions.map((v) => `${v.versionId}${v.stages.length ? ` (${v.stages.join(', ')})` : ''}`).join('; ');
  return [[vscode.l10n.t('Versions'), list]];
}

/** Which version and JSON keys a use reads, in one or two sentences. */
function readsSentence(use: SecretUse): string {
  const version =
    use.versionId !== undefined && use.stage !== undefined
      ? vscode.l10n.t('Reads version {0} when it has the stage {1}.', use.versionId, use.stage)
      : use.versionId !== undefined
        ? vscode.l10n.t('Reads version {0}.', use.versionId)
        : vscode.l10n.t('Reads stage {0}.', use.stage ?? DEFAULT_STAGE);
  const keys = use.jsonKeys ?? [];
  if (!keys.length) return version;
  const names = keys.map((k) => `'${k}'`).join(', ');
  return `${version} ${keys.length === 1 ? vscode.l10n.t('JSON key {0}.', names) : vscode.l10n.t('JSON keys {0}.', names)}`;
}

function appendUnusable(md: vscode.MarkdownString, mention: SecretMention): void {
  const what =
    mention.origin === 'entry' ? vscode.l10n.t('ExternalSecret entry') : vscode.l10n.t('KMS secret reference');
  if (mention.template) {
    md.appendMarkdown(`**${what}** `).appendText(vscode.l10n.t('(with a template: checked after substitution)'));
  } else {
    md.appendMarkdown(`**${vscode.l10n.t('Malformed {0}', what)}**\n\n`).appendText(mention.error ?? '');
  }
}

/** Each secret a document names links to it in the explorer ("go to"): references, and ExternalSecret `key` fields. */
export class ReferenceLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly catalog: SecretCatalog) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    return linkedMentions(document).map(({ range, use }) => {
      const link = new vscode.DocumentLink(range, revealUri(use, this.catalog.regionOf(use)));
      link.tooltip = vscode.l10n.t('Reveal in Explorer');
      return link;
    });
  }
}

function code(text: string): string {
  return '`' + text.replace(/`/g, '') + '`';
}
