/**
 * A connection = where the credentials come from + region + endpoint. Resolving it is the only place the region falls
 * back (explicit → the profile's `region_id` → ALIBABA_CLOUD_REGION_ID → cn-hangzhou) and the endpoint is computed.
 */
import { CredentialSource } from './credentials';
import { EndpointNetwork, resolveEndpoint, ResolvedEndpoint } from './endpoint';
import { findProfile, ProfileEnvironment } from './profiles';

export const DEFAULT_REGION = 'cn-hangzhou';

export interface KmsConnection {
  source: CredentialSource;
  /** Omitted: the profile's region, then ALIBABA_CLOUD_REGION_ID, then cn-hangzhou. */
  region?: string;
  network?: EndpointNetwork;
  /** Custom endpoint URL; overrides `network`. */
  endpoint?: string;
}

export interface ResolvedConnection {
  source: CredentialSource;
  region: string;
  endpoint: ResolvedEndpoint;
}

/** Synchronous resolution when the region is known (or the env/default is good enough). */
export function resolveConnectionSync(
  connection: KmsConnection,
  environment: ProfileEnvironment = {},
): ResolvedConnection {
  const env = environment.env ?? process.env;
  const region = connection.region || env.ALIBABA_CLOUD_REGION_ID || DEFAULT_REGION;
  return {
    source: connection.source,
    region,
    endpoint: resolveEndpoint({ region, network: connection.network, endpoint: connection.endpoint }),
  };
}

/** Like resolveConnectionSync, but a profile source without an explicit region uses the profile's `region_id`. */
export async function resolveConnection(
  connection: KmsConnection,
  environment: ProfileEnvironment = {},
): Promise<ResolvedConnection> {
  if (!connection.region && connection.source.kind === 'profile') {
    const profile = await findProfile(connection.source.name, environment);
    if (profile?.regionId) return resolveConnectionSync({ ...connection, region: profile.regionId }, environment);
  }
  return resolveConnectionSync(connection, environment);
}
