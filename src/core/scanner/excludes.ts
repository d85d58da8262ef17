/**
 * What no scan looks at unless asked: dependencies and version-control metadata, never the project's own files (build
 * output included: secrets land there too). Everything else is for `.gitignore` and the user's excludes. The CLI's walk
 * and the editor's Scan Workspace and live scanner share this one list.
 */
export const DEFAULT_EXCLUDES: readonly string[] = [
  '**/node_modules/**',
  '**/bower_components/**',
  '**/vendor/**',
  '**/.venv/**',
  '**/venv/**',
  '**/.vscode-test/**',
  '**/.git/**',
  '**/.hg/**',
  '**/.svn/**',
];
