import { type DisabledPattern, type Finding, type ScanResult, type WorkerOptions } from '../core/scanner';
import type { ScannerSettings } from '../platform/config';
import type { IgnoreRules } from './ignoreFile';

/** One finding as the editor needs it: offsets and positions into the scanned text, and what the quick fixes need. */
export type EditorFinding = Pick<
  Finding,
  | 'ruleId'
  | 'kind'
  | 'kindLabel'
  | 'severity'
  | 'message'
  | 'start'
  | 'end'
  | 'line'
  | 'column'
  | 'endLine'
  | 'endColumn'
  | 'fingerprint'
  | 'nameHint'
>;

/** What one scan of one file found, and what it could not look at (the editor says so: a scan is never silently short). */
export interface EditorScan {
  findings: EditorFinding[];
  /** The scan stopped at its time budget after this many lines. */
  partialLines?: number;
  /** Findings that exist but were not sent back (a hostile file can hold a hundred thousand). */
  omittedFindings?: number;
  /** Custom patterns that did not run on this file (invalid, or stopped for running past their budget). */
  disabledPatterns: DisabledPattern[];
}

/** The scan options for a workspace file under the user's settings and the folder's ignore file. */
export function scanOptions(
  path: string,
  languageId: string | undefined,
  settings: ScannerSettings,
  ignore: IgnoreRules,
): WorkerOptions {
  return {
    path,
    languageId,
    config: {
      disabledRules: settings.disabledRules,
      customPatterns: settings.customPatterns,
      ignoredFingerprints: ignore.fingerprints,
    },
  };
}

/** A core result as the editor shows it: the findings the ignore file does not silence, and what was left out. */
export function editorScanOf(result: ScanResult, path: string, ignore: IgnoreRules): EditorScan {
  return {
    findings: result.findings.filter((f) => !ignore.isRuleIgnored(f.ruleId, path)).map(editorFinding),
    partialLines: result.partial?.scannedLines,
    omittedFindings: result.omittedFindings,
    disabledPatterns: result.disabledPatterns ?? [],
  };
}

/** Only what the editor keeps: a finding's context and literal text stay in the worker's answer. */
function editorFinding(f: Finding): EditorFinding {
  return {
    ruleId: f.ruleId,
    kind: f.kind,
    kindLabel: f.kindLabel,
    severity: f.severity,
    message: f.message,
    start: f.start,
    end: f.end,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    fingerprint: f.fingerprint,
    nameHint: f.nameHint,
  };
}
