/**
 * Checks run before any request, so obviously bad input fails fast with a precise sentence (KMS's own InvalidParameter
 * does not say which rule was broken) and never costs a round trip. Limits from kms-api.md §8.
 */
import * as l10n from '@vscode/l10n';
import { parseSecretArn, validateSecretName } from '../reference';
import { rotationIntervalSeconds, validateRotationInterval } from '../rotation';
import { invalidInput } from './errors';
import type { Tag } from './types';

export const MAX_SECRET_BYTES = 30_720;
export const MIN_RECOVERY_DAYS = 7;
export const MAX_RECOVERY_DAYS = 30;
export const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 128;
const MAX_VERSION_ID_LENGTH = 64;
/**
 * KMS's name rules are the reference grammar's, and ARNs are read by it too: one definition each, so a name the client
 * accepts is always referenceable.
 */
export { parseSecretArn, validateSecretName };

export function assertSecretName(name: string, action?: string): void {
  const problem = typeof name === 'string' ? validateSecretName(name) : l10n.t('Enter a secret name.');
  if (problem) throw invalidInput(problem, action);
}

/** Reads accept a name or an ARN (needed for cross-account access). */
export function assertSecretId(id: string, action?: string): void {
  const arn = typeof id === 'string' ? parseSecretArn(id) : undefined;
  assertSecretName(arn ? arn.name : id, action);
}

export function assertSecretValue(value: string, action?: string): void {
  if (typeof value !== 'string') throw invalidInput(l10n.t('The secret value must be text.'), action);
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes === 0) throw invalidInput(l10n.t('The secret value is empty. Enter a value.'), action);
  if (bytes > MAX_SECRET_BYTES) {
    throw invalidInput(
      l10n.t(
        'The secret value is {0} bytes; KMS allows at most {1} bytes (UTF-8). Shorten it.',
        bytes,
        MAX_SECRET_BYTES,
      ),
      action,
    );
  }
}

export function assertRecoveryWindow(days: number, action?: string): void {
  if (!Number.isInteger(days) || days < MIN_RECOVERY_DAYS || days > MAX_RECOVERY_DAYS) {
    throw invalidInput(
      l10n.t(
        'The recovery window must be a whole number of days from {0} to {1}.',
        MIN_RECOVERY_DAYS,
        MAX_RECOVERY_DAYS,
      ),
      action,
    );
  }
}

export function assertVersionId(versionId: string, action?: string): void {
  if (typeof versionId !== 'string' || versionId.length === 0 || versionId.length > MAX_VERSION_ID_LENGTH) {
    throw invalidInput(l10n.t('Version ids are 1 to {0} characters.', MAX_VERSION_ID_LENGTH), action);
  }
}

export function assertStage(stage: string, action?: string): void {
  if (typeof stage !== 'string' || stage.length === 0 || stage.length > 64) {
    throw invalidInput(l10n.t('Version stage labels are 1 to 64 characters.'), action);
  }
}

export function assertTags(tags: Tag[], action?: string): void {
  if (tags.length > MAX_TAGS) throw invalidInput(l10n.t('A secret can have at most {0} tags.', MAX_TAGS), action);
  for (const tag of tags) assertTagKey(tag.key, action);
  for (const tag of tags) {
    if (typeof tag.value !== 'string' || tag.value.length === 0 || tag.value.length > MAX_TAG_LENGTH) {
      throw invalidInput(l10n.t('Tag values are 1 to {0} characters (tag "{1}").', MAX_TAG_LENGTH, tag.key), action);
    }
  }
}

export function assertTagKey(key: string, action?: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_TAG_LENGTH) {
    throw invalidInput(l10n.t('Tag keys are 1 to {0} characters.', MAX_TAG_LENGTH), action);
  }
  if (/^(aliyun|acs:)/i.test(key))
    throw invalidInput(l10n.t('Tag keys must not start with "aliyun" or "acs:" (tag "{0}").', key), action);
}

/** `integer[d|h|m|s]` between 6 hours and 8,760 hours (core/rotation.ts); returns seconds. */
export function parseRotationInterval(interval: string, action?: string): number {
  const problem = validateRotationInterval(interval);
  if (problem) throw invalidInput(problem, action);
  return rotationIntervalSeconds(interval)!;
}

export function assertPasswordLength(length: number, action?: string): void {
  if (!Number.isInteger(length) || length < 8 || length > 128)
    throw invalidInput(l10n.t('Password length must be from 8 to 128.'), action);
}
