/**
 * The JSON seed format (documented in README.md) and its conversion to and from the store. The state file written by
 * `--state` uses the same format with every field filled in, so one loader serves both.
 */
import { checkEcsSecret } from './ecs';
import { KmsError } from './errors';
import { CURRENT, PREVIOUS, Secret, SecretVersion, Tag, isManaged, parseSecretType } from './model';
import { SecretStore } from './store';
import type { SeedEvent } from './trail/seedEvents';
import { DAY_MS, formatTime, parseTime } from './time';
import {
  MAX_STAGES,
  MAX_TAGS,
  MAX_VERSIONS,
  checkSecretName,
  checkStage,
  checkTag,
  checkValue,
  checkVersionId,
  parseRotationInterval,
} from './validation';
import { DEFAULT_ENCRYPTION_KEY_ID } from './actions/createSecret';
import { generateSshKeyPair } from './sshKeyPair';

export interface SeedVersion {
  versionId: string;
  /** A string is stored as is; an object is stored as its JSON text (db credentials and the like). */
  value: string | Record<string, unknown>;
  dataType?: 'text' | 'binary';
  stages?: string[];
  createTime?: string;
  /**
   * ECS secrets: fill `PublicKey` and `PrivateKey` of the `value` object with a key pair generated at load time, so no
   * private key is committed with the seed (state files then hold the generated pair).
   */
  generateSshKeyPair?: boolean;
}

export interface SeedSecret {
  name: string;
  type?: string;
  description?: string;
  encryptionKeyId?: string;
  tags?: Record<string, string> | { key: string; value: string }[];
  createTime?: string;
  updateTime?: string;
  /** Oldest first. Exactly one version must carry ACSCurrent. */
  versions: SeedVersion[];
  rotation?: { enabled?: boolean; interval?: string; lastRotationDate?: string; nextRotationDate?: string };
  extendedConfig?: string | Record<string, unknown>;
  pendingDeletion?: { plannedDeleteTime?: string; recoveryWindowInDays?: number };
}

export interface SeedFile {
  /** Present in state files written by the emulator; ignored when loading. */
  format?: string;
  secrets: SeedSecret[];
  /** ActionTrail events (format: trail/seedEvents.ts); the state file keeps the recorded ones here. */
  events?: SeedEvent[];
}

export class SeedError extends Error {
  override name = 'SeedError';
}

export const STATE_FORMAT = 'kms-emulator-state/1';

/** Validates the whole seed first and only then fills the store, so a bad seed never leaves a half-loaded emulator. */
export function loadSeed(store: SecretStore, seed: SeedFile, nowMs: number): void {
  if (!seed || !Array.isArray(seed.secrets)) throw new SeedError('seed: "secrets" must be an array');
  const secrets = seed.secrets.map((s, i) =>
    at(`secrets[${i}]`, () => toSecret(s, nowMs - (seed.secrets.length - i) * 3600_000, nowMs)),
  );
  const names = new Set<string>();
  for (const s of secrets) {
    if (names.has(s.name)) throw new SeedError(`seed: duplicate secret name "${s.name}"`);
    names.add(s.name);
  }
  secrets.forEach((s) => store.put(s));
}

export function dumpState(store: SecretStore): SeedFile {
  return { format: STATE_FORMAT, secrets: store.list().map(toSeedSecret) };
}

function at<T>(where: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof SeedError) throw new SeedError(`${where}.${error.message.replace(/^seed: /, '')}`);
    const why = error instanceof KmsError ? error.message : String(error);
    throw new SeedError(`seed: ${where}: ${why}`);
  }
}

function time(text: string | undefined, fallback: number, field: string): number {
  if (text === undefined) return fallback;
  const ms = parseTime(text);
  if (ms === undefined) throw new SeedError(`${field} must look like 2024-01-31T12:00:00Z`);
  return ms;
}

function toTags(tags: SeedSecret['tags']): Tag[] {
  if (tags === undefined) return [];
  const list = Array.isArray(tags) ? tags : Object.entries(tags).map(([key, value]) => ({ key, value }));
  list.forEach((t) => checkTag({ key: String(t.key), value: String(t.value) }));
  if (list.length > MAX_TAGS) throw new SeedError(`tags: at most ${MAX_TAGS}`);
  return list.map((t) => ({ key: String(t.key), value: String(t.value) }));
}

function toSecret(s: SeedSecret, defaultCreate: number, nowMs: number): Secret {
  if (typeof s?.name !== 'string') throw new SeedError('name must be a string');
  const type = parseSecretType(s.type ?? 'Generic');
  if (!type) throw new SeedError(`type "${s.type}" is not one of Generic, Rds, Redis, RAMCredentials, ECS, PolarDB`);
  checkSecretName(s.name, type, 'name');
  if (!Array.isArray(s.versions) || s.versions.length === 0)
    throw new SeedError('versions must list at least one version');
  if (s.versions.length > MAX_VERSIONS) throw new SeedError(`versions: at most ${MAX_VERSIONS}`);
  const createTime = time(s.createTime, defaultCreate, 'createTime');
  const versions = s.versions.map((v, j) =>
    at(`versions[${j}]`, () => toVersion(withGeneratedKeyPair(v, type, s.name), createTime + j * 60_000)),
  );

  const holders = new Map<string, string>();
  for (const v of versions) {
    for (const stage of v.stages) {
      if (holders.has(stage)) throw new SeedError(`stage ${stage} is on both ${holders.get(stage)} and ${v.versionId}`);
      if (isManaged(type) && stage !== CURRENT && stage !== PREVIOUS)
        throw new SeedError(`managed secrets only have ACSCurrent/ACSPrevious`);
      holders.set(stage, v.versionId);
    }
  }
  if (!holders.has(CURRENT)) throw new SeedError('versions: one version must have the ACSCurrent stage');
  if (holders.size > MAX_STAGES) throw new SeedError(`versions: at most ${MAX_STAGES} distinct stages`);
  if (new Set(versions.map((v) => v.versionId)).size !== versions.length)
    throw new SeedError('versions: duplicate versionId');

  const secret: Secret = {
    name: s.name,
    type,
    description: s.description ?? '',
    encryptionKeyId: s.encryptionKeyId ?? DEFAULT_ENCRYPTION_KEY_ID,
    createTime,
    updateTime: time(s.updateTime, Math.max(...versions.map((v) => v.createTime)), 'updateTime'),
    tags: toTags(s.tags),
    versions,
  };
  if (s.extendedConfig !== undefined) {
    secret.extendedConfig = typeof s.extendedConfig === 'string' ? s.extendedConfig : JSON.stringify(s.extendedConfig);
  }
  if (type === 'ECS') {
    const extended = secret.extendedConfig === undefined ? undefined : parseObject(secret.extendedConfig);
    versions.forEach((v, j) => at(`versions[${j}]`, () => checkEcsSecret(v.data, extended, 'value')));
  }
  if (s.rotation !== undefined && !isManaged(type)) throw new SeedError('rotation applies only to managed types');
  if (isManaged(type)) {
    const r = s.rotation ?? {};
    const enabled = r.enabled ?? false;
    const intervalSeconds =
      r.interval === undefined ? undefined : parseRotationInterval(r.interval, 'rotation.interval');
    const lastRotationDate =
      r.lastRotationDate === undefined ? undefined : time(r.lastRotationDate, 0, 'rotation.lastRotationDate');
    const nextDefault =
      enabled && intervalSeconds !== undefined ? (lastRotationDate ?? createTime) + intervalSeconds * 1000 : undefined;
    const nextRotationDate =
      r.nextRotationDate === undefined ? nextDefault : time(r.nextRotationDate, 0, 'rotation.nextRotationDate');
    secret.rotation = { enabled, intervalSeconds, lastRotationDate, nextRotationDate };
  }
  if (s.pendingDeletion !== undefined) {
    const days = s.pendingDeletion.recoveryWindowInDays ?? 30;
    if (!Number.isInteger(days) || days < 7 || days > 30)
      throw new SeedError('pendingDeletion.recoveryWindowInDays must be 7–30');
    secret.plannedDeleteTime = time(
      s.pendingDeletion.plannedDeleteTime,
      nowMs + days * DAY_MS,
      'pendingDeletion.plannedDeleteTime',
    );
  }
  return secret;
}

function parseObject(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SeedError('extendedConfig must be a JSON object');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new SeedError('extendedConfig must be a JSON object');
  return parsed as Record<string, unknown>;
}

function withGeneratedKeyPair(v: SeedVersion, type: string, name: string): SeedVersion {
  if (!v?.generateSshKeyPair) return v;
  if (type !== 'ECS') throw new SeedError('generateSshKeyPair applies only to ECS secrets');
  if (typeof v.value !== 'object' || v.value === null)
    throw new SeedError('generateSshKeyPair needs a value object such as { "UserName": "ecs-user" }');
  const { publicKey, privateKey } = generateSshKeyPair(`kms-emulator:${name}`);
  return { ...v, value: { ...v.value, PublicKey: publicKey, PrivateKey: privateKey } };
}

function toVersion(v: SeedVersion, defaultCreate: number): SecretVersion {
  if (typeof v?.versionId !== 'string') throw new SeedError('versionId must be a string');
  checkVersionId(v.versionId, 'versionId');
  const data = typeof v.value === 'string' ? v.value : JSON.stringify(v.value);
  if (typeof data !== 'string') throw new SeedError('value must be a string or a JSON object');
  checkValue(data, 'value');
  const dataType = v.dataType ?? 'text';
  if (dataType !== 'text' && dataType !== 'binary') throw new SeedError('dataType must be text or binary');
  const stages = v.stages ?? [];
  stages.forEach((stage) => checkStage(stage, 'stages'));
  return {
    versionId: v.versionId,
    createTime: time(v.createTime, defaultCreate, 'createTime'),
    data,
    dataType,
    stages: [...new Set(stages)],
  };
}

function toSeedSecret(s: Secret): SeedSecret {
  return {
    name: s.name,
    type: s.type,
    description: s.description,
    encryptionKeyId: s.encryptionKeyId,
    tags: s.tags.map((t) => ({ ...t })),
    createTime: formatTime(s.createTime),
    updateTime: formatTime(s.updateTime),
    versions: s.versions.map((v) => ({
      versionId: v.versionId,
      value: v.data,
      dataType: v.dataType,
      stages: [...v.stages],
      createTime: formatTime(v.createTime),
    })),
    ...(s.rotation && {
      rotation: {
        enabled: s.rotation.enabled,
        ...(s.rotation.intervalSeconds !== undefined && { interval: `${s.rotation.intervalSeconds}s` }),
        ...(s.rotation.lastRotationDate !== undefined && { lastRotationDate: formatTime(s.rotation.lastRotationDate) }),
        ...(s.rotation.nextRotationDate !== undefined && { nextRotationDate: formatTime(s.rotation.nextRotationDate) }),
      },
    }),
    ...(s.extendedConfig !== undefined && { extendedConfig: s.extendedConfig }),
    ...(s.plannedDeleteTime !== undefined && {
      pendingDeletion: { plannedDeleteTime: formatTime(s.plannedDeleteTime) },
    }),
  };
}
