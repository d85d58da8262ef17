/**
 * ActionTrail errors in ActionTrail's words. The transport maps every failure to a KmsError (the one error type of the
 * core); the kinds stay, the sentences are replaced where KMS's would point the user at the wrong service.
 */
import * as l10n from '@vscode/l10n';
import { KmsError, KmsErrorKind } from '../kms/errors';

export const LOOKUP_ACTION = 'LookupEvents';

/** ActionTrail's sentence for a kind (a function: the display language is set at activation). */
function kindSentence(kind: KmsErrorKind): string | undefined {
  switch (kind) {
    case 'noPermission':
      return l10n.t(
        'Your RAM identity may not call actiontrail:LookupEvents. Ask an administrator to grant that action, for example with the AliyunActionTrailReadOnlyAccess policy.',
      );
    case 'throttled':
      return l10n.t(
        'ActionTrail allows two lookups per second and is throttling requests. Wait a moment and try again.',
      );
    case 'unavailable':
      return l10n.t('ActionTrail is temporarily unavailable. Try again in a moment.');
    case 'network':
      return l10n.t('ActionTrail could not be reached. Check your network connection and the ActionTrail endpoint.');
    case 'timeout':
      return l10n.t(
        'ActionTrail did not answer in time. Check your network or the ActionTrail endpoint, then try again.',
      );
    case 'invalidInput':
      return l10n.t('ActionTrail rejected a parameter of the query. See the log for details.');
    case 'notFound':
      return notOffered();
    case 'kmsNotEnabled':
      return l10n.t(
        'ActionTrail is not available to this account (or the account is overdue). Check the account in the console.',
      );
    case 'unknown':
      return l10n.t('ActionTrail returned an unexpected error. See the log for details.');
    default:
      return undefined;
  }
}

const notOffered = (): string =>
  l10n.t('The ActionTrail endpoint does not offer LookupEvents. Check the ActionTrail endpoint.');
const unresolved = (): string =>
  l10n.t(
    'The ActionTrail endpoint host name could not be resolved. Check the region, the ActionTrail endpoint and your network.',
  );

/** Codes whose fix differs from their kind's. */
function codeSentence(code: string | undefined): string | undefined {
  switch (code) {
    case 'InvalidAction.NotFound':
      return notOffered();
    case 'NonJsonResponse':
      return l10n.t(
        'The ActionTrail endpoint answered with something that is not an ActionTrail response. Check the ActionTrail endpoint.',
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return unresolved();
    case 'InvalidTimeStamp.Expired':
      return l10n.t("The request time differs from ActionTrail's by more than 15 minutes. Correct your system clock.");
    default:
      return undefined;
  }
}

/** Kinds whose KMS sentence is about the credentials, not the service: kept as they are. */
const KEEP: ReadonlySet<KmsErrorKind> = new Set(['credentials', 'invalidAccessKey', 'signatureMismatch', 'cancelled']);

export function toTrailError(error: KmsError): KmsError {
  // Errors raised before any request (validation) already speak about the query.
  if (error.code === 'ClientValidation' || KEEP.has(error.kind)) return error;
  if (error.code?.startsWith('InvalidSecurityToken') || error.code === 'MissingSecurityToken') return error;
  const tls = error.kind === 'network' && /CERT|SSL|TLS|SELF_SIGNED/.test(error.code ?? '');
  const message = tls
    ? l10n.t(
        'The TLS certificate of the ActionTrail endpoint was not accepted. Check the endpoint, or trust a private CA with NODE_EXTRA_CA_CERTS.',
      )
    : (codeSentence(error.code) ?? kindSentence(error.kind) ?? error.message);
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
    l10n.t(
      "Reads through the KMS instance endpoint {0} are recorded in Simple Log Service (SLS), not in ActionTrail, so ActionTrail cannot show them. Query the instance's SLS logs instead, or read through the shared KMS endpoint.",
      host,
    ),
    { code: 'KmsInstanceEndpoint', action: LOOKUP_ACTION },
  );
}
