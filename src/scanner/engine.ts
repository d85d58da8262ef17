import { scanText } from '../core/scanner';
import type { ScannerSettings } from '../platform/config';
import type { IgnoreRules } from './ignoreFile';

/** One finding as the editor needs it: offsets into the scanned text, and what the quick fixes need. */
export interface EditorFinding {
  ruleId: string;
  kind: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  start: number;
  end: number;
  /** 0-based positions of start and end, as VS Code counts them (UTF-16 columns). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fingerprint: string;
  /** The variable or key the literal is assigned to, for name suggestions (`DB_PASSWORD`). */
  nameHint?: string;
}

export interface ScanInput {
  text: string;
  /** Workspace-relative path with forward slashes (fingerprints and ignore entries use it). */
  relativePath: string;
  languageId?: string;
  settings: ScannerSettings;
  ignore: IgnoreRules;
}

/** Runs the core scanner with the user's settings and ignore file; findings sorted by offset. */
export function scanForEditor(input: ScanInput): EditorFinding[] {
  const result = scanText(input.text, {
    path: input.relativePath,
    languageId: input.languageId,
    config: {
      disabledRules: input.settings.disabledRules,
      customPatterns: input.settings.customPatterns,
      ignoredFingerprints: input.ignore.fingerprints,
    },
  });
  return result.findings
    .filter((f) => !input.ignore.isRuleIgnored(f.ruleId, input.relativePath))
    .map((f) => ({
      ruleId: f.ruleId,
      kind: f.kind,
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
    }));
}
