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
  /** Top-level key names of the value the reference reads (its `#key` is ignored); undefined when not an object. */
  jsonKeys(reference: SecretReference, options?: JsonKeyOptions): Promise<string[] | undefined>;
}

/** The region a reference reads from: its own, its ARN's, or the active one. */
export function regionOf(reference: Pick<SecretReference, 'region' | 'arn'>, activeRegion: string): string {
  return reference.region ?? reference.arn?.region ?? activeRegion;
}
