/**
 * RotateSecret and UpdateSecretRotationPolicy, for managed secrets only. Rotation makes a new version with fresh fake
 * credentials in the same JSON shape, moves ACSCurrent to it and ACSPrevious to the former current.
 */
import { randomBytes } from 'node:crypto';
import { errors } from '../errors';
import { Secret, findVersion, isManaged, promoteToCurrent } from '../model';
import { MAX_VERSIONS, checkVersionId, parseRotationInterval } from '../validation';
import { formatTime } from '../time';
import { kmsAction } from './context';

function requireManaged(secret: Secret, action: string): void {
  if (!isManaged(secret.type)) throw errors.unsupportedOperation(`${action} applies only to managed secrets`);
}

const fresh = (length: number) => randomBytes(length).toString('base64url').slice(0, length);

/** Replaces password/secret-like fields (and AccessKeyId) wherever they are; other fields keep their values. */
function rotatedValue(data: string, nowMs: number): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return `rotated-${fresh(24)}`;
  }
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node !== 'object' || node === null) return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (/password|secret/i.test(key) && typeof value === 'string') out[key] = fresh(Math.max(16, value.length));
      else if (key === 'AccessKeyId' && typeof value === 'string') out[key] = `EMU${fresh(21)}`;
      else if (key === 'GenerateTimestamp') out[key] = formatTime(nowMs);
      else out[key] = walk(value);
    }
    return out;
  };
  return JSON.stringify(walk(parsed));
}

export const rotateSecret = kmsAction(true, ({ params, store, nowMs }) => {
  const secret = store.requireActive(params.required('SecretName'));
  requireManaged(secret, 'RotateSecret');
  const versionId = params.required('VersionId');
  checkVersionId(versionId);
  const arn = store.arn(secret.name);
  // VersionId is the idempotency key: a retried rotation returns the version it already made.
  if (findVersion(secret, versionId)) return { Arn: arn, SecretName: secret.name, VersionId: versionId };

  const current = secret.versions.find((v) => v.stages.includes('ACSCurrent'))!;
  const version = {
    versionId,
    createTime: nowMs,
    data: rotatedValue(current.data, nowMs),
    dataType: current.dataType,
    stages: [],
  };
  secret.versions.push(version);
  promoteToCurrent(secret, version);
  // Managed secrets keep only the versions that still carry a stage, within the generic cap.
  secret.versions = secret.versions.filter((v) => v.stages.length > 0).slice(-MAX_VERSIONS);
  const rotation = (secret.rotation ??= { enabled: false });
  rotation.lastRotationDate = nowMs;
  if (rotation.enabled && rotation.intervalSeconds !== undefined)
    rotation.nextRotationDate = nowMs + rotation.intervalSeconds * 1000;
  secret.updateTime = nowMs;
  return { Arn: arn, SecretName: secret.name, VersionId: versionId };
});

export const updateSecretRotationPolicy = kmsAction(true, ({ params, store, nowMs }) => {
  const secret = store.requireActive(params.required('SecretName'));
  requireManaged(secret, 'UpdateSecretRotationPolicy');
  if (params.optional('EnableAutomaticRotation') === undefined)
    throw errors.missingParameter('EnableAutomaticRotation');
  const enabled = params.bool('EnableAutomaticRotation', false);
  const intervalText = params.optional('RotationInterval');
  const rotation = (secret.rotation ??= { enabled: false });
  if (intervalText !== undefined) rotation.intervalSeconds = parseRotationInterval(intervalText);
  if (enabled && rotation.intervalSeconds === undefined) throw errors.missingParameter('RotationInterval');
  rotation.enabled = enabled;
  rotation.nextRotationDate = enabled
    ? (rotation.lastRotationDate ?? nowMs) + rotation.intervalSeconds! * 1000
    : undefined;
  if (rotation.nextRotationDate !== undefined && rotation.nextRotationDate < nowMs) rotation.nextRotationDate = nowMs;
  secret.updateTime = nowMs;
  return { SecretName: secret.name };
});
