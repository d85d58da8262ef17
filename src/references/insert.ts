import * as vscode from 'vscode';
import { Commands } from '../commands';
import type { SecretSummary } from '../core/kms/types';
import { envLookup, isConfigLike, suggestEnvVarName } from '../core/codeEdits';
import { upsertEnvEntry } from '../core/env';
import { scalarStyle, yamlScalar } from '../core/externalSecret';
import { DEFAULT_STAGE, formatReference, type SecretReference } from '../core/reference';
import { showError } from '../platform/notify';
import { refusalSentence, workspaceFileRefusal } from '../platform/workspaceFiles';
import type { Services } from '../services';
import { listedKeys, type SecretCatalog } from './catalog';
import { manifestFieldIn } from './mentions';

/**
 * Scripted answers to the pickers (tests: src/platform/automation.ts). `stage`/`versionId` empty or absent with `name`
 * given: the current version; `jsonKey: null`: the whole value; `envVar`: the variable code reads.
 */
export interface InsertArgs {
  name: string;
  region?: string;
  stage?: string;
  versionId?: string;
  jsonKey?: string | null;
  envVar?: string;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Picks a secret, then optionally a stage/version and a JSON key; undefined when the user cancels. */
export async function pickReference(
  catalog: SecretCatalog,
  args: InsertArgs | undefined,
  title: string,
): Promise<SecretReference | undefined> {
  const region = args?.region ?? catalog.activeRegion;
  const name = args?.name ?? (await pickSecret(catalog, region, title));
  if (!name) return undefined;
  const reference: SecretReference = { name };
  if (region !== catalog.activeRegion) reference.region = region;

  if (args) {
    if (args.versionId) reference.versionId = args.versionId;
    else if (args.stage && args.stage !== DEFAULT_STAGE) reference.stage = args.stage;
  } else {
    const selector = await pickVersion(catalog, region, name, title);
    if (!selector) return undefined;
    Object.assign(reference, selector);
  }

  if (args?.jsonKey !== undefined) {
    if (args.jsonKey !== null) reference.jsonKey = args.jsonKey;
  } else {
    const keys = listedKeys(await catalog.jsonKeys(reference).catch(() => undefined));
    if (keys.length) {
      const whole: vscode.QuickPickItem = {
        label: `$(symbol-string) ${vscode.l10n.t('Whole value')}`,
        description: vscode.l10n.t('no JSON key'),
      };
      const picked = await vscode.window.showQuickPick(
        [whole, ...keys.map((k) => ({ label: k, description: vscode.l10n.t('JSON key') }))],
        {
          title: vscode.l10n.t('{0}: JSON key of {1}', title, name),
          placeHolder: vscode.l10n.t('The value is a JSON object: use one of its keys, or the whole value'),
        },
      );
      if (!picked) return undefined;
      if (picked !== whole) reference.jsonKey = picked.label;
    }
  }
  return reference;
}

interface SecretItem extends vscode.QuickPickItem {
  secret: SecretSummary;
}

async function pickSecret(catalog: SecretCatalog, region: string, title: string): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick<SecretItem>();
  pick.title = `${title} (${region})`;
  pick.placeholder = vscode.l10n.t('Search secrets by name, type or description');
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.busy = true;
  const descriptions = new Map<string, string>();
  const toItem = (secret: SecretSummary): SecretItem => ({
    label: secret.name,
    description: secret.plannedDeleteTime ? vscode.l10n.t('{0} · pending deletion', secret.type) : secret.type,
    detail: descriptions.get(secret.name) || undefined,
    secret,
  });
  let secrets: SecretSummary[] = [];
  const loading = catalog.list(region).then(
    (list) => {
      secrets = list.filter((s) => !s.plannedDeleteTime).concat(list.filter((s) => s.plannedDeleteTime));
      pick.items = secrets.map(toItem);
      pick.busy = false;
      // Descriptions come from DescribeSecret: fill them in for the first rows without holding the picker up.
      void fillDescriptions(catalog, region, secrets.slice(0, 200), descriptions, () => {
        const active = pick.activeItems.map((i) => i.secret.name);
        pick.items = secrets.map(toItem);
        pick.activeItems = pick.items.filter((i) => active.includes(i.secret.name));
      });
    },
    (error: unknown) => {
      pick.busy = false;
      pick.placeholder = error instanceof Error ? error.message : vscode.l10n.t('Listing secrets failed.');
    },
  );
  void loading;
  pick.show();
  const chosen = await new Promise<string | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]?.secret.name));
    pick.onDidHide(() => resolve(undefined));
  });
  pick.dispose();
  return chosen;
}

async function fillDescriptions(
  catalog: SecretCatalog,
  region: string,
  secrets: SecretSummary[],
  into: Map<string, string>,
  changed: () => void,
): Promise<void> {
  const queue = [...secrets];
  let dirty = false;
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      const details = await catalog.describe(region, s.name).catch(() => undefined);
      if (details?.description) {
        into.set(s.name, details.description);
        dirty = true;
      }
    }
  };
  const timer = setInterval(() => dirty && ((dirty = false), changed()), 300);
  await Promise.all([worker(), worker(), worker(), worker()]);
  clearInterval(timer);
  if (dirty) changed();
}

async function pickVersion(
  catalog: SecretCatalog,
  region: string,
  name: string,
  title: string,
): Promise<Pick<SecretReference, 'stage' | 'versionId'> | undefined> {
  const versions = await catalog.versions(region, name).catch(() => []);
  const stages = [...new Set(versions.flatMap((v) => v.stages))].filter((s) => s !== DEFAULT_STAGE);
  if (!stages.length && versions.length <= 1) return {};
  type Item = vscode.QuickPickItem & { value: Pick<SecretReference, 'stage' | 'versionId'> };
  const items: Item[] = [
    {
      label: `$(pass) ${vscode.l10n.t('Current version ({0})', DEFAULT_STAGE)}`,
      description: vscode.l10n.t('follows rotation'),
      value: {},
    },
    ...stages.map((stage) => ({ label: `$(tag) ${stage}`, description: vscode.l10n.t('stage'), value: { stage } })),
    ...versions.map((v) => ({
      label: `$(versions) ${v.versionId}`,
      description: [v.stages.join(', '), v.createTime].filter(Boolean).join(' · '),
      value: { versionId: v.versionId },
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('{0}: version of {1}', title, name),
    placeHolder: vscode.l10n.t('Which version should the reference read?'),
  });
  return picked?.value;
}

/**
 * `kmsSecrets.replaceReference` (a quick fix): picks a secret and puts its reference in place of `range`; on an
 * ExternalSecret `key`, only the secret's name (in the active region, where the entry reads), as a YAML scalar.
 */
export async function replaceReference(
  catalog: SecretCatalog,
  uri: vscode.Uri,
  range: vscode.Range,
  args: InsertArgs | undefined,
): Promise<boolean> {
  const title = vscode.l10n.t('Replace Secret Reference');
  const document = await vscode.workspace.openTextDocument(uri);
  const field = manifestFieldIn(document, range);
  let text: string | undefined;
  if (field?.field === 'key') {
    const name = args?.name ?? (await pickSecret(catalog, catalog.activeRegion, title));
    text = name && yamlScalar(name, scalarStyle(document.getText(), field.value));
  } else {
    const reference = await pickReference(catalog, args, title);
    text = reference && formatReference(reference);
  }
  if (!text) return false;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, range, text);
  return vscode.workspace.applyEdit(edit);
}

/** What an insert did: the reference, and for code the variable and the env file that now holds it. */
export interface InsertResult {
  reference: string;
  envVar?: string;
  envFile?: vscode.Uri;
}

/** `kmsSecrets.insertReference`: a reference in config files; an env lookup plus the references env file entry in code. */
export async function insertReference(
  services: Services,
  catalog: SecretCatalog,
  args?: InsertArgs,
): Promise<InsertResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a file to insert a secret reference into.'));
    return undefined;
  }
  if (!catalog.signedIn) {
    const signIn = vscode.l10n.t('Sign In');
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Sign in to KMS first to pick a secret.'), signIn)
      .then((c) => c === signIn && vscode.commands.executeCommand(Commands.signIn));
    return undefined;
  }
  const reference = await pickReference(catalog, args, vscode.l10n.t('Insert Secret Reference'));
  if (!reference) return undefined;
  const text = formatReference(reference);
  const document = editor.document;
  const selection = editor.selection;
  const edit = new vscode.WorkspaceEdit();
  const path = document.uri.scheme === 'file' ? document.uri.fsPath : undefined;
  const lookupFor = (name: string) =>
    isConfigLike(document.languageId, path) ? undefined : envLookup(document.languageId, name);

  if (!lookupFor('X')) {
    edit.replace(document.uri, selection, text);
    return (await vscode.workspace.applyEdit(edit)) ? { reference: text } : undefined;
  }

  const folder = vscode.workspace.getWorkspaceFolder(document.uri) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        "Code reads secrets from environment variables listed in the workspace's references env file: open a folder first.",
      ),
    );
    return undefined;
  }
  const envUri = services.config.referencesEnvFile(folder);
  const refusal = await workspaceFileRefusal(envUri, folder);
  if (refusal) {
    void showError(services.log, refusalSentence(envUri, refusal));
    return undefined;
  }
  const hint = reference.jsonKey
    ? `${reference.name.split('/').pop() ?? reference.name}_${reference.jsonKey}`
    : (reference.name.split('/').pop() ?? reference.name);
  const envVar =
    args?.envVar ??
    (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('Insert Secret Reference: environment variable'),
        prompt: vscode.l10n.t(
          'The variable your code reads; {0} goes into the references env file under this name',
          text,
        ),
        value: suggestEnvVarName(hint, path),
        validateInput: (v) =>
          ENV_NAME.test(v.trim()) ? undefined : vscode.l10n.t('Letters, digits and _, not starting with a digit.'),
      })
    )?.trim();
  if (!envVar) return undefined;
  if (!ENV_NAME.test(envVar)) throw new Error(vscode.l10n.t("'{0}' is not a valid environment variable name.", envVar));
  const lookup = lookupFor(envVar)!;

  // The lookup, replacing an empty string literal the cursor sits in ("|") together with its quotes.
  let target: vscode.Range = selection;
  if (selection.isEmpty) {
    const line = document.lineAt(selection.active.line).text;
    const c = selection.active.character;
    if (c > 0 && /["'`]/.test(line[c - 1]) && line[c] === line[c - 1])
      target = new vscode.Range(selection.active.translate(0, -1), selection.active.translate(0, 1));
  }
  const importLine =
    lookup.import && !document.getText().includes(lookup.import.statement) ? lookup.import.statement : undefined;
  if (importLine) edit.insert(document.uri, importPosition(document), `${importLine}\n`);
  edit.replace(document.uri, target, lookup.expression);

  const existing = await readIfExists(envUri);
  if (existing) {
    const updated = upsertEnvEntry(existing.getText(), envVar, text);
    edit.replace(
      envUri,
      new vscode.Range(new vscode.Position(0, 0), existing.lineAt(existing.lineCount - 1).range.end),
      updated,
    );
  } else {
    edit.createFile(envUri, {
      ignoreIfExists: true,
      contents: new TextEncoder().encode(upsertEnvEntry('', envVar, text)),
    });
  }
  const wasDirty = existing?.isDirty ?? false;
  const applied = await vscode.workspace.applyEdit(edit);
  if (applied && existing && !wasDirty) await existing.save();
  if (!applied) return undefined;
  services.log.info(`Inserted ${envVar} (${text}) into ${document.uri.fsPath}; the entry is in ${envUri.fsPath}.`);
  return { reference: text, envVar, envFile: envUri };
}

async function readIfExists(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
  return vscode.workspace.openTextDocument(uri);
}

/** After a shebang, an encoding line, a `package` clause or `<?php`, so the new import stays legal. */
function importPosition(document: vscode.TextDocument): vscode.Position {
  let line = 0;
  while (line < document.lineCount && /^#!|^#.*coding[:=]|^package\s+\w+|^<\?php/.test(document.lineAt(line).text))
    line++;
  return new vscode.Position(line, 0);
}
