/**
 * ActionTrail LookupEvents (Version 2020-07-06) on the emulator's port, signature-verified like every KMS action:
 * at most two LookupAttribute conditions (AND-ed, exact, case-sensitive keys from the documented list), StartTime and
 * EndTime both or neither (default the last 7 days; at most 30 days; within the last 90), MaxResults 0–50, NextToken
 * (valid only with otherwise identical parameters), Direction FORWARD|BACKWARD (default BACKWARD, newest first).
 */
import { createHash } from 'node:crypto';
import type { ActionHandler } from '../actions/context';
import { errors } from '../errors';
import type { Params } from '../params';
import { DAY_MS, formatTime, parseTime } from '../time';
import type { TrailEventRecord } from './event';
import { EventPosition, RETENTION_MS } from './eventLog';

export const TRAIL_VERSION = '2020-07-06';

const MAX_ATTRIBUTES = 2;
const MAX_RANGE_MS = 30 * DAY_MS;
const DEFAULT_RANGE_MS = 7 * DAY_MS;
/** INFERRED: the service's default page size is not documented. */
const DEFAULT_MAX_RESULTS = 20;

/** Documented keys → the event field each one matches (exactly). */
const ATTRIBUTE_FIELDS: Readonly<Record<string, (e: TrailEventRecord) => string | undefined>> = {
  ServiceName: (e) => e.serviceName,
  EventName: (e) => e.eventName,
  User: (e) => e.userIdentity.userName,
  EventId: (e) => e.eventId,
  ResourceType: (e) => e.resourceType,
  ResourceName: (e) => e.resourceName,
  EventRW: (e) => e.eventRW,
  EventAccessKeyId: (e) => e.userIdentity.accessKeyId,
  // INFERRED: no KMS secret action is a sensitive action in the emulator.
  SensitiveAction: () => 'false',
  SourceIpAddress: (e) => e.sourceIpAddress,
  EventType: (e) => e.eventType,
  // INFERRED: the role of an assumed-role session (`role:session`).
  RoleName: (e) => (e.userIdentity.type === 'assumed-role' ? e.userIdentity.userName.split(':')[0] : undefined),
};

interface Condition {
  key: string;
  value: string;
}

function conditionsOf(params: Params): Condition[] {
  const items = params.objectList('LookupAttribute', ['Key', 'Value']);
  if (items.length > MAX_ATTRIBUTES) throw errors.invalidParameter('LookupAttribute', 'allows at most 2 conditions');
  return items.map((item, i) => {
    const key = item.Key;
    if (key === undefined) throw errors.missingParameter(`LookupAttribute.${i + 1}.Key`);
    if (!Object.hasOwn(ATTRIBUTE_FIELDS, key)) throw errors.invalidParameter(`LookupAttribute.${i + 1}.Key`);
    if (item.Value === undefined) throw errors.missingParameter(`LookupAttribute.${i + 1}.Value`);
    return { key, value: item.Value };
  });
}

function timeParam(params: Params, name: string): number | undefined {
  const text = params.optional(name);
  if (text === undefined) return undefined;
  const ms = parseTime(text);
  if (ms === undefined) throw errors.invalidParameter(name, 'must look like 2024-01-31T12:00:00Z');
  return ms;
}

/** INFERRED codes: the service's exact errors for time rules are not documented; InvalidParameter names the field. */
function rangeOf(params: Params, nowMs: number): { startMs: number; endMs: number } {
  const start = timeParam(params, 'StartTime');
  const end = timeParam(params, 'EndTime');
  if (start === undefined && end === undefined) return { startMs: nowMs - DEFAULT_RANGE_MS, endMs: nowMs };
  if (start === undefined || end === undefined)
    throw errors.invalidParameter(start === undefined ? 'StartTime' : 'EndTime', 'must be given with the other bound');
  if (start > end) throw errors.invalidParameter('StartTime', 'must not be after EndTime');
  if (end - start > MAX_RANGE_MS) throw errors.invalidParameter('EndTime', 'must be at most 30 days after StartTime');
  if (start < nowMs - RETENTION_MS) throw errors.invalidParameter('StartTime', 'must lie within the last 90 days');
  return { startMs: start, endMs: end };
}

interface PageToken extends EventPosition {
  /** Fingerprint of every other parameter: a token is only valid for the query it came from. */
  f: string;
  /** The range it was issued for (the default range moves with the clock; a token keeps its own). */
  s: number;
  e: number;
}

function fingerprint(params: Params): string {
  const names = Object.keys(params.all)
    .filter(
      (k) =>
        k === 'StartTime' ||
        k === 'EndTime' ||
        k === 'MaxResults' ||
        k === 'Direction' ||
        k.startsWith('LookupAttribute.'),
    )
    .sort();
  const canonical = names.map((k) => `${k}=${params.all[k]}`).join('&');
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}

function readToken(text: string, expected: string): PageToken {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as PageToken;
    if (token.f === expected && [token.timeMs, token.seq, token.s, token.e].every(Number.isFinite)) return token;
  } catch {
    // falls through to the error
  }
  throw errors.invalidParameter('NextToken', 'is not valid for this query');
}

const writeToken = (token: PageToken): string => Buffer.from(JSON.stringify(token), 'utf8').toString('base64url');

export const lookupEvents: ActionHandler = {
  version: TRAIL_VERSION,
  mutates: false,
  run: ({ params, nowMs, caller, trail }) => {
    trail.admitLookup(caller);
    const conditions = conditionsOf(params);
    const direction = params.optional('Direction') ?? 'BACKWARD';
    if (direction !== 'BACKWARD' && direction !== 'FORWARD') throw errors.invalidParameter('Direction');
    const limit = params.int('MaxResults', { min: 0, max: 50, fallback: DEFAULT_MAX_RESULTS }) || DEFAULT_MAX_RESULTS;
    const f = fingerprint(params);
    const tokenText = params.optional('NextToken');
    const token = tokenText === undefined ? undefined : readToken(tokenText, f);
    const range = token ? { startMs: token.s, endMs: token.e } : rangeOf(params, nowMs);

    trail.log.prune(nowMs);
    const page = trail.log.query({
      ...range,
      direction,
      limit,
      after: token,
      matches: (event) => conditions.every(({ key, value }) => ATTRIBUTE_FIELDS[key](event) === value),
    });
    const next = page.more && page.last ? writeToken({ ...page.last, f, s: range.startMs, e: range.endMs }) : undefined;
    return {
      StartTime: formatTime(range.startMs),
      EndTime: formatTime(range.endMs),
      ...(next && { NextToken: next }),
      Events: page.records,
    };
  },
};
