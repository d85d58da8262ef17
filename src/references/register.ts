import * as vscode from 'vscode';
import { Commands } from '../commands';
import { scriptedArgs } from '../platform/automation';
import { registerCommand } from '../platform/commands';
import { CHECKED_DOCUMENTS } from '../platform/documentChecker';
import type { Services } from '../services';
import { SecretCatalog } from './catalog';
import { ReferenceCodeActions, runReferenceFix } from './codeActions';
import { ReferenceCompletionProvider, TRIGGER_CHARACTERS } from './completion';
import { ReferenceDiagnostics } from './diagnostics';
import { ReferenceHoverProvider, ReferenceLinkProvider } from './hover';
import { insertReference, replaceReference, type InsertArgs } from './insert';
import { revealInExplorer } from './reveal';

/** Secret references in the editor: insert, complete, hover, links, and diagnostics with quick fixes for broken ones. */
export function register(context: vscode.ExtensionContext, services: Services): undefined {
  const { log, connections, config } = services;
  const catalog = new SecretCatalog(connections, services.references, () => config.references().cacheSeconds * 1000);
  const diagnostics = new ReferenceDiagnostics(catalog, config, log);
  const failure = { log, failure: vscode.l10n.t('The secret reference command failed.') };
  context.subscriptions.push(
    catalog,
    diagnostics,
    connections.onDidChange(() => diagnostics.recheckAll()),
    config.onDidChange((e) => {
      if (!e.affects('references')) return;
      catalog.invalidate();
      diagnostics.recheckAll();
    }),
    vscode.languages.registerCompletionItemProvider(
      CHECKED_DOCUMENTS,
      new ReferenceCompletionProvider(catalog),
      ...TRIGGER_CHARACTERS,
    ),
    vscode.languages.registerHoverProvider(CHECKED_DOCUMENTS, new ReferenceHoverProvider(catalog, services.usage)),
    vscode.languages.registerDocumentLinkProvider(CHECKED_DOCUMENTS, new ReferenceLinkProvider(catalog)),
    vscode.languages.registerCodeActionsProvider(CHECKED_DOCUMENTS, new ReferenceCodeActions(diagnostics), {
      providedCodeActionKinds: ReferenceCodeActions.kinds,
    }),
    registerCommand(
      Commands.insertReference,
      (arg?: unknown) => insertReference(services, catalog, scriptedArgs<InsertArgs>(arg)),
      failure,
    ),
    registerCommand(Commands.revealInExplorer, (arg?: unknown) => revealInExplorer(arg), failure),
    registerCommand(
      Commands.replaceReference,
      (uri: vscode.Uri, range: vscode.Range, extra?: unknown) =>
        replaceReference(catalog, uri, range, scriptedArgs<InsertArgs>(extra)),
      failure,
    ),
    registerCommand(
      Commands.runReferenceFix,
      (id: string, target?: unknown, extra?: unknown) => runReferenceFix(catalog, diagnostics, id, target, extra),
      failure,
    ),
  );
  return undefined;
}
