/**
 * The SecretLookup behind `kms-secrets check`: the shared KMS client (one per profile and region, the standard
 * credential chain or `--profile`), DescribeSecret and ListSecretVersionIds for metadata, GetSecretValue only for JSON
 * key names. Each secret is asked once per run.
 */
import { createReferenceFetcher, type KmsClientOptions, type KmsConnection } from '../kms';
import type { SecretLookup, LookupVersion } from './lookup';
import { valueKeys } from './valueKeys';

/** Resolves the base connection first (a profile may name the region), so `activeRegion` is known. */
export async function createKmsLookup(base: KmsConnection, options: KmsClientOptions = {}): Promise<SecretLookup> {
  const fetcher = createReferenceFetcher(base, options);
  const activeRegion = (await fetcher.client({})).region;
  const versionLists = new Map<string, Promise<LookupVersion[]>>();
  // The active region is asked through the same client as references without `?region=`, so they share its cache.
  const clientFor = (region: string, profile: string | undefined) =>
    fetcher.client({ region: region === activeRegion && !profile ? undefined : region, profile });
  return {
    activeRegion,
    describe: async (region, name, profile) => (await clientFor(region, profile)).describeSecret(name),
    versions: (region, name, profile) => {
      const key = JSON.stringify([region, name, profile ?? '']);
      let versions = versionLists.get(key);
      if (!versions) {
        versions = clientFor(region, profile).then((client) => client.listSecretVersions(name));
        versionLists.set(key, versions);
      }
      return versions;
    },
    jsonKeys: async (reference, keyOptions) => valueKeys((await fetcher.fetch(reference)).value, keyOptions),
  };
}
