/** The credential scanner: rules as data (rules/), matchers, the engine, and the ignore mechanisms. Pure: never imports vscode. */
export { scanText, StreamScanner } from './engine';
export { fingerprintFor, fingerprintContext, type FingerprintInput } from './findings';
export { DocumentScanner, type TextChange, type EditResult } from './incremental';
export { fileFormat } from './formats';
export { scanFile } from './files';
export { DEFAULT_EXCLUDES } from './excludes';
export { ScanPool, type ScanPoolOptions } from './worker/pool';
export {
  DocumentScanHost,
  type DocumentScanHostOptions,
  type DocumentOptions,
  type DocumentScan,
} from './worker/documents';
export type { WorkerOptions } from './worker/protocol';
export {
  IGNORE_FILE_NAME,
  NO_IGNORES,
  ignoreEntryLine,
  isIgnoredInline,
  isValidRuleId,
  loadIgnoreFile,
  parseIgnoreFile,
} from './ignore';
export type { IgnoreEntry, IgnoreRules } from './ignore';
export { RULES, type RuleInfo } from './catalog';
export type {
  CustomPattern,
  DisabledPattern,
  Finding,
  ScanOptions,
  ScanResult,
  ScannerConfig,
  Severity,
  TextRange,
} from './types';
