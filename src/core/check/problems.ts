/** What can be wrong with a secret reference (or an ExternalSecret entry), in words the editor and the CLI share. */

/** The `code` of each problem: editor diagnostics, their quick fixes, `kms-secrets check` and tests key on them. */
export const ProblemCodes = {
  syntax: 'reference-syntax',
  unknownSecret: 'unknown-secret',
  pendingDeletion: 'pending-deletion',
  unknownStage: 'unknown-stage',
  unknownVersion: 'unknown-version',
  jsonKeyAbsent: 'json-key-absent',
  notJson: 'not-json',
  noPermission: 'no-permission',
} as const;
export type ProblemCode = (typeof ProblemCodes)[keyof typeof ProblemCodes];

export interface Problem {
  code: ProblemCode;
  /** One sentence; names secrets, stages, versions and keys, never a value. */
  message: string;
  severity: 'error' | 'warning';
  /** Where the secret lives (for the quick fixes). */
  name?: string;
  region?: string;
  /** The JSON key a `json-key-absent` problem is about (a use may read several). */
  jsonKey?: string;
  /** What would have been right: stage labels, version ids or JSON key names (never values). */
  alternatives?: string[];
}
