import * as vscode from 'vscode';
import { isKmsError, type KmsClient } from '../core/kms';
import { AvailabilityCheck, firstFreeName, secretNameCandidates } from '../core/nameChoice';
import { validateNewSecretName } from '../core/secretInput';

/** How long a suggestion may wait for KMS before the box opens with the plain suggestion. */
const SUGGESTION_TIMEOUT_MS = 2_000;

/** True when KMS holds a secret of that name (also one pending deletion: its name is still taken). */
export async function secretExists(client: KmsClient, name: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await client.describeSecret(name, { signal });
    return true;
  } catch (error) {
    if (isKmsError(error, 'notFound')) return false;
    throw error;
  }
}

/**
 * `base`, or `base-2`, `base-3`… when KMS already holds it or the flow already chose it for another of its secrets
 * (`chosen`); the first of those when KMS cannot say quickly.
 */
export async function freeSecretName(client: KmsClient, base: string, chosen: readonly string[] = []): Promise<string> {
  const signal = AbortSignal.timeout(SUGGESTION_TIMEOUT_MS);
  return firstFreeName(secretNameCandidates(base, { avoid: chosen }), (name) => secretExists(client, name, signal));
}

export interface SecretNameBoxOptions {
  title: string;
  prompt: string;
  region: string;
  client: KmsClient;
  value?: string;
  placeHolder?: string;
  /** Names the caller knows exist (the secrets the explorer listed): flagged at once, without a request. */
  known?: readonly string[];
  /** Names the same flow already chose for its other new secrets (not created yet): flagged at once. */
  chosen?: readonly string[];
}

/**
 * Asks for the name of a new secret and says while the user types when KMS already holds it: the local rules at once,
 * the KMS lookup after a pause (cancelled by the next keystroke). A failed or slow lookup never blocks the box; the
 * create request still reports a name taken meanwhile.
 */
export async function askNewSecretName(options: SecretNameBoxOptions): Promise<string | undefined> {
  const check = new AvailabilityCheck((name, signal) => secretExists(options.client, name, signal), {
    chosen: options.chosen,
  });
  for (const name of options.known ?? []) check.remember(name, 'taken');
  try {
    const name = await vscode.window.showInputBox({
      title: options.title,
      prompt: options.prompt,
      value: options.value,
      placeHolder: options.placeHolder,
      ignoreFocusOut: true,
      validateInput: async (text) => {
        const name = text.trim();
        const problem = validateNewSecretName(name);
        if (problem) return problem;
        const availability = await check.check(name);
        if (availability === 'taken')
          return vscode.l10n.t(
            'A secret named "{0}" already exists in {1}. Choose another name.',
            name,
            options.region,
          );
        if (availability === 'chosen')
          return vscode.l10n.t('You already chose "{0}" for another of these secrets. Choose another name.', name);
        if (availability === 'unknown')
          return {
            message: vscode.l10n.t('KMS could not say whether "{0}" is free; creating it will tell.', name),
            severity: vscode.InputBoxValidationSeverity.Info,
          };
        return undefined;
      },
    });
    return name?.trim() || undefined;
  } finally {
    check.dispose();
  }
}
