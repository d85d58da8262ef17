import * as vscode from 'vscode';
import type { ConnectionManager } from '../connection/connectionManager';
import { failureSentence } from '../core/failure';
import type { VersionSelector } from '../core/kms/types';
import type { Redactor } from '../core/redaction';
import { DisposableOwner } from '../platform/disposables';
import type { Log } from '../platform/log';

export const VALUE_SCHEME = 'kms-secret';

export interface ValueAddress extends VersionSelector {
  region: string;
  name: string;
}

/**
 * Revealed values live in read-only virtual documents (`kms-secret:` URIs): never untitled, never dirty, so hot exit
 * has nothing to back up, and closing the editor drops the text. The URI names the secret and version, never the value.
 * Each reveal the user agreed to lets the document read the value once: a later read (the secret changed, restored, or
 * the tab reopened from history) shows a notice to reveal it again instead of the value.
 */
export class ValueDocumentProvider extends DisposableOwner implements vscode.TextDocumentContentProvider {
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;
  /** Documents allowed to read their value once (a reveal the user agreed to). */
  private readonly consented = new Set<string>();
  /** Documents whose text is a value now (not the notice). */
  private readonly showing = new Set<string>();

  constructor(
    private readonly connections: ConnectionManager,
    private readonly redactor: Redactor,
    private readonly log: Log,
  ) {
    super();
    this.register(vscode.workspace.registerTextDocumentContentProvider(VALUE_SCHEME, this));
    this.register(vscode.workspace.onDidCloseTextDocument((doc) => this.showing.delete(doc.uri.toString())));
  }

  static uri(address: ValueAddress): vscode.Uri {
    const query = new URLSearchParams({ region: address.region });
    if (address.versionId) query.set('version', address.versionId);
    else if (address.stage) query.set('stage', address.stage);
    const suffix = address.versionId ?? address.stage ?? 'ACSCurrent';
    return vscode.Uri.from({ scheme: VALUE_SCHEME, path: `/${address.name} (${suffix})`, query: query.toString() });
  }

  static parse(uri: vscode.Uri): ValueAddress {
    const query = new URLSearchParams(uri.query);
    const name = uri.path.slice(1).replace(/ \([^)]*\)$/, '');
    return {
      name,
      region: query.get('region') ?? '',
      versionId: query.get('version') ?? undefined,
      stage: query.get('stage') ?? undefined,
    };
  }

  /**
   * The user agreed to see this value: a closed document reads it when opened; an open one showing the notice reads it
   * now (resolves once its text changed).
   */
  async allow(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    if (this.showing.has(key)) return;
    this.consented.add(key);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (!open) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      };
      const subscription = vscode.workspace.onDidChangeTextDocument((e) => e.document === open && done());
      const timer = setTimeout(done, 10_000);
      this.changed.fire(uri);
    });
  }

  /** Drops a consent no read used (the document never opened): it must not show the value later unasked. */
  settle(uri: vscode.Uri): void {
    this.consented.delete(uri.toString());
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const address = ValueDocumentProvider.parse(uri);
    const key = uri.toString();
    if (!this.consented.delete(key)) {
      this.showing.delete(key);
      return `# ${vscode.l10n.t('The value of "{0}" is hidden. Use Reveal Value in the Secrets view to see it again.', address.name)}\n`;
    }
    try {
      const client = await this.connections.client(address.region);
      const value = await client.getSecretValue(address.name, { stage: address.stage, versionId: address.versionId });
      this.redactor.register(value.value);
      this.log.info(`Revealed the value of ${address.name} (${value.versionId}) in a read-only editor.`);
      this.showing.add(key);
      return value.value;
    } catch (error) {
      this.showing.delete(key);
      this.log.error(`Reading the value of ${address.name} failed`, error);
      return `# ${failureSentence(error, vscode.l10n.t('The value could not be read.'))}\n`;
    }
  }

  /** Open value documents of a secret drop the value after a change (delete, restore, a new value): reveal again. */
  secretChanged(region: string, name: string): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme !== VALUE_SCHEME) continue;
      const a = ValueDocumentProvider.parse(doc.uri);
      if (a.region === region && a.name === name) this.changed.fire(doc.uri);
    }
  }
}
