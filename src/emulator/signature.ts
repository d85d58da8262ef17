/**
 * RPC v1 (HMAC-SHA1) signature, exactly as the KMS/POP gateway computes it (kms-api.md §2, §2.1). Pure functions, no
 * I/O.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** RFC 3986 percent-encoding: encodeURIComponent leaves `!'()*` raw, the signer must not. */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The string to sign. `params` are the *decoded* request parameters (query and form body merged); the client built its
 * URL with a different encoder (querystring leaves `*()!'~` raw), so we always re-encode rather than sign the raw URL.
 */
export function stringToSign(method: string, params: Record<string, string>): string {
  const canonical = Object.keys(params)
    .filter((key) => key !== 'Signature')
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key])}`)
    .join('&');
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonical)}`;
}

export function sign(method: string, params: Record<string, string>, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign(method, params), 'utf8').digest('base64');
}

/** Constant-time check of the `Signature` parameter; different lengths compare as unequal without an early exit on content. */
export function signatureMatches(method: string, params: Record<string, string>, accessKeySecret: string): boolean {
  const expected = Buffer.from(sign(method, params, accessKeySecret), 'utf8');
  const given = Buffer.from(params.Signature ?? '', 'utf8');
  if (given.length !== expected.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(expected, given);
}
