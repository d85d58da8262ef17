/** The scanner's vocabulary. Pure data: rules are tables, the engine applies them. */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  ruleId: string;
  /** What was found, for people: "Alibaba Cloud AccessKey secret". */
  kind: string;
  severity: Severity;
  /** Names the kind and never the value. */
  message: string;
  /** Offsets of the secret itself (not the line) in the scanned text. */
  start: number;
  end: number;
  /** 0-based positions of `start` and `end`. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Stable id of this finding that carries no information about the value (safe in a committed ignore file). */
  fingerprint: string;
  /** The key or variable the secret is assigned to, when there is one (`DB_PASSWORD`): names for quick fixes. */
  nameHint?: string;
}

export interface CustomPattern {
  id: string;
  /** A JavaScript regular expression; the first capture group (or the whole match) is the secret. */
  pattern: string;
  kind?: string;
  severity?: Severity;
}

export interface ScannerConfig {
  disabledRules?: readonly string[];
  customPatterns?: readonly CustomPattern[];
  ignoredFingerprints?: Iterable<string>;
}

export interface ScanOptions {
  /** Path relative to the project root, with forward slashes: part of each fingerprint, and picks format-specific rules. */
  path?: string;
  languageId?: string;
  config?: ScannerConfig;
}

export interface ScanResult {
  findings: Finding[];
  /** Why the text was not scanned (binary content, too large). */
  skipped?: 'binary' | 'too-large';
}

/** A candidate the rules produce before suppression and fingerprinting. */
export interface Candidate {
  ruleId: string;
  kind: string;
  severity: Severity;
  start: number;
  end: number;
  nameHint?: string;
  /** The name hint was read from the text (a key), not supplied by the rule: the message may quote it. */
  namedInText?: boolean;
}
