/**
 * The one error type the KMS layer throws. SDK errors are mapped to a small set of kinds the UI can act on, each with
 * one user-facing sentence that says what to do. The SDK error itself is never attached (no `cause`): its message,
 * stack and
 * `data` can hold the signed URL with the security token, the signature and, for writes, the secret value.
 */
import * as l10n from '@vscode/l10n';
import type { Redactor } from '../redaction';
import { sanitizeCode, sanitizeText } from './sanitize';

export type KmsErrorKind =
  | 'notFound'
  | 'inDeletionWindow'
  | 'noPermission'
  | 'invalidAccessKey'
  /** The AccessKey secret is wrong (the signature KMS computed differs). */
  | 'signatureMismatch'
  | 'throttled'
  | 'kmsNotEnabled'
  /** KMS answered 5xx (`ServiceUnavailableTemporary`, `InternalFailure`): worth a retry later. */
  | 'unavailable'
  | 'network'
  | 'timeout'
  | 'invalidInput'
  | 'alreadyExists'
  /** No credentials found, a profile that cannot be used, or an expired/invalid security token. */
  | 'credentials'
  /** The caller's AbortSignal fired. Not a failure to report. */
  | 'cancelled'
  | 'unknown';

export interface KmsErrorDetails {
  /** KMS error code without the SDK's appended `Error` suffix, e.g. `Forbidden.ResourceNotFound`; or a Node code (`ECONNRESET`). */
  code?: string;
  httpStatus?: number;
  requestId?: string;
  /** The KMS action, e.g. `GetSecretValue`. */
  action?: string;
  /** The server's own message, sanitised; for logs, not for the user. */
  serverMessage?: string;
}

/** Network failures a retry cannot fix: an unknown host name or a TLS certificate problem (configuration, not chance). */
const PERMANENT_NETWORK_CODE = /^ENOTFOUND$|CERT|SSL|TLS|SELF_SIGNED/;

export class KmsError extends Error {
  override readonly name = 'KmsError';
  readonly code?: string;
  readonly httpStatus?: number;
  readonly requestId?: string;
  readonly action?: string;
  readonly serverMessage?: string;

  constructor(
    readonly kind: KmsErrorKind,
    message: string,
    details: KmsErrorDetails = {},
  ) {
    super(message);
    // Only defined properties, so JSON.stringify(error) and the log show exactly what is there.
    if (details.code !== undefined) this.code = details.code;
    if (details.httpStatus !== undefined) this.httpStatus = details.httpStatus;
    if (details.requestId !== undefined) this.requestId = details.requestId;
    if (details.action !== undefined) this.action = details.action;
    if (details.serverMessage !== undefined) this.serverMessage = details.serverMessage;
  }

  /** Transient failures a retry may fix. */
  get retryable(): boolean {
    if (this.kind === 'network') return !PERMANENT_NETWORK_CODE.test(this.code ?? '');
    return this.kind === 'throttled' || this.kind === 'unavailable' || this.kind === 'timeout';
  }

  /** What a log line should show: kind, code, status, action and request id — never values. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      code: this.code,
      httpStatus: this.httpStatus,
      requestId: this.requestId,
      action: this.action,
      serverMessage: this.serverMessage,
    };
  }
}

export const isKmsError = (error: unknown, kind?: KmsErrorKind): error is KmsError =>
  error instanceof KmsError && (kind === undefined || error.kind === kind);

/**
 * One sentence per kind, in the display language (@vscode/l10n; English where none is configured, as in the CLI);
 * `secret` names the secret the action was about, when there is one.
 */
function sentence(kind: KmsErrorKind, secret?: string): string {
  switch (kind) {
    case 'notFound':
      return secret === undefined
        ? l10n.t('The resource was not found in this region. Check the name and the region.')
        : l10n.t('The secret "{0}" was not found in this region. Check the name and the region.', secret);
    case 'inDeletionWindow':
      return secret === undefined
        ? l10n.t('The resource is scheduled for deletion. Restore it before reading or changing it.')
        : l10n.t('The secret "{0}" is scheduled for deletion. Restore it before reading or changing it.', secret);
    case 'noPermission':
      return l10n.t(
        'Your RAM identity is not allowed to do this. Ask an administrator to grant the KMS permission for this action.',
      );
    case 'invalidAccessKey':
      return l10n.t('The AccessKey ID is unknown or disabled. Check the AccessKey ID in your profile.');
    case 'signatureMismatch':
      return l10n.t('The AccessKey secret does not match the AccessKey ID. Check the secret in your profile.');
    case 'throttled':
      return l10n.t('KMS is throttling requests. Wait a moment and try again.');
    case 'kmsNotEnabled':
      return l10n.t(
        'KMS is not activated for this account (or the account is overdue). Activate KMS in the Alibaba Cloud console.',
      );
    case 'unavailable':
      return l10n.t('KMS is temporarily unavailable. Try again in a moment.');
    case 'network':
      return l10n.t('KMS could not be reached. Check your network connection and the endpoint setting.');
    case 'timeout':
      return l10n.t('KMS did not answer in time. Check your network or endpoint, then try again.');
    case 'invalidInput':
      return l10n.t('KMS rejected a parameter of the request. Check the values you entered.');
    case 'alreadyExists':
      return secret === undefined
        ? l10n.t('The resource already exists. Choose another name.')
        : l10n.t('The secret "{0}" already exists. Choose another name.', secret);
    case 'credentials':
      return l10n.t(
        'No usable Alibaba Cloud credentials were found. Sign in, or configure a profile with `aliyun configure`.',
      );
    case 'cancelled':
      return l10n.t('The request was cancelled.');
    case 'unknown':
      return l10n.t('KMS returned an unexpected error. See the log for details.');
  }
}

/** KMS / POP-gateway codes (kms-api.md §1.5, §2.1) by kind. Anything else is `unknown` (or by HTTP status). */
const CODE_KINDS: Record<string, KmsErrorKind> = {
  'Forbidden.ResourceNotFound': 'notFound',
  'Forbidden.KeyNotFound': 'notFound',
  EntityNotExist: 'notFound',
  'Rejected.ResourceInDeleteWindow': 'inDeletionWindow',
  'Forbidden.NoPermission': 'noPermission',
  'Forbidden.RAM': 'noPermission',
  Forbidden: 'noPermission',
  'InvalidAccessKeyId.NotFound': 'invalidAccessKey',
  InvalidAccessKeyId: 'invalidAccessKey',
  'InvalidAccessKeyId.Inactive': 'invalidAccessKey',
  'Forbidden.AccessKey': 'invalidAccessKey',
  'Forbidden.AccessKeyDisabled': 'invalidAccessKey',
  SignatureDoesNotMatch: 'signatureMismatch',
  IncompleteSignature: 'signatureMismatch',
  'Rejected.Throttling': 'throttled',
  Throttling: 'throttled',
  'Throttling.User': 'throttled',
  'Throttling.Api': 'throttled',
  'Forbidden.KmsServiceNotEnabled': 'kmsNotEnabled',
  'Forbidden.InDebt': 'kmsNotEnabled',
  'Forbidden.InDebtOverdue': 'kmsNotEnabled',
  ServiceUnavailableTemporary: 'unavailable',
  ServiceUnavailable: 'unavailable',
  InternalFailure: 'unavailable',
  InternalError: 'unavailable',
  InvalidParameter: 'invalidInput',
  MissingParameter: 'invalidInput',
  'Rejected.LimitExceeded': 'invalidInput',
  UnsupportedOperation: 'invalidInput',
  'Rejected.ResourceExist': 'alreadyExists',
  MissingSecurityToken: 'credentials',
  'InvalidSecurityToken.Expired': 'credentials',
  'InvalidSecurityToken.Malformed': 'credentials',
  'InvalidSecurityToken.MismatchWithAccessKey': 'credentials',
};

/** Sentences more precise than the kind's, for codes whose fix differs (a function: the language is set at activation). */
function codeSentence(code: string): string | undefined {
  switch (code) {
    case 'MissingSecurityToken':
      return l10n.t('These are STS credentials but no security token was sent. Add the STS token to your profile.');
    case 'InvalidSecurityToken.Expired':
      return l10n.t('The STS security token has expired. Refresh your credentials or sign in again.');
    case 'InvalidSecurityToken.Malformed':
      return l10n.t('The STS security token is malformed. Check the token in your profile.');
    case 'InvalidSecurityToken.MismatchWithAccessKey':
      return l10n.t('The STS security token does not belong to this AccessKey ID. Check your profile.');
    case 'Rejected.LimitExceeded':
      return l10n.t('A KMS quota was reached (secrets, versions, stages or tags). Remove unused items and try again.');
    case 'UnsupportedOperation':
      return l10n.t('This operation is not supported for this type of secret.');
    case 'InvalidTimeStamp.Expired':
      return l10n.t("The request time differs from KMS's by more than 15 minutes. Correct your system clock.");
    case 'InvalidAction.NotFound':
      return l10n.t('The endpoint does not support this KMS action. Check the endpoint setting.');
    default:
      return undefined;
  }
}

/** Node socket error codes that mean "never reached / connection lost": transient, retryable. */
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
  'ENETDOWN',
  'EHOSTDOWN',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);
/** TLS failures are configuration problems (private CA, wrong host): not retried. */
const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED/;

export interface MapContext {
  action?: string;
  /** Secret name or ARN the call was about, for the sentence. */
  secret?: string;
  redactor?: Redactor;
  /** Milliseconds, for the timeout sentence. */
  timeoutMs?: number;
}

function statusFrom(error: Record<string, unknown>, message: string): number | undefined {
  // The SDK leaves `statusCode` unset and writes the real HTTP status into the message (kms-api.md §4).
  const match = /code: (\d{3}),/.exec(message);
  if (match) return Number(match[1]);
  const data = error.data as Record<string, unknown> | undefined;
  const fromData = data && Number(data.HttpStatus ?? data.httpStatus);
  return fromData && Number.isInteger(fromData) ? fromData : undefined;
}

function kindFromStatus(status: number | undefined): KmsErrorKind {
  if (status === undefined) return 'unknown';
  if (status === 404) return 'notFound';
  if (status === 403) return 'noPermission';
  if (status === 409) return 'alreadyExists';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'unavailable';
  if (status >= 400) return 'invalidInput';
  return 'unknown';
}

/**
 * Maps anything the SDK (or Node's HTTP stack) threw to a KmsError. Reads only `code`, `data.Code/RequestId/Message`,
 * the status in the message and the error's class; builds a fresh error from those, so nothing of the original travels
 * on.
 */
export function toKmsError(error: unknown, context: MapContext = {}): KmsError {
  if (error instanceof KmsError) return error;
  const subject = context.secret || undefined;
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const message = typeof e.message === 'string' ? e.message : '';
  const name = typeof e.name === 'string' ? e.name : '';
  const rawCode = typeof e.code === 'string' ? e.code : undefined;
  const data = typeof e.data === 'object' && e.data !== null ? (e.data as Record<string, unknown>) : undefined;
  const action = context.action;

  // A KMS error response: the SDK appends "Error" to the body's Code and keeps the body in `data`.
  if (data && (data.Code !== undefined || data.code !== undefined)) {
    const code = sanitizeCode(String(data.Code ?? data.code), context.redactor);
    const httpStatus = statusFrom(e, message);
    const requestIdValue = data.RequestId ?? data.requestId;
    const kind = CODE_KINDS[code] ?? kindFromStatus(httpStatus);
    const serverText = data.Message ?? data.message;
    return new KmsError(kind, codeSentence(code) ?? sentence(kind, subject), {
      code,
      httpStatus,
      requestId: requestIdValue === undefined ? undefined : sanitizeCode(String(requestIdValue)),
      action,
      serverMessage: typeof serverText === 'string' ? sanitizeText(serverText, context.redactor) : undefined,
    });
  }

  // httpx names its timeouts `RequestTimeoutError` with "ReadTimeout(n)" / "ConnectTimeout(n)" messages.
  if (
    name === 'RequestTimeoutError' ||
    /^(Read|Connect)Timeout\(/.test(message) ||
    (rawCode && TIMEOUT_CODES.has(rawCode))
  ) {
    const which = /^ConnectTimeout/.test(message)
      ? 'ConnectTimeout'
      : /^ReadTimeout/.test(message)
        ? 'ReadTimeout'
        : rawCode;
    const text = context.timeoutMs
      ? l10n.t(
          'KMS did not answer within {0} s. Check your network or endpoint, then try again.',
          Math.round(context.timeoutMs / 100) / 10,
        )
      : sentence('timeout');
    return new KmsError('timeout', text, {
      code: which === undefined ? 'Timeout' : sanitizeCode(which, context.redactor),
      action,
    });
  }
  if (rawCode && NETWORK_CODES.has(rawCode)) {
    const sentenceText =
      rawCode === 'ENOTFOUND' || rawCode === 'EAI_AGAIN'
        ? l10n.t(
            'The KMS endpoint host name could not be resolved. Check the region, the endpoint setting and your network.',
          )
        : sentence('network', subject);
    return new KmsError('network', sentenceText, { code: rawCode, action });
  }
  if (/socket hang up/i.test(message))
    return new KmsError('network', sentence('network', subject), { code: 'ECONNRESET', action });
  if (rawCode && TLS_CODE.test(rawCode)) {
    return new KmsError(
      'network',
      l10n.t(
        'The TLS certificate of the KMS endpoint was not accepted. Check the endpoint, or trust a private CA with NODE_EXTRA_CA_CERTS.',
      ),
      { code: sanitizeCode(rawCode, context.redactor), action },
    );
  }
  // The body was not JSON (an HTML 502 from a gateway or proxy, or an endpoint that is not KMS).
  if (error instanceof SyntaxError || name === 'SyntaxError') {
    return new KmsError(
      'network',
      l10n.t('The endpoint answered with something that is not a KMS response. Check the endpoint setting.'),
      {
        code: 'NonJsonResponse',
        action,
      },
    );
  }
  return new KmsError('unknown', sentence('unknown', subject), {
    code: rawCode === undefined ? undefined : sanitizeCode(rawCode.replace(/Error$/, ''), context.redactor),
    action,
    serverMessage: message ? sanitizeText(message, context.redactor) : undefined,
  });
}

/** A body that parsed but is not a KMS answer (no RequestId, or a write's answer that does not name what it wrote). */
export const notKmsAnswer = (action: string, write: boolean): KmsError =>
  new KmsError(
    'network',
    write
      ? l10n.t(
          'KMS did not confirm the change: the endpoint answered with something that is not a KMS response. Check the endpoint setting.',
        )
      : l10n.t('The endpoint answered with something that is not a KMS response. Check the endpoint setting.'),
    { code: 'NotKmsResponse', action },
  );

/** `notFound` for a secret that exists but has no such version or stage: says which, keeping KMS's code and ids. */
export function versionNotFound(
  error: KmsError,
  secret: string,
  selector: { stage?: string; versionId?: string },
): KmsError {
  const text =
    selector.versionId === undefined
      ? l10n.t(
          'The secret "{0}" has no version with the stage "{1}". Check the version or stage.',
          secret,
          `${selector.stage}`,
        )
      : selector.stage === undefined
        ? l10n.t('The secret "{0}" has no version "{1}". Check the version or stage.', secret, selector.versionId)
        : l10n.t(
            'The secret "{0}" has no version "{1}" with the stage "{2}". Check the version or stage.',
            secret,
            selector.versionId,
            selector.stage,
          );
  return new KmsError('notFound', text, {
    code: error.code,
    httpStatus: error.httpStatus,
    requestId: error.requestId,
    action: error.action,
    serverMessage: error.serverMessage,
  });
}

/** An `invalidInput` error raised before any request. */
export const invalidInput = (message: string, action?: string): KmsError =>
  new KmsError('invalidInput', message, { code: 'ClientValidation', action });

export const cancelled = (action?: string): KmsError => new KmsError('cancelled', sentence('cancelled'), { action });

export const credentialsError = (message: string, code = 'CredentialsNotFound'): KmsError =>
  new KmsError('credentials', message, { code });

export { sentence as kindSentence };
