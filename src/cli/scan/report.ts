/** The three output formats of `kms-secrets scan`: text for people, JSON for scripts, SARIF 2.1.0 for code-scanning UIs. */
import { printable } from '../../core/printable';
import { RULES, type Finding, type RuleInfo } from '../../core/scanner';

export interface FileFinding {
  /** Relative to the current directory, forward slashes. */
  file: string;
  finding: Finding;
}

/** One line per finding; file names and messages come from the files scanned, so they are made printable. */
export function formatText(results: FileFinding[]): string {
  return results
    .map(({ file, finding: f }) =>
      printable(`${file}:${f.line + 1}:${f.column + 1}  ${f.severity}  ${f.message}  [${f.ruleId}]`),
    )
    .join('\n');
}

export function formatJson(results: FileFinding[]): string {
  return JSON.stringify(
    results.map(({ file, finding: f }) => ({
      file,
      line: f.line + 1,
      column: f.column + 1,
      endLine: f.endLine + 1,
      endColumn: f.endColumn + 1,
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      fingerprint: f.fingerprint,
    })),
    null,
    2,
  );
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** `catalog` and `describe` let another command (`check`) report its own rules in the same SARIF shape. */
export function formatSarif(
  results: FileFinding[],
  version: string,
  catalog: readonly RuleInfo[] = RULES,
  describe = (rule: RuleInfo) => `Hard-coded ${rule.kind}`,
): string {
  const used = new Set(results.map((r) => r.finding.ruleId));
  const rules = catalog.filter((r) => used.has(r.id));
  for (const id of used) if (!rules.some((r) => r.id === id)) rules.push({ id, kind: id, severity: 'warning' });
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'kms-secrets',
              informationUri: 'https://www.alibabacloud.com/product/kms',
              version,
              rules: rules.map((r) => ({
                id: r.id,
                shortDescription: { text: describe(r) },
                defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
              })),
            },
          },
          results: results.map(({ file, finding: f }) => ({
            ruleId: f.ruleId,
            ruleIndex: rules.findIndex((r) => r.id === f.ruleId),
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeURI(file) },
                  region: {
                    startLine: f.line + 1,
                    startColumn: f.column + 1,
                    endLine: f.endLine + 1,
                    endColumn: f.endColumn + 1,
                  },
                },
              },
            ],
            partialFingerprints: { 'kmsSecrets/v1': f.fingerprint },
          })),
        },
      ],
    },
    null,
    2,
  );
}
