/**
 * Cleaning of text that came from the SDK or the server before it is kept on an error. SDK errors embed the signed
 * request
 * URL (Signature, SecurityToken, AccessKeyId, SecretData for writes), and the real POP gateway echoes its whole
 * string-to-sign (every parameter, percent-encoded) in SignatureDoesNotMatch messages. Nothing of that may survive.
 */
import { printable } from '../printable';
import { MASK, Redactor } from '../redaction';

/** Parameters that carry key material or secret values, plain (`SecretData=`) or percent-encoded (`SecretData%3D`). */
const SENSITIVE_PARAMS = [
  'Signature',
  'SecurityToken',
  'SecretData',
  'AccessKeyId',
  'AccessKeySecret',
  'SignatureNonce',
  'Policy',
];
const SENSITIVE_PARAM = new RegExp(`\\b(${SENSITIVE_PARAMS.join('|')})(=|%3D|%253D)[^&\\s"']*`, 'gi');
/** Any URL: the SDK's own messages add `POST http://host/?…` after timeouts and socket errors. */
const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;
/** The gateway's signature diagnostics: everything after this phrase is the full canonical request. */
const STRING_TO_SIGN = /server string to sign is[\s\S]*$/i;
/** `"access_key_secret": "…"`, `sts_token = …`: key material quoted from a config file by a library's parse error. */
const SECRET_ASSIGNMENT =
  /((?:secret|token|password|passwd|signature|private_?key)[\w-]*["']?\s*[:=]\s*["']?)[^"'\s,&}]+/gi;
const MAX_LENGTH = 300;

/**
 * Returns `text` with URLs, signing diagnostics, sensitive parameters and every value registered with `redactor`
 * removed, on one line without control characters (a hostile server's escape sequences never reach a terminal), cut to
 * a log-friendly length. Used for the server's `Message`, never for anything the user typed.
 */
export function sanitizeText(text: string, redactor?: Redactor): string {
  let result = text.replace(STRING_TO_SIGN, 'server string to sign is <removed>');
  result = result.replace(URL_PATTERN, '<url>');
  result = result.replace(SENSITIVE_PARAM, `$1$2${MASK}`);
  result = result.replace(SECRET_ASSIGNMENT, `$1${MASK}`);
  if (redactor) result = redactor.redact(result);
  result = printable(result.replace(/\s+/g, ' ').trim());
  return result.length > MAX_LENGTH ? `${result.slice(0, MAX_LENGTH)}…` : result;
}

/** KMS codes look like `Forbidden.ResourceNotFound`; at most this long. */
const MAX_CODE_LENGTH = 64;

/**
 * An error code from a response, which a hostile or broken endpoint can fill with anything: masked like a message,
 * then cut down to the characters codes are made of.
 */
export function sanitizeCode(code: string, redactor?: Redactor): string {
  const cleaned = sanitizeText(code, redactor)
    .replace(/[^A-Za-z0-9._:-]+/g, '')
    .slice(0, MAX_CODE_LENGTH);
  return cleaned || 'Unknown';
}
