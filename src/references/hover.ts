import * as vscode from 'vscode';
import { displayTime } from '../core/displayTime';
import { failureSentence } from '../core/failure';
import { DEFAULT_STAGE, findReferences, type FoundReference } from '../core/reference';
import { formatRotationInterval } from '../core/rotation';
import type { SecretCatalog } from './catalog';
import { revealUri } from './reveal';

/** The reference (valid or not) that holds the position; references never span lines. */
export function referenceAt(
  document: vscode.TextDocument,
  position: vscode.Position,
): { found: FoundReference; range: vscode.Range } | undefined {
  const line = document.lineAt(position.line);
  const found = findReferences(line.text).find((f) => f.start <= position.character && position.character <= f.end);
  if (!found) return undefined;
  return { found, range: new vscode.Range(position.line, found.start, position.line, found.end) };
}

/** Hover on a reference: the secret's metadata and a link to it in the explorer; never its value. */
export class ReferenceHoverProvider implements vscode.HoverProvider {
  constructor(private readonly catalog: SecretCatalog) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    const at = referenceAt(document, position);
    if (!at) return undefined;
    const { found, range } = at;
    const md = new vscode.MarkdownString(undefined, true);
    if (!found.reference) {
      if (found.error?.code === 'template') {
        md.appendMarkdown('**KMS secret reference** (with a template: checked after substitution)');
      } else {
        md.appendMarkdown('**Malformed KMS secret reference**\n\n').appendText(found.error?.message ?? '');
      }
      return new vscode.Hover(md, range);
    }
    const reference = found.reference;
    const region = this.catalog.regionOf(reference);
    md.appendMarkdown('**KMS secret** ').appendMarkdown(code(reference.name)).appendText(` · ${region}`);
    const selector = reference.versionId
      ? `version ${reference.versionId}`
      : `stage ${reference.stage ?? DEFAULT_STAGE}`;
    md.appendText(`\nReads ${selector}${reference.jsonKey !== undefined ? `, JSON key '${reference.jsonKey}'` : ''}.`);
    if (!this.catalog.signedIn) {
      md.appendMarkdown("\n\n_Sign in to KMS to see the secret's metadata._");
      return new vscode.Hover(md, range);
    }
    try {
      const [details, versions] = await Promise.all([
        this.catalog.describe(region, reference.name),
        this.catalog.versions(region, reference.name).catch(() => undefined),
      ]);
      if (token.isCancellationRequested) return undefined;
      md.appendMarkdown('\n\n');
      const rows: [string, string][] = [['Type', details.type]];
      if (details.description) rows.push(['Description', details.description]);
      if (versions?.length) {
        rows.push([
          'Versions',
          versions.map((v) => `${v.versionId}${v.stages.length ? ` (${v.stages.join(', ')})` : ''}`).join('; '),
        ]);
      }
      if (details.rotation) {
        const r = details.rotation;
        const parts = [r.enabled ? 'enabled' : r.status.toLowerCase()];
        if (r.interval) parts.push(`every ${formatRotationInterval(r.interval)}`);
        if (r.nextRotationDate) parts.push(`next ${displayTime(r.nextRotationDate)}`);
        rows.push(['Rotation', parts.join(', ')]);
      } else {
        rows.push(['Rotation', 'none (generic secret)']);
      }
      if (details.updateTime) rows.push(['Updated', displayTime(details.updateTime)]);
      if (details.createTime) rows.push(['Created', displayTime(details.createTime)]);
      if (details.plannedDeleteTime)
        rows.push(['Pending deletion', `planned for ${displayTime(details.plannedDeleteTime)}`]);
      if (details.tags.length) rows.push(['Tags', details.tags.map((t) => `${t.key}=${t.value}`).join(', ')]);
      for (const [label, value] of rows) md.appendMarkdown(`**${label}:** `).appendText(value).appendMarkdown('  \n');
    } catch (error) {
      if (token.isCancellationRequested) return undefined;
      md.appendMarkdown('\n\n').appendText(failureSentence(error, 'KMS could not describe this secret.'));
    }
    // The way to the explorer is the reference's own document link, which the hover lists under this text.
    return new vscode.Hover(md, range);
  }
}

/** Each valid reference links to its secret in the explorer ("go to"). */
export class ReferenceLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly catalog: SecretCatalog) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const text = document.getText();
    if (!text.includes('kms://') && !text.includes('acs:kms:')) return [];
    const links: vscode.DocumentLink[] = [];
    for (const found of findReferences(text)) {
      if (!found.reference) continue;
      const range = new vscode.Range(document.positionAt(found.start), document.positionAt(found.end));
      const link = new vscode.DocumentLink(range, revealUri(found.reference, this.catalog.regionOf(found.reference)));
      link.tooltip = vscode.l10n.t('Reveal in Explorer');
      links.push(link);
    }
    return links;
  }
}

function code(text: string): string {
  return '`' + text.replace(/`/g, '') + '`';
}
