/**
 * What the reference rules ask of KMS. Metadata calls answer almost everything; a value is read only to learn the
 * top-level key names of a JSON value, and only the names come back. The editor's cached SecretCatalog and the CLI's
 * client-backed lookup (kmsLookup.ts) both fit this shape.
 */
import type { SecretReference } from '../reference';

export interface LookupMetadata {
  /** Set while the secret waits out its recovery window. */
  plannedDeleteTime?: string;
}

export interface LookupVersion {
  versionId: string;
  stages: string[];
}

export interface JsonKeyOptions {
  /** Also read a YAML mapping (ack-secret-manager's `jmesPath` accepts YAML values as well as JSON). */
  yaml?: boolean;
}

export interface SecretLookup {
  /** The region of references that name none. */
  readonly activeRegion: string;
  /** DescribeSecret. `profile` is the reference's own `?profile=`, when it has one. */
  describe(region: string, name: string, profile?: string): Promise<LookupMetadata>;
  /** ListSecretVersionIds. */
  versions(region: string, name: string, profile?: string): Promise<LookupVersion[]>;
  /**
   * Top-level key names of the value the reference reads (its `#key` is ignored); undefined when not an object. A
   * JSON object's names may be shown and offered; names read from a YAML mapping come as `UnlistedKeys`.
   */
  jsonKeys(reference: SecretReference, options?: JsonKeyOptions): Promise<string[] | UnlistedKeys | undefined>;
}

/**
 * The key names of a value read as a YAML mapping. Plain values parse as YAML mappings too (`{hunter2}` is a mapping
 * with the key `hunter2`, `pass: word` one with the key `pass`), so these names may be pieces of a secret value: they
 * are only compared with, never shown in a message, offered as an alternative or written into a file.
 */
export interface UnlistedKeys {
  readonly unlisted: readonly string[];
}

/** The region a reference reads from: its own, its ARN's, or the active one. */
export function regionOf(reference: Pick<SecretReference, 'region' | 'arn'>, activeRegion: string): string {
  return reference.region ?? reference.arn?.region ?? activeRegion;
}
