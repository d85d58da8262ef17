import * as vscode from 'vscode';
import { envEntryState, envFileKeys, freeEnvVarName, validateEnvVarName } from '../core/nameChoice';
import type { KmsClient } from '../core/kms';
import { askNewSecretName, freeSecretName } from '../connection/secretNameBox';
import { readWorkspaceFile, refusalSentence } from '../platform/workspaceFiles';

/**
 * The names "Move to KMS secret…" asks for, so that nothing is overwritten: a secret name KMS does not hold (the
 * suggestion is free; a taken name is flagged as the user types) and an environment variable the references env file
 * does not define yet (else the user decides: reuse its reference, replace it, or pick another name).
 */

/** What to do with a variable the references env file already defines. */
export type ExistingVariable = 'reuse' | 'replace';

/** The variable the code will read, and whether its entry is written to the references env file. */
export interface EnvVarChoice {
  name: string;
  /** `reuse`: the code reads the reference already there, no secret is created and the file is left alone. */
  entry: 'write' | 'keep' | 'reuse';
}

const TITLE = () => vscode.l10n.t('Move to KMS Secret');

/**
 * The text of a workspace file as the editor has it (an open, maybe unsaved copy wins), or undefined when it does not
 * exist. Throws the one sentence the user sees when the file is a link out of the folder, not a regular file or huge
 * (src/core/repositoryFiles.ts): Move to KMS then stops before anything is created or written.
 */
export async function readTextFile(uri: vscode.Uri, folder: vscode.WorkspaceFolder): Promise<string | undefined> {
  const read = await readWorkspaceFile(uri, folder);
  if (read.refusal) throw new Error(refusalSentence(uri, read.refusal));
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : read.text;
}

/** Asks for the new secret's name, starting from a suggestion KMS does not hold. */
export async function askMovedSecretName(
  client: KmsClient,
  region: string,
  suggestion: string,
): Promise<string | undefined> {
  return askNewSecretName({
    title: TITLE(),
    prompt: vscode.l10n.t('Name of the new KMS secret (the hard-coded value becomes its first version)'),
    value: await freeSecretName(client, suggestion),
    region,
    client,
  });
}

/**
 * Asks for the environment variable the code will read. The suggestion is free in the references env file; a name it
 * already defines is flagged as the user types, and once chosen the user says what to do with it.
 */
export async function chooseEnvVar(options: {
  suggestion: string;
  envFile: vscode.Uri;
  folder: vscode.WorkspaceFolder;
  reference: string;
  /** Scripted answers (tests). */
  name?: string;
  existing?: ExistingVariable;
}): Promise<EnvVarChoice | undefined> {
  const text = await readTextFile(options.envFile, options.folder);
  const file = vscode.workspace.asRelativePath(options.envFile, false);
  let value = freeEnvVarName(options.suggestion, envFileKeys(text));
  let scriptedName = options.name;
  for (;;) {
    const name = scriptedName ?? (await askEnvVarName(value, text, file));
    scriptedName = undefined;
    if (!name) return undefined;
    const state = envEntryState(text, name, options.reference);
    if (state.kind === 'free') return { name, entry: 'write' };
    if (state.kind === 'same') return { name, entry: 'keep' };
    const answer =
      options.existing ?? (await askAboutExisting(name, file, state.kind === 'reference' ? state.value : undefined));
    if (answer === 'reuse') return { name, entry: 'reuse' };
    if (answer === 'replace') return { name, entry: 'write' };
    if (answer === undefined) return undefined;
    value = freeEnvVarName(name, envFileKeys(text));
  }
}

function askEnvVarName(value: string, envText: string | undefined, file: string): Thenable<string | undefined> {
  const defined = envFileKeys(envText);
  return vscode.window
    .showInputBox({
      title: TITLE(),
      prompt: vscode.l10n.t('Environment variable the code will read (its reference goes into {0})', file),
      value,
      ignoreFocusOut: true,
      validateInput: (text) => {
        const name = text.trim();
        const problem = validateEnvVarName(name);
        if (problem) return problem;
        if (!defined.has(name)) return undefined;
        return {
          message: vscode.l10n.t('{0} already defines {1}: you will choose to reuse or replace it.', file, name),
          severity: vscode.InputBoxValidationSeverity.Warning,
        };
      },
    })
    .then((v) => v?.trim() || undefined);
}

type Answer = ExistingVariable | 'another';

/** Reuse (only when the entry is a reference), replace, or pick another name; undefined when the user backs out. */
async function askAboutExisting(
  name: string,
  file: string,
  reference: string | undefined,
): Promise<Answer | undefined> {
  const items: (vscode.QuickPickItem & { answer: Answer })[] = [];
  if (reference !== undefined)
    items.push({
      label: vscode.l10n.t('$(references) Reuse {0}', name),
      detail: vscode.l10n.t(
        'The code reads {0} as it is ({1}); no new secret is created and {2} stays unchanged.',
        name,
        reference,
        file,
      ),
      answer: 'reuse',
    });
  items.push(
    {
      label: vscode.l10n.t('$(replace) Replace {0}', name),
      detail: vscode.l10n.t(
        '{0} in {1} names the new secret instead; everything reading {0} gets the new value.',
        name,
        file,
      ),
      answer: 'replace',
    },
    { label: vscode.l10n.t('$(edit) Pick another name…'), answer: 'another' },
  );
  const choice = await vscode.window.showQuickPick(items, {
    title: TITLE(),
    placeHolder: vscode.l10n.t('{0} already defines {1}', file, name),
    ignoreFocusOut: true,
  });
  return choice?.answer;
}
