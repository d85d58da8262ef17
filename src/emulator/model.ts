/** The in-memory data model of a KMS secret and the stage-label rules every action shares. */

export type SecretType = 'Generic' | 'Rds' | 'Redis' | 'RAMCredentials' | 'ECS' | 'PolarDB';
export const SECRET_TYPES: readonly SecretType[] = ['Generic', 'Rds', 'Redis', 'RAMCredentials', 'ECS', 'PolarDB'];

/** Responses spell it `Rds`, ListSecrets filters `RDS`: accept any case, answer in the canonical spelling. */
export function parseSecretType(text: string): SecretType | undefined {
  return SECRET_TYPES.find((t) => t.toLowerCase() === text.toLowerCase());
}

/** Managed secrets (everything but Generic) are rotated by KMS and have only ACSCurrent/ACSPrevious. */
export const isManaged = (type: SecretType): boolean => type !== 'Generic';

export const CURRENT = 'ACSCurrent';
export const PREVIOUS = 'ACSPrevious';

export type SecretDataType = 'text' | 'binary';

export interface SecretVersion {
  versionId: string;
  createTime: number;
  /** Stored and echoed as an opaque string (binary values are whatever string the client sent, usually base64). */
  data: string;
  dataType: SecretDataType;
  stages: string[];
}

export interface Tag {
  key: string;
  value: string;
}

export interface Rotation {
  enabled: boolean;
  intervalSeconds?: number;
  lastRotationDate?: number;
  nextRotationDate?: number;
}

export interface Secret {
  name: string;
  type: SecretType;
  description: string;
  encryptionKeyId: string;
  createTime: number;
  updateTime: number;
  plannedDeleteTime?: number;
  tags: Tag[];
  /** Oldest first. */
  versions: SecretVersion[];
  /** Only for managed types. */
  rotation?: Rotation;
  extendedConfig?: string;
}

export function findVersion(secret: Secret, versionId: string): SecretVersion | undefined {
  return secret.versions.find((v) => v.versionId === versionId);
}

export function findByStage(secret: Secret, stage: string): SecretVersion | undefined {
  return secret.versions.find((v) => v.stages.includes(stage));
}

/** A stage label is unique within a secret: attaching it to `target` detaches it everywhere else. */
export function attachStage(secret: Secret, stage: string, target: SecretVersion): void {
  for (const v of secret.versions) {
    if (v !== target) v.stages = v.stages.filter((s) => s !== stage);
  }
  if (!target.stages.includes(stage)) target.stages.push(stage);
}

export function detachStage(version: SecretVersion, stage: string): void {
  version.stages = version.stages.filter((s) => s !== stage);
}

/** Making `target` current demotes the former current to ACSPrevious (PutSecretValue, RotateSecret, stage moves). */
export function promoteToCurrent(secret: Secret, target: SecretVersion): void {
  const former = findByStage(secret, CURRENT);
  if (former && former !== target) attachStage(secret, PREVIOUS, former);
  attachStage(secret, CURRENT, target);
}

export function distinctStages(secret: Secret): Set<string> {
  return new Set(secret.versions.flatMap((v) => v.stages));
}

/**
 * Keeps at most `max` versions: the oldest go first (PutSecretValue remark, kms-api.md §1.2), but never the one holding
 * ACSCurrent, which can be old when new versions were put under custom stages only.
 */
export function capVersions(secret: Secret, max: number): void {
  while (secret.versions.length > max) {
    const index = secret.versions.findIndex((v) => !v.stages.includes(CURRENT));
    secret.versions.splice(index, 1);
  }
}
