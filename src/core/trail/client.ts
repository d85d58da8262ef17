/**
 * TrailClient: ActionTrail LookupEvents over the same signed path as KMS (KmsTransport: credentials snapshot →
 * rpc-client's `doRequest` → error mapping → retry), with the API's own version, endpoint, pacing and limits. One per
 * connection, so the pacer is shared by every feature that queries usage.
 */
import * as l10n from '@vscode/l10n';
import type { ProxyOption } from '../proxy';
import RpcClient from '@alicloud/rpc-client';
import { KmsConnection, resolveConnection, ResolvedConnection, resolveConnectionSync } from '../kms/connection';
import { CredentialResolver } from '../kms/credentials';
import type { ResolvedEndpoint } from '../kms/endpoint';
import { invalidInput, KmsError, toKmsError } from '../kms/errors';
import type { ProfileEnvironment } from '../kms/profiles';
import type { RetryPolicy, Sleep } from '../kms/retry';
import { KmsTransport, RpcApi, WireParams } from '../kms/transport';
import type { Redactor } from '../redaction';
import { isKmsInstanceHost, resolveTrailEndpoint } from './endpoint';
import { kmsInstanceEndpointError, LOOKUP_ACTION, toTrailError } from './errors';
import { LookupPage, lookupPageFrom } from './events';
import {
  CALLS_PER_SECOND,
  DAY_MS,
  LOOKUP_KEYS,
  LookupKey,
  MAX_LOOKUP_ATTRIBUTES,
  MAX_RANGE_DAYS,
  MAX_RESULTS,
  TRAIL_API_VERSION,
} from './limits';
import { Pacer } from './pacer';
import { formatTrailTime, TimeWindow } from './window';

/** ActionTrail has no SDK on the registry; rpc-client's generic client signs and sends any RPC action. */
export const TRAIL_API: RpcApi = { version: TRAIL_API_VERSION, createClient: (config) => new RpcClient(config) };

/** Throttling is the expected failure here (2 calls/s per account), so backoff starts at a second. */
export const TRAIL_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 8_000 };

/**
 * Spacing between calls: the documented rate plus 10 % slack, because network jitter could otherwise land three
 * evenly spaced calls inside one second at the service.
 */
export const PACING_MS = (1000 / CALLS_PER_SECOND) * 1.1;

export interface TrailConnection extends KmsConnection {
  /** ActionTrail endpoint override (CLI `--trail-endpoint`, env KMS_SECRETS_TRAIL_ENDPOINT, a trusted setting). */
  trailEndpoint?: string;
}

export interface TrailClientOptions extends ProfileEnvironment {
  /** The KMS connection's resolver: one credential object (one STS session) for both services. */
  credentials?: CredentialResolver;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  sleep?: Sleep;
  random?: () => number;
  now?: () => number;
  redactor?: Redactor;
  userAgent?: string;
  /** Minimum spacing between calls (default PACING_MS, 550 ms); 0 turns pacing off. */
  minIntervalMs?: number;
  onRetry?: (error: KmsError, attempt: number, delayMs: number) => void;
  /** The HTTP(S) proxy (default: the proxy variables), as for KMS. */
  proxy?: ProxyOption;
}

export interface LookupAttribute {
  key: LookupKey;
  value: string;
}

export interface LookupQuery {
  /** At most two, AND-ed, matched exactly. */
  attributes?: LookupAttribute[];
  /** Both or neither (the service then looks at the last 7 days). */
  window?: TimeWindow;
  direction?: 'FORWARD' | 'BACKWARD';
  /** 1–50 (default 50). */
  maxResults?: number;
  nextToken?: string;
}

export class TrailClient {
  readonly region: string;
  readonly endpoint: ResolvedEndpoint;
  /** Where KMS reads go: a KMS instance gateway there means ActionTrail never sees them. */
  readonly kmsEndpoint: ResolvedEndpoint;
  private readonly transport: KmsTransport;
  private readonly pacer: Pacer;

  constructor(connection: ResolvedConnection & { trailEndpoint?: string }, options: TrailClientOptions = {}) {
    this.region = connection.region;
    this.kmsEndpoint = connection.endpoint;
    this.endpoint = resolveTrailEndpoint(connection.region, connection.trailEndpoint);
    this.transport = new KmsTransport({
      api: TRAIL_API,
      endpoint: this.endpoint,
      credentials: options.credentials ?? new CredentialResolver(connection.source, options, options.redactor),
      timeoutMs: options.timeoutMs,
      retry: { ...TRAIL_RETRY, ...options.retry },
      sleep: options.sleep,
      random: options.random,
      redactor: options.redactor,
      userAgent: options.userAgent,
      onRetry: options.onRetry,
      proxy: options.proxy,
    });
    this.pacer = new Pacer(options.minIntervalMs ?? PACING_MS, options.now, options.sleep);
  }

  /** e.g. `https://actiontrail.cn-hangzhou.aliyuncs.com`, for logs. */
  get description(): string {
    return `ActionTrail in ${this.region} (${this.endpoint.url})`;
  }

  /** One LookupEvents call (one page), paced and retried. */
  async lookupEvents(query: LookupQuery = {}, options: { signal?: AbortSignal } = {}): Promise<LookupPage> {
    const params = lookupParams(query);
    await this.pacer.wait(options.signal);
    try {
      const body = await this.transport.call(LOOKUP_ACTION, params, { signal: options.signal, idempotent: true });
      return lookupPageFrom(body);
    } catch (error) {
      throw toTrailError(toKmsError(error, { action: LOOKUP_ACTION }));
    }
  }

  /** ActionTrail cannot answer for reads that went to a KMS instance gateway: say so instead of "never read". */
  assertReadsRecorded(): void {
    for (const endpoint of [this.kmsEndpoint, this.endpoint]) {
      if (isKmsInstanceHost(endpoint.host)) throw kmsInstanceEndpointError(endpoint.host);
    }
  }
}

/** Builds a client, taking the region from the profile when the connection names a profile but no region. */
export async function createTrailClient(
  connection: TrailConnection,
  options: TrailClientOptions = {},
): Promise<TrailClient> {
  const resolved = await resolveConnection(connection, options);
  return new TrailClient({ ...resolved, trailEndpoint: connection.trailEndpoint }, options);
}

/** Synchronous variant when the region is known. */
export function createTrailClientSync(connection: TrailConnection, options: TrailClientOptions = {}): TrailClient {
  return new TrailClient(
    { ...resolveConnectionSync(connection, options), trailEndpoint: connection.trailEndpoint },
    options,
  );
}

/** Validates a query before any request and writes it as LookupEvents' wire parameters. */
export function lookupParams(query: LookupQuery): WireParams {
  const invalid = (message: string) => invalidInput(message, LOOKUP_ACTION);
  const attributes = query.attributes ?? [];
  if (attributes.length > MAX_LOOKUP_ATTRIBUTES)
    throw invalid(l10n.t('ActionTrail accepts at most {0} lookup conditions.', MAX_LOOKUP_ATTRIBUTES));
  const params: WireParams = {};
  attributes.forEach(({ key, value }, i) => {
    if (!(LOOKUP_KEYS as readonly string[]).includes(key)) throw invalid(`"${key}" is not an ActionTrail lookup key.`);
    if (!value) throw invalid(l10n.t('The lookup condition {0} needs a value.', key));
    params[`LookupAttribute.${i + 1}.Key`] = key;
    params[`LookupAttribute.${i + 1}.Value`] = value;
  });
  if (query.window) {
    const { startMs, endMs } = query.window;
    if (!(startMs < endMs)) throw invalid(l10n.t('The start of the time range must lie before its end.'));
    if (endMs - startMs > MAX_RANGE_DAYS * DAY_MS)
      throw invalid(l10n.t('One ActionTrail query covers at most {0} days.', MAX_RANGE_DAYS));
    params.StartTime = formatTrailTime(startMs);
    params.EndTime = formatTrailTime(endMs);
  }
  const maxResults = query.maxResults ?? MAX_RESULTS;
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > MAX_RESULTS)
    throw invalid(l10n.t('MaxResults must be from 1 to {0}.', MAX_RESULTS));
  params.MaxResults = String(maxResults);
  if (query.direction) params.Direction = query.direction;
  if (query.nextToken) params.NextToken = query.nextToken;
  return params;
}
