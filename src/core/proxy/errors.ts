/**
 * A request failed because of the proxy, not the service behind it: unusable proxy URL, proxy unreachable, or the
 * proxy refused the tunnel. The message is one sentence for the user and never holds the proxy's credentials.
 */
export type ProxyErrorCode =
  /** The proxy URL cannot be used (not a URL, or a scheme other than http/https). */
  | 'ProxyInvalid'
  /** The proxy answered the CONNECT with a status other than 200 (`status` says which). */
  | 'ProxyRefused'
  /** No connection to the proxy itself (`cause` holds the socket code, e.g. ECONNREFUSED). */
  | 'ProxyUnreachable';

export class ProxyError extends Error {
  override readonly name = 'ProxyError';

  constructor(
    readonly code: ProxyErrorCode,
    message: string,
    readonly details: { status?: number; socketCode?: string } = {},
  ) {
    super(message);
  }

  /** Worth trying again: the proxy was unreachable for a moment, or it could not reach the service (5xx). */
  get retryable(): boolean {
    if (this.code === 'ProxyUnreachable') return true;
    return this.code === 'ProxyRefused' && (this.details.status ?? 0) >= 500;
  }
}
