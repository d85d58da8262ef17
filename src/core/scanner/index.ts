/** The credential scanner: rules as data (rules/), the engine, and the ignore mechanisms. Pure: never imports vscode. */
export { scanText, MAX_SCAN_CHARS } from './engine';
export { fileFormat } from './formats';
export { IGNORE_FILE_NAME, NO_IGNORES, isIgnoredInline, parseIgnoreFile } from './ignore';
export type { IgnoreRules } from './ignore';
export { RULES, type RuleInfo } from './catalog';
export type { CustomPattern, Finding, ScanOptions, ScanResult, ScannerConfig, Severity } from './types';
