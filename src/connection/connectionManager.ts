import * as vscode from 'vscode';
import type { KmsClient } from '../core/kms';
import type { Config } from '../platform/config';
import { DisposableOwner } from '../platform/disposables';
import type { Log } from '../platform/log';
import { CredentialStore, TypedCredentials } from './credentialStore';
import { credentialSource, type ClientFactory } from './kmsClients';

/** Where the credentials come from. Persisted as the `kmsSecrets.profile` setting: '' = chain, a stored name, or a CLI profile. */
export type ConnectionSource = { kind: 'chain' } | { kind: 'profile'; name: string } | { kind: 'stored'; name: string };

const SIGNED_IN_KEY = 'kmsSecrets.signedIn';
export const SIGNED_IN_CONTEXT = 'kmsSecrets.signedIn';

/**
 * The active connection: credentials source, region(s) and endpoint, from settings (through Config, so a workspace
 * cannot redirect it) plus the sign-in state. Owns one KMS client per region, rebuilt whenever anything about the
 * connection changes (a failed credential object is never reused).
 */
export class ConnectionManager extends DisposableOwner {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires after the source, region(s) or endpoint changed; consumers reload. */
  readonly onDidChange = this.changed.event;
  private clients = new Map<string, Promise<KmsClient>>();

  constructor(
    private readonly config: Config,
    private readonly log: Log,
    readonly credentials: CredentialStore,
    private readonly state: vscode.Memento,
    private readonly factory: ClientFactory,
  ) {
    super();
    this.register(
      config.onDidChange((event) => {
        if (['profile', 'region', 'endpoint', 'explorer.regions'].some((key) => event.affects(key))) this.reset();
      }),
    );
    void this.updateContext();
  }

  /** True once the user signed in, or when a profile applies (the user's, or a workspace's the user allowed). */
  get signedIn(): boolean {
    return this.state.get<boolean>(SIGNED_IN_KEY, false) || this.config.profile !== '';
  }

  get source(): ConnectionSource {
    const name = this.config.profile;
    if (!name) return { kind: 'chain' };
    return this.credentials.has(name) ? { kind: 'stored', name } : { kind: 'profile', name };
  }

  /** The label of the source for the status bar and pickers. */
  get sourceLabel(): string {
    const source = this.source;
    return source.kind === 'chain' ? vscode.l10n.t('default credentials') : source.name;
  }

  /** The active region: references and commands without a region use it. */
  get region(): string {
    return this.config.region;
  }

  /** Regions shown in the explorer: `kmsSecrets.explorer.regions`, or just the active one. */
  get regions(): string[] {
    const list = this.config.explorerRegions.map((r) => r.trim()).filter(Boolean);
    return list.length ? [...new Set(list)] : [this.region];
  }

  get endpoint(): string {
    return this.config.endpoint;
  }

  /** The client for a region (the active one by default); created on first use. */
  client(region = this.region): Promise<KmsClient> {
    let client = this.clients.get(region);
    if (!client) {
      client = this.create(region);
      this.clients.set(region, client);
      client.catch(() => this.clients.delete(region));
    }
    return client;
  }

  /**
   * A client of its own that caches nothing, for reads whose value must not stay in the shared client's cache (an ECS
   * secret's private key for an SSH session). Not kept: every call builds one.
   */
  uncachedClient(region = this.region): Promise<KmsClient> {
    return this.create(region, { uncached: true });
  }

  private async create(region: string, options?: { uncached?: boolean }): Promise<KmsClient> {
    const source = this.source;
    let credentials: TypedCredentials | undefined;
    if (source.kind === 'stored') {
      credentials = await this.credentials.get(source.name);
      if (!credentials)
        throw new Error(
          vscode.l10n.t(
            'The credentials "{0}" are no longer in VS Code\'s secret storage. Sign in again.',
            source.name,
          ),
        );
    }
    const endpoint = this.endpoint;
    this.log.info(
      `Connecting to KMS in ${region} with ${describeConnectionSource(source)}${endpoint ? ` at ${endpoint}` : ''}.`,
    );
    return this.factory(
      { source: credentialSource(source, credentials), region, endpoint: endpoint || undefined },
      options,
    );
  }

  /**
   * Makes `source` the active one. Typed-in credentials are stored under `source.name` first; the choice is written to
   * the user's `kmsSecrets.profile` setting (never the workspace's: see Config.write).
   */
  async signIn(source: ConnectionSource, credentials?: TypedCredentials): Promise<void> {
    if (source.kind === 'stored') {
      if (!credentials) throw new Error(vscode.l10n.t('Typed-in credentials are missing.'));
      await this.credentials.set(source.name, credentials);
    }
    await this.state.update(SIGNED_IN_KEY, true);
    const name = source.kind === 'chain' ? '' : source.name;
    if (name !== this.config.profile) await this.config.write('profile', name);
    this.log.info(`Signed in with ${describeConnectionSource(source)}.`);
    this.reset();
  }

  /** Forgets the sign-in (and, if asked, the typed-in credentials of the active source). */
  async signOut(forgetCredentials: boolean): Promise<void> {
    const source = this.source;
    if (forgetCredentials && source.kind === 'stored') await this.credentials.delete(source.name);
    await this.state.update(SIGNED_IN_KEY, false);
    if (this.config.profile !== '') await this.config.write('profile', '');
    this.log.info('Signed out.');
    this.reset();
  }

  /** Drops every client (and its caches) and tells consumers to reload. */
  reset(): void {
    for (const client of this.clients.values())
      client.then(
        (c) => c.invalidate(),
        () => undefined,
      );
    this.clients = new Map();
    void this.updateContext();
    this.changed.fire();
  }

  private async updateContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', SIGNED_IN_CONTEXT, this.signedIn);
  }
}

/** The sign-in choice in words, for the log (core's `describeSource` names the client's credential sources). */
export function describeConnectionSource(source: ConnectionSource): string {
  switch (source.kind) {
    case 'chain':
      return 'the default credential chain';
    case 'profile':
      return `profile "${source.name}"`;
    case 'stored':
      return `credentials "${source.name}" stored in VS Code`;
  }
}
