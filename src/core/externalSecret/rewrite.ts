/**
 * "Move to KMS as ExternalSecret", planned without side effects: which KMS secrets to write (one JSON secret holding
 * every key, or one secret per key) and the edit that turns the `kind: Secret` into an ack-secret-manager
 * ExternalSecret naming them. The editor writes to KMS first and applies the edit only when every write succeeded.
 * Only the Secret's own text changes; other documents (and other items of a List) stay byte for byte.
 */
import * as l10n from '@vscode/l10n';
import { Document, isMap, isScalar, isSeq, visit, type Node, type YAMLMap } from 'yaml';
import { DEFAULT_STAGE } from '../reference';
import { MAX_SECRET_BYTES, validateSecretName } from '../kms/validation';
import type { TextEdit } from '../literalMove';
import { kubernetesObjects, YAML_OPTIONS, type KubernetesObject } from './documents';
import { keyPath } from './jmesPath';
import { fieldOf, mapAt, spanOf, stringAt, type Span } from './nodes';
import { EXTERNAL_SECRET_API_VERSION, EXTERNAL_SECRET_KIND } from './schema';

export interface SecretKey {
  key: string;
  /** `stringData` wins over `data` for the same key, as in Kubernetes. */
  from: 'data' | 'stringData';
  /** The value's text in the file (what the scanner flags). */
  value: Span;
}

export interface KubernetesSecret extends Span {
  document: number;
  name?: string;
  namespace?: string;
  type?: string;
  keys: SecretKey[];
}

/** One secret per key, or one JSON secret holding them all (read back with `jmesPath`). */
export type SecretLayout =
  { kind: 'json'; secretName: string } | { kind: 'perKey'; secretNames: Readonly<Record<string, string>> };

export interface RewriteOptions {
  /** Read through this SecretStore (its own credentials) instead of the controller's default identity. */
  secretStoreRef?: { name: string; namespace: string };
}

/** A KMS secret to create before the edit is applied. `value` is the only place values travel. */
export interface KmsWrite {
  secretName: string;
  value: string;
  /** `binary` values are base64 (a non-UTF-8 `data` value); ack-secret-manager decodes them. */
  dataType: 'text' | 'binary';
  /** The Secret keys this KMS secret holds. */
  keys: string[];
}

export interface ExternalSecretPlan {
  writes: KmsWrite[];
  /** Replaces the Secret's text with the ExternalSecret (no values in it). */
  edit: TextEdit;
  /** The ExternalSecret as data, as written by the edit. */
  manifest: Record<string, unknown>;
}

/** Every `kind: Secret` (apiVersion v1) with `data` or `stringData`, in documents and in List items. */
export function findKubernetesSecrets(text: string): KubernetesSecret[] {
  if (!text.includes('Secret')) return [];
  return kubernetesObjects(text).flatMap((object) => {
    const secret = describeSecret(object);
    return secret ? [secret] : [];
  });
}

/** The Secret whose text holds `offset` (e.g. a scanner finding), if any. */
export function kubernetesSecretAt(text: string, offset: number): KubernetesSecret | undefined {
  return findKubernetesSecrets(text).find((s) => s.start <= offset && offset <= s.end);
}

/**
 * Names to propose: `<namespace>/<name>` for one JSON secret, `<namespace>/<name>/<key>` for one per key (the editor
 * turns a taken one into a free `-2`, `-3`… when it asks: src/connection/secretNameBox.ts).
 */
export function suggestSecretNames(secret: Pick<KubernetesSecret, 'name' | 'namespace' | 'keys'>): {
  json: string;
  perKey: Record<string, string>;
} {
  const base = [secret.namespace, secret.name ?? 'secret'].filter(Boolean).join('/');
  return {
    json: base,
    perKey: Object.fromEntries(secret.keys.map(({ key }) => [key, `${base}/${key}`])),
  };
}

/**
 * Plans the rewrite of the Secret that holds `offset`. Throws an Error with one sentence when it cannot be done
 * (YAML errors, an anchor used elsewhere, invalid base64, binary data in a JSON secret, an invalid or missing name).
 */
export function planExternalSecretRewrite(
  text: string,
  offset: number,
  layout: SecretLayout,
  options: RewriteOptions = {},
): ExternalSecretPlan {
  const object = kubernetesObjects(text).find(
    (o) => describeSecret(o) !== undefined && o.node.range && o.node.range[0] <= offset && offset <= o.node.range[1],
  );
  if (!object) throw new Error(l10n.t('There is no Kubernetes Secret with data at this position.'));
  const { doc, node } = object;
  if (doc.errors.length)
    throw new Error(l10n.t('This YAML document has syntax errors; fix them before moving the Secret.'));
  assertAnchorsStayInside(doc, node);
  const list = object.listIndex === undefined ? undefined : fieldOf(doc.contents as YAMLMap, 'items', doc).node;
  if (isSeq(list) && list.flow)
    throw new Error(l10n.t('This Secret is in a flow-style list ([…]); write the list in block style first.'));

  const values = secretValues(object);
  if (!values.size) throw new Error(l10n.t('This Secret has no data to move.'));
  const writes = planWrites(values, layout);
  const manifest = externalSecretFor(object, [...values.keys()], layout, options);

  const start = node.range![0];
  let end = node.range![1];
  while (end > start && /\s/.test(text[end - 1])) end--;
  const column = start - (text.lastIndexOf('\n', start - 1) + 1);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const rendered = new Document(manifest, YAML_OPTIONS)
    .toString({ lineWidth: 0, indentSeq: true })
    .trimEnd()
    .split('\n')
    .map((line, i) => (i === 0 || !line ? line : ' '.repeat(column) + line))
    .join(eol);
  return { writes, edit: { start, end, newText: rendered }, manifest };
}

function describeSecret(object: KubernetesObject): KubernetesSecret | undefined {
  if (object.kind !== 'Secret' || (object.apiVersion !== undefined && object.apiVersion !== 'v1')) return undefined;
  const { doc, node } = object;
  const keys = new Map<string, SecretKey>();
  for (const from of ['data', 'stringData'] as const) {
    const map = mapAt(node, from, doc);
    for (const pair of map?.items ?? []) {
      if (!isScalar(pair.key)) continue;
      keys.set(String(pair.key.value), { key: String(pair.key.value), from, value: spanOf(pair.value as Node) });
    }
  }
  if (!keys.size) return undefined;
  const metadata = mapAt(node, 'metadata', doc);
  return {
    document: object.document,
    ...spanOf(node),
    name: metadata && stringAt(metadata, 'name', doc),
    namespace: metadata && stringAt(metadata, 'namespace', doc),
    type: stringAt(node, 'type', doc),
    keys: [...keys.values()],
  };
}

type Value = { text: string } | { binary: string };

/** key → value: `data` base64-decoded (binary when not UTF-8), `stringData` as written; stringData wins. */
function secretValues({ doc, node }: KubernetesObject): Map<string, Value> {
  let js: Record<string, unknown>;
  try {
    js = node.toJS(doc, { maxAliasCount: 100 }) as Record<string, unknown>;
  } catch {
    throw new Error(l10n.t('This Secret uses an alias that cannot be resolved; fix the YAML first.'));
  }
  const values = new Map<string, Value>();
  for (const [key, raw] of Object.entries(asRecord(js.data))) {
    if (typeof raw !== 'string') throw new Error(l10n.t('data.{0} is not a base64 string.', key));
    const compact = raw.replace(/\s+/g, '');
    if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact))
      throw new Error(l10n.t('data.{0} is not valid base64.', key));
    const bytes = Buffer.from(compact, 'base64');
    try {
      values.set(key, { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) });
    } catch {
      values.set(key, { binary: bytes.toString('base64') });
    }
  }
  for (const [key, raw] of Object.entries(asRecord(js.stringData))) {
    if (raw === null || typeof raw === 'object') throw new Error(l10n.t('stringData.{0} is not a string.', key));
    values.set(key, { text: String(raw) });
  }
  return values;
}

function planWrites(values: Map<string, Value>, layout: SecretLayout): KmsWrite[] {
  const writes: KmsWrite[] = [];
  if (layout.kind === 'json') {
    const object: Record<string, string> = {};
    for (const [key, value] of values) {
      if ('binary' in value)
        throw new Error(
          l10n.t('The key "{0}" holds binary data, which a JSON secret cannot carry; use one secret per key.', key),
        );
      object[key] = value.text;
    }
    writes.push({
      secretName: layout.secretName,
      value: JSON.stringify(object),
      dataType: 'text',
      keys: [...values.keys()],
    });
  } else {
    for (const [key, value] of values) {
      const secretName = layout.secretNames[key];
      if (!secretName) throw new Error(l10n.t('Choose a KMS secret name for the key "{0}".', key));
      const text = 'binary' in value ? value.binary : value.text;
      if (!text) throw new Error(l10n.t('The key "{0}" is empty; KMS does not store empty values.', key));
      writes.push({ secretName, value: text, dataType: 'binary' in value ? 'binary' : 'text', keys: [key] });
    }
    const names = writes.map((w) => w.secretName);
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice) throw new Error(l10n.t('Two keys would share the KMS secret "{0}"; give each key its own name.', twice));
  }
  for (const write of writes) {
    const invalid = validateSecretName(write.secretName);
    if (invalid) throw new Error(l10n.t('"{0}" cannot be a KMS secret name: {1}', write.secretName, invalid));
    if (write.secretName.startsWith('acs/')) throw new Error(l10n.t('Generic secret names cannot start with "acs/".'));
    if (Buffer.byteLength(write.value) > MAX_SECRET_BYTES)
      throw new Error(l10n.t('The value for "{0}" is over KMS\'s {1}-byte limit.', write.secretName, MAX_SECRET_BYTES));
  }
  return writes;
}

function externalSecretFor(
  { doc, node }: KubernetesObject,
  keys: string[],
  layout: SecretLayout,
  options: RewriteOptions,
): Record<string, unknown> {
  const metadataNode = mapAt(node, 'metadata', doc);
  const metadata: Record<string, unknown> = {};
  // Only these: annotations may hold kubectl's last-applied-configuration, i.e. the very values being moved.
  for (const key of ['name', 'namespace']) {
    const value = metadataNode && stringAt(metadataNode, key, doc);
    if (value !== undefined) metadata[key] = value;
  }
  const labels = metadataNode && fieldOf(metadataNode, 'labels', doc).node;
  if (isMap(labels)) metadata.labels = labels.toJS(doc, { maxAliasCount: 100 });
  const store = options.secretStoreRef && { secretStoreRef: { ...options.secretStoreRef } };
  const data =
    layout.kind === 'json'
      ? [
          {
            key: layout.secretName,
            versionStage: DEFAULT_STAGE,
            ...store,
            jmesPath: keys.map((key) => ({ path: keyPath(key), objectAlias: key })),
          },
        ]
      : keys.map((key) => ({ key: layout.secretNames[key], name: key, versionStage: DEFAULT_STAGE, ...store }));
  const type = stringAt(node, 'type', doc);
  return {
    apiVersion: EXTERNAL_SECRET_API_VERSION,
    kind: EXTERNAL_SECRET_KIND,
    metadata,
    spec: { provider: 'kms', ...(type !== undefined && { type }), data },
  };
}

/** Replacing the node would orphan an alias elsewhere in the document that points at an anchor inside it. */
function assertAnchorsStayInside(doc: Document, node: YAMLMap): void {
  const [start, end] = node.range ?? [0, 0];
  const anchors = new Set<string>();
  visit(node, (_, n) => {
    const anchor = (n as { anchor?: string }).anchor;
    if (anchor) anchors.add(anchor);
  });
  if (!anchors.size) return;
  visit(doc, {
    Alias(_, alias) {
      const at = alias.range?.[0] ?? start;
      if ((at < start || at >= end) && anchors.has(alias.source))
        throw new Error(
          l10n.t('Another part of this document uses the anchor &{0} defined in the Secret.', alias.source),
        );
    },
  });
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
