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
 */
export class ValueDocumentProvider extends DisposableOwner implements vscode.TextDocumentContentProvider {
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly connections: ConnectionManager,
    private readonly redactor: Redactor,
    private readonly log: Log,
  ) {
    super();
    this.register(vscode.workspace.registerTextDocumentContentProvider(VALUE_SCHEME, this));
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

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const address = ValueDocumentProvider.parse(uri);
    try {
      const client = await this.connections.client(address.region);
      const value = await client.getSecretValue(address.name, { stage: address.stage, versionId: address.versionId });
      this.redactor.register(value.value);
      this.log.info(`Revealed the value of ${address.name} (${value.versionId}) in a read-only editor.`);
      return value.value;
    } catch (error) {
      this.log.error(`Reading the value of ${address.name} failed`, error);
      return `# ${failureSentence(error, 'The value could not be read.')}\n`;
    }
  }

  /** Open value documents of a secret show the new value after a change. */
  secretChanged(region: string, name: string): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme !== VALUE_SCHEME) continue;
      const a = ValueDocumentProvider.parse(doc.uri);
      if (a.region === region && a.name === name) this.changed.fire(doc.uri);
    }
  }
}
