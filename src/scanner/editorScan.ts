import { scanText, type Finding } from '../core/scanner';
import type { ScannerSettings } from '../platform/config';
import type { IgnoreRules } from './ignoreFile';

/** One finding as the editor needs it: offsets and positions into the scanned text, and what the quick fixes need. */
export type EditorFinding = Pick<
  Finding,
  | 'ruleId'
  | 'kind'
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
  return result.findings.filter((f) => !input.ignore.isRuleIgnored(f.ruleId, input.relativePath));
}
