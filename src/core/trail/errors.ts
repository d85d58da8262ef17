/**
 * ActionTrail errors in ActionTrail's words. The transport maps every failure to a KmsError (the one error type of the
 * core); the kinds stay, the sentences are replaced where KMS's would point the user at the wrong service.
 */
import { KmsError, KmsErrorKind } from '../kms/errors';

export const LOOKUP_ACTION = 'LookupEvents';

const NO_PERMISSION =
  'Your RAM identity may not call actiontrail:LookupEvents. Ask an administrator to grant that action, for example with the AliyunActionTrailReadOnlyAccess policy.';

const KIND_SENTENCES: Partial<Record<KmsErrorKind, string>> = {
  noPermission: NO_PERMISSION,
  throttled: 'ActionTrail allows two lookups per second and is throttling requests. Wait a moment and try again.',
  unavailable: 'ActionTrail is temporarily unavailable. Try again in a moment.',
  network: 'ActionTrail could not be reached. Check your network connection and the ActionTrail endpoint.',
  timeout: 'ActionTrail did not answer in time. Check your network or the ActionTrail endpoint, then try again.',
  invalidInput: 'ActionTrail rejected a parameter of the query. See the log for details.',
  notFound: 'The ActionTrail endpoint does not offer LookupEvents. Check the ActionTrail endpoint.',
  kmsNotEnabled:
    'ActionTrail is not available to this account (or the account is overdue). Check the account in the console.',
  unknown: 'ActionTrail returned an unexpected error. See the log for details.',
};

/** Codes whose fix differs from their kind's. */
const CODE_SENTENCES: Record<string, string> = {
  'InvalidAction.NotFound': KIND_SENTENCES.notFound as string,
  NonJsonResponse:
    'The ActionTrail endpoint answered with something that is not an ActionTrail response. Check the ActionTrail endpoint.',
  ENOTFOUND:
    'The ActionTrail endpoint host name could not be resolved. Check the region, the ActionTrail endpoint and your network.',
  EAI_AGAIN:
    'The ActionTrail endpoint host name could not be resolved. Check the region, the ActionTrail endpoint and your network.',
  'InvalidTimeStamp.Expired':
    "The request time differs from ActionTrail's by more than 15 minutes. Correct your system clock.",
};

/** Kinds whose KMS sentence is about the credentials, not the service: kept as they are. */
const KEEP: ReadonlySet<KmsErrorKind> = new Set(['credentials', 'invalidAccessKey', 'signatureMismatch', 'cancelled']);

export function toTrailError(error: KmsError): KmsError {
  // Errors raised before any request (validation) already speak about the query.
  if (error.code === 'ClientValidation' || KEEP.has(error.kind)) return error;
  if (error.code?.startsWith('InvalidSecurityToken') || error.code === 'MissingSecurityToken') return error;
  const tls = error.kind === 'network' && /CERT|SSL|TLS|SELF_SIGNED/.test(error.code ?? '');
  const message = tls
    ? 'The TLS certificate of the ActionTrail endpoint was not accepted. Check the endpoint, or trust a private CA with NODE_EXTRA_CA_CERTS.'
    : (CODE_SENTENCES[error.code ?? ''] ?? KIND_SENTENCES[error.kind] ?? error.message);
  return new KmsError(error.kind, message, {
    code: error.code,
    httpStatus: error.httpStatus,
    requestId: error.requestId,
    action: error.action ?? LOOKUP_ACTION,
    serverMessage: error.serverMessage,
  });
}

/** Reads through a KMS instance gateway never reach ActionTrail; answering from ActionTrail would be wrong, not empty. */
export function kmsInstanceEndpointError(host: string): KmsError {
  return new KmsError(
    'invalidInput',
    `Reads through the KMS instance endpoint ${host} are recorded in Simple Log Service (SLS), not in ActionTrail, so ActionTrail cannot show them. Query the instance's SLS logs instead, or read through the shared KMS endpoint.`,
    { code: 'KmsInstanceEndpoint', action: LOOKUP_ACTION },
  );
}
