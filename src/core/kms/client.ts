/**
 * KmsClient: one per connection (credentials source + region + endpoint). Validates input before any request, goes
 * through KmsTransport for everything (signing, timeouts, retries, error mapping), caches metadata and values in
 * memory, and registers every secret value it sees or sends with the Redactor so logs can never show it.
 */
import * as l10n from '@vscode/l10n';
import { randomUUID } from 'node:crypto';
import { ProxyOption, proxySettingsFromEnv } from '../proxy';
import type { Redactor } from '../redaction';
import { TtlCache } from './cache';
import { DEFAULT_CONCURRENCY, settleWithConcurrency } from './concurrency';
import { KmsConnection, resolveConnection, resolveConnectionSync, ResolvedConnection } from './connection';
import { CredentialResolver, CredentialSource, describeSource } from './credentials';
import type { ResolvedEndpoint } from './endpoint';
import { invalidInput, KmsError, notKmsAnswer, toKmsError, versionNotFound } from './errors';
import { AdaptiveLimit, collectAll, DEFAULT_PAGE_CONCURRENCY, paginate } from './paging';
import type { ProfileEnvironment } from './profiles';
import type { RetryPolicy, Sleep } from './retry';
import { KmsTransport, WireParams } from './transport';
import {
  assertPasswordLength,
  assertRecoveryWindow,
  assertSecretId,
  assertSecretName,
  assertSecretValue,
  assertStage,
  assertTagKey,
  assertTags,
  assertVersionId,
  parseRotationInterval,
  parseSecretArn,
} from './validation';
import {
  filtersParam,
  isKmsAnswer,
  metadataFrom,
  secretListFrom,
  stagesFrom,
  tagsParam,
  valueFrom,
  versionsFrom,
} from './wire';
import type {
  CallOptions,
  CreatedSecret,
  CreateEcsSecretInput,
  CreateSecretInput,
  DeleteSecretOptions,
  DeleteSecretResult,
  ListSecretsFilter,
  PutSecretValueInput,
  PutSecretValueResult,
  RandomPasswordOptions,
  ReadOptions,
  RotateSecretResult,
  RotationPolicyInput,
  SecretMetadata,
  SecretPage,
  SecretSummary,
  SecretValue,
  SecretVersion,
  Tag,
  UpdateVersionStageInput,
  VersionSelector,
} from './types';

export const DEFAULT_CACHE_TTL_MS = 60_000;
/** ECS secret names live under this prefix (KMS rule). */
export const ECS_PREFIX = 'acs/ecs/';

export interface KmsClientOptions extends ProfileEnvironment {
  /** Read and connect timeout per attempt (default 10 s). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Injected in tests: backoff without waiting, jitter without chance. */
  sleep?: Sleep;
  random?: () => number;
  /** Every fetched or written value, and the key material in use, is registered here. */
  redactor?: Redactor;
  /** TTL of cached metadata and values (default 60 s); `false` disables caching. */
  cache?: { ttlMs?: number } | false;
  now?: () => number;
  /** Default bound for getSecretValues. */
  concurrency?: number;
  userAgent?: string;
  onRetry?: (error: KmsError, attempt: number, delayMs: number) => void;
  /** Proxy for KMS and STS; a function is read at every request. Unset: HTTPS_PROXY/HTTP_PROXY/NO_PROXY of `env`. */
  proxy?: ProxyOption;
}

export interface ListSecretsOptions extends CallOptions {
  filter?: ListSecretsFilter;
  fetchTags?: boolean;
  /** 1–100, default 100. */
  pageSize?: number;
  /** Pages fetched at a time after the first (default 8; halved while KMS throttles). 1 = one after another. */
  concurrency?: number;
}

export type ValueRequest = string | ({ name: string } & VersionSelector);

export interface BulkValueResult {
  name: string;
  value?: SecretValue;
  error?: KmsError;
}

export class KmsClient {
  readonly region: string;
  readonly endpoint: ResolvedEndpoint;
  readonly source: CredentialSource;
  private readonly transport: KmsTransport;
  /** Read-only for the connection's other clients (ActionTrail): one credential object, one STS session. */
  readonly credentials: CredentialResolver;
  private readonly metadata: TtlCache<SecretMetadata>;
  private readonly values: TtlCache<SecretValue>;
  private readonly inflight = new Map<string, Promise<unknown>>();
  /** Bumped by every invalidation, so a read that started before a write does not cache what it fetched. */
  private epoch = 0;

  constructor(
    connection: ResolvedConnection | KmsConnection,
    private readonly options: KmsClientOptions = {},
  ) {
    const resolved = isResolved(connection) ? connection : resolveConnectionSync(connection, options);
    this.region = resolved.region;
    this.endpoint = resolved.endpoint;
    this.source = resolved.source;
    this.credentials = new CredentialResolver(resolved.source, options, options.redactor);
    this.transport = new KmsTransport({
      endpoint: resolved.endpoint,
      credentials: this.credentials,
      timeoutMs: options.timeoutMs,
      retry: options.retry,
      sleep: options.sleep,
      random: options.random,
      redactor: options.redactor,
      userAgent: options.userAgent,
      onRetry: options.onRetry,
      proxy: options.proxy ?? proxySettingsFromEnv(options.env),
    });
    const ttl = options.cache === false ? 0 : (options.cache?.ttlMs ?? DEFAULT_CACHE_TTL_MS);
    this.metadata = new TtlCache(ttl, options.now);
    this.values = new TtlCache(ttl, options.now);
  }

  /** e.g. `profile "dev" in cn-hangzhou (https://kms.cn-hangzhou.aliyuncs.com)` — for logs and the status bar. */
  get description(): string {
    return `${describeSource(this.source)} in ${this.region} (${this.endpoint.url})`;
  }

  /** One cheap signed request (ListSecrets, 1 item): proves the credentials, the endpoint and the permission to list. */
  async checkAccess(options: CallOptions = {}): Promise<{ providerName?: string; totalCount: number }> {
    const body = await this.call('ListSecrets', { PageNumber: 1, PageSize: 1 }, options, true);
    const snapshot = await this.credentials.resolve();
    return { providerName: snapshot.providerName, totalCount: secretListFrom(body).totalCount };
  }

  // ---- listing
  // -------------------------------------------------------------------------------------------------------

  /**
   * Pages of up to 100 secrets, in order: the first alone (it shows at once), the rest several at a time once its
   * TotalCount is known. A throttled page halves the number in flight. Stop early by breaking out of `for await`.
   */
  async *listSecretPages(options: ListSecretsOptions = {}): AsyncGenerator<SecretPage> {
    const filters = filtersParam(options.filter);
    const limit = new AdaptiveLimit(options.concurrency ?? DEFAULT_PAGE_CONCURRENCY);
    const pages = paginate(
      async (pageNumber, pageSize) => {
        const body = await this.transport.call(
          'ListSecrets',
          {
            PageNumber: pageNumber,
            PageSize: pageSize,
            FetchTags: options.fetchTags ? true : undefined,
            Filters: filters,
          },
          {
            signal: options.signal,
            idempotent: true,
            onRetry: (error) => {
              if (error.kind === 'throttled') limit.throttled();
            },
          },
        );
        const { secrets, totalCount } = secretListFrom(body);
        return { items: secrets, totalCount };
      },
      { pageSize: options.pageSize, concurrency: limit },
    );
    for await (const page of pages)
      yield { secrets: page.items, pageNumber: page.pageNumber, totalCount: page.totalCount };
  }

  async listSecrets(options: ListSecretsOptions = {}): Promise<SecretSummary[]> {
    return collectAll(this.listSecretPages(options));
  }

  /** Every version (newest first as KMS lists them); `includeDeprecated` adds versions without stages. */
  async listSecretVersions(
    name: string,
    options: CallOptions & { includeDeprecated?: boolean } = {},
  ): Promise<SecretVersion[]> {
    assertSecretId(name, 'ListSecretVersionIds');
    const pages = paginate(async (pageNumber, pageSize) => {
      const body = await this.call(
        'ListSecretVersionIds',
        {
          SecretName: name,
          PageNumber: pageNumber,
          PageSize: pageSize,
          IncludeDeprecated: options.includeDeprecated ? true : undefined,
        },
        options,
        true,
        name,
      );
      const { versions, totalCount } = versionsFrom(body);
      return { items: versions, totalCount };
    });
    return collectAll(pages);
  }

  // ---- reads (cached)
  // ------------------------------------------------------------------------------------------------

  async describeSecret(name: string, options: ReadOptions = {}): Promise<SecretMetadata> {
    assertSecretId(name, 'DescribeSecret');
    return this.cached(this.metadata, groupOf(name), `d:${name}`, options, async () =>
      metadataFrom(await this.call('DescribeSecret', { SecretName: name, FetchTags: true }, options, true, name)),
    );
  }

  /** By name or ARN; ACSCurrent unless a stage or version id is given. */
  async getSecretValue(
    nameOrArn: string,
    options: ReadOptions & VersionSelector & { fetchExtendedConfig?: boolean } = {},
  ): Promise<SecretValue> {
    const action = 'GetSecretValue';
    assertSecretId(nameOrArn, action);
    if (options.stage !== undefined) assertStage(options.stage, action);
    if (options.versionId !== undefined) assertVersionId(options.versionId, action);
    const key = `v:${nameOrArn}\0${options.stage ?? ''}\0${options.versionId ?? ''}\0${options.fetchExtendedConfig ? 1 : 0}`;
    return this.cached(this.values, groupOf(nameOrArn), key, options, async () => {
      let body: Record<string, unknown>;
      try {
        body = await this.call(
          action,
          {
            SecretName: nameOrArn,
            VersionStage: options.stage,
            VersionId: options.versionId,
            FetchExtendedConfig: options.fetchExtendedConfig ? true : undefined,
          },
          options,
          true,
          nameOrArn,
        );
      } catch (error) {
        throw await this.versionOrSecretMissing(error, nameOrArn, options);
      }
      if (typeof body.SecretData !== 'string') throw notKmsAnswer(action, false);
      const value = valueFrom(body);
      this.options.redactor?.register(value.value);
      return value;
    });
  }

  /** Many values with bounded parallelism; each result carries its value or its own error (one missing secret fails only itself). */
  async getSecretValues(
    requests: readonly ValueRequest[],
    options: ReadOptions & { concurrency?: number } = {},
  ): Promise<BulkValueResult[]> {
    const limit = options.concurrency ?? this.options.concurrency ?? DEFAULT_CONCURRENCY;
    const settled = await settleWithConcurrency(
      requests,
      limit,
      (request) => {
        const { name, ...selector } = typeof request === 'string' ? { name: request } : request;
        return this.getSecretValue(name, { ...selector, fresh: options.fresh, signal: options.signal });
      },
      options.signal,
    );
    return settled.map((outcome, i) => {
      const request = requests[i];
      const name = typeof request === 'string' ? request : request.name;
      return outcome.ok ? { name, value: outcome.value } : { name, error: toKmsError(outcome.error) };
    });
  }

  // ---- writes (each invalidates what it changes)
  // ---------------------------------------------------------------------

  async createSecret(input: CreateSecretInput, options: CallOptions = {}): Promise<CreatedSecret> {
    const action = 'CreateSecret';
    assertSecretName(input.name, action);
    assertSecretValue(input.value, action);
    if (input.tags) assertTags(input.tags, action);
    const versionId = input.versionId ?? newVersionId();
    assertVersionId(versionId, action);
    const type = input.type ?? 'Generic';
    if (input.rotation?.enabled && type === 'Generic')
      throw invalidInput(l10n.t('Automatic rotation is only available for managed secrets (not Generic).'), action);
    if (input.rotation?.enabled && !input.rotation.interval)
      throw invalidInput(l10n.t('Enter a rotation interval, e.g. "7d".'), action);
    if (input.rotation?.interval) parseRotationInterval(input.rotation.interval, action);
    if (input.extendedConfig !== undefined && input.extendedConfig.length > 1024)
      throw invalidInput(l10n.t('The extended configuration is at most 1,024 characters.'), action);
    this.options.redactor?.register(input.value);
    const body = await this.write(
      action,
      input.name,
      {
        SecretName: input.name,
        SecretData: input.value,
        SecretDataType: input.dataType,
        VersionId: versionId,
        Description: input.description,
        EncryptionKeyId: input.encryptionKeyId,
        Tags: input.tags?.length ? tagsParam(input.tags) : undefined,
        SecretType: input.type,
        EnableAutomaticRotation: input.rotation ? input.rotation.enabled : undefined,
        RotationInterval: input.rotation?.interval,
        ExtendedConfig: input.extendedConfig,
      },
      options,
      false,
      // RAMCredentials' `$Auto` name is replaced by the one KMS derives.
      input.name === '$Auto' ? { VersionId: versionId } : { SecretName: input.name, VersionId: versionId },
    );
    return {
      name: String(body.SecretName ?? input.name),
      versionId: String(body.VersionId ?? versionId),
      ...(typeof body.Arn === 'string' && { arn: body.Arn }),
      ...(typeof body.SecretType === 'string' && { type: body.SecretType }),
    };
  }

  /**
   * An ECS secret (SecretType ECS): the value in the documented shape, ExtendedConfig with the sub-type (Password or
   * SSHKey), RegionId, InstanceId and CustomData. SDK 1.2.0 has neither field; they go through the same signed request.
   */
  async createEcsSecret(input: CreateEcsSecretInput, options: CallOptions = {}): Promise<CreatedSecret> {
    const action = 'CreateSecret';
    if (!input.name.startsWith(ECS_PREFIX))
      throw invalidInput(l10n.t('ECS secret names start with "{0}", e.g. "{0}web-01/root".', ECS_PREFIX), action);
    const { credential } = input;
    const isKey = 'privateKey' in credential;
    // Wire name → [value, the sentence asking for it when it is empty].
    const required: Record<string, [unknown, string]> = isKey
      ? {
          UserName: [credential.userName, l10n.t('Enter the user name.')],
          PublicKey: [credential.publicKey, l10n.t('Enter the public key.')],
          PrivateKey: [credential.privateKey, l10n.t('Enter the private key.')],
        }
      : {
          UserName: [credential.userName, l10n.t('Enter the user name.')],
          Password: [credential.password, l10n.t('Enter the password.')],
        };
    const extras = {
      InstanceId: [input.instanceId, l10n.t('Enter the ECS instance ID.')],
      RegionId: [input.regionId, l10n.t('Enter the region ID.')],
    };
    for (const [value, ask] of [...Object.values(required), ...Object.values(extras)])
      if (typeof value !== 'string' || value.trim() === '') throw invalidInput(ask, action);
    const customData = input.customData ?? {};
    if (Object.keys(customData).length > 10) throw invalidInput(l10n.t('CustomData holds at most 10 pairs.'), action);
    return this.createSecret(
      {
        name: input.name,
        value: JSON.stringify(Object.fromEntries(Object.entries(required).map(([key, [value]]) => [key, value]))),
        type: 'ECS',
        extendedConfig: JSON.stringify({
          SecretSubType: isKey ? 'SSHKey' : 'Password',
          RegionId: input.regionId,
          InstanceId: input.instanceId,
          CustomData: customData,
        }),
        description: input.description,
        tags: input.tags,
        versionId: input.versionId,
        encryptionKeyId: input.encryptionKeyId,
        rotation: input.rotation,
      },
      options,
    );
  }

  /** A new version; idempotent on its VersionId (generated when omitted), so it is safe to retry. */
  async putSecretValue(
    name: string,
    input: PutSecretValueInput,
    options: CallOptions = {},
  ): Promise<PutSecretValueResult> {
    const action = 'PutSecretValue';
    assertSecretName(name, action);
    assertSecretValue(input.value, action);
    const versionId = input.versionId ?? newVersionId();
    assertVersionId(versionId, action);
    for (const stage of input.stages ?? []) assertStage(stage, action);
    this.options.redactor?.register(input.value);
    const body = await this.write(
      action,
      name,
      {
        SecretName: name,
        SecretData: input.value,
        SecretDataType: input.dataType,
        VersionId: versionId,
        VersionStages: input.stages?.length ? JSON.stringify(input.stages) : undefined,
      },
      options,
      true,
      { SecretName: name, VersionId: versionId },
    );
    return { name, versionId: String(body.VersionId ?? versionId), stages: stagesFrom(body.VersionStages) };
  }

  async updateSecretDescription(name: string, description: string, options: CallOptions = {}): Promise<void> {
    assertSecretName(name, 'UpdateSecret');
    if (description.length > 256)
      throw invalidInput(l10n.t('Descriptions are at most 256 characters.'), 'UpdateSecret');
    await this.write('UpdateSecret', name, { SecretName: name, Description: description }, options, true);
  }

  /** Moves a stage label to a version (`moveToVersion`), removes it (`removeFromVersion`), or both. */
  async updateVersionStage(name: string, input: UpdateVersionStageInput, options: CallOptions = {}): Promise<void> {
    const action = 'UpdateSecretVersionStage';
    assertSecretName(name, action);
    assertStage(input.stage, action);
    if (!input.moveToVersion && !input.removeFromVersion)
      throw invalidInput(l10n.t('Say which version gets the stage, loses it, or both.'), action);
    if (input.moveToVersion) assertVersionId(input.moveToVersion, action);
    if (input.removeFromVersion) assertVersionId(input.removeFromVersion, action);
    await this.write(
      action,
      name,
      {
        SecretName: name,
        VersionStage: input.stage,
        MoveToVersion: input.moveToVersion,
        RemoveFromVersion: input.removeFromVersion,
      },
      options,
      true,
    );
  }

  /** Schedules deletion after a recovery window (7–30 days, default 30), or deletes at once with `force`. */
  async deleteSecret(name: string, options: DeleteSecretOptions & CallOptions = {}): Promise<DeleteSecretResult> {
    const action = 'DeleteSecret';
    assertSecretName(name, action);
    const force = options.force === true;
    const days = 'recoveryWindowDays' in options ? options.recoveryWindowDays : undefined;
    if (force && days !== undefined)
      throw invalidInput(l10n.t('Choose either a recovery window or immediate deletion, not both.'), action);
    if (days !== undefined) assertRecoveryWindow(days, action);
    const body = await this.write(
      action,
      name,
      { SecretName: name, ForceDeleteWithoutRecovery: force ? true : undefined, RecoveryWindowInDays: days },
      options,
      false,
    );
    return { name, ...(typeof body.PlannedDeleteTime === 'string' && { plannedDeleteTime: body.PlannedDeleteTime }) };
  }

  async restoreSecret(name: string, options: CallOptions = {}): Promise<void> {
    assertSecretName(name, 'RestoreSecret');
    await this.write('RestoreSecret', name, { SecretName: name }, options, false);
  }

  /** Managed secrets only. The VersionId is the idempotency key (generated when omitted). */
  async rotateSecret(name: string, options: CallOptions & { versionId?: string } = {}): Promise<RotateSecretResult> {
    assertSecretName(name, 'RotateSecret');
    const versionId = options.versionId ?? newVersionId();
    assertVersionId(versionId, 'RotateSecret');
    const body = await this.write('RotateSecret', name, { SecretName: name, VersionId: versionId }, options, true);
    return {
      name,
      versionId: String(body.VersionId ?? versionId),
      ...(typeof body.Arn === 'string' && { arn: body.Arn }),
    };
  }

  async updateRotationPolicy(name: string, policy: RotationPolicyInput, options: CallOptions = {}): Promise<void> {
    const action = 'UpdateSecretRotationPolicy';
    assertSecretName(name, action);
    if (policy.enabled && !policy.interval) throw invalidInput(l10n.t('Enter a rotation interval, e.g. "7d".'), action);
    if (policy.interval) parseRotationInterval(policy.interval, action);
    await this.write(
      action,
      name,
      { SecretName: name, EnableAutomaticRotation: policy.enabled, RotationInterval: policy.interval },
      options,
      true,
    );
  }

  async tagSecret(name: string, tags: Tag[], options: CallOptions = {}): Promise<void> {
    assertSecretName(name, 'TagResource');
    if (tags.length === 0) throw invalidInput(l10n.t('Add at least one tag.'), 'TagResource');
    assertTags(tags, 'TagResource');
    await this.write('TagResource', name, { SecretName: name, Tags: tagsParam(tags) }, options, true);
  }

  async untagSecret(name: string, keys: string[], options: CallOptions = {}): Promise<void> {
    assertSecretName(name, 'UntagResource');
    if (keys.length === 0) throw invalidInput(l10n.t('Choose at least one tag to remove.'), 'UntagResource');
    for (const key of keys) assertTagKey(key, 'UntagResource');
    await this.write('UntagResource', name, { SecretName: name, TagKeys: JSON.stringify(keys) }, options, true);
  }

  async getRandomPassword(options: RandomPasswordOptions & CallOptions = {}): Promise<string> {
    if (options.length !== undefined) assertPasswordLength(options.length, 'GetRandomPassword');
    const body = await this.call(
      'GetRandomPassword',
      {
        PasswordLength: options.length,
        ExcludeCharacters: options.excludeCharacters || undefined,
        ExcludeLowercase: options.excludeLowercase,
        ExcludeUppercase: options.excludeUppercase,
        ExcludeNumbers: options.excludeNumbers,
        ExcludePunctuation: options.excludePunctuation,
        RequireEachIncludedType: options.requireEachIncludedType,
      },
      options,
      true,
    );
    const password = String(body.RandomPassword ?? '');
    this.options.redactor?.register(password);
    return password;
  }

  // ---- cache
  // ---------------------------------------------------------------------------------------------------------

  /** Drops what is cached about one secret (name or ARN), or everything. */
  invalidate(name?: string): void {
    this.epoch++;
    if (name === undefined) {
      this.metadata.clear();
      this.values.clear();
      this.inflight.clear();
      return;
    }
    const group = groupOf(name);
    this.metadata.invalidate(group);
    this.values.invalidate(group);
    for (const key of [...this.inflight.keys()]) if (key.startsWith(`${group}\0`)) this.inflight.delete(key);
  }

  /**
   * KMS answers "not found" alike for a missing secret and for a missing version or stage of one that exists; which it
   * is decides what the user must fix, so a DescribeSecret tells them apart.
   */
  private async versionOrSecretMissing(
    error: unknown,
    nameOrArn: string,
    selector: VersionSelector & CallOptions,
  ): Promise<unknown> {
    if (!(error instanceof KmsError) || error.kind !== 'notFound') return error;
    if (selector.stage === undefined && selector.versionId === undefined) return error;
    try {
      await this.call('DescribeSecret', { SecretName: nameOrArn }, selector, true, nameOrArn);
    } catch {
      return error;
    }
    return versionNotFound(error, nameOrArn, selector);
  }

  // ---- plumbing
  // ------------------------------------------------------------------------------------------------------

  private async call(
    action: string,
    params: WireParams,
    options: CallOptions,
    idempotent: boolean,
    secret?: string,
  ): Promise<Record<string, unknown>> {
    const body = await this.transport.call(action, params, { signal: options.signal, idempotent, secret });
    if (!isKmsAnswer(body)) throw notKmsAnswer(action, false);
    return body;
  }

  /** A write counts as done only when KMS's answer names what was written (`echoed`: SecretName, VersionId…). */
  private async write(
    action: string,
    name: string,
    params: WireParams,
    options: CallOptions,
    idempotent: boolean,
    echoed: Record<string, string> = {},
  ): Promise<Record<string, unknown>> {
    let body: Record<string, unknown>;
    try {
      body = await this.transport.call(action, params, { signal: options.signal, idempotent, secret: name });
    } finally {
      // Also after a failure: a timed-out write may still have happened.
      this.invalidate(name);
    }
    if (!isKmsAnswer(body, echoed)) throw notKmsAnswer(action, true);
    return body;
  }

  /** Cache lookup, then one shared in-flight request per key (parallel callers wait for the same answer). */
  private cached<V>(
    cache: TtlCache<V>,
    group: string,
    key: string,
    options: ReadOptions,
    load: () => Promise<V>,
  ): Promise<V> {
    if (!options.fresh) {
      const hit = cache.get(key);
      if (hit !== undefined) return Promise.resolve(hit);
    }
    const flightKey = `${group}\0${key}`;
    const pending =
      options.fresh || options.signal ? undefined : (this.inflight.get(flightKey) as Promise<V> | undefined);
    if (pending) return pending;
    const epoch = this.epoch;
    const promise = load().then((value) => {
      if (epoch === this.epoch) cache.set(group, key, value);
      return value;
    });
    // Requests with their own signal are not shared: cancelling one caller must not fail another.
    if (!options.signal) {
      this.inflight.set(flightKey, promise);
      const clear = () => {
        if (this.inflight.get(flightKey) === promise) this.inflight.delete(flightKey);
      };
      promise.then(clear, clear);
    }
    return promise;
  }
}

/** Builds a client, taking the region from the profile when the connection names a profile but no region. */
export async function createKmsClient(connection: KmsConnection, options: KmsClientOptions = {}): Promise<KmsClient> {
  return new KmsClient(await resolveConnection(connection, options), options);
}

function isResolved(connection: ResolvedConnection | KmsConnection): connection is ResolvedConnection {
  return typeof connection.endpoint === 'object' && connection.endpoint !== null;
}

/** Cache group: the secret name, also for ARNs, so a write by name drops cached reads by ARN. */
const groupOf = (nameOrArn: string): string => parseSecretArn(nameOrArn)?.name ?? nameOrArn;

/** KMS version ids are ≤ 64 characters; a UUID is unique without coordination. */
const newVersionId = (): string => randomUUID();
