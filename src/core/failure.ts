import * as l10n from '@vscode/l10n';
import { isKmsError } from './kms/errors';

/**
 * One clear sentence for a failure, for the tree's error row and notifications. The KMS client's `KmsError` message is
 * already that sentence (and holds nothing from the request); anything else gets the fallback (the detail goes to the
 * log, redacted, never to the user).
 */
export function failureSentence(error: unknown, fallback = l10n.t('The request to KMS failed.')): string {
  if (isKmsError(error) && error.message) return error.message;
  return fallback;
}

/** The client error's kind ('notFound', 'throttled', …) when it has one. */
export function failureKind(error: unknown): string | undefined {
  return isKmsError(error) ? error.kind : undefined;
}

/**
 * Like failureSentence, but an Error the extension threw itself (a plain `Error` without `code` or `data`: a validation
 * or state message written as a sentence) is shown as it is. Library errors may embed request detail and never get
 * through.
 */
export function userSentence(error: unknown, fallback: string): string {
  const own =
    error instanceof Error && error.constructor === Error && !('code' in error) && !('data' in error)
      ? error.message
      : undefined;
  return failureSentence(error, own || fallback);
}
