/**
 * Reads the secret a reference names: one client per (profile, region) pair, created on first use and reused, so the
 * CLI's
 * `run` and the extension's debug injection resolve `?profile=` and `?region=` overrides the same way.
 */
import type { SecretReference } from '../reference';
import { secretId } from '../reference';
import { createKmsClient, KmsClient, KmsClientOptions } from './client';
import type { KmsConnection } from './connection';

export type ReferenceFetcher = (
  reference: SecretReference,
  options?: { signal?: AbortSignal },
) => Promise<{ value: string }>;

export interface ReferenceFetcherHandle {
  fetch: ReferenceFetcher;
  /** The client for a reference's profile and region (metadata calls for the same secrets share its cache). */
  client(reference: Pick<SecretReference, 'region' | 'profile'>): Promise<KmsClient>;
  /** Drops every cached value and client (after a rotation, or when the user asks). */
  clear(): void;
}

export function createReferenceFetcher(base: KmsConnection, options: KmsClientOptions = {}): ReferenceFetcherHandle {
  const clients = new Map<string, Promise<KmsClient>>();

  const clientFor = (reference: Pick<SecretReference, 'region' | 'profile'>): Promise<KmsClient> => {
    const region = reference.region ?? base.region;
    const source = reference.profile ? { kind: 'profile' as const, name: reference.profile } : base.source;
    const key = `${reference.profile ?? ''}\0${region ?? ''}`;
    let client = clients.get(key);
    if (!client) {
      client = createKmsClient({ ...base, source, region }, options);
      // A failed construction (unknown profile, bad endpoint) must not stick: the next reference tries again.
      client.catch(() => clients.delete(key));
      clients.set(key, client);
    }
    return client;
  };

  const fetch: ReferenceFetcher = async (reference, { signal } = {}) => {
    const client = await clientFor(reference);
    const secret = await client.getSecretValue(secretId(reference), {
      stage: reference.stage,
      versionId: reference.versionId,
      signal,
    });
    return { value: secret.value };
  };

  return {
    fetch,
    client: clientFor,
    clear: () => {
      for (const client of clients.values())
        void client.then(
          (c) => c.invalidate(),
          () => undefined,
        );
      clients.clear();
    },
  };
}
