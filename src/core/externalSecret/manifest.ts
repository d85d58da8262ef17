/**
 * ExternalSecret manifests (ack-secret-manager, `alibabacloud.com/v1alpha1`) as references: every entry of
 * `spec.data[]` and `spec.dataProcess[].extract` with the exact span of its `key`, `name`, `versionStage`,
 * `versionId` and `jmesPath[].path`, for diagnostics, hover, completion and go-to, and the CRD issues of the manifest.
 */
import { isMap, isScalar, isSeq, Scalar, type Document, type Node, type YAMLMap } from 'yaml';
import { kubernetesObjects } from './documents';
import { fieldOf, resolveAlias, spanOf, stringAt, type Span } from './nodes';
import { EXTERNAL_SECRET_API_VERSION, EXTERNAL_SECRET_KIND, validateNode, type SchemaIssue } from './schema';

/** A scalar field as written. */
export interface ManifestField extends Span {
  /** Its value when it is a string (undefined for numbers, booleans, mappings, …). */
  value?: string;
  /** The text inside the quotes (equal to the span when unquoted): what a completion replaces. */
  inner: Span;
}

export interface JmesPathItem extends Span {
  path?: ManifestField;
  objectAlias?: ManifestField;
}

export interface ExternalSecretEntry extends Span {
  /** `data` entries, or `dataProcess[].extract` (which explodes every top-level key of the value). */
  section: 'data' | 'dataProcess';
  /** Index in its section. */
  index: number;
  key?: ManifestField;
  name?: ManifestField;
  versionStage?: ManifestField;
  versionId?: ManifestField;
  jmesPath: JmesPathItem[];
  /** The entry reads through this SecretStore (its own credentials), not the controller's default identity. */
  secretStoreRef?: { name?: string; namespace?: string };
}

export interface ExternalSecretManifest extends Span {
  /** 0-based index of its YAML document in the file. */
  document: number;
  name?: string;
  namespace?: string;
  /** `kms` (the default) or `oos`; only `kms` entries name KMS secrets. */
  provider: string;
  entries: ExternalSecretEntry[];
  /** Where the manifest breaks the CRD schema. */
  issues: SchemaIssue[];
}

/** Every ExternalSecret in a (multi-document) YAML text; other documents are ignored. */
export function findExternalSecrets(text: string): ExternalSecretManifest[] {
  if (!text.includes(EXTERNAL_SECRET_KIND)) return [];
  const manifests: ExternalSecretManifest[] = [];
  for (const object of kubernetesObjects(text)) {
    if (object.apiVersion !== EXTERNAL_SECRET_API_VERSION || object.kind !== EXTERNAL_SECRET_KIND) continue;
    const { doc, node } = object;
    const metadata = fieldOf(node, 'metadata', doc).node;
    const spec = fieldOf(node, 'spec', doc).node;
    const entries: ExternalSecretEntry[] = [];
    if (isMap(spec)) {
      itemsAt(spec, 'data', doc).forEach((item, index) => {
        if (isMap(item.node)) entries.push(entryOf(item.node, item.raw, 'data', index, text, doc));
      });
      itemsAt(spec, 'dataProcess', doc).forEach((item, index) => {
        const extract = isMap(item.node) ? fieldOf(item.node, 'extract', doc) : undefined;
        if (extract && isMap(extract.node))
          entries.push(entryOf(extract.node, extract.raw, 'dataProcess', index, text, doc));
      });
    }
    manifests.push({
      document: object.document,
      ...spanOf(node),
      name: isMap(metadata) ? stringAt(metadata, 'name', doc) : undefined,
      namespace: isMap(metadata) ? stringAt(metadata, 'namespace', doc) : undefined,
      provider: (isMap(spec) ? stringAt(spec, 'provider', doc) : undefined) ?? 'kms',
      entries,
      issues: validateNode(node, doc),
    });
  }
  return manifests;
}

function itemsAt(map: YAMLMap, key: string, doc: Document): { raw: Node; node: unknown }[] {
  const { node } = fieldOf(map, key, doc);
  if (!isSeq(node)) return [];
  return node.items.map((raw) => ({ raw: raw as Node, node: resolveAlias(raw, doc) }));
}

function entryOf(
  map: YAMLMap,
  raw: Node | undefined,
  section: ExternalSecretEntry['section'],
  index: number,
  text: string,
  doc: Document,
): ExternalSecretEntry {
  const scalar = (m: YAMLMap, key: string): ManifestField | undefined => fieldAt(m, key, text, doc);
  const store = fieldOf(map, 'secretStoreRef', doc).node;
  const jmesPath: JmesPathItem[] = [];
  for (const item of itemsAt(map, 'jmesPath', doc)) {
    if (!isMap(item.node)) continue;
    jmesPath.push({
      ...spanOf(item.raw),
      path: scalar(item.node, 'path'),
      objectAlias: scalar(item.node, 'objectAlias'),
    });
  }
  return {
    section,
    index,
    ...spanOf(raw ?? map),
    key: scalar(map, 'key'),
    name: scalar(map, 'name'),
    versionStage: scalar(map, 'versionStage'),
    versionId: scalar(map, 'versionId'),
    jmesPath,
    ...(isMap(store) && {
      secretStoreRef: { name: stringAt(store, 'name', doc), namespace: stringAt(store, 'namespace', doc) },
    }),
  };
}

function fieldAt(map: YAMLMap, key: string, text: string, doc: Document): ManifestField | undefined {
  const { raw, node } = fieldOf(map, key, doc);
  if (!raw) return undefined;
  const span = spanOf(raw);
  const value = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
  const quoted =
    isScalar(raw) &&
    (raw.type === Scalar.QUOTE_DOUBLE || raw.type === Scalar.QUOTE_SINGLE) &&
    span.end - span.start >= 2 &&
    !text.slice(span.start, span.end).includes('\n');
  return { ...span, value, inner: quoted ? { start: span.start + 1, end: span.end - 1 } : span };
}

export type EntryFieldName = 'key' | 'name' | 'versionStage' | 'versionId' | 'jmesPath.path';

export interface EntryFieldAt {
  manifest: ExternalSecretManifest;
  entry: ExternalSecretEntry;
  field: EntryFieldName;
  /** Which `jmesPath` item, for `jmesPath.path`. */
  jmesPathIndex?: number;
  /** The field's value as written so far (inside quotes); an empty field (`key: `) has an empty span at its end. */
  value: ManifestField;
}

/** The entry field under `offset` (inside its value, ends included), for completion, hover and go-to. */
export function entryFieldAt(manifests: ExternalSecretManifest[], offset: number): EntryFieldAt | undefined {
  const inside = (field?: ManifestField) =>
    field !== undefined && field.inner.start <= offset && offset <= field.inner.end;
  for (const manifest of manifests) {
    for (const entry of manifest.entries) {
      if (offset < entry.start || offset > entry.end) continue;
      for (const field of ['key', 'name', 'versionStage', 'versionId'] as const) {
        if (inside(entry[field])) return { manifest, entry, field, value: entry[field]! };
      }
      const index = entry.jmesPath.findIndex((item) => inside(item.path));
      if (index >= 0)
        return { manifest, entry, field: 'jmesPath.path', jmesPathIndex: index, value: entry.jmesPath[index].path! };
    }
  }
  return undefined;
}
