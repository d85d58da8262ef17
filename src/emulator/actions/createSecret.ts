/**
 * CreateSecret: the first version gets ACSCurrent. Managed types (Rds, RAMCredentials, ECS, …) may enable automatic
 * rotation;
 * RAMCredentials accepts the documented `$Auto` name, derived from ExtendedConfig.UserName as
 * `acs/ram/user/<UserName>`.
 */
import { checkEcsSecret } from '../ecs';
import { errors } from '../errors';
import { CURRENT, Secret, SecretDataType, SecretType, isManaged, parseSecretType } from '../model';
import { MAX_TAGS, checkSecretName, checkTag, checkValue, checkVersionId, parseRotationInterval } from '../validation';
import { ActionContext, kmsAction } from './context';
import { rotationFields } from './shapes';
import { parseTagsParam } from './tagParams';

export const DEFAULT_ENCRYPTION_KEY_ID = 'key-emulator-default';

export function parseDataType(value: string | undefined): SecretDataType {
  if (value === undefined || value === 'text' || value === 'binary') return value ?? 'text';
  throw errors.invalidParameter('SecretDataType');
}

function parseExtendedConfig(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  if (text.length > 1024) throw errors.invalidParameter('ExtendedConfig', 'exceeds 1024 characters');
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // falls through to the error below
  }
  throw errors.invalidParameter('ExtendedConfig');
}

function resolveName(ctx: ActionContext, type: SecretType, extended: Record<string, unknown> | undefined): string {
  const name = ctx.params.required('SecretName');
  if (type !== 'RAMCredentials' || name !== '$Auto') return name;
  const user = extended?.UserName;
  if (typeof user !== 'string' || user === '')
    throw errors.invalidParameter('ExtendedConfig', 'needs UserName for $Auto');
  return `acs/ram/user/${user}`;
}

export const createSecret = kmsAction(true, (ctx) => {
  const { params, store, nowMs } = ctx;
  const typeText = params.optional('SecretType');
  const type = typeText === undefined ? 'Generic' : parseSecretType(typeText);
  if (!type) throw errors.invalidParameter('SecretType');
  const extendedText = params.optional('ExtendedConfig');
  const extended = parseExtendedConfig(extendedText);
  const name = resolveName(ctx, type, extended);
  checkSecretName(name, type);
  const data = params.required('SecretData');
  checkValue(data);
  const versionId = params.required('VersionId');
  checkVersionId(versionId);
  const dataType = parseDataType(params.optional('SecretDataType'));
  const description = params.optional('Description') ?? '';
  if (description.length > 256) throw errors.invalidParameter('Description');
  const tags = parseTagsParam(params, 'Tags');
  if (tags.length > MAX_TAGS) throw errors.limitExceeded('tag');
  tags.forEach(checkTag);
  if (type !== 'Generic' && type !== 'Redis' && type !== 'PolarDB') {
    // Rds/RAMCredentials/ECS values are JSON documents (kms-api.md §1.2); the emulator checks only that they parse.
    try {
      JSON.parse(data);
    } catch {
      throw errors.invalidParameter('SecretData', `must be JSON for ${type} secrets`);
    }
  }
  if (type === 'ECS') checkEcsSecret(data, extended);

  const enableRotation = params.bool('EnableAutomaticRotation', false);
  const intervalText = params.optional('RotationInterval');
  if (!isManaged(type) && (enableRotation || intervalText !== undefined)) {
    throw errors.invalidParameter('EnableAutomaticRotation', 'applies only to managed secrets');
  }
  if (enableRotation && intervalText === undefined) throw errors.missingParameter('RotationInterval');
  const intervalSeconds = intervalText === undefined ? undefined : parseRotationInterval(intervalText);

  const existing = store.find(name);
  if (existing) throw existing.plannedDeleteTime !== undefined ? errors.inDeleteWindow() : errors.exists();

  const secret: Secret = {
    name,
    type,
    description,
    encryptionKeyId: params.optional('EncryptionKeyId') ?? DEFAULT_ENCRYPTION_KEY_ID,
    createTime: nowMs,
    updateTime: nowMs,
    tags,
    versions: [{ versionId, createTime: nowMs, data, dataType, stages: [CURRENT] }],
    ...(isManaged(type) && {
      rotation: {
        enabled: enableRotation,
        intervalSeconds,
        ...(enableRotation && intervalSeconds !== undefined && { nextRotationDate: nowMs + intervalSeconds * 1000 }),
      },
    }),
    ...(extendedText !== undefined && { extendedConfig: extendedText }),
  };
  store.put(secret);
  return {
    Arn: store.arn(name),
    SecretName: name,
    VersionId: versionId,
    SecretType: type,
    ...rotationFields(secret),
    ...(secret.extendedConfig !== undefined && { ExtendedConfig: secret.extendedConfig }),
  };
});
