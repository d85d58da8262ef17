/**
 * The rules that decide a secret reference is broken: unknown secret, pending deletion, no permission, unknown stage or
 * version, JSON key absent or value not JSON, malformed syntax. One set of rules for the editor's diagnostics and for
 * `kms-secrets check`; KMS is asked through a SecretLookup, so the rules stay pure and unit-tested.
 */
import * as l10n from '@vscode/l10n';
import { isKmsError } from '../kms/errors';
import { DEFAULT_STAGE, formatReference, type FoundReference, type SecretReference } from '../reference';
import { regionOf, type SecretLookup } from './lookup';
import { ProblemCodes, type Problem } from './problems';

export interface CheckOptions {
  /** Whether the check may read values (to learn a JSON value's key names); off in untrusted workspaces. */
  readValues: boolean;
}

/** A reference, or an ExternalSecret entry, as the rules see it: which secret and version, and which JSON keys. */
export interface SecretUse extends Omit<SecretReference, 'jsonKey'> {
  /** Top-level keys the use reads from a JSON value (a reference's `#key`; an entry's `jmesPath` fields). */
  jsonKeys?: readonly string[];
  /** The value may also be a YAML mapping (ack-secret-manager reads both). */
  yamlValue?: boolean;
}

export interface CheckResult {
  /** Empty when the use resolves. */
  problems: Problem[];
  /**
   * Set when KMS could not tell (network, throttling, credentials): the use was not verified, which is not its fault.
   * The editor shows nothing; a CI check must not pass.
   */
  unverified?: unknown;
}

/** The syntax problem of a malformed occurrence; `template` ones are not references yet and are skipped (undefined). */
export function syntaxProblem(found: FoundReference): Problem | undefined {
  if (!found.error || found.error.code === 'template') return undefined;
  return {
    code: ProblemCodes.syntax,
    message: l10n.t('Malformed secret reference: {0}', found.error.message),
    severity: 'error',
  };
}

/** The first problem of a well-formed reference, or undefined when it resolves or when KMS could not tell. */
export async function checkReference(
  reference: SecretReference,
  lookup: SecretLookup,
  options: CheckOptions,
): Promise<Problem | undefined> {
  const { jsonKey, ...rest } = reference;
  const { problems } = await checkSecretUse(
    { ...rest, jsonKeys: jsonKey === undefined ? undefined : [jsonKey] },
    lookup,
    options,
  );
  return problems[0];
}

/**
 * Every problem of one use, asked of KMS through the lookup: DescribeSecret first (unknown, pending deletion, no
 * permission), then ListSecretVersionIds when a stage other than ACSCurrent or a version id is named, then — only when
 * JSON keys must be checked and values may be read — the key names of the value.
 */
export async function checkSecretUse(
  use: SecretUse,
  lookup: SecretLookup,
  options: CheckOptions,
): Promise<CheckResult> {
  const region = regionOf(use, lookup.activeRegion);
  const { name } = use;
  const base = { name, region };
  const display = region === lookup.activeRegion ? `'${name}'` : l10n.t("'{0}' in {1}", name, region);
  const failed = (error: unknown): CheckResult => {
    if (isKmsError(error, 'notFound'))
      return one({
        ...base,
        code: ProblemCodes.unknownSecret,
        message: l10n.t('There is no secret {0} in KMS.', display),
      });
    if (isKmsError(error, 'inDeletionWindow'))
      return one({
        ...base,
        code: ProblemCodes.pendingDeletion,
        message: l10n.t('The secret {0} is pending deletion; reading it fails until it is restored.', display),
      });
    if (isKmsError(error, 'noPermission'))
      return one({
        ...base,
        code: ProblemCodes.noPermission,
        severity: 'warning',
        message: l10n.t('No permission to use the secret {0}: {1}', display, error.message),
      });
    return { problems: [], unverified: error };
  };

  let details;
  try {
    details = await lookup.describe(region, name, use.profile);
  } catch (error) {
    return failed(error);
  }
  if (details.plannedDeleteTime) {
    return one({
      ...base,
      code: ProblemCodes.pendingDeletion,
      message: l10n.t(
        'The secret {0} is pending deletion (planned for {1}); reading it fails until it is restored.',
        display,
        details.plannedDeleteTime,
      ),
    });
  }

  const problems: Problem[] = [];
  const { stage, versionId } = use;
  if (versionId !== undefined || (stage !== undefined && stage !== DEFAULT_STAGE)) {
    let versions;
    try {
      versions = await lookup.versions(region, name, use.profile);
    } catch (error) {
      return failed(error);
    }
    const version = versionId === undefined ? undefined : versions.find((v) => v.versionId === versionId);
    if (versionId !== undefined && !version) {
      const ids = versions.map((v) => v.versionId);
      problems.push({
        ...base,
        code: ProblemCodes.unknownVersion,
        severity: 'error',
        alternatives: ids,
        message: list(ids)
          ? l10n.t("The secret {0} has no version '{1}' (it has {2}).", display, versionId, list(ids)!)
          : l10n.t("The secret {0} has no version '{1}'.", display, versionId),
      });
    }
    const stages = [...new Set(versions.flatMap((v) => v.stages))];
    if (stage !== undefined && stage !== DEFAULT_STAGE && !stages.includes(stage)) {
      problems.push({
        ...base,
        code: ProblemCodes.unknownStage,
        severity: 'error',
        alternatives: stages,
        message: list(stages)
          ? l10n.t("No version of the secret {0} has the stage '{1}' (it has {2}).", display, stage, list(stages)!)
          : l10n.t("No version of the secret {0} has the stage '{1}'.", display, stage),
      });
    } else if (stage !== undefined && version && !version.stages.includes(stage)) {
      // Both named (ExternalSecret allows it): KMS reads the version only when it carries the stage.
      problems.push({
        ...base,
        code: ProblemCodes.unknownStage,
        severity: 'error',
        alternatives: version.stages,
        message: list(version.stages)
          ? l10n.t(
              "Version '{0}' of the secret {1} does not have the stage '{2}' (it has {3}).",
              `${versionId}`,
              display,
              stage,
              list(version.stages)!,
            )
          : l10n.t("Version '{0}' of the secret {1} does not have the stage '{2}'.", `${versionId}`, display, stage),
      });
    }
  }
  const keys = use.jsonKeys ?? [];
  if (problems.length || !keys.length || !options.readValues) return { problems };

  let present;
  try {
    present = await lookup.jsonKeys(
      { name, region: use.region, profile: use.profile, stage, versionId, arn: use.arn },
      { yaml: use.yamlValue },
    );
  } catch (error) {
    return failed(error);
  }
  const what = describeValue(use);
  if (!present) {
    return one({
      ...base,
      code: ProblemCodes.notJson,
      jsonKey: keys[0],
      message: l10n.t("The value of {0} is not a JSON object, so it has no key '{1}'.", what, keys[0]),
    });
  }
  // Names from a YAML mapping may be pieces of the value: compared with, never listed (lookup.ts, UnlistedKeys).
  const names = Array.isArray(present) ? present : present.unlisted;
  const listable = Array.isArray(present) ? present : [];
  for (const key of new Set(keys)) {
    if (names.includes(key)) continue;
    problems.push({
      ...base,
      code: ProblemCodes.jsonKeyAbsent,
      severity: 'error',
      jsonKey: key,
      alternatives: listable,
      message: keyAbsent(Array.isArray(present), what, key, list(listable)),
    });
  }
  return { problems };
}

function one(problem: Omit<Problem, 'severity'> & { severity?: Problem['severity'] }): CheckResult {
  return { problems: [{ severity: 'error', ...problem }] };
}

/** `kms://name?stage=…` when the grammar can say it (an ExternalSecret may name both stage and version), else `'name'`. */
function describeValue(use: SecretUse): string {
  try {
    return formatReference({
      name: use.name,
      region: use.region,
      profile: use.profile,
      stage: use.stage,
      versionId: use.versionId,
      arn: use.arn,
    });
  } catch {
    return `'${use.name}'`;
  }
}

/** `'a', 'b', …`: the first alternatives, for "(it has …)"; undefined when there are none. */
function list(items: string[]): string | undefined {
  if (!items.length) return undefined;
  const shown = items
    .slice(0, 8)
    .map((i) => `'${i}'`)
    .join(', ');
  return `${shown}${items.length > 8 ? ', …' : ''}`;
}

function keyAbsent(json: boolean, what: string, key: string, alternatives: string | undefined): string {
  if (json)
    return alternatives
      ? l10n.t("The JSON value of {0} has no key '{1}' (it has {2}).", what, key, alternatives)
      : l10n.t("The JSON value of {0} has no key '{1}'.", what, key);
  return alternatives
    ? l10n.t("The value of {0} has no key '{1}' (it has {2}).", what, key, alternatives)
    : l10n.t("The value of {0} has no key '{1}'.", what, key);
}
