import { failureKind, failureSentence } from '../connection/errors';
import { DEFAULT_STAGE, formatReference, type FoundReference, type SecretReference } from '../core/reference';
import type { SecretCatalog } from './catalog';

/** The `code` of each reference diagnostic; quick fixes and tests key on them. */
export const ProblemCodes = {
  syntax: 'reference-syntax',
  unknownSecret: 'unknown-secret',
  pendingDeletion: 'pending-deletion',
  unknownStage: 'unknown-stage',
  unknownVersion: 'unknown-version',
  jsonKeyAbsent: 'json-key-absent',
  notJson: 'not-json',
  noPermission: 'no-permission',
} as const;
export type ProblemCode = (typeof ProblemCodes)[keyof typeof ProblemCodes];

export interface Problem {
  code: ProblemCode;
  message: string;
  severity: 'error' | 'warning';
  /** Where the secret lives (for the quick fixes). */
  name?: string;
  region?: string;
  /** What would have been right: stage labels, version ids or JSON key names (never values). */
  alternatives?: string[];
}

export interface CheckOptions {
  /** Whether the check may read values (to learn a JSON value's key names); off in untrusted workspaces. */
  readValues: boolean;
}

/** The syntax problem of a malformed occurrence; `template` ones are not references yet and are skipped (undefined). */
export function syntaxProblem(found: FoundReference): Problem | undefined {
  if (!found.error || found.error.code === 'template') return undefined;
  return {
    code: ProblemCodes.syntax,
    message: `Malformed secret reference: ${found.error.message}`,
    severity: 'error',
  };
}

/**
 * What is wrong with a well-formed reference, asked of KMS through the catalog (cached): the secret is unknown, pending
 * deletion or not readable, the stage/version does not exist, or the JSON key is absent. Undefined when it is fine or
 * when
 * KMS could not tell (network, throttling: that is not the reference's fault).
 */
export async function checkReference(
  reference: SecretReference,
  catalog: SecretCatalog,
  options: CheckOptions,
): Promise<Problem | undefined> {
  const region = catalog.regionOf(reference);
  const { name } = reference;
  const base = { name, region };
  const display = `'${name}'${region === catalog.activeRegion ? '' : ` in ${region}`}`;
  const fromError = (error: unknown): Problem | undefined => {
    switch (failureKind(error)) {
      case 'notFound':
        return {
          ...base,
          code: ProblemCodes.unknownSecret,
          severity: 'error',
          message: `There is no secret ${display} in KMS.`,
        };
      case 'inDeletionWindow':
        return {
          ...base,
          code: ProblemCodes.pendingDeletion,
          severity: 'error',
          message: `The secret ${display} is pending deletion; reading it fails until it is restored.`,
        };
      case 'noPermission':
        return {
          ...base,
          code: ProblemCodes.noPermission,
          severity: 'warning',
          message: `No permission to use the secret ${display}: ${failureSentence(error)}`,
        };
      default:
        return undefined;
    }
  };

  let details;
  try {
    details = await catalog.describe(region, name);
  } catch (error) {
    return fromError(error);
  }
  if (details.plannedDeleteTime) {
    return {
      ...base,
      code: ProblemCodes.pendingDeletion,
      severity: 'error',
      message: `The secret ${display} is pending deletion (planned for ${details.plannedDeleteTime}); reading it fails until it is restored.`,
    };
  }

  if (reference.versionId !== undefined || (reference.stage !== undefined && reference.stage !== DEFAULT_STAGE)) {
    let versions;
    try {
      versions = await catalog.versions(region, name);
    } catch (error) {
      return fromError(error);
    }
    if (reference.versionId !== undefined && !versions.some((v) => v.versionId === reference.versionId)) {
      return {
        ...base,
        code: ProblemCodes.unknownVersion,
        severity: 'error',
        alternatives: versions.map((v) => v.versionId),
        message: `The secret ${display} has no version '${reference.versionId}'${list(versions.map((v) => v.versionId))}.`,
      };
    }
    const stages = [...new Set(versions.flatMap((v) => v.stages))];
    if (reference.stage !== undefined && !stages.includes(reference.stage)) {
      return {
        ...base,
        code: ProblemCodes.unknownStage,
        severity: 'error',
        alternatives: stages,
        message: `No version of the secret ${display} has the stage '${reference.stage}'${list(stages)}.`,
      };
    }
  }

  if (reference.jsonKey !== undefined && options.readValues) {
    let keys;
    try {
      keys = await catalog.jsonKeys(reference);
    } catch (error) {
      return fromError(error);
    }
    const what = formatReference({ ...reference, jsonKey: undefined });
    if (!keys) {
      return {
        ...base,
        code: ProblemCodes.notJson,
        severity: 'error',
        message: `The value of ${what} is not a JSON object, so it has no key '${reference.jsonKey}'.`,
      };
    }
    if (!keys.includes(reference.jsonKey)) {
      return {
        ...base,
        code: ProblemCodes.jsonKeyAbsent,
        severity: 'error',
        alternatives: keys,
        message: `The JSON value of ${what} has no key '${reference.jsonKey}'${list(keys)}.`,
      };
    }
  }
  return undefined;
}

function list(items: string[]): string {
  if (!items.length) return '';
  const shown = items
    .slice(0, 8)
    .map((i) => `'${i}'`)
    .join(', ');
  return ` (it has ${shown}${items.length > 8 ? ', …' : ''})`;
}
