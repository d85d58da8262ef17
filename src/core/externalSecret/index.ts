/** ack-secret-manager ExternalSecret manifests: find their secret names, check them, and rewrite Secrets into them. */
export {
  entryFieldAt,
  findExternalSecrets,
  type EntryFieldAt,
  type EntryFieldName,
  type ExternalSecretEntry,
  type ExternalSecretManifest,
  type JmesPathItem,
  type ManifestField,
} from './manifest';
export { entryUse, problemField, type EntryUse } from './uses';
export {
  findKubernetesSecrets,
  kubernetesSecretAt,
  planExternalSecretRewrite,
  suggestSecretNames,
  type ExternalSecretPlan,
  type KmsWrite,
  type KubernetesSecret,
  type RewriteOptions,
  type SecretKey,
  type SecretLayout,
} from './rewrite';
export {
  EXTERNAL_SECRET_API_VERSION,
  EXTERNAL_SECRET_KIND,
  EXTERNAL_SECRET_SCHEMA,
  validateNode,
  type FieldSchema,
  type SchemaIssue,
} from './schema';
export { keyPath, topLevelKey } from './jmesPath';
export { scalarStyle, yamlScalar, type ScalarStyle } from './scalar';
export { manifestLimit, MAX_MANIFEST_CHARS } from './documents';
export type { Span } from './nodes';
