/**
 * What a user types when managing secrets (names, values, stages, tags, recovery windows, descriptions), checked before
 * any request so a box can say what is wrong as they type. Each check returns undefined when the input is fine, else
 * one sentence. KMS's own limits live in core/kms/validation; these add what the explorer asks for on top.
 */
import * as l10n from '@vscode/l10n';
import { MAX_SECRET_BYTES, MAX_TAGS, MIN_RECOVERY_DAYS, MAX_RECOVERY_DAYS } from './kms/validation';
import type { SecretType, Tag } from './kms/types';
import { validateSecretName } from './reference';

export { MAX_SECRET_BYTES, MAX_TAGS };

const STAGE_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
const MAX_STAGES = 8;
const MAX_DESCRIPTION = 1_024;
const MAX_TAG_KEY = 128;
const MAX_TAG_VALUE = 256;

/** Managed secrets (everything but Generic) are rotated by KMS, have only ACSCurrent/ACSPrevious and hold JSON. */
export function isManaged(type: SecretType): boolean {
  return type !== 'Generic';
}

/** The reference grammar's name rules plus KMS's reserved `acs/` prefix (names of managed secrets). */
export function validateNewSecretName(name: string): string | undefined {
  return (
    validateSecretName(name) ??
    (name.startsWith('acs/') ? l10n.t('Names starting with acs/ are reserved for managed secrets.') : undefined)
  );
}

export function validateSecretValue(value: string): string | undefined {
  if (!value) return l10n.t('The value is empty.');
  const bytes = Buffer.byteLength(value, 'utf8');
  return bytes > MAX_SECRET_BYTES
    ? l10n.t('Values are at most {0} bytes (this one has {1}).', MAX_SECRET_BYTES, bytes)
    : undefined;
}

/** `a, b,,c ` → `['a', 'b', 'c']`: how every comma-separated box is read. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function validateStages(stages: readonly string[]): string | undefined {
  if (stages.length > MAX_STAGES) return l10n.t('A version has at most {0} stages.', MAX_STAGES);
  const bad = stages.find((s) => !STAGE_PATTERN.test(s));
  return bad === undefined ? undefined : l10n.t('Stage names are 1–64 letters, digits and _.- ("{0}" is not).', bad);
}

/** `key=value, key2=value2` → tags (a key without `=` gets an empty value), or the sentence saying what is wrong. */
export function parseTags(text: string): Tag[] | string {
  const tags: Tag[] = [];
  for (const part of splitList(text)) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (!key) return l10n.t('"{0}" has no key. Write key=value, separated by commas.', part);
    if (key.length > MAX_TAG_KEY || value.length > MAX_TAG_VALUE)
      return l10n.t('Tag keys are at most {0} characters, values at most {1}.', MAX_TAG_KEY, MAX_TAG_VALUE);
    if (key.toLowerCase().startsWith('acs:') || key.toLowerCase().startsWith('aliyun'))
      return l10n.t('Tag keys may not start with acs: or aliyun ("{0}").', key);
    if (tags.some((t) => t.key === key)) return l10n.t('The key "{0}" appears twice.', key);
    tags.push({ key, value });
  }
  return tags.length > MAX_TAGS ? l10n.t('A secret has at most {0} tags.', MAX_TAGS) : tags;
}

/** The recovery window of a scheduled deletion, as typed (whole days). */
export function validateRecoveryDays(text: string): string | undefined {
  const days = Number(text.trim());
  return /^\d+$/.test(text.trim()) && days >= MIN_RECOVERY_DAYS && days <= MAX_RECOVERY_DAYS
    ? undefined
    : l10n.t('Type a number of days from {0} to {1}.', MIN_RECOVERY_DAYS, MAX_RECOVERY_DAYS);
}

export function validateDescription(text: string): string | undefined {
  return text.length > MAX_DESCRIPTION ? l10n.t('Descriptions are at most 1,024 characters.') : undefined;
}

/** A version id that reads well in the explorer, unique enough for one user: `v20240601-123456-ab12`. */
export function newVersionId(now = new Date(), random = Math.random): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `v${stamp}-${random().toString(16).slice(2, 6).padEnd(4, '0')}`;
}
