/**
 * Where requests go. The 1.2.0 SDK must always be given `endpoint` (without it the host becomes
 * `undefined.<region>.aliyuncs.com`, kms-api.md §0.4), so the host is always computed here. Plain http is allowed only
 * for loopback hosts (the local emulator): anywhere else it would send signed requests and secret values in clear text.
 */
import * as l10n from '@vscode/l10n';
import { isIP } from 'node:net';
import { invalidInput } from './errors';

export type EndpointNetwork = 'public' | 'vpc';

/** The service an endpoint is for: its name in messages and its regional host. Default: KMS. */
export interface EndpointService {
  name: string;
  host(region: string, network: EndpointNetwork): string;
}

export const KMS_SERVICE: EndpointService = {
  name: 'KMS',
  host: (region, network) => (network === 'vpc' ? `kms-vpc.${region}.aliyuncs.com` : `kms.${region}.aliyuncs.com`),
};

export interface EndpointInput {
  region: string;
  service?: EndpointService;
  /** `public` (default) → `kms.<region>.aliyuncs.com`; `vpc` → `kms-vpc.<region>.aliyuncs.com`. Ignored with `endpoint`. */
  network?: EndpointNetwork;
  /** A custom endpoint: `https://host[:port]`, `http://127.0.0.1:port`, or a bare `host[:port]` (https). */
  endpoint?: string;
}

export interface ResolvedEndpoint {
  /** host[:port], exactly what the SDK puts in the URL and the Host header. */
  host: string;
  protocol: 'https' | 'http';
  /** For display and logs. */
  url: string;
}

const REGION_PATTERN = /^[a-z]{2,}(?:-[a-z0-9]+)+$/;

export function validateRegion(region: string): string | undefined {
  if (!region) return l10n.t('Choose a region, e.g. cn-hangzhou.');
  if (!REGION_PATTERN.test(region))
    return l10n.t('"{0}" is not a region id (expected something like cn-hangzhou).', region);
  return undefined;
}

/**
 * 127.0.0.0/8, [::1] and the name `localhost`: the only hosts plain http may go to. Other names ending in `.localhost`
 * are not: they go through DNS (or a proxy) like any other name, so they may resolve anywhere.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

export function resolveEndpoint(input: EndpointInput): ResolvedEndpoint {
  const service = input.service ?? KMS_SERVICE;
  const example = `https://${service.host('cn-hangzhou', 'public')}`;
  const custom = input.endpoint?.trim();
  if (!custom) {
    const problem = validateRegion(input.region);
    if (problem) throw invalidInput(problem);
    const host = service.host(input.region, input.network ?? 'public');
    return { host, protocol: 'https', url: `https://${host}` };
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(custom) ? custom : `https://${custom}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalidInput(l10n.t('The endpoint "{0}" is not a valid URL. Use e.g. {1}.', custom, example));
  }
  const protocol = url.protocol.slice(0, -1);
  if (protocol !== 'https' && protocol !== 'http') {
    throw invalidInput(l10n.t('The endpoint must use https (got "{0}:"). Use e.g. {1}.', protocol, example));
  }
  if (url.username || url.password)
    throw invalidInput(l10n.t('The endpoint must not contain a user name or password.'));
  if ((url.pathname && url.pathname !== '/') || url.search || url.hash) {
    throw invalidInput(
      l10n.t(
        'The endpoint must be a host (and port) only, without a path or query: {0} is served at "/".',
        service.name,
      ),
    );
  }
  if (protocol === 'http' && !isLoopbackHost(url.hostname)) {
    throw invalidInput(
      l10n.t(
        'Plain http is allowed only for a local emulator (127.0.0.1, ::1 or localhost); use https for "{0}".',
        url.hostname,
      ),
    );
  }
  return { host: url.host, protocol, url: `${protocol}://${url.host}` };
}
