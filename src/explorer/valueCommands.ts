import * as vscode from 'vscode';
import { formatReference } from '../core/reference';
import { scriptedArgs } from '../platform/automation';
import { resolveTarget, Target, type ExplorerContext } from './targets';
import { ValueDocumentProvider } from './valueDocuments';

/** Scripted answer of `kmsSecrets.revealValue` (tests): `confirmed` stands for the user's answer to the modal. */
export interface RevealArgs {
  confirmed?: boolean;
}

/** "Show the … of "name"": which value a command acts on. */
function versionText(t: Target): string {
  return t.versionId
    ? vscode.l10n.t('version {0}', t.versionId)
    : t.stage && t.stage !== 'ACSCurrent'
      ? vscode.l10n.t('stage {0}', t.stage)
      : vscode.l10n.t('current value');
}

/** Asks (modally), then opens the value in a read-only virtual document. Returns the document, or undefined if declined. */
export async function revealValue(
  ctx: ExplorerContext,
  arg?: unknown,
  extra?: unknown,
): Promise<vscode.TextDocument | undefined> {
  const target = await resolveTarget(arg, ctx, vscode.l10n.t('Reveal Secret Value'));
  if (!target) return undefined;
  if (!scriptedArgs<RevealArgs>(extra)?.confirmed) {
    const reveal = vscode.l10n.t('Reveal');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Show the {0} of "{1}" in an editor?', versionText(target), target.name),
      {
        modal: true,
        detail: vscode.l10n.t(
          'Anyone who can see your screen will see it. The editor is read-only and nothing is written to disk.',
        ),
      },
      reveal,
    );
    if (choice !== reveal) return undefined;
  }
  const uri = ValueDocumentProvider.uri({
    region: target.region,
    name: target.name,
    stage: target.stage,
    versionId: target.versionId,
  });
  let doc: vscode.TextDocument;
  try {
    await ctx.values.allow(uri);
    doc = await vscode.workspace.openTextDocument(uri);
  } finally {
    ctx.values.settle(uri);
  }
  if (looksLikeJson(doc.getText()) && doc.languageId !== 'json')
    doc = await vscode.languages.setTextDocumentLanguage(doc, 'json');
  await vscode.window.showTextDocument(doc, { preview: true });
  return doc;
}

/** Copies the value (or one JSON key's value); the clipboard is cleared after the configured delay if it still holds it. */
export async function copyValue(ctx: ExplorerContext, arg?: unknown): Promise<void> {
  const target = await resolveTarget(arg, ctx, vscode.l10n.t('Copy Secret Value'));
  if (!target) return;
  const client = await ctx.connections.client(target.region);
  const value = await client.getSecretValue(target.name, { stage: target.stage, versionId: target.versionId });
  ctx.redactor.register(value.value);
  let text = value.value;
  if (target.jsonKey !== undefined) {
    const member = jsonMember(value.value, target.jsonKey);
    if (member === undefined)
      throw new Error(vscode.l10n.t('The value of "{0}" has no key "{1}".', target.name, target.jsonKey));
    ctx.redactor.register(member);
    text = member;
  }
  const seconds = await ctx.clipboard.copy(text);
  const what =
    target.jsonKey !== undefined
      ? vscode.l10n.t('"{0}" of "{1}"', target.jsonKey, target.name)
      : vscode.l10n.t('the {0} of "{1}"', versionText(target), target.name);
  ctx.log.info(`Copied ${what} to the clipboard${seconds ? `; clearing it in ${seconds} s` : ''}.`);
  vscode.window.setStatusBarMessage(
    seconds
      ? vscode.l10n.t('$(clippy) Copied {0} — the clipboard is cleared in {1} s', what, String(seconds))
      : vscode.l10n.t('$(clippy) Copied {0}', what),
    5000,
  );
}

/** Copies the `kms://` reference: a version adds its stage or id, a JSON key adds `#key`. */
export async function copyReference(ctx: ExplorerContext, arg?: unknown): Promise<string | undefined> {
  const target = await resolveTarget(arg, ctx, vscode.l10n.t('Copy Secret Reference'));
  if (!target) return undefined;
  const reference = formatReference({
    name: target.name,
    region: target.region !== ctx.connections.region ? target.region : undefined,
    stage: target.versionId ? undefined : target.stage,
    versionId: target.versionId,
    jsonKey: target.jsonKey,
  });
  await vscode.env.clipboard.writeText(reference);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(clippy) Copied {0}', reference), 5000);
  return reference;
}

function looksLikeJson(text: string): boolean {
  const t = text.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

function jsonMember(data: string, key: string): string | undefined {
  try {
    const parsed = JSON.parse(data) as Record<string, unknown>;
    if (!parsed || typeof parsed !== 'object' || !(key in parsed)) return undefined;
    const member = parsed[key];
    return typeof member === 'string' ? member : JSON.stringify(member);
  } catch {
    return undefined;
  }
}
