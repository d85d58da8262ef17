/** The output formats of `kms-secrets check`; SARIF goes through scan's writer so both commands speak the same SARIF. */
import { createHash } from 'node:crypto';
import { ProblemCodes, type Problem, type ProblemCode } from '../../core/check';
import { printable } from '../../core/printable';
import type { RuleInfo, TextRange } from '../../core/scanner';
import { formatSarif as writeSarif } from '../scan/report';

export interface BrokenReference {
  /** Relative to the current directory, forward slashes. */
  file: string;
  /** 0-based positions of the offending text (the entry's field for ExternalSecrets). */
  range: TextRange;
  /** The reference as written, or the `kms://` form of what an ExternalSecret entry reads. */
  reference: string;
  problem: Problem;
}

/** One line per problem; file names and messages quote the files checked (a manifest's name), so made printable. */
export function formatText(results: BrokenReference[]): string {
  return results
    .map(({ file, range, problem }) =>
      printable(
        `${file}:${range.line + 1}:${range.column + 1}  ${problem.severity}  ${problem.message}  [${problem.code}]`,
      ),
    )
    .join('\n');
}

/** The contract: `{file, line, column, reference, problem, message}`, 1-based, `problem` being the code. */
export function formatJson(results: BrokenReference[]): string {
  return JSON.stringify(
    results.map(({ file, range, reference, problem }) => ({
      file,
      line: range.line + 1,
      column: range.column + 1,
      reference,
      problem: problem.code,
      message: problem.message,
    })),
    null,
    2,
  );
}

const RULE_KINDS: Record<ProblemCode, string> = {
  [ProblemCodes.syntax]: 'Malformed secret reference or ExternalSecret entry',
  [ProblemCodes.unknownSecret]: 'Reference to a secret that does not exist',
  [ProblemCodes.pendingDeletion]: 'Reference to a secret pending deletion',
  [ProblemCodes.unknownStage]: 'Reference to a version stage that does not exist',
  [ProblemCodes.unknownVersion]: 'Reference to a secret version that does not exist',
  [ProblemCodes.jsonKeyAbsent]: 'Reference to a JSON key the secret value does not have',
  [ProblemCodes.notJson]: 'JSON key of a secret whose value is not JSON',
  [ProblemCodes.noPermission]: 'Reference to a secret the checking identity may not use',
};

const CHECK_RULES: RuleInfo[] = Object.entries(RULE_KINDS).map(([id, kind]) => ({
  id,
  kind,
  severity: id === ProblemCodes.noPermission ? 'warning' : 'error',
}));

export function formatSarif(results: BrokenReference[], version: string): string {
  const findings = results.map(({ file, range, reference, problem }) => ({
    file,
    finding: {
      ...range,
      ruleId: problem.code,
      kind: RULE_KINDS[problem.code],
      kindLabel: RULE_KINDS[problem.code],
      severity: problem.severity,
      message: problem.message,
      // Stable across edits that move the line; names no value (references and messages never hold one).
      fingerprint: createHash('sha256').update(`${file}\0${reference}\0${problem.code}`).digest('hex').slice(0, 32),
      literal: range,
    },
  }));
  return writeSarif(findings, version, { catalog: CHECK_RULES, describe: (rule) => rule.kind });
}
