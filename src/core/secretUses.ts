/**
 * Every place a text names a KMS secret, ready for the shared rules: `kms://` and ARN references in any text, and —
 * in YAML — the entries of ack-secret-manager ExternalSecrets. Problems known without KMS (malformed references, CRD
 * issues) come with the occurrence; the others are placed by `place` once the rules have spoken.
 */
import * as l10n from '@vscode/l10n';
import { ProblemCodes, syntaxProblem, type Problem, type SecretUse } from './check';
import { entryUse, findExternalSecrets, problemField, type Span } from './externalSecret';
import { findReferences, formatReference } from './reference';

export interface FoundUse extends Span {
  /** A `kms://` or ARN reference, an ExternalSecret entry, or a place where a manifest breaks the CRD schema. */
  origin: 'reference' | 'entry' | 'schema';
  /** What to check against KMS; absent when `problem` already says what is wrong. */
  use?: SecretUse;
  /** A problem found without asking KMS. */
  problem?: Problem;
  /** The span a problem of this use is reported at (an entry's `versionStage`, `versionId` or `jmesPath` path). */
  place(problem: Problem): Span;
  /** How to name what a problem is about: the reference as written, or the `kms://` form of what an entry reads. */
  label(problem: Problem): string;
}

export function findSecretUses(text: string, options: { manifests: boolean }): FoundUse[] {
  const found: FoundUse[] = [];
  const taken: Span[] = [];
  if (options.manifests) {
    for (const manifest of findExternalSecrets(text)) {
      const where = manifest.name ? `ExternalSecret ${manifest.name}` : 'ExternalSecret';
      for (const issue of manifest.issues) {
        found.push({
          origin: 'schema',
          start: issue.start,
          end: issue.end,
          problem: {
            code: ProblemCodes.syntax,
            severity: 'error',
            message: manifest.name
              ? l10n.t('Invalid ExternalSecret {0}: {1}', manifest.name, issue.message)
              : l10n.t('Invalid ExternalSecret: {0}', issue.message),
          },
          place: () => issue,
          label: () => `${where} ${issue.path}`,
        });
      }
      for (const entry of manifest.entries) {
        const result = entryUse(manifest, entry);
        if (!result) continue;
        const span = entry.key ?? entry;
        taken.push(span);
        const use = 'use' in result ? result.use : undefined;
        found.push({
          origin: 'entry',
          start: span.start,
          end: span.end,
          ...result,
          place: (problem) => problemField(entry, problem),
          label: (problem) => (use ? entryLabel(use, problem) : (entry.key?.value ?? where)),
        });
      }
    }
  }
  for (const occurrence of findReferences(text)) {
    if (taken.some((t) => occurrence.start < t.end && t.start < occurrence.end)) continue;
    const label = () => occurrence.text;
    const place = () => occurrence;
    if (occurrence.error) {
      const problem = syntaxProblem(occurrence);
      if (problem)
        found.push({ origin: 'reference', start: occurrence.start, end: occurrence.end, problem, place, label });
      continue;
    }
    if (!occurrence.reference) continue;
    const { jsonKey, ...rest } = occurrence.reference;
    found.push({
      origin: 'reference',
      start: occurrence.start,
      end: occurrence.end,
      use: { ...rest, jsonKeys: jsonKey === undefined ? undefined : [jsonKey] },
      place,
      label,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** `kms://name?stage=…#key` for the part of an entry a problem is about; the plain name when the grammar cannot say it. */
function entryLabel(use: SecretUse, problem: Problem): string {
  const selector =
    problem.code === ProblemCodes.unknownStage
      ? { stage: use.stage }
      : problem.code === ProblemCodes.unknownVersion || use.versionId !== undefined
        ? { versionId: use.versionId }
        : { stage: use.stage };
  try {
    return formatReference({ name: use.name, region: use.region, ...selector, jsonKey: problem.jsonKey });
  } catch {
    return use.name;
  }
}
