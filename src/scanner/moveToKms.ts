import * as vscode from 'vscode';
import { suggestEnvVarName, suggestSecretName, isConfigLike } from '../core/codeEdits';
import { upsertEnvEntry } from '../core/env';
import { userSentence } from '../core/failure';
import { planMoveToReference, type MovePlan } from '../core/literalMove';
import { formatReference } from '../core/reference';
import { scriptedArgs } from '../platform/automation';
import { showError } from '../platform/notify';
import type { Services } from '../services';
import { findingOf, type FindingArgs } from './codeActions';
import {
  askMovedSecretName,
  chooseEnvVar,
  readTextFile,
  type EnvVarChoice,
  type ExistingVariable,
} from './moveChoices';
import { relativePath } from './paths';

/** True once a literal was moved in this window: the walkthrough's "Fix a hard-coded credential" step ticks on it. */
export const MOVED_CONTEXT = 'kmsSecrets.movedLiteral';

/** Scripted answers to the prompts (tests: src/platform/automation.ts). */
export interface MoveOptions {
  secretName?: string;
  envVarName?: string;
  /** What to do when the references env file already defines `envVarName` (else the user is asked). */
  existingVariable?: ExistingVariable;
  /** Use this existing secret instead of creating one. */
  existingSecret?: string;
}

/**
 * "Move to KMS secret…": creates the secret with the literal as its value, then replaces the literal in one edit (the
 * reference in config files; an environment lookup in code plus `NAME=kms://…` in the references env file). The secret
 * is created first, so a failure there leaves every file as it was. Nothing is overwritten: the names offered are free,
 * and an existing variable is only reused or replaced when the user says so.
 */
export async function moveToKms(services: Services, finding: unknown, extra?: unknown): Promise<boolean> {
  return replaceLiteral(services, findingOf(finding), scriptedArgs<MoveOptions>(extra) ?? {}, false);
}

/** "Use existing KMS secret…": the same replacement, pointing at a secret the user picks (equal values offered first). */
export async function useExistingSecret(services: Services, finding: unknown, extra?: unknown): Promise<boolean> {
  return replaceLiteral(services, findingOf(finding), scriptedArgs<MoveOptions>(extra) ?? {}, true);
}

async function replaceLiteral(
  services: Services,
  args: FindingArgs,
  options: MoveOptions,
  existing: boolean,
): Promise<boolean> {
  const { log, connections } = services;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  if (document.version !== args.version) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('The file changed since this finding was reported. Try the quick fix again.'),
    );
    return false;
  }
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const path = relativePath(document.uri);
  const code = !isConfigLike(document.languageId, document.uri.fsPath);
  if (code && !folder) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t("Open the file inside a workspace folder: the reference goes into that folder's env file."),
    );
    return false;
  }

  const draft = planFor(document, args, 'kms://placeholder', '');
  const region = connections.region;
  let secretName: string | undefined;
  if (existing) secretName = options.existingSecret ?? (await pickExisting(services, draft.secretValue));
  else
    secretName =
      options.secretName ??
      (await askMovedSecretName(
        await connections.client(),
        region,
        suggestSecretName(args.nameHint ?? args.kind, path, folder?.name),
      ));
  if (!secretName) return false;
  const reference = formatReference({ name: secretName });

  const envFile = code && folder ? services.config.referencesEnvFile(folder) : undefined;
  let envVar: EnvVarChoice | undefined;
  if (envFile && folder) {
    // Reads the env file first: one that is refused stops the move before a secret is created.
    envVar = await chooseEnvVar({
      suggestion: suggestEnvVarName(args.nameHint ?? args.kind, path),
      envFile,
      folder,
      reference,
      name: options.envVarName,
      existing: options.existingVariable,
    });
    if (!envVar) return false;
  }

  const plan = planFor(document, args, reference, envVar?.name ?? '');
  services.redactor.register(plan.secretValue);
  // Reusing a variable means the code reads the reference already there: nothing to create.
  const create = !existing && envVar?.entry !== 'reuse';

  if (create) {
    try {
      const client = await connections.client();
      await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('Creating KMS secret "{0}"…', secretName),
        },
        () =>
          client.createSecret({
            name: secretName,
            value: plan.secretValue,
            description: vscode.l10n.t('Moved from {0} by KMS Secrets', path),
          }),
      );
    } catch (error) {
      void showError(
        log,
        vscode.l10n.t(
          '{0} The file was not changed.',
          userSentence(error, vscode.l10n.t('The secret could not be created.')),
        ),
        error,
      );
      return false;
    }
  }

  if (document.version !== args.version) {
    void vscode.window.showWarningMessage(
      create
        ? vscode.l10n.t(
            'The secret "{0}" exists now, but the file changed meanwhile and was left as it is. Use "Use existing KMS secret…" to reference it.',
            secretName,
          )
        : vscode.l10n.t('The file changed meanwhile and was left as it is. Try the quick fix again.'),
    );
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const change of plan.edits) {
    edit.replace(
      document.uri,
      new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)),
      change.newText,
    );
  }
  if (plan.envEntry && envFile && folder && envVar?.entry === 'write')
    await addEnvEntry(edit, envFile, folder, plan.envEntry);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(
      create
        ? vscode.l10n.t(
            'The secret "{0}" exists, but the file could not be edited. Use "Use existing KMS secret…" to reference it.',
            secretName,
          )
        : vscode.l10n.t('The file could not be edited.'),
    );
    return false;
  }
  const target = envVar?.entry === 'reuse' ? `$${envVar.name}` : reference;
  log.info(`Replaced a ${args.kind} in ${path} with ${target}.`);
  void vscode.commands.executeCommand('setContext', MOVED_CONTEXT, true);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) {0} replaced with {1}', args.kindLabel, target), 5000);
  return true;
}

function planFor(document: vscode.TextDocument, args: FindingArgs, reference: string, envVarName: string): MovePlan {
  return planMoveToReference({
    text: document.getText(),
    start: args.start,
    end: args.end,
    languageId: document.languageId,
    path: document.uri.fsPath,
    reference,
    envVarName: envVarName || 'SECRET',
  });
}

/** Adds `KEY=kms://…` to the references env file, in the same WorkspaceEdit (created when missing; an open copy wins). */
async function addEnvEntry(
  edit: vscode.WorkspaceEdit,
  uri: vscode.Uri,
  folder: vscode.WorkspaceFolder,
  entry: { key: string; value: string },
): Promise<void> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const text = await readTextFile(uri, folder);
  const updated = upsertEnvEntry(text ?? '', entry.key, entry.value);
  if (text === undefined) {
    edit.createFile(uri, { ignoreIfExists: true });
    edit.insert(uri, new vscode.Position(0, 0), updated);
  } else {
    const end = open ? open.positionAt(text.length) : new vscode.Position(text.split('\n').length, 0);
    edit.replace(uri, new vscode.Range(new vscode.Position(0, 0), end), updated);
  }
}

/** Lists the active region's secrets; those whose current value equals the literal come first (compared in memory only). */
async function pickExisting(services: Services, literal: string): Promise<string | undefined> {
  const client = await services.connections.client();
  const names: string[] = [];
  for await (const page of client.listSecretPages({ fetchTags: true })) {
    names.push(...page.secrets.filter((s) => !s.plannedDeleteTime).map((s) => s.name));
    if (names.length >= 500) break;
  }
  const matching = new Set<string>();
  await Promise.all(
    names.slice(0, 50).map(async (name) => {
      try {
        if ((await client.getSecretValue(name)).value === literal) matching.add(name);
      } catch {
        // Unreadable secrets are simply not offered first.
      }
    }),
  );
  const items = [...names]
    .sort((a, b) => Number(matching.has(b)) - Number(matching.has(a)))
    .map((name) => ({
      label: name,
      description: matching.has(name) ? vscode.l10n.t('$(check) same value') : undefined,
    }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Use Existing KMS Secret'),
    placeHolder: vscode.l10n.t('Secret whose reference replaces the literal'),
    matchOnDescription: true,
  });
  return picked?.label;
}
