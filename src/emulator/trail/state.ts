/**
 * The emulator's ActionTrail: records every KMS call it serves as an event (success or failure, once the caller is
 * authenticated; requests that fail authentication have no identity to record), keeps the events bounded, and
 * decides whether a LookupEvents call is admitted (permission, the documented 2 calls/s).
 */
import { randomUUID } from 'node:crypto';
import type { EmulatorCredential } from '../auth';
import { errors, KmsError } from '../errors';
import type { Params } from '../params';
import { formatTime } from '../time';
import { EVENT_TYPE, KMS_SERVICE_NAME, RECORDED_PARAMETERS, SECRET_RESOURCE_TYPE, TrailEventRecord } from './event';
import { DEFAULT_MAX_EVENTS, EventLog } from './eventLog';
import { ConfiguredIdentity, Identities } from './identities';

export const KMS_API_VERSION = '2016-01-20';

export interface TrailOptions {
  /** Events kept (default 10,000); the oldest go first. */
  maxEvents?: number;
  /** LookupEvents calls admitted per second (default 2, as documented); 0 turns the limit off. */
  lookupsPerSecond?: number;
  /** AccessKey IDs without `actiontrail:LookupEvents`: their lookups get 403 NoPermission. */
  deniedAccessKeyIds?: string[];
  /** Who a long-term key belongs to (default: RAM user `emulator-user`). */
  identities?: Record<string, ConfiguredIdentity>;
  /** The rate limit's clock: real time by default, because tests often freeze the request clock. */
  clock?: () => number;
}

/** What the server knows about a call it served. */
export interface ServedCall {
  action: string;
  version: string;
  mutates: boolean;
  params: Params;
  caller: EmulatorCredential;
  nowMs: number;
  requestId: string;
  sourceIp: string;
  userAgent: string;
  body?: Record<string, unknown>;
  error?: unknown;
}

/** Remote addresses as ActionTrail shows them: IPv4-mapped IPv6 written as IPv4. */
export function sourceIpOf(address: string | undefined): string {
  return (address ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

export class TrailState {
  readonly log: EventLog;
  readonly identities: Identities;
  private readonly lookupsPerSecond: number;
  private readonly denied: ReadonlySet<string>;
  private readonly clock: () => number;
  private recentLookups: number[] = [];

  constructor(
    readonly region: string,
    readonly accountId: string,
    options: TrailOptions = {},
  ) {
    this.log = new EventLog(options.maxEvents ?? DEFAULT_MAX_EVENTS);
    this.identities = new Identities(accountId, options.identities);
    this.lookupsPerSecond = options.lookupsPerSecond ?? 2;
    this.denied = new Set(options.deniedAccessKeyIds ?? []);
    this.clock = options.clock ?? Date.now;
  }

  /** Records a served KMS call; learns role sessions from AssumeRole. Returns whether an event was added. */
  served(call: ServedCall): boolean {
    if (call.action === 'AssumeRole' && call.body) this.learnSession(call.body);
    if (call.version !== KMS_API_VERSION) return false;
    this.log.add(this.eventOf(call), call.nowMs);
    return true;
  }

  /** Throws what ActionTrail answers to a caller without permission, or beyond the rate limit. */
  admitLookup(caller: EmulatorCredential): void {
    // INFERRED: the code RAM denials carry for ActionTrail is not documented; NoPermission/403 is the common one.
    if (this.denied.has(caller.accessKeyId)) {
      throw new KmsError(
        'NoPermission',
        403,
        'You are not authorized to do this action. You should be authorized by RAM.',
      );
    }
    if (this.lookupsPerSecond <= 0) return;
    const now = this.clock();
    this.recentLookups = this.recentLookups.filter((t) => t > now - 1000);
    // INFERRED: the gateway's flow-control answer (code and status) for LookupEvents is not documented.
    if (this.recentLookups.length >= this.lookupsPerSecond)
      throw new KmsError('Throttling.User', 400, 'Request was denied due to user flow control.');
    this.recentLookups.push(now);
  }

  private learnSession(body: Record<string, unknown>): void {
    const user = body.AssumedRoleUser as { Arn?: unknown } | undefined;
    const credentials = body.Credentials as { AccessKeyId?: unknown } | undefined;
    if (typeof user?.Arn === 'string' && typeof credentials?.AccessKeyId === 'string')
      this.identities.learnAssumedRole(credentials.AccessKeyId, user.Arn);
  }

  private eventOf(call: ServedCall): TrailEventRecord {
    const requestParameters: Record<string, string> = {};
    for (const name of RECORDED_PARAMETERS) {
      const value = call.params.optional(name);
      if (value !== undefined) requestParameters[name] = value;
    }
    const error =
      call.error instanceof KmsError ? call.error : call.error === undefined ? undefined : errors.internal();
    const secretName = requestParameters.SecretName;
    return {
      eventId: randomUUID(),
      eventName: call.action,
      eventTime: formatTime(call.nowMs),
      eventType: EVENT_TYPE,
      eventRW: call.mutates ? 'Write' : 'Read',
      eventSource: `kms.${this.region}.aliyuncs.com`,
      serviceName: KMS_SERVICE_NAME,
      acsRegion: this.region,
      apiVersion: call.version,
      requestId: call.requestId,
      requestParameters,
      ...(secretName !== undefined && { resourceName: secretName, resourceType: SECRET_RESOURCE_TYPE }),
      sourceIpAddress: call.sourceIp,
      userAgent: call.userAgent.slice(0, 512),
      errorCode: error?.code ?? '',
      errorMessage: error?.message ?? '',
      userIdentity: this.identities.of(call.caller),
    };
  }
}
