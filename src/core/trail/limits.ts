/**
 * ActionTrail LookupEvents (2020-07-06) as documented (seed-systems.md §1): the limits every query is shaped by, in one
 * place so the client, the usage queries and the emulator agree.
 */

export const TRAIL_API_VERSION = '2020-07-06';

/** MaxResults is a string "0".."50"; pages are asked at the maximum so fewer calls are needed. */
export const MAX_RESULTS = 50;

/** One query covers at most 30 days, and only events of the last 90 days can be looked up. */
export const MAX_RANGE_DAYS = 30;
export const RETENTION_DAYS = 90;

/** Documented rate limit: two LookupEvents calls per second (per account and region). */
export const CALLS_PER_SECOND = 2;

/** Without StartTime/EndTime the service looks at the last 7 days; Show Usage uses the same default. */
export const DEFAULT_DAYS = 7;

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The documented LookupAttribute keys (exact, case-sensitive); at most two conditions, AND-ed. */
export const LOOKUP_KEYS = [
  'ServiceName',
  'EventName',
  'User',
  'EventId',
  'ResourceType',
  'ResourceName',
  'EventRW',
  'EventAccessKeyId',
  'SensitiveAction',
  'SourceIpAddress',
  'EventType',
  'RoleName',
] as const;
export type LookupKey = (typeof LOOKUP_KEYS)[number];
export const MAX_LOOKUP_ATTRIBUTES = 2;

/** ActionTrail's name for KMS events (`serviceName`). */
export const KMS_SERVICE_NAME = 'Kms';
