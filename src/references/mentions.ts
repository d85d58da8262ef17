import * as vscode from 'vscode';
import type { SecretUse } from '../core/check';
import {
  EXTERNAL_SECRET_KIND,
  entryFieldAt,
  entryUse,
  findExternalSecrets,
  type EntryFieldAt,
  type ExternalSecretManifest,
  type Span,
} from '../core/externalSecret';
import { findReferences, type FoundReference } from '../core/reference';
import { findSecretUses } from '../core/secretUses';

/**
 * Documents larger than this are not read for secret names (references live in config and source files, not in
 * dumps); it also bounds the YAML parse behind hover and completion, so no file can hold the extension host up.
 */
export const MAX_CHECKED_TEXT = 2_000_000;

/**
 * A secret a document names where the cursor is: a `kms://` or ARN reference, or a field of an ExternalSecret entry
 * (`key`, `versionStage`, `versionId`, `jmesPath[].path`). Hover, reveal and links read secrets through this.
 */
export interface SecretMention {
  /** The reference, or the entry field, as it stands in the document. */
  range: vscode.Range;
  origin: 'reference' | 'entry';
  /** What it reads; absent when it names no secret (`error`) or a template fills it in later (`template`). */
  use?: SecretUse;
  error?: string;
  template?: boolean;
}

/** Whether a document may hold ExternalSecret manifests (YAML by language, or by name while still plain text). */
export function holdsManifests(document: vscode.TextDocument): boolean {
  return document.languageId === 'yaml' || /\.ya?ml$/i.test(document.uri.path);
}

const parsed = new WeakMap<vscode.TextDocument, { version: number; manifests: ExternalSecretManifest[] }>();

/** The document's ExternalSecret manifests, parsed once per version (hover, completion and code actions share it). */
export function manifestsOf(document: vscode.TextDocument): ExternalSecretManifest[] {
  if (!holdsManifests(document)) return [];
  const hit = parsed.get(document);
  if (hit?.version === document.version) return hit.manifests;
  const text = document.getText();
  const manifests = text.length > MAX_CHECKED_TEXT ? [] : findExternalSecrets(text);
  parsed.set(document, { version: document.version, manifests });
  return manifests;
}

/** The ExternalSecret entry field at `offset`, in manifests whose provider is KMS (`oos` ones name no KMS secret). */
export function manifestFieldAt(document: vscode.TextDocument, offset: number): EntryFieldAt | undefined {
  const at = entryFieldAt(manifestsOf(document), offset);
  return at?.manifest.provider === 'kms' ? at : undefined;
}

export function rangeOf(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

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

/** The secret named at `position`, by a reference or by an ExternalSecret entry field. */
export function mentionAt(document: vscode.TextDocument, position: vscode.Position): SecretMention | undefined {
  const reference = referenceAt(document, position);
  if (reference) {
    const { found, range } = reference;
    if (!found.reference) {
      return found.error?.code === 'template'
        ? { range, origin: 'reference', template: true }
        : { range, origin: 'reference', error: found.error?.message ?? '' };
    }
    const { jsonKey, ...rest } = found.reference;
    return { range, origin: 'reference', use: { ...rest, jsonKeys: jsonKey === undefined ? [] : [jsonKey] } };
  }
  const at = manifestFieldAt(document, document.offsetAt(position));
  if (!at || at.entry.key?.value === undefined) return undefined;
  const range = rangeOf(document, at.value);
  const result = entryUse(at.manifest, at.entry);
  if (!result) return { range, origin: 'entry', template: true };
  return 'use' in result
    ? { range, origin: 'entry', use: result.use }
    : { range, origin: 'entry', error: result.problem.message };
}

/** Every secret the document names where a link belongs: each reference, and each ExternalSecret entry's `key`. */
export function linkedMentions(document: vscode.TextDocument): { range: vscode.Range; use: SecretUse }[] {
  const text = document.getText();
  const manifests = holdsManifests(document) && text.includes(EXTERNAL_SECRET_KIND);
  if (text.length > MAX_CHECKED_TEXT || (!manifests && !text.includes('kms://') && !text.includes('acs:kms:')))
    return [];
  return findSecretUses(text, { manifests }).flatMap((found) =>
    found.use ? [{ range: rangeOf(document, found), use: found.use }] : [],
  );
}

/** The ExternalSecret entry field whose value is exactly `range` (a diagnostic's or a quick fix's), if any. */
export function manifestFieldIn(document: vscode.TextDocument, range: vscode.Range): EntryFieldAt | undefined {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  // The range may include quotes; its middle is inside them (an empty `key: ` is an empty range).
  const at = manifestFieldAt(document, Math.floor((start + end) / 2));
  return at && at.value.start === start && at.value.end === end ? at : undefined;
}
