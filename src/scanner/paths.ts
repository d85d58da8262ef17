import * as vscode from 'vscode';
import { globMatcher } from '../core/glob/globs';
import { DEFAULT_EXCLUDES } from '../core/scanner';

/** Workspace-relative path with forward slashes (what fingerprints, ignore entries and exclude globs use). */
export function relativePath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
}

/**
 * The files the scanner skips: the CLI's defaults (dependency and VCS folders only; build output is scanned) and the
 * user's `kmsSecrets.scanner.exclude` globs. `.gitignore` files do the rest (Scan Workspace reads them).
 */
export function excludeMatcher(extra: readonly string[]): (path: string) => boolean {
  return globMatcher([...DEFAULT_EXCLUDES, ...extra]);
}
