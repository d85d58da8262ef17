import * as vscode from 'vscode';
import { Commands } from '../commands';
import { userSentence } from '../connection/errors';
import { formatReference } from '../core/reference';
import { showError } from '../platform/notify';
import type { Services } from '../services';
import { SecretCatalog } from './catalog';
import { FIX_COMMANDS, ReferenceCodeActions } from './codeActions';
import { ReferenceCompletionProvider, TRIGGER_CHARACTERS } from './completion';
import { ReferenceDiagnostics } from './diagnostics';
import { ReferenceHoverProvider, ReferenceLinkProvider } from './hover';
import { insertReference, pickReference, type InsertArgs } from './insert';
import { revealInExplorer } from './reveal';
import { REFERENCES_SECTION, settings } from './settings';

/** What activate() exposes for the extension-host tests. */
export interface ReferencesApi {
  readonly diagnostics: ReferenceDiagnostics;
  readonly catalog: SecretCatalog;
}

/** Every document on disk or unsaved: references live in any file type. */
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-userdata' }];

/** Secret references in the editor: insert, complete, hover, links, and diagnostics with quick fixes for broken ones. */
export function register(context: vscode.ExtensionContext, services: Services): ReferencesApi {
  const { log, connections } = services;
  const catalog = new SecretCatalog(connections, services.references, () => settings().cacheSeconds * 1000);
  const diagnostics = new ReferenceDiagnostics(catalog, log);

  const command = <A extends unknown[]>(id: string, run: (...args: A) => unknown) =>
    vscode.commands.registerCommand(id, async (...args: A) => {
      try {
        return await run(...args);
      } catch (error) {
        void showError(log, userSentence(error, 'The secret reference command failed.'), error);
        return undefined;
      }
    });

  context.subscriptions.push(
    catalog,
    diagnostics,
    connections.onDidChange(() => diagnostics.recheckAll()),
    services.config.onDidChange((e) => {
      if (e.affectsConfiguration(REFERENCES_SECTION)) {
        catalog.invalidate();
        diagnostics.recheckAll();
      }
    }),
    vscode.languages.registerCompletionItemProvider(
      SELECTOR,
      new ReferenceCompletionProvider(catalog),
      ...TRIGGER_CHARACTERS,
    ),
    vscode.languages.registerHoverProvider(SELECTOR, new ReferenceHoverProvider(catalog)),
    vscode.languages.registerDocumentLinkProvider(SELECTOR, new ReferenceLinkProvider(catalog)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new ReferenceCodeActions(diagnostics), {
      providedCodeActionKinds: ReferenceCodeActions.kinds,
    }),
    command(Commands.insertReference, (args?: InsertArgs) =>
      insertReference(services, catalog, isInsertArgs(args) ? args : undefined),
    ),
    command(Commands.revealInExplorer, (arg?: unknown) => revealInExplorer(arg)),
    command(Commands.replaceReference, async (uri: vscode.Uri, range: vscode.Range, args?: InsertArgs) => {
      const reference = await pickReference(catalog, isInsertArgs(args) ? args : undefined, 'Replace Secret Reference');
      if (!reference) return false;
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, range, formatReference(reference));
      return vscode.workspace.applyEdit(edit);
    }),
    command(Commands.runReferenceFix, async (id: string, arg?: { name?: string }, extra?: unknown) => {
      if (!FIX_COMMANDS.has(id)) throw new Error(`'${id}' is not a reference quick fix.`);
      const result: unknown = await vscode.commands.executeCommand(id, arg, extra);
      catalog.invalidate(arg?.name);
      diagnostics.recheckAll();
      return result;
    }),
  );
  return { diagnostics, catalog };
}

function isInsertArgs(arg: unknown): arg is InsertArgs {
  return typeof arg === 'object' && arg !== null && typeof (arg as InsertArgs).name === 'string';
}
