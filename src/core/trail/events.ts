/**
 * LookupEvents' raw JSON → our own event type. Only what Show Usage needs survives: the request parameters are
 * reduced to the secret name, stage and version (whatever else a service records never travels further, so no value
 * can), and the AccessKey ID is shortened on the way in.
 */
import { parseSecretArn } from '../kms/validation';

export interface TrailEvent {
  eventId: string;
  /** The API action, e.g. `GetSecretValue`. */
  action: string;
  /** ISO-8601 UTC, whole seconds (`2026-01-31T08:00:00Z`); as received when unparseable. */
  time: string;
  /** Milliseconds since the epoch; NaN when the time could not be parsed. */
  timeMs: number;
  /** `Read` or `Write` as ActionTrail classifies the call. */
  readWrite?: string;
  serviceName?: string;
  /** `requestParameters.SecretName`, an ARN reduced to its name. */
  secretName?: string;
  versionStage?: string;
  versionId?: string;
  /** RAM user name, `role:session` for an assumed role, `root` for the account itself. */
  principal: string;
  /** `ram-user`, `assumed-role`, `root-account`, `system`, … as ActionTrail reports it. */
  principalType: string;
  accountId?: string;
  /** Shortened, e.g. `LTAI…x9Qz`; the full ID is never kept. */
  accessKeyId?: string;
  sourceIp?: string;
  userAgent?: string;
  /** Set when the call failed, e.g. `Forbidden.NoPermission`. */
  errorCode?: string;
}

/** The raw LookupEvents response body (PascalCase envelope, camelCase events). */
export interface LookupPage {
  events: TrailEvent[];
  nextToken?: string;
  requestId?: string;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : undefined;

const record = (value: unknown): Record<string, unknown> => {
  if (typeof value === 'string') {
    // Some events carry requestParameters as JSON text rather than an object.
    try {
      return record(JSON.parse(value));
    } catch {
      return {};
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
};

/** `LTAI5tAbCdEfGh1234` → `LTAI…1234`, `STS.NUQNP4PiGy…` → `STS.NUQN…s7Qa`: enough to tell keys apart, not to quote one. */
export function shortenAccessKeyId(id: string): string {
  const head = id.startsWith('STS.') ? 8 : 4;
  if (id.length <= head + 4) return `${id.slice(0, Math.min(3, id.length))}…`;
  return `${id.slice(0, head)}…${id.slice(-4)}`;
}

function principalOf(identity: Record<string, unknown>): { principal: string; principalType: string } {
  const principalType = text(identity.type) ?? 'unknown';
  const name = text(identity.userName);
  if (principalType === 'root-account') return { principal: name ?? 'root', principalType };
  return { principal: name ?? text(identity.principalId) ?? principalType, principalType };
}

function isoTime(raw: string | undefined): { time: string; timeMs: number } {
  const timeMs = raw === undefined ? NaN : Date.parse(raw);
  if (Number.isNaN(timeMs)) return { time: raw ?? '', timeMs };
  return { time: new Date(timeMs).toISOString().replace(/\.\d{3}Z$/, 'Z'), timeMs };
}

export function eventFrom(raw: unknown): TrailEvent | undefined {
  const e = record(raw);
  const action = typeof e.eventName === 'string' ? text(e.eventName) : undefined;
  if (!action) return undefined;
  const identity = record(e.userIdentity);
  const params = record(e.requestParameters);
  const rawName = text(params.SecretName);
  const accessKeyId = text(identity.accessKeyId);
  const optional = {
    readWrite: text(e.eventRW),
    serviceName: text(e.serviceName),
    secretName: rawName === undefined ? undefined : (parseSecretArn(rawName)?.name ?? rawName),
    versionStage: text(params.VersionStage),
    versionId: text(params.VersionId),
    accountId: text(identity.accountId),
    accessKeyId: accessKeyId && shortenAccessKeyId(accessKeyId),
    sourceIp: text(e.sourceIpAddress),
    userAgent: text(e.userAgent),
    errorCode: text(e.errorCode),
  };
  const event: TrailEvent = {
    eventId: text(e.eventId) ?? '',
    action,
    ...isoTime(text(e.eventTime)),
    ...principalOf(identity),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(event, { [key]: value });
  return event;
}

export function lookupPageFrom(body: Record<string, unknown>): LookupPage {
  const events = Array.isArray(body.Events) ? body.Events.map(eventFrom).filter((e) => e !== undefined) : [];
  const nextToken = text(body.NextToken);
  const requestId = text(body.RequestId);
  return { events, ...(nextToken && { nextToken }), ...(requestId && { requestId }) };
}
