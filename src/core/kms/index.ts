/** The KMS access layer: pure TypeScript over @alicloud/kms20160120 + @alicloud/credentials (never imports 'vscode'). */
export { KmsClient, createKmsClient, DEFAULT_CACHE_TTL_MS, ECS_PREFIX } from './client';
export type { KmsClientOptions, ListSecretsOptions, ValueRequest, BulkValueResult } from './client';
export { resolveConnection, resolveConnectionSync, DEFAULT_REGION } from './connection';
export type { KmsConnection, ResolvedConnection } from './connection';
export { buildCredential, CredentialResolver, describeSource } from './credentials';
export type { CredentialSource, CredentialSnapshot } from './credentials';
export {
  detectProfiles,
  findProfile,
  parseCliConfig,
  parseIni,
  parseIniProfiles,
  cliConfigPath,
  iniCredentialsPath,
} from './profiles';
export type { DetectedProfile, ProfileEnvironment, ProfileOrigin } from './profiles';
export { resolveEndpoint, isLoopbackHost, validateRegion } from './endpoint';
export type { EndpointInput, EndpointNetwork, ResolvedEndpoint } from './endpoint';
export { KmsError, isKmsError, toKmsError } from './errors';
export type { KmsErrorKind, KmsErrorDetails } from './errors';
export { sanitizeText } from './sanitize';
export { withRetry, backoffDelay, abortableSleep, DEFAULT_RETRY } from './retry';
export type { RetryPolicy, RetryOptions, Sleep } from './retry';
export { paginate, collectAll, AdaptiveLimit, MAX_PAGE_SIZE, DEFAULT_PAGE_CONCURRENCY } from './paging';
export type { PageOptions, RawPage } from './paging';
export { mapWithConcurrency, settleWithConcurrency, DEFAULT_CONCURRENCY } from './concurrency';
export { TtlCache } from './cache';
export {
  validateSecretName,
  parseSecretArn,
  parseRotationInterval,
  MAX_SECRET_BYTES,
  MIN_RECOVERY_DAYS,
  MAX_RECOVERY_DAYS,
} from './validation';
export * from './types';
export { extendedConfigFrom } from './wire';
export { createReferenceFetcher } from './referenceFetcher';
export type { ReferenceFetcher, ReferenceFetcherHandle } from './referenceFetcher';
