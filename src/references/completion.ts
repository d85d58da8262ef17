import * as vscode from 'vscode';
import { entryUse, keyPath, scalarStyle, yamlScalar, type EntryFieldAt } from '../core/externalSecret';
import type { SecretSummary, SecretVersion } from '../core/kms/types';
import {
  DEFAULT_STAGE,
  encodeKeyComponent,
  QUERY_KEYS,
  referenceContextAt,
  tryParseReference,
  type QueryKey,
  type ReferenceContext,
} from '../core/reference';
import { listedKeys, type SecretCatalog } from './catalog';
import { manifestFieldAt, rangeOf } from './mentions';

/** Inside references: after the scheme, `?`, `=`, `&`, `#`; in manifests: the space after `key:` (YAML values are strings, where quick suggestions are off by default). */
export const TRIGGER_CHARACTERS = ['/', '?', '=', '&', '#', ' '];

/** How a candidate is written where it goes: as is, percent-encoded in a reference, a YAML scalar in a manifest. */
type Write = (candidate: string) => string;
const asIs: Write = (candidate) => candidate;

/**
 * Completion of what names a secret: inside `kms://…` (secret names, then query keys and `stage=`/`version=` values,
 * then `#` JSON key names), and in ExternalSecret entries (`key`, `versionStage`, `versionId`, `jmesPath[].path`),
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
    let items: vscode.CompletionItem[] | undefined;
    if (context) {
      const range = new vscode.Range(position.line, context.partStart, position.line, context.partEnd);
      items = await this.referenceItems(line, context, range);
    } else {
      const at = manifestFieldAt(document, document.offsetAt(position));
      if (at) items = await this.entryItems(document, at);
    }
    if (token.isCancellationRequested || !items) return undefined;
    return new vscode.CompletionList(items, false);
  }

  private async referenceItems(
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
        return nameItems(secrets, range, asIs);
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
          item.command = { title: vscode.l10n.t('Suggest values'), command: 'editor.action.triggerSuggest' };
          return item;
        });
      }
      case 'stage':
      case 'version': {
        if (!context.secretName) return undefined;
        const versions = await this.catalog.versions(region, context.secretName).catch(() => []);
        return context.kind === 'stage' ? stageItems(versions, range, asIs) : versionItems(versions, range, asIs);
      }
      case 'jsonKey': {
        if (!context.secretName || !vscode.workspace.isTrusted) return undefined;
        const reference = tryParseReference(line.slice(context.start, context.partStart - 1));
        if (!reference) return undefined;
        const keys = await this.catalog.jsonKeys(reference).catch(() => undefined);
        return keyItems(listedKeys(keys), range, encodeKeyComponent);
      }
      default:
        return undefined;
    }
  }

  /** An ExternalSecret entry field: the whole value (quotes included) is replaced, written as a YAML scalar. */
  private async entryItems(document: vscode.TextDocument, at: EntryFieldAt): Promise<vscode.CompletionItem[]> {
    const range = rangeOf(document, at.value);
    const style = scalarStyle(document.getText(), at.value);
    const write: Write = (candidate) => yamlScalar(candidate, style);
    if (at.field === 'key') return nameItems(await this.catalog.list().catch(() => []), range, write);
    if (at.field === 'name') return [];
    const result = entryUse(at.manifest, at.entry);
    if (!result || !('use' in result)) return [];
    const { use } = result;
    const region = this.catalog.regionOf(use);
    if (at.field === 'jmesPath.path') {
      if (!vscode.workspace.isTrusted) return [];
      const reference = {
        name: use.name,
        region: use.region,
        arn: use.arn,
        stage: use.stage,
        versionId: use.versionId,
      };
      const keys = await this.catalog.jsonKeys(reference, { yaml: true }).catch(() => undefined);
      return keyItems(listedKeys(keys), range, (key) => write(keyPath(key)));
    }
    const versions = await this.catalog.versions(region, use.name).catch(() => []);
    return at.field === 'versionStage' ? stageItems(versions, range, write) : versionItems(versions, range, write);
  }

  /** `?region=` written after the name (while the name is being typed, the head does not parse). */
  private regionFromQuery(line: string, context: ReferenceContext): string | undefined {
    const m = /[?&]region=([a-z0-9-]+)/.exec(line.slice(context.partEnd, context.end));
    return m?.[1];
  }
}

/** An item whose text replaces `range`; what is typed there so far is matched against the written form. */
function item(
  label: string | vscode.CompletionItemLabel,
  kind: vscode.CompletionItemKind,
  range: vscode.Range,
  text: string,
): vscode.CompletionItem {
  const result = new vscode.CompletionItem(label, kind);
  result.range = range;
  result.insertText = text;
  result.filterText = text;
  return result;
}

function nameItems(secrets: SecretSummary[], range: vscode.Range, write: Write): vscode.CompletionItem[] {
  return secrets.map((s) => {
    const result = item({ label: s.name, description: s.type }, vscode.CompletionItemKind.Value, range, write(s.name));
    result.detail = s.plannedDeleteTime
      ? vscode.l10n.t('{0} secret, pending deletion', s.type)
      : vscode.l10n.t('{0} secret', s.type);
    if (s.plannedDeleteTime) result.tags = [vscode.CompletionItemTag.Deprecated];
    return result;
  });
}

function stageItems(versions: SecretVersion[], range: vscode.Range, write: Write): vscode.CompletionItem[] {
  const stages = [...new Set(versions.flatMap((v) => v.stages))];
  return stages.map((stage, i) => {
    const result = item(stage, vscode.CompletionItemKind.EnumMember, range, write(stage));
    result.detail =
      stage === DEFAULT_STAGE
        ? vscode.l10n.t('the default stage')
        : vscode.l10n.t('version {0}', versions.find((v) => v.stages.includes(stage))?.versionId ?? '');
    result.sortText = String(i).padStart(4, '0');
    return result;
  });
}

function versionItems(versions: SecretVersion[], range: vscode.Range, write: Write): vscode.CompletionItem[] {
  return versions.map((v, i) => {
    const result = item(v.versionId, vscode.CompletionItemKind.EnumMember, range, write(v.versionId));
    result.detail = [v.stages.join(', '), v.createTime].filter(Boolean).join(' · ') || undefined;
    result.sortText = String(i).padStart(4, '0');
    return result;
  });
}

function keyItems(keys: string[], range: vscode.Range, write: Write): vscode.CompletionItem[] {
  return keys.map((key) => {
    const result = item(key, vscode.CompletionItemKind.Field, range, write(key));
    result.detail = vscode.l10n.t('JSON key');
    return result;
  });
}
