/** The scanner's vocabulary. Pure data: rules are tables, the engine applies them. */
export type Severity = 'error' | 'warning' | 'info';

/** A finding's range is the secret itself (not the line): offsets into the scanned text and their 0-based positions. */
export interface Finding extends TextRange {
  ruleId: string;
  /** What was found, for people: "Alibaba Cloud AccessKey secret". */
  kind: string;
  /** The kind in the display language (kindNames.ts), for titles and messages: "阿里云 AccessKey Secret". */
  kindLabel: string;
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
  /**
   * Stop after about this many milliseconds (checked between windows): the result is then `partial` and says which
   * lines were scanned. Unset: scan everything.
   */
  budgetMs?: number;
  /** Characters per window (default 1 Mi; at least 64 Ki). Smaller windows let a budget stop a scan sooner. */
  windowChars?: number;
  /**
   * Called before each custom pattern runs on a window, with its index in `config.customPatterns`: lets a worker's host
   * time each pattern and stop one that runs away (worker/).
   */
  beforeCustomPattern?: (index: number) => void;
}

export interface DisabledPattern {
  id: string;
  /** One sentence for people, naming the pattern and why it did not run. */
  reason: string;
}

export interface ScanResult {
  /** Sorted by offset, never overlapping. */
  findings: Finding[];
  /** Binary content (a NUL near the start): only known credential formats and private keys were looked for. */
  binary?: boolean;
  /** Present when the scan stopped at its time budget: only text before `scannedChars` (lines 1–`scannedLines`). */
  partial?: { scannedChars: number; scannedLines: number };
  /** Findings left out of `findings` to keep the answer small (a document host's `maxFindings`); they exist. */
  omittedFindings?: number;
  /** Custom patterns that did not run (invalid, or stopped for running over their time budget). */
  disabledPatterns?: DisabledPattern[];
  /** One or more sentences for people when the result is binary, partial or missing custom patterns (names no value). */
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
