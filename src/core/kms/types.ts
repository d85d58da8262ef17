/**
 * The KMS domain as the rest of the extension sees it: camelCase, no SDK models, no wire wrappers (`Tags.Tag[]`).
 * Wire shapes live in wire.ts; everything here is what consumers (explorer, CLI, resolver) program against.
 */

/** `Generic` is the only type the user writes values for; the others are managed (rotated) by KMS. */
export type SecretType = 'Generic' | 'Rds' | 'Redis' | 'RAMCredentials' | 'ECS' | 'PolarDB' | (string & {});

export interface Tag {
  key: string;
  value: string;
}

/** One row of ListSecrets: metadata only, never a value. */
export interface SecretSummary {
  name: string;
  type: SecretType;
  createTime?: string;
  updateTime?: string;
  /** Set while the secret waits out its recovery window. */
  plannedDeleteTime?: string;
  /** Only filled when listed with `fetchTags` (or from describeSecret). */
  tags: Tag[];
}

export interface RotationInfo {
  /** KMS reports `Enabled`, `Disabled` or `Invalid` (managed secrets only). */
  status: 'Enabled' | 'Disabled' | 'Invalid' | (string & {});
  enabled: boolean;
  /** As KMS reports it, e.g. `604800s`. */
  interval?: string;
  lastRotationDate?: string;
  nextRotationDate?: string;
}

/**
 * A managed secret's ExtendedConfig, parsed. ECS secrets carry SecretSubType `Password` or `SSHKey`, RegionId,
 * InstanceId and up to 10 CustomData pairs (seed-systems.md §2); other managed types carry their own keys (kept in the
 * raw text).
 */
export interface ExtendedConfig {
  secretSubType?: string;
  regionId?: string;
  instanceId?: string;
  /** String pairs only; other JSON values are left out. */
  customData: Record<string, string>;
}

/** DescribeSecret: all metadata. */
export interface SecretMetadata extends SecretSummary {
  arn?: string;
  description?: string;
  encryptionKeyId?: string;
  /** Present for managed secrets only. */
  rotation?: RotationInfo;
  /** JSON text as KMS returns it (managed secrets). */
  extendedConfig?: string;
  /** `extendedConfig` parsed; absent when there is none or it is not a JSON object. */
  extended?: ExtendedConfig;
  dkmsInstanceId?: string;
  owingService?: string;
}

export interface SecretValue {
  name: string;
  value: string;
  /** `text` or `binary` (binary values are base64 text, passed through untouched). */
  dataType: 'text' | 'binary' | (string & {});
  versionId: string;
  stages: string[];
  createTime?: string;
  type?: SecretType;
  rotation?: RotationInfo;
  /** Only when read with `fetchExtendedConfig` (managed secrets). */
  extendedConfig?: string;
  extended?: ExtendedConfig;
}

export interface SecretVersion {
  versionId: string;
  createTime?: string;
  stages: string[];
}

/** Server-side ListSecrets filters. Name and description match by substring, tags and type exactly (KMS semantics). */
export interface ListSecretsFilter {
  name?: string | string[];
  description?: string | string[];
  tagKey?: string | string[];
  tagValue?: string | string[];
  type?: SecretType | SecretType[];
}

export interface SecretPage {
  secrets: SecretSummary[];
  pageNumber: number;
  totalCount: number;
}

/** Picks a version: by stage label (default ACSCurrent) or by id. */
export interface VersionSelector {
  stage?: string;
  versionId?: string;
}

export interface RotationPolicyInput {
  enabled: boolean;
  /** `integer` + `d|h|m|s`, 6 h – 8,760 h, e.g. `7d`. Required when enabling. */
  interval?: string;
}

export interface CreateSecretInput {
  name: string;
  value: string;
  dataType?: 'text' | 'binary';
  description?: string;
  tags?: Tag[];
  /** Defaults to a generated id. */
  versionId?: string;
  encryptionKeyId?: string;
  /** Defaults to Generic. */
  type?: SecretType;
  /** Managed types only. */
  rotation?: RotationPolicyInput;
  /** JSON text, managed types only (≤ 1,024 characters). */
  extendedConfig?: string;
}

/** The two ECS secret values KMS documents: `{"UserName","Password"}` or `{"UserName","PublicKey","PrivateKey"}`. */
export type EcsCredentialInput =
  { userName: string; password: string } | { userName: string; publicKey: string; privateKey: string };

/** CreateSecret with SecretType ECS: the name starts `acs/ecs/`; the sub-type follows from the credential. */
export interface CreateEcsSecretInput {
  name: string;
  credential: EcsCredentialInput;
  instanceId: string;
  regionId: string;
  /** At most 10 pairs, e.g. `{ host: "10.0.0.5" }` for the SSH flow. */
  customData?: Record<string, string>;
  description?: string;
  tags?: Tag[];
  versionId?: string;
  encryptionKeyId?: string;
  rotation?: RotationPolicyInput;
}

export interface CreatedSecret {
  name: string;
  arn?: string;
  versionId: string;
  type?: SecretType;
}

export interface PutSecretValueInput {
  value: string;
  dataType?: 'text' | 'binary';
  /** The idempotency key: a retry with the same id and data is a no-op. Generated when omitted. */
  versionId?: string;
  /** Defaults (server side) to ACSCurrent, moving the former current to ACSPrevious. */
  stages?: string[];
}

export interface PutSecretValueResult {
  name: string;
  versionId: string;
  stages: string[];
}

export interface UpdateVersionStageInput {
  stage: string;
  /** Version that gets the stage. */
  moveToVersion?: string;
  /** Version that loses the stage. */
  removeFromVersion?: string;
}

/** Exactly one of the two: a recovery window (7–30 days, default 30) or immediate deletion. */
export type DeleteSecretOptions = { recoveryWindowDays?: number; force?: false } | { force: true };

export interface DeleteSecretResult {
  name: string;
  plannedDeleteTime?: string;
}

export interface RotateSecretResult {
  name: string;
  arn?: string;
  versionId: string;
}

export interface RandomPasswordOptions {
  length?: number;
  excludeCharacters?: string;
  excludeLowercase?: boolean;
  excludeUppercase?: boolean;
  excludeNumbers?: boolean;
  excludePunctuation?: boolean;
  requireEachIncludedType?: boolean;
}

/** Options every call accepts. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Options for reads that may be served from the cache. */
export interface ReadOptions extends CallOptions {
  /** Skip the cache (the result still refreshes it). */
  fresh?: boolean;
}
