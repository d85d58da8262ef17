/**
 * ECS secrets (SecretType ECS, seed-systems.md §2): the value is `{"UserName","Password"}` or
 * `{"UserName","PublicKey","PrivateKey"}` (PEM), and ExtendedConfig names the sub-type (`Password` | `SSHKey`), RegionId,
 * InstanceId and at most 10 CustomData pairs. Shared by CreateSecret and the seed loader, so a seed cannot hold an ECS
 * secret the API would refuse.
 */
import { errors } from './errors';

export const ECS_SUB_TYPES = ['Password', 'SSHKey'] as const;
export type EcsSubType = (typeof ECS_SUB_TYPES)[number];
const MAX_CUSTOM_DATA = 10;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const filled = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
// INFERRED: KMS documents the key as PEM; the emulator only checks it looks like one (RSA, EC, PKCS#8 or OpenSSH).
const PEM_PRIVATE_KEY =
  /^-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----\r?\n[\s\S]+\r?\n-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----\s*$/;

/** The sub-type a value's shape implies: SSHKey when it has a PrivateKey, else Password. */
function shapeOf(value: Json): EcsSubType {
  return 'PrivateKey' in value ? 'SSHKey' : 'Password';
}

/** Checks an ECS secret's value and ExtendedConfig together (the value must match the declared sub-type). */
export function checkEcsSecret(data: string, extendedConfig: Json | undefined, param = 'SecretData'): void {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    throw errors.invalidParameter(param, 'must be JSON for ECS secrets');
  }
  if (!isObject(value) || !filled(value.UserName)) throw errors.invalidParameter(param, 'needs a UserName');
  const shape = shapeOf(value);
  if (shape === 'Password' && !filled(value.Password))
    throw errors.invalidParameter(param, 'must be {"UserName","Password"} or {"UserName","PublicKey","PrivateKey"}');
  if (shape === 'SSHKey') {
    if (!filled(value.PublicKey)) throw errors.invalidParameter(param, 'needs the PublicKey next to the PrivateKey');
    if (!PEM_PRIVATE_KEY.test(value.PrivateKey as string))
      throw errors.invalidParameter(param, 'needs the PrivateKey in PEM format');
  }
  if (extendedConfig === undefined) return;
  const subType = extendedConfig.SecretSubType;
  if (subType !== undefined && !ECS_SUB_TYPES.includes(subType as EcsSubType))
    throw errors.invalidParameter('ExtendedConfig.SecretSubType', 'must be Password or SSHKey');
  if (subType !== undefined && subType !== shape)
    throw errors.invalidParameter(param, `does not match the ${String(subType)} sub-type`);
  for (const field of ['RegionId', 'InstanceId']) {
    if (extendedConfig[field] !== undefined && !filled(extendedConfig[field]))
      throw errors.invalidParameter(`ExtendedConfig.${field}`);
  }
  const custom = extendedConfig.CustomData;
  if (custom !== undefined && (!isObject(custom) || Object.keys(custom).length > MAX_CUSTOM_DATA))
    throw errors.invalidParameter('ExtendedConfig.CustomData', `must be an object of at most ${MAX_CUSTOM_DATA} pairs`);
}
