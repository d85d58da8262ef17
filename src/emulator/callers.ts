/**
 * The emulator answers programs, never web pages. Its default keys are public (README), so a page the user visits
 * could sign requests itself: cross-site ones to 127.0.0.1 (blind writes such as DeleteSecret) carry `Origin` or
 * `Sec-Fetch-Site`, and a DNS-rebound one (the page's own name resolving to 127.0.0.1, so it reads the answers) carries
 * the page's host name. Clients never send the first, and over plain http they only ever name a loopback host (they
 * refuse plain http to anything else), so both are refused. Behind TLS the name is the certificate's and may be any; on
 * a non-loopback address (which needs keys of one's own) clients may use any name for it.
 */
import type { IncomingMessage } from 'node:http';
import { isLoopbackHost } from '../core/kms/endpoint';
import { KmsError } from './errors';

export function refuseWebPages(req: IncomingMessage, loopbackHttp: boolean): void {
  // Browsers send Sec-Fetch-Site on every request to 127.0.0.1; Node's fetch sends Sec-Fetch-Mode, never Site.
  if (req.headers.origin !== undefined || req.headers['sec-fetch-site'] !== undefined) throw webPage();
  const host = req.headers.host;
  if (!loopbackHttp || host === undefined) return;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    throw webPage();
  }
  if (!isLoopbackHost(hostname)) throw webPage();
}

const webPage = () =>
  new KmsError(
    'Forbidden.WebPage',
    403,
    'The emulator does not answer web pages: requests with an Origin or Sec-Fetch-Site header, or over plain http for a host other than localhost, 127.0.0.1 or [::1], are refused.',
  );
