/**
 * An ExternalSecret entry as a secret use for the shared reference rules, and where each problem belongs in the
 * manifest: the `key` for the secret itself, `versionStage` / `versionId` for those, the `jmesPath[].path` that names
 * a missing JSON key.
 */
import * as l10n from '@vscode/l10n';
import { ProblemCodes, type Problem, type SecretUse } from '../check';
import { parseSecretArn } from '../kms/validation';
import { validateSecretName } from '../reference';
import { topLevelKey } from './jmesPath';
import type { ExternalSecretEntry, ExternalSecretManifest, ManifestField } from './manifest';
import type { Span } from './nodes';

/** `${…}`, `{{…}}`: a value a template engine fills in later is not a name yet. */
const TEMPLATE = /\$\{|\{\{/;

export type EntryUse = { use: SecretUse } | { problem: Problem } | undefined;

/**
 * The use an entry makes of KMS; a syntax problem when its key cannot name a secret; undefined when there is nothing
 * to check (no string key — the CRD issues say why — a templated value, or a manifest whose provider is not KMS).
 */
export function entryUse(manifest: Pick<ExternalSecretManifest, 'provider'>, entry: ExternalSecretEntry): EntryUse {
  const key = entry.key?.value;
  if (manifest.provider !== 'kms' || key === undefined) return undefined;
  const fields = [entry.key, entry.versionStage, entry.versionId, ...entry.jmesPath.map((j) => j.path)];
  if (fields.some((f) => f?.value !== undefined && TEMPLATE.test(f.value))) return undefined;
  const arn = parseSecretArn(key);
  const name = arn?.name ?? key;
  const invalid = validateSecretName(name);
  if (invalid) {
    return {
      problem: {
        code: ProblemCodes.syntax,
        severity: 'error',
        message: l10n.t('This key does not name a KMS secret: {0}', invalid),
      },
    };
  }
  const jsonKeys = entry.jmesPath.map((j) => (j.path?.value === undefined ? undefined : topLevelKey(j.path.value)));
  return {
    use: {
      name,
      ...(arn && { region: arn.region, arn: { region: arn.region, accountId: arn.accountId } }),
      ...(entry.versionStage?.value !== undefined && { stage: entry.versionStage.value }),
      ...(entry.versionId?.value !== undefined && { versionId: entry.versionId.value }),
      jsonKeys: jsonKeys.filter((k): k is string => k !== undefined),
      yamlValue: true,
    },
  };
}

/** The field a problem of this entry belongs to (falls back to the key, then the entry). */
export function problemField(entry: ExternalSecretEntry, problem: Problem): ManifestField | Span {
  const byCode: Partial<Record<Problem['code'], ManifestField | undefined>> = {
    [ProblemCodes.unknownStage]: entry.versionStage,
    [ProblemCodes.unknownVersion]: entry.versionId,
    [ProblemCodes.jsonKeyAbsent]: entry.jmesPath.find(
      (j) => j.path?.value !== undefined && topLevelKey(j.path.value) === problem.jsonKey,
    )?.path,
    [ProblemCodes.notJson]: entry.jmesPath.find((j) => j.path)?.path,
  };
  return byCode[problem.code] ?? entry.key ?? entry;
}
