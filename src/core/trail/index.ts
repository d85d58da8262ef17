/** ActionTrail usage of secrets: pure TypeScript over rpc-client + @alicloud/credentials (never imports 'vscode'). */
export {
  TrailClient,
  createTrailClient,
  createTrailClientSync,
  lookupParams,
  PACING_MS,
  TRAIL_API,
  TRAIL_RETRY,
} from './client';
export type { TrailClientOptions, TrailConnection, LookupAttribute, LookupQuery } from './client';
export { resolveTrailEndpoint, isKmsInstanceHost, TRAIL_SERVICE, TRAIL_ENDPOINT_ENV } from './endpoint';
export { toTrailError, kmsInstanceEndpointError } from './errors';
export { eventFrom, lookupPageFrom, shortenAccessKeyId } from './events';
export type { TrailEvent, LookupPage } from './events';
export * from './limits';
export { Pacer } from './pacer';
export { LookupStream } from './stream';
export {
  eventsOfSecret,
  latestReads,
  findUnusedSecrets,
  SecretUsageCursor,
  KMS_EVENTS,
  SECRET_READS,
  READ_ACTION,
} from './usage';
export type { UnusedReport, UsageOptions } from './usage';
export { SecretUsageService, DEFAULT_LAST_READ_TTL_MS } from './service';
export type { LastRead, SecretUsageServiceOptions } from './service';
export { lastDays, splitWindow, formatTrailTime, validateDays, assertDays } from './window';
export type { TimeWindow } from './window';
