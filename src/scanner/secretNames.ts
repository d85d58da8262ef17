import * as vscode from 'vscode';
import type { KmsClient } from '../core/kms';
import { validateNewSecretName } from '../core/secretInput';

/** Most names read to tell which are taken (pages of 100); beyond it, CreateSecret still refuses a taken name. */
const MAX_LISTED = 10_000;

/**
 * The names of the region's secrets (those pending deletion included: their names stay taken until they are gone), so a
 * new name can be proposed free and checked as it is typed. A listing that fails gives an empty set: CreateSecret
 * then says "already exists" itself.
 */
export async function takenSecretNames(client: KmsClient): Promise<Set<string>> {
  const names = new Set<string>();
  try {
    for await (const page of client.listSecretPages()) {
      for (const secret of page.secrets) names.add(secret.name);
      if (names.size >= MAX_LISTED) break;
    }
  } catch {
    return new Set();
  }
  return names;
}

/** Why `name` cannot be a new secret (invalid, taken, or chosen twice), as one sentence; undefined when it can. */
export function newSecretNameProblem(
  name: string,
  taken: ReadonlySet<string>,
  chosen: readonly string[] = [],
): string | undefined {
  const invalid = validateNewSecretName(name);
  if (invalid) return invalid;
  if (taken.has(name)) return vscode.l10n.t('A secret named "{0}" exists already: choose another name.', name);
  if (chosen.includes(name)) return vscode.l10n.t('"{0}" is already the name of another key\'s secret.', name);
  return undefined;
}
