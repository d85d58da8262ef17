import * as vscode from 'vscode';
import type { FetchSecret } from '../core/env';
import { createReferenceFetcher, type ReferenceFetcherHandle, type SecretValue } from '../core/kms';
import type { ProxySettings } from '../core/proxy';
import type { Redactor } from '../core/redaction';
import { secretId, type SecretReference } from '../core/reference';
import { DisposableOwner } from '../platform/disposables';
import type { ConnectionManager } from './connectionManager';
import { USER_AGENT } from './kmsClients';

/**
 * Reads what a `kms://` reference names, for every feature that resolves references (debug injection, tasks, terminals,
 * reference diagnostics). References without `?profile=` go through the active connection's backend for their region,
 * so they share its cache and credentials; a `?profile=` override gets a client of its own for that profile.
 */
export class ReferenceReader extends DisposableOwner {
  private profileClients: ReferenceFetcherHandle | undefined;

  constructor(
    private readonly connections: ConnectionManager,
    private readonly redactor: Redactor,
    private readonly proxy: () => ProxySettings,
  ) {
    super();
    this.register(connections.onDidChange(() => this.dropProfileClients()));
    this.register(new vscode.Disposable(() => this.dropProfileClients()));
  }

  /** The whole secret value (JSON keys are extracted by the caller, e.g. core/env's resolveReferences). */
  readonly fetch: FetchSecret = async (reference) => ({ value: (await this.read(reference)).value });

  async read(reference: SecretReference): Promise<SecretValue | { value: string }> {
    if (reference.profile) {
      this.profileClients ??= createReferenceFetcher(
        {
          source: { kind: 'chain' },
          region: this.connections.region,
          endpoint: this.connections.endpoint || undefined,
        },
        { redactor: this.redactor, userAgent: USER_AGENT, proxy: this.proxy },
      );
      return this.profileClients.fetch(reference);
    }
    const client = await this.connections.client(reference.region ?? reference.arn?.region ?? this.connections.region);
    return client.getSecretValue(secretId(reference), { stage: reference.stage, versionId: reference.versionId });
  }

  /** Drops cached values (after a rotation, or on `kmsSecrets.clearCache`). */
  async clear(): Promise<void> {
    this.dropProfileClients();
    const regions = new Set([this.connections.region, ...this.connections.regions]);
    await Promise.all(
      [...regions].map((region) =>
        this.connections.client(region).then(
          (c) => c.invalidate(),
          () => undefined,
        ),
      ),
    );
  }

  private dropProfileClients(): void {
    this.profileClients?.clear();
    this.profileClients = undefined;
  }
}
