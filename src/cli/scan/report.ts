/**
 * The three output formats of `kms-secrets scan`: text for people, JSON for scripts, SARIF 2.1.0 for code-scanning UIs.
 * Besides findings, each lists what kept the scan from being complete (a file that could not be read, a custom pattern
 * stopped for running too long), so a gate never passes in silence.
 */
import { printable } from '../../core/printable';
import { RULES, type Finding, type RuleInfo } from '../../core/scanner';

export interface FileFinding {
  /** Relative to the current directory, forward slashes. */
  file: string;
  finding: Finding;
}

/** Something the scan could not do. `error` notices make the scan incomplete (exit code 3). */
export interface ScanNotice {
  /** The file or folder concerned (relative, forward slashes); absent for run-wide notices. */
  file?: string;
  /**
   * `unreadable`: a file or folder that could not be read; `not-a-file`: a named path that is no regular file (a pipe,
   * a device); `scan-failed`: the scanner itself failed on a file; `pattern-disabled`: a custom pattern stopped for
   * running past its time budget.
   */
  kind: 'unreadable' | 'not-a-file' | 'scan-failed' | 'pattern-disabled';
  level: 'error' | 'warning';
  message: string;
}

/** One line per finding; file names and messages come from the files scanned, so they are made printable. */
export function formatText(results: FileFinding[]): string {
  return results
    .map(({ file, finding: f }) =>
      printable(`${file}:${f.line + 1}:${f.column + 1}  ${f.severity}  ${f.message}  [${f.ruleId}]`),
    )
    .join('\n');
}

/** One line per notice, for stderr. */
export function formatNotices(notices: ScanNotice[]): string {
  return notices.map((n) => printable(n.file ? `${n.file}: ${n.message}` : n.message)).join('\n');
}

/**
 * An array: one object per finding (`file, line, column, endLine, endColumn, ruleId, severity, message, fingerprint`,
 * 1-based), then one per notice (`file, notice, level, message`: no `line`).
 */
export function formatJson(results: FileFinding[], notices: ScanNotice[] = []): string {
  return JSON.stringify(
    [
      ...results.map(({ file, finding: f }) => ({
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
      ...notices.map((n) => ({ file: n.file, notice: n.kind, level: n.level, message: n.message })),
    ],
    null,
    2,
  );
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export interface SarifOptions {
  /** What kept the run from being complete (toolExecutionNotifications). */
  notices?: ScanNotice[];
  /** The rules to describe, for another command (`check`) reporting its own rules in the same shape. */
  catalog?: readonly RuleInfo[];
  describe?: (rule: RuleInfo) => string;
}

export function formatSarif(
  results: FileFinding[],
  version: string,
  { notices = [], catalog = RULES, describe = (rule: RuleInfo) => `Hard-coded ${rule.kind}` }: SarifOptions = {},
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
          invocations: [
            {
              executionSuccessful: !notices.some((n) => n.level === 'error'),
              toolExecutionNotifications: notices.map((n) => ({
                descriptor: { id: n.kind },
                level: n.level,
                message: { text: n.message },
                ...(n.file
                  ? { locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(n.file) } } }] }
                  : {}),
              })),
            },
          ],
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
