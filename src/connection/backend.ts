/**
 * What the explorer (and any other feature) needs from KMS, in the extension's own terms. The implementation sits on
 * the shared KMS client of src/core/kms (see kmsBackend.ts); keeping this seam narrow lets the tree and commands stay
 * unaware of SDK shapes, and lets the adapter absorb changes of the client.
 */

import type {
  ListSecretsFilter,
  SecretMetadata,
  SecretSummary,
  SecretType,
  SecretValue,
  SecretVersion,
  Tag,
  VersionSelector,
} from '../core/kms/types';

export type { SecretSummary, SecretType, SecretValue, Tag };
/** DescribeSecret: everything the tooltip shows. */
export type SecretDetails = SecretMetadata;
export type VersionInfo = SecretVersion;
export type ListFilter = ListSecretsFilter;
export type ValueSelector = VersionSelector;

export interface ListPage {
  secrets: SecretSummary[];
  totalCount?: number;
}

export interface CreateSecretInput {
  name: string;
  value: string;
  description?: string;
  tags?: Tag[];
  versionId?: string;
}

export interface SecretsBackend {
  readonly region: string;
  listSecrets(filter: ListFilter | undefined, signal?: AbortSignal): AsyncIterable<ListPage>;
  describeSecret(name: string): Promise<SecretDetails>;
  listVersions(name: string): Promise<VersionInfo[]>;
  getValue(name: string, selector?: ValueSelector): Promise<SecretValue>;
  createSecret(input: CreateSecretInput): Promise<void>;
  putSecretValue(name: string, value: string, options: { versionId: string; stages?: string[] }): Promise<void>;
  rotateSecret(name: string): Promise<void>;
  setRotationPolicy(name: string, enabled: boolean, interval?: string): Promise<void>;
  deleteSecret(name: string, options: { force: boolean; recoveryWindowInDays?: number }): Promise<void>;
  restoreSecret(name: string): Promise<void>;
  tagSecret(name: string, tags: Tag[]): Promise<void>;
  untagSecret(name: string, keys: string[]): Promise<void>;
  updateDescription(name: string, description: string): Promise<void>;
  /** Drops whatever the client cached about this secret (or everything), so the next read is fresh. */
  invalidate(name?: string): void;
}

/** Managed secrets (everything but Generic) are rotated by KMS, have only ACSCurrent/ACSPrevious and hold JSON. */
export const isManaged = (type: SecretType): boolean => type !== 'Generic';
