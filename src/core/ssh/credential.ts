/**
 * The credential inside an ECS secret's value (`{"UserName","Password"}` or `{"UserName","PublicKey","PrivateKey"}`,
 * seed-systems.md §2), checked before anything starts. The sub-type comes from ExtendedConfig when KMS sent it, else
 * from the value's shape.
 */
import * as l10n from '@vscode/l10n';
import type { SecretValue } from '../kms/types';
import { SshError } from './errors';

export type EcsCredential =
  | { subType: 'SSHKey'; userName: string; privateKey: string }
  | { subType: 'Password'; userName: string; password: string };

const SHAPES = '{"UserName","Password"} or {"UserName","PublicKey","PrivateKey"}';
const filled = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

export function ecsCredentialFrom(secret: SecretValue): EcsCredential {
  if (secret.type !== undefined && secret.type !== 'ECS') {
    throw new SshError(
      'not-ecs',
      l10n.t('{0} is a {1} secret; choose an ECS secret (its name starts with acs/ecs/).', secret.name, secret.type),
    );
  }
  if (secret.dataType === 'binary')
    throw new SshError('bad-value', l10n.t('{0} holds binary data, not {1}.', secret.name, SHAPES));
  let value: unknown;
  try {
    value = JSON.parse(secret.value);
  } catch {
    value = undefined;
  }
  const fields = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  if (!filled(fields.UserName))
    throw new SshError('bad-value', l10n.t('The value of {0} is not {1}.', secret.name, SHAPES));
  const declared = secret.extended?.secretSubType;
  const subType =
    declared === 'SSHKey' || declared === 'Password' ? declared : 'PrivateKey' in fields ? 'SSHKey' : 'Password';
  if (subType === 'SSHKey') {
    if (!filled(fields.PrivateKey))
      throw new SshError(
        'bad-value',
        l10n.t('{0} is an SSHKey secret without a PrivateKey in its value.', secret.name),
      );
    return { subType, userName: fields.UserName, privateKey: normalizeKey(fields.PrivateKey) };
  }
  if (!filled(fields.Password))
    throw new SshError('bad-value', l10n.t('{0} is a Password secret without a Password in its value.', secret.name));
  return { subType, userName: fields.UserName, password: fields.Password };
}

/** OpenSSH wants LF line ends and a final newline; keys pasted into the console often have neither. */
const normalizeKey = (key: string): string => `${key.replace(/\r\n?/g, '\n').trim()}\n`;
