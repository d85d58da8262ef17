import * as vscode from 'vscode';
import {
  DEFAULT_STAGE,
  encodeKeyComponent,
  QUERY_KEYS,
  referenceContextAt,
  tryParseReference,
  type QueryKey,
  type ReferenceContext,
} from '../core/reference';
import type { SecretCatalog } from './catalog';

export const TRIGGER_CHARACTERS = ['/', '?', '=', '&', '#'];

/**
 * Completion inside `kms://…`: secret names, then query keys and `stage=`/`version=` values, then `#` JSON key names,
 * all from the catalog (listing, versions, key names). Never a value.
 */
export class ReferenceCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly catalog: SecretCatalog) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.CompletionList | undefined> {
    if (!this.catalog.signedIn) return undefined;
    const line = document.lineAt(position.line).text;
    const context = referenceContextAt(line, position.character);
    if (!context) return undefined;
    const range = new vscode.Range(position.line, context.partStart, position.line, context.partEnd);
    const items = await this.items(line, context, range);
    if (token.isCancellationRequested || !items) return undefined;
    return new vscode.CompletionList(items, false);
  }

  private async items(
    line: string,
    context: ReferenceContext,
    range: vscode.Range,
  ): Promise<vscode.CompletionItem[] | undefined> {
    // The reference up to the part being typed tells the region, stage and version that apply.
    const head = tryParseReference(line.slice(context.start, Math.max(context.start, context.partStart - 1)));
    const region = head ? this.catalog.regionOf(head) : this.catalog.activeRegion;
    switch (context.kind) {
      case 'name': {
        const secrets = await this.catalog.list(this.regionFromQuery(line, context) ?? region).catch(() => []);
        return secrets.map((s) => {
          const item = new vscode.CompletionItem(
            { label: s.name, description: s.type },
            vscode.CompletionItemKind.Value,
          );
          item.range = range;
          item.filterText = s.name;
          item.detail = s.plannedDeleteTime ? `${s.type} secret, pending deletion` : `${s.type} secret`;
          if (s.plannedDeleteTime) item.tags = [vscode.CompletionItemTag.Deprecated];
          return item;
        });
      }
      case 'queryKey': {
        const present = new Set<QueryKey>(context.presentKeys);
        return QUERY_KEYS.filter(
          (k) =>
            !present.has(k) && !(k === 'stage' && present.has('version')) && !(k === 'version' && present.has('stage')),
        ).map((k) => {
          const item = new vscode.CompletionItem(`${k}=`, vscode.CompletionItemKind.Property);
          item.range = range;
          item.insertText = `${k}=`;
          item.command = { title: 'values', command: 'editor.action.triggerSuggest' };
          return item;
        });
      }
      case 'stage':
      case 'version': {
        if (!context.secretName) return undefined;
        const versions = await this.catalog.versions(region, context.secretName).catch(() => []);
        if (context.kind === 'stage') {
          const stages = [...new Set(versions.flatMap((v) => v.stages))];
          return stages.map((stage, i) => {
            const item = new vscode.CompletionItem(stage, vscode.CompletionItemKind.EnumMember);
            item.range = range;
            item.detail =
              stage === DEFAULT_STAGE
                ? 'the default stage'
                : `version ${versions.find((v) => v.stages.includes(stage))?.versionId ?? ''}`;
            item.sortText = String(i).padStart(4, '0');
            return item;
          });
        }
        return versions.map((v, i) => {
          const item = new vscode.CompletionItem(v.versionId, vscode.CompletionItemKind.EnumMember);
          item.range = range;
          item.detail = [v.stages.join(', '), v.createTime].filter(Boolean).join(' · ') || undefined;
          item.sortText = String(i).padStart(4, '0');
          return item;
        });
      }
      case 'jsonKey': {
        if (!context.secretName || !vscode.workspace.isTrusted) return undefined;
        const beforeHash = line.slice(context.start, context.partStart - 1);
        const reference = tryParseReference(beforeHash);
        if (!reference) return undefined;
        const keys = await this.catalog.jsonKeys(reference).catch(() => undefined);
        return (keys ?? []).map((key) => {
          const item = new vscode.CompletionItem(key, vscode.CompletionItemKind.Field);
          item.range = range;
          item.insertText = encodeKeyComponent(key);
          item.filterText = encodeKeyComponent(key);
          item.detail = 'JSON key';
          return item;
        });
      }
      default:
        return undefined;
    }
  }

  /** `?region=` written after the name (while the name is being typed, the head does not parse). */
  private regionFromQuery(line: string, context: ReferenceContext): string | undefined {
    const m = /[?&]region=([a-z0-9-]+)/.exec(line.slice(context.partEnd, context.end));
    return m?.[1];
  }
}
