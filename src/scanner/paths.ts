import * as vscode from 'vscode';
import picomatch from 'picomatch';

/** Workspace-relative path with forward slashes (what fingerprints, ignore entries and exclude globs use). */
export function relativePath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
}

/** Files the scanner never looks at, whatever the settings say: dependencies, build output, VCS metadata, lock files. */
export const DEFAULT_EXCLUDES = [
  '**/node_modules/**',
  '**/.git/**',
  '**/dist/**',
  '**/out/**',
  '**/build/**',
  '**/vendor/**',
  '**/.venv/**',
  '**/venv/**',
  '**/__pycache__/**',
  '**/target/**',
  '**/.vscode-test/**',
  '**/*.min.js',
  '**/*.map',
  '**/package-lock.json',
  '**/yarn.lock',
  '**/pnpm-lock.yaml',
  '**/.kms-secrets-ignore',
];

export function excludeMatcher(extra: string[]): (path: string) => boolean {
  return picomatch([...DEFAULT_EXCLUDES, ...extra], { dot: true });
}

/** Above this size a file is not scanned as you type (generated or data files; the CLI and Scan Workspace report them). */
export const MAX_LIVE_BYTES = 2 * 1024 * 1024;
