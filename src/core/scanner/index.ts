/** The credential scanner: rules as data (rules/), the engine, and the ignore mechanisms. Pure: never imports vscode. */
export { scanText, fingerprintFor, fingerprintContext, MAX_SCAN_CHARS, type FingerprintInput } from './engine';
export { fileFormat } from './formats';
export { IGNORE_FILE_NAME, NO_IGNORES, isIgnoredInline, loadIgnoreFile, parseIgnoreFile } from './ignore';
export type { IgnoreRules } from './ignore';
export { RULES, type RuleInfo } from './catalog';
export type { CustomPattern, Finding, ScanOptions, ScanResult, ScannerConfig, Severity, TextRange } from './types';
