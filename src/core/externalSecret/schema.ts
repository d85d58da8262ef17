/**
 * What ack-secret-manager's CRD (`externalsecrets.alibabacloud.com`, v1alpha1 openAPIV3Schema) requires of an
 * ExternalSecret, written out as data: types, required fields, and the provider values its controller accepts. Checked
 * on the parsed YAML nodes, so every issue points at the text it concerns. Unknown fields are issues too: the API
 * server prunes them, or with kubectl's strict field validation refuses the manifest.
 */
import * as l10n from '@vscode/l10n';
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { fieldOf, isAbsent, resolveAlias, spanOf } from './nodes';

export type FieldSchema =
  | { type: 'string'; enum?: readonly string[] }
  | {
      type: 'object';
      properties?: Readonly<Record<string, FieldSchema>>;
      required?: readonly string[];
      /** Schema of fields not named in `properties`; `any` accepts anything; absent: unknown fields are issues. */
      additionalProperties?: FieldSchema | 'any';
    }
  | { type: 'array'; items: FieldSchema };

const STRING: FieldSchema = { type: 'string' };
const STRING_MAP: FieldSchema = { type: 'object', additionalProperties: STRING };
const SECRET_STORE_REF: FieldSchema = {
  type: 'object',
  properties: { name: STRING, namespace: STRING },
  required: ['name', 'namespace'],
};
const JMES_PATH: FieldSchema = {
  type: 'array',
  items: { type: 'object', properties: { path: STRING, objectAlias: STRING }, required: ['path', 'objectAlias'] },
};
const DATA_SOURCE: FieldSchema = {
  type: 'object',
  properties: {
    key: STRING,
    name: STRING,
    versionStage: STRING,
    versionId: STRING,
    secretStoreRef: SECRET_STORE_REF,
    jmesPath: JMES_PATH,
  },
  required: ['key'],
};

export const EXTERNAL_SECRET_API_VERSION = 'alibabacloud.com/v1alpha1';
export const EXTERNAL_SECRET_KIND = 'ExternalSecret';

export const EXTERNAL_SECRET_SCHEMA: FieldSchema = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string', enum: [EXTERNAL_SECRET_API_VERSION] },
    kind: { type: 'string', enum: [EXTERNAL_SECRET_KIND] },
    // The CRD says only `type: object`; the API server checks ObjectMeta itself (a name is required).
    metadata: {
      type: 'object',
      properties: { name: STRING, namespace: STRING, labels: STRING_MAP, annotations: STRING_MAP },
      required: ['name'],
      additionalProperties: 'any',
    },
    spec: {
      type: 'object',
      properties: {
        // The CRD types it as a string; the controller accepts only these (secret_controller.go).
        provider: { type: 'string', enum: ['kms', 'oos'] },
        type: STRING,
        data: { type: 'array', items: DATA_SOURCE },
        dataProcess: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              extract: DATA_SOURCE,
              replaceRule: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { source: STRING, target: STRING },
                  required: ['source', 'target'],
                },
              },
            },
          },
        },
      },
    },
    status: { type: 'object', additionalProperties: 'any' },
  },
  required: ['apiVersion', 'kind', 'metadata'],
};

export interface SchemaIssue {
  /** Like `spec.data[0].key`. */
  path: string;
  message: string;
  /** The text the issue concerns (the field's value, or the object missing a field). */
  start: number;
  end: number;
}

const MAX_DEPTH = 64;

/** Every way `node` breaks `schema` (aliases resolved in `doc`); empty when it conforms. */
export function validateNode(
  node: unknown,
  doc: Document,
  schema: FieldSchema = EXTERNAL_SECRET_SCHEMA,
  path = '',
): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  visit(node, schema, path, issues, doc, 0);
  return issues;
}

function visit(raw: unknown, schema: FieldSchema, path: string, issues: SchemaIssue[], doc: Document, depth: number) {
  if (depth > MAX_DEPTH) return;
  const node = resolveAlias(raw, doc);
  const at = spanOf(raw as Node);
  const where = path || l10n.t('the manifest');
  if (schema.type === 'string') {
    if (!isScalar(node) || typeof node.value !== 'string') {
      issues.push({
        path,
        message: isScalar(node)
          ? l10n.t('{0} must be a string (quote it).', where)
          : l10n.t('{0} must be a string.', where),
        ...at,
      });
    } else if (schema.enum && !schema.enum.includes(node.value)) {
      issues.push({
        path,
        message: l10n.t('{0} must be one of: {1}.', where, schema.enum.map((v) => `'${v}'`).join(', ')),
        ...at,
      });
    }
    return;
  }
  if (schema.type === 'array') {
    if (!isSeq(node)) {
      issues.push({ path, message: l10n.t('{0} must be a list.', where), ...at });
      return;
    }
    node.items.forEach((item, i) => visit(item, schema.items, `${path}[${i}]`, issues, doc, depth + 1));
    return;
  }
  if (!isMap(node)) {
    issues.push({ path, message: l10n.t('{0} must be a mapping.', where), ...at });
    return;
  }
  const child = (key: string) => (path ? `${path}.${key}` : key);
  for (const pair of node.items) {
    if (!isPair(pair) || isAbsent(resolveAlias(pair.value, doc))) continue;
    const keyNode = resolveAlias(pair.key, doc);
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const fieldSchema = schema.properties?.[key] ?? schema.additionalProperties;
    if (fieldSchema === undefined) {
      issues.push({
        path: child(key),
        message: l10n.t('{0} is not a field of ExternalSecret.', child(key)),
        ...spanOf(pair.key as Node),
      });
    } else if (fieldSchema !== 'any') {
      visit(pair.value, fieldSchema, child(key), issues, doc, depth + 1);
    }
  }
  for (const key of schema.required ?? []) {
    if (isAbsent(fieldOf(node, key, doc).node))
      issues.push({ path: child(key), message: l10n.t('{0} is required.', child(key)), ...at });
  }
}
