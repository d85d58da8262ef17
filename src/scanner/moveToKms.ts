import * as vscode from 'vscode';
import { suggestEnvVarName, suggestSecretName, isConfigLike } from '../core/codeEdits';
import { upsertEnvEntry } from '../core/env';
import { userSentence } from '../core/failure';
import { planMoveToReference, type MovePlan } from '../core/literalMove';
import { formatReference } from '../core/reference';
import { validateNewSecretName } from '../core/secretInput';
import { scriptedArgs } from '../platform/automation';
import { showError } from '../platform/notify';
import type { Services } from '../services';
import { findingOf, type FindingArgs } from './codeActions';
import { relativePath } from './paths';

/** Scripted answers to the prompts (tests: src/platform/automation.ts). */
export interface MoveOptions {
  secretName?: string;
  envVarName?: string;
  /** Use this existing secret instead of creating one. */
  existingSecret?: string;
}

/**
 * "Move to KMS secret…": creates the secret with the literal as its value, then replaces the literal in one edit (the
 * reference in config files; an environment lookup in code plus `NAME=kms://…` in the references env file). The secret
 * is created first, so a failure there leaves every file as it was.
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
    void vscode.window.showWarningMessage('The file changed since this finding was reported. Try the quick fix again.');
    return false;
  }
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const path = relativePath(document.uri);
  const code = !isConfigLike(document.languageId, document.uri.fsPath);
  if (code && !folder) {
    void vscode.window.showWarningMessage(
      "Open the file inside a workspace folder: the reference goes into that folder's env file.",
    );
    return false;
  }

  const draft = planFor(document, args, 'kms://placeholder', '');
  const secretName = existing
    ? (options.existingSecret ?? (await pickExisting(services, draft.secretValue)))
    : (options.secretName ?? (await askSecretName(suggestSecretName(args.nameHint ?? args.kind, path, folder?.name))));
  if (!secretName) return false;
  const envVarName = code
    ? (options.envVarName ?? (await askEnvVarName(suggestEnvVarName(args.nameHint ?? args.kind, path))))
    : '';
  if (code && !envVarName) return false;

  const reference = formatReference({ name: secretName });
  const plan = planFor(document, args, reference, envVarName ?? '');
  services.redactor.register(plan.secretValue);

  if (!existing) {
    try {
      const client = await connections.client();
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Creating KMS secret "${secretName}"…` },
        () =>
          client.createSecret({
            name: secretName,
            value: plan.secretValue,
            description: `Moved from ${path} by KMS Secrets`,
          }),
      );
    } catch (error) {
      void showError(
        log,
        `${userSentence(error, 'The secret could not be created.')} The file was not changed.`,
        error,
      );
      return false;
    }
  }

  if (document.version !== args.version) {
    void vscode.window.showWarningMessage(
      `The secret "${secretName}" exists now, but the file changed meanwhile and was left as it is. Use "Use existing KMS secret…" to reference it.`,
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
  if (plan.envEntry && folder) await addEnvEntry(edit, services.config.referencesEnvFile(folder), plan.envEntry);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(
      `The secret "${secretName}" exists, but the file could not be edited. Use "Use existing KMS secret…" to reference it.`,
    );
    return false;
  }
  log.info(`Replaced a ${args.kind} in ${path} with ${reference}.`);
  void vscode.window.setStatusBarMessage(`$(check) ${args.kind} replaced with ${reference}`, 5000);
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
  entry: { key: string; value: string },
): Promise<void> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  let text: string | undefined = open?.getText();
  if (text === undefined) {
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      text = undefined;
    }
  }
  const updated = upsertEnvEntry(text ?? '', entry.key, entry.value);
  if (text === undefined) {
    edit.createFile(uri, { ignoreIfExists: true });
    edit.insert(uri, new vscode.Position(0, 0), updated);
  } else {
    const end = open ? open.positionAt(text.length) : new vscode.Position(text.split('\n').length, 0);
    edit.replace(uri, new vscode.Range(new vscode.Position(0, 0), end), updated);
  }
}

async function askSecretName(suggestion: string): Promise<string | undefined> {
  return vscode.window
    .showInputBox({
      title: 'Move to KMS Secret',
      prompt: 'Name of the new KMS secret (the hard-coded value becomes its first version)',
      value: suggestion,
      validateInput: (value) => validateNewSecretName(value.trim()),
    })
    .then((v) => v?.trim());
}

async function askEnvVarName(suggestion: string): Promise<string | undefined> {
  return vscode.window
    .showInputBox({
      title: 'Move to KMS Secret',
      prompt: 'Environment variable the code will read (its reference goes into the references env file)',
      value: suggestion,
      validateInput: (value) =>
        /^[A-Za-z_][A-Za-z0-9_]*$/.test(value.trim())
          ? undefined
          : 'Use letters, digits and _, not starting with a digit.',
    })
    .then((v) => v?.trim());
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
    .map((name) => ({ label: name, description: matching.has(name) ? '$(check) same value' : undefined }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Use Existing KMS Secret',
    placeHolder: 'Secret whose reference replaces the literal',
    matchOnDescription: true,
  });
  return picked?.label;
}
