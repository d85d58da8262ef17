/**
 * The one path every KMS call takes: credentials snapshot → the SDK's signed `doRequest` (no hand-written signing) →
 * error mapping and sanitising → retry with backoff → cancellation. Typed 1.2.0 models are not used: they silently drop
 * fields newer than the SDK (SecretType, rotation, ExtendedConfig) and lack whole actions, so every action goes through
 * `doRequest` and wire.ts maps the raw PascalCase JSON into our own types.
 */
import KmsSdkClient from '@alicloud/kms20160120';
import RpcClient, { Config as RpcConfig } from '@alicloud/rpc-client';
import { RuntimeOptions } from '@alicloud/tea-util';
import { ProxyError, ProxyOption, resolveProxyOption, viaProxy } from '../proxy';
import type { Redactor } from '../redaction';
import type { CredentialResolver, CredentialSnapshot } from './credentials';
import type { ResolvedEndpoint } from './endpoint';
import { KmsError, toKmsError } from './errors';
import { RetryPolicy, Sleep, withRetry } from './retry';

export const API_VERSION = '2016-01-20';
export const DEFAULT_TIMEOUT_MS = 10_000;

export type WireParams = Record<string, string | number | boolean | undefined>;

/**
 * The RPC API a transport speaks. KMS is the default; ActionTrail's LookupEvents (core/trail) takes the same path
 * (credentials, signing, timeouts, retries, and whatever HTTP agent the transport is given) with its own version.
 */
export interface RpcApi {
  version: string;
  /** The product's SDK class when one exists (KMS: the pinned 1.2.0 client), else rpc-client's generic one. */
  createClient(config: RpcConfig): RpcClient;
}

export const KMS_API: RpcApi = { version: API_VERSION, createClient: (config) => new KmsSdkClient(config) };

export interface TransportOptions {
  /** Default KMS_API. */
  api?: RpcApi;
  endpoint: ResolvedEndpoint;
  credentials: CredentialResolver;
  /** Read and connect timeout of each attempt (httpx's connect timeout is a socket-idle timeout, so both are set). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  sleep?: Sleep;
  random?: () => number;
  redactor?: Redactor;
  /** Appended to the SDK's user agent. */
  userAgent?: string;
  /** Told about each retry, for the log (the error is already sanitised). */
  onRetry?: (error: KmsError, attempt: number, delayMs: number) => void;
  /** The proxy for KMS and for STS (RAM-role credentials); read at every attempt. Unset: the proxy variables. */
  proxy?: ProxyOption;
}

export interface CallContext {
  signal?: AbortSignal;
  /**
   * Safe to repeat after an ambiguous failure (timeout, reset, 500)? Reads, and writes keyed by a VersionId, are.
   * Others are retried only when KMS certainly did not act: throttling, 503, connection refused.
   */
  idempotent: boolean;
  /** The secret the call is about, for the error sentence. */
  secret?: string;
  /** Told about each retry of this call (besides the transport's own onRetry), e.g. to slow down on throttling. */
  onRetry?: (error: KmsError) => void;
}

/** Errors after which the request certainly had no effect, so even a create may be repeated. */
const NOT_PROCESSED = (error: KmsError) =>
  error.kind === 'throttled' ||
  error.code === 'ServiceUnavailableTemporary' ||
  error.code === 'ECONNREFUSED' ||
  error.code === 'ProxyUnreachable';

/** Proxy answers a retry cannot change: a proxy URL that cannot be used, missing credentials, a host it forbids. */
const PROXY_FINAL = (error: KmsError) =>
  error.code === 'ProxyInvalid' || (error.code === 'ProxyRefused' && (error.httpStatus ?? 0) < 500);

/** Errors that say the keys themselves are wrong or stale: the credential object is rebuilt before the next call. */
const CREDENTIAL_KINDS = new Set(['credentials', 'invalidAccessKey', 'signatureMismatch']);

export class KmsTransport {
  private sdk: { key: string; client: RpcClient } | undefined;
  readonly timeoutMs: number;

  constructor(private readonly options: TransportOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  get endpoint(): ResolvedEndpoint {
    return this.options.endpoint;
  }

  /** Sends one action with retries; resolves with the raw JSON body (PascalCase). */
  call(action: string, params: WireParams, context: CallContext): Promise<Record<string, unknown>> {
    return withRetry(() => this.attempt(action, params, context), {
      action,
      signal: context.signal,
      policy: this.options.retry,
      sleep: this.options.sleep,
      random: this.options.random,
      shouldRetry: (error) => error.retryable && !PROXY_FINAL(error) && (context.idempotent || NOT_PROCESSED(error)),
      onRetry: (error, attempt, delayMs) => {
        this.options.onRetry?.(error, attempt, delayMs);
        context.onRetry?.(error);
      },
    });
  }

  private async attempt(action: string, params: WireParams, context: CallContext): Promise<Record<string, unknown>> {
    const runtime = new RuntimeOptions({
      readTimeout: this.timeoutMs,
      connectTimeout: this.timeoutMs,
      autoretry: false,
    });
    try {
      // Credentials inside the proxy scope too: a RAM role's STS AssumeRole goes through the same proxy as KMS.
      return await viaProxy(resolveProxyOption(this.options.proxy), async () => {
        const client = this.clientFor(await this.options.credentials.resolve());
        // 'HTTPS' is only the SDK's fallback: config.protocol (set from the endpoint) wins. Body null → all params in
        // the query.
        return client.doRequest(
          action,
          'HTTPS',
          'POST',
          (this.options.api ?? KMS_API).version,
          'AK',
          wireQuery(params),
          null as never,
          runtime,
        );
      });
    } catch (raw) {
      const error =
        raw instanceof ProxyError
          ? new KmsError('network', raw.message, { code: raw.code, httpStatus: raw.details.status, action })
          : toKmsError(raw, {
              action,
              secret: context.secret,
              redactor: this.options.redactor,
              timeoutMs: this.timeoutMs,
            });
      if (CREDENTIAL_KINDS.has(error.kind)) {
        this.options.credentials.reset();
        this.sdk = undefined;
      }
      throw error;
    }
  }

  /**
   * One SDK client per distinct key set. The SDK client is a thin config holder (connections are pooled by httpx), and
   * giving it static keys means each request is signed with one consistent snapshot even while STS keys refresh.
   */
  private clientFor(snapshot: CredentialSnapshot): RpcClient {
    const key = `${snapshot.accessKeyId}\0${snapshot.accessKeySecret}\0${snapshot.securityToken ?? ''}`;
    if (this.sdk?.key !== key) {
      const { endpoint } = this.options;
      const config = new RpcConfig({
        accessKeyId: snapshot.accessKeyId,
        accessKeySecret: snapshot.accessKeySecret,
        securityToken: snapshot.securityToken,
        endpoint: endpoint.host,
        protocol: endpoint.protocol,
        readTimeout: this.timeoutMs,
        connectTimeout: this.timeoutMs,
        userAgent: this.options.userAgent,
      });
      this.sdk = { key, client: (this.options.api ?? KMS_API).createClient(config) };
    }
    return this.sdk.client;
  }
}

/** Drops unset parameters (the SDK would send them as empty strings) and writes booleans as KMS expects ("true"). */
export function wireQuery(params: WireParams): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    out[key] = typeof value === 'boolean' ? String(value) : value;
  }
  return out;
}

export { toKmsError };
