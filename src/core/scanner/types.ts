/** The scanner's vocabulary. Pure data: rules are tables, the engine applies them. */
export type Severity = 'error' | 'warning' | 'info';

/** A finding's range is the secret itself (not the line): offsets into the scanned text and their 0-based positions. */
export interface Finding extends TextRange {
  ruleId: string;
  /** What was found, for people: "Alibaba Cloud AccessKey secret". */
  kind: string;
  severity: Severity;
  /** Names the kind and never the value. */
  message: string;
  /** Stable id of this finding that carries no information about the value (safe in a committed ignore file). */
  fingerprint: string;
  /** The key or variable the secret is assigned to, when there is one (`DB_PASSWORD`): names for quick fixes. */
  nameHint?: string;
  /**
   * The whole literal that holds the secret, quotes included when it is quoted (`"postgres://u:pw@db/x"` for a password
   * in a connection string, `'s3cret'` for a quoted password, the bare value in .env): what a quick fix replaces.
   */
  literal: TextRange;
}

export interface TextRange {
  start: number;
  end: number;
  /** 0-based. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
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
  /** Drop findings below this severity (`warning` hides `info`; `error` keeps only known formats, keys and URLs). */
  minSeverity?: Severity;
}

export interface ScanOptions {
  /** Path relative to the project root, with forward slashes: part of each fingerprint, and picks format-specific rules. */
  path?: string;
  languageId?: string;
  config?: ScannerConfig;
}

export interface ScanResult {
  /** Sorted by offset, never overlapping. */
  findings: Finding[];
  /** Why the text was not scanned (binary content, too large). */
  skipped?: 'binary' | 'too-large';
  /** Informational note for people when something was skipped or only partly scanned (names no value). */
  notice?: string;
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
