/** Writing references: the canonical `kms://` form, the ARN form, cache keys and the id GetSecretValue takes. */
import * as l10n from '@vscode/l10n';
import {
  ARN_PREFIX,
  DEFAULT_STAGE,
  encodeKeyComponent,
  REFERENCE_SCHEME,
  ReferenceSyntaxError,
  validateSecretName,
  validateValue,
  type SecretReference,
} from './grammar';

function assertFormattable(ref: SecretReference): void {
  const bad = (message: string): never => {
    throw new ReferenceSyntaxError(message, 0, 'value');
  };
  const nameProblem = validateSecretName(ref.name);
  if (nameProblem) throw new ReferenceSyntaxError(nameProblem, 0, ref.name ? 'name-char' : 'empty-name');
  if (ref.stage !== undefined && ref.versionId !== undefined) bad(l10n.t('Use either stage or version, not both.'));
  const region = ref.region ?? ref.arn?.region;
  for (const [key, value] of [
    ['region', region],
    ['profile', ref.profile],
    ['stage', ref.stage],
    ['version', ref.versionId],
  ] as const) {
    if (value !== undefined) {
      const problem = validateValue(key, value);
      if (problem) bad(problem);
    }
  }
  if (ref.jsonKey !== undefined) {
    if (ref.jsonKey === '') throw new ReferenceSyntaxError(l10n.t('The JSON key is empty.'), 0, 'json-key');
    if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(ref.jsonKey)) {
      throw new ReferenceSyntaxError(
        l10n.t('The JSON key holds a lone surrogate and cannot be encoded.'),
        0,
        'json-key',
      );
    }
  }
}

function formatSuffix(ref: SecretReference, includeRegion: boolean): string {
  const params: string[] = [];
  const region = ref.region ?? ref.arn?.region;
  if (includeRegion && region !== undefined) params.push(`region=${region}`);
  if (ref.profile !== undefined) params.push(`profile=${ref.profile}`);
  if (ref.versionId !== undefined) params.push(`version=${ref.versionId}`);
  else if (ref.stage !== undefined && ref.stage !== DEFAULT_STAGE) params.push(`stage=${ref.stage}`);
  let out = params.length ? `?${params.join('&')}` : '';
  if (ref.jsonKey !== undefined) out += `#${encodeKeyComponent(ref.jsonKey)}`;
  return out;
}

/** The canonical `kms://` form (an ARN's region becomes `?region=`). Throws ReferenceSyntaxError for an invalid reference. */
export function formatReference(ref: SecretReference): string {
  assertFormattable(ref);
  return `${REFERENCE_SCHEME}${ref.name}${formatSuffix(ref, true)}`;
}

/** The ARN form; needs `ref.arn` (or pass the account id and use `ref.region`). */
export function formatArn(ref: SecretReference, accountId = ref.arn?.accountId): string {
  assertFormattable(ref);
  const region = ref.arn?.region ?? ref.region;
  if (!region || !accountId || !/^[0-9]{1,32}$/.test(accountId)) {
    throw new ReferenceSyntaxError(l10n.t('An ARN needs a region and a numeric account id.'), 0, 'arn');
  }
  return `${ARN_PREFIX}${region}:${accountId}:secret/${ref.name}${formatSuffix(ref, false)}`;
}

/**
 * Identity of the secret version a reference reads (name, region, profile, stage-or-version; not the JSON key), for
 * de-duplicating fetches and keying caches. `kms://a` and `kms://a?stage=ACSCurrent` share a key.
 */
export function referenceKey(ref: SecretReference): string {
  const region = ref.region ?? ref.arn?.region ?? '';
  const selector = ref.versionId !== undefined ? `version:${ref.versionId}` : `stage:${ref.stage ?? DEFAULT_STAGE}`;
  return JSON.stringify([ref.name, region, ref.profile ?? '', selector]);
}

/** What GetSecretValue takes for a reference: the ARN when it was written as one (cross-account reads need the
 * account), else the name. */
export function secretId(reference: SecretReference): string {
  return reference.arn ? formatArn({ name: reference.name, arn: reference.arn }) : reference.name;
}
