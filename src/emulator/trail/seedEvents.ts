/**
 * Events in seed and state files. The state file stores events exactly as LookupEvents returns them; a seed may leave
 * out what has a sensible default and may give `eventTime` relative to the emulator's start (`-1d`, `-26h`, `-90m`),
 * so a demo stays true on any date. Both go through the same checks: the request parameters must be allow-listed
 * names with text values, so a file can no more put a value into an event than a call can.
 */
import { randomUUID } from 'node:crypto';
import { SeedError } from '../seed';
import { formatTime, parseTime } from '../time';
import {
  EVENT_TYPE,
  EventIdentity,
  KMS_SERVICE_NAME,
  RECORDED_PARAMETERS,
  SECRET_RESOURCE_TYPE,
  TrailEventRecord,
} from './event';
import { DEFAULT_USER_NAME } from './identities';
import type { TrailState } from './state';

export type SeedEvent = Partial<Omit<TrailEventRecord, 'userIdentity' | 'requestParameters'>> & {
  eventName: string;
  /** Absolute (`2024-01-31T12:00:00Z`) or relative to start (`-1d`, `-3h`, `-45m`, `-30s`). */
  eventTime: string;
  requestParameters?: Record<string, string | number | boolean>;
  userIdentity?: Partial<EventIdentity>;
};

const RELATIVE = /^-(\d+)([dhms])$/;
const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 } as const;
/** Write actions of the KMS API (everything else is a read), for seeds that leave eventRW out. */
const WRITES = new Set([
  'CreateSecret',
  'PutSecretValue',
  'UpdateSecret',
  'UpdateSecretVersionStage',
  'DeleteSecret',
  'RestoreSecret',
  'RotateSecret',
  'UpdateSecretRotationPolicy',
  'TagResource',
  'UntagResource',
  'TagResources',
  'UntagResources',
]);

function eventTime(text: unknown, nowMs: number): number {
  if (typeof text !== 'string') throw new SeedError('eventTime must be a string');
  const relative = RELATIVE.exec(text);
  if (relative) return nowMs - Number(relative[1]) * UNIT_MS[relative[2] as keyof typeof UNIT_MS];
  const ms = parseTime(text);
  if (ms === undefined) throw new SeedError('eventTime must look like 2024-01-31T12:00:00Z or -1d / -3h / -45m / -30s');
  return ms;
}

function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new SeedError(`${field} must be a string`);
  return value;
}

function toRecord(seed: SeedEvent, nowMs: number, trail: TrailState): TrailEventRecord {
  if (typeof seed !== 'object' || seed === null) throw new SeedError('must be an object');
  if (typeof seed.eventName !== 'string' || !/^[A-Za-z]{1,64}$/.test(seed.eventName))
    throw new SeedError('eventName must be an action name such as GetSecretValue');
  const timeMs = eventTime(seed.eventTime, nowMs);
  const requestParameters: Record<string, string> = {};
  for (const [name, value] of Object.entries(seed.requestParameters ?? {})) {
    if (!RECORDED_PARAMETERS.includes(name))
      throw new SeedError(`requestParameters.${name} is not recorded (allowed: ${RECORDED_PARAMETERS.join(', ')})`);
    if (!['string', 'number', 'boolean'].includes(typeof value))
      throw new SeedError(`requestParameters.${name} must be text`);
    requestParameters[name] = String(value);
  }
  const who = seed.userIdentity ?? {};
  for (const field of ['type', 'principalId', 'accountId', 'accessKeyId', 'userName'] as const)
    optionalText(who[field], `userIdentity.${field}`);
  const secretName = requestParameters.SecretName;
  const text = (field: keyof SeedEvent, fallback: string) => optionalText(seed[field], field) ?? fallback;
  return {
    eventId: text('eventId', randomUUID()),
    eventName: seed.eventName,
    eventTime: formatTime(timeMs),
    eventType: text('eventType', EVENT_TYPE),
    eventRW: text('eventRW', WRITES.has(seed.eventName) ? 'Write' : 'Read'),
    eventSource: text('eventSource', `kms.${trail.region}.aliyuncs.com`),
    serviceName: text('serviceName', KMS_SERVICE_NAME),
    acsRegion: text('acsRegion', trail.region),
    apiVersion: text('apiVersion', '2016-01-20'),
    requestId: text('requestId', randomUUID().toUpperCase()),
    requestParameters,
    ...(secretName !== undefined && {
      resourceName: text('resourceName', secretName),
      resourceType: text('resourceType', SECRET_RESOURCE_TYPE),
    }),
    sourceIpAddress: text('sourceIpAddress', '127.0.0.1'),
    userAgent: text('userAgent', ''),
    errorCode: text('errorCode', ''),
    errorMessage: text('errorMessage', ''),
    userIdentity: {
      type: who.type ?? 'ram-user',
      principalId: who.principalId ?? '',
      accountId: who.accountId ?? trail.accountId,
      accessKeyId: who.accessKeyId ?? '',
      userName: who.userName ?? DEFAULT_USER_NAME,
    },
  };
}

/** Validates every event first, then adds them (a bad file loads nothing). */
export function loadEvents(trail: TrailState, events: unknown, nowMs: number): void {
  if (events === undefined) return;
  if (!Array.isArray(events)) throw new SeedError('seed: "events" must be an array');
  const records = events.map((event, i) => {
    try {
      return toRecord(event as SeedEvent, nowMs, trail);
    } catch (error) {
      throw new SeedError(`seed: events[${i}].${error instanceof Error ? error.message : String(error)}`);
    }
  });
  for (const record of records) trail.log.add(record, nowMs);
}

export function dumpEvents(trail: TrailState): { events: TrailEventRecord[] } {
  return { events: trail.log.all() };
}
