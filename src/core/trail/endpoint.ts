/**
 * Where LookupEvents goes: `actiontrail.<region>.aliyuncs.com`, or an override (CLI `--trail-endpoint`, env
 * KMS_SECRETS_TRAIL_ENDPOINT, later a trusted setting) validated exactly like a KMS endpoint: https, or plain http to
 * loopback only.
 */
import { EndpointService, resolveEndpoint, ResolvedEndpoint } from '../kms/endpoint';

export const TRAIL_SERVICE: EndpointService = {
  name: 'ActionTrail',
  // ActionTrail has no separate VPC host in the SDK's endpoint map; both networks use the regional one.
  host: (region) => `actiontrail.${region}.aliyuncs.com`,
};

export const TRAIL_ENDPOINT_ENV = 'KMS_SECRETS_TRAIL_ENDPOINT';

export function resolveTrailEndpoint(region: string, endpoint?: string): ResolvedEndpoint {
  return resolveEndpoint({ region, endpoint, service: TRAIL_SERVICE });
}

/** `kst-….cryptoservice.kms.aliyuncs.com`: a KMS instance (dedicated) gateway. */
const KMS_INSTANCE_HOST = /^kst-[a-z0-9-]+\.cryptoservice\.kms\.aliyuncs\.com(?::\d+)?$/i;

export function isKmsInstanceHost(host: string): boolean {
  return KMS_INSTANCE_HOST.test(host);
}
