import * as vscode from 'vscode';
import type { Config } from '../platform/config';
import { DisposableOwner } from '../platform/disposables';
import type { Log } from '../platform/log';
import type { SecretsBackend } from './backend';
import { CredentialStore, TypedCredentials } from './credentialStore';

/** Where the credentials come from. Persisted as the `kmsSecrets.profile` setting: '' = chain, a stored name, or a CLI profile. */
export type ConnectionSource = { kind: 'chain' } | { kind: 'profile'; name: string } | { kind: 'stored'; name: string };

/** Everything a backend needs for one region. */
export interface ResolvedConnection {
  source: ConnectionSource;
  /** Present for `stored` sources. */
  credentials?: TypedCredentials;
  region: string;
  /** Custom endpoint URL ('' = the public one for the region). */
  endpoint: string;
}

export type BackendFactory = (connection: ResolvedConnection) => SecretsBackend;

const SIGNED_IN_KEY = 'kmsSecrets.signedIn';
export const SIGNED_IN_CONTEXT = 'kmsSecrets.signedIn';

/**
 * The active connection: credentials source, region(s) and endpoint, from settings plus the sign-in state. Owns one
 * backend per region, rebuilt whenever anything about the connection changes (a failed credential object is never
 * reused).
 */
export class ConnectionManager extends DisposableOwner {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires after the source, region(s) or endpoint changed; consumers reload. */
  readonly onDidChange = this.changed.event;
  private backends = new Map<string, Promise<SecretsBackend>>();

  constructor(
    private readonly config: Config,
    private readonly log: Log,
    readonly credentials: CredentialStore,
    private readonly state: vscode.Memento,
    private readonly factory: BackendFactory,
  ) {
    super();
    this.register(
      config.onDidChange((event) => {
        if (
          ['profile', 'region', 'endpoint', 'explorer.regions'].some((key) =>
            event.affectsConfiguration(`kmsSecrets.${key}`),
          )
        ) {
          this.reset();
        }
      }),
    );
    void this.updateContext();
  }

  /** True once the user signed in, or when a profile is configured in settings. */
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
    return source.kind === 'chain' ? 'default credentials' : source.name;
  }

  /** The active region: references and commands without a region use it. */
  get region(): string {
    return this.config.region;
  }

  /** Regions shown in the explorer: `kmsSecrets.explorer.regions`, or just the active one. */
  get regions(): string[] {
    const extra = vscode.workspace.getConfiguration('kmsSecrets').get<string[]>('explorer.regions', []);
    const list = extra.filter((r) => typeof r === 'string' && r.trim()).map((r) => r.trim());
    return list.length ? [...new Set(list)] : [this.region];
  }

  get endpoint(): string {
    return this.config.endpoint;
  }

  /** The backend for a region (the active one by default); created on first use. */
  backend(region = this.region): Promise<SecretsBackend> {
    let backend = this.backends.get(region);
    if (!backend) {
      backend = this.create(region);
      this.backends.set(region, backend);
      backend.catch(() => this.backends.delete(region));
    }
    return backend;
  }

  private async create(region: string): Promise<SecretsBackend> {
    const source = this.source;
    let credentials: TypedCredentials | undefined;
    if (source.kind === 'stored') {
      credentials = await this.credentials.get(source.name);
      if (!credentials)
        throw new Error(`The credentials "${source.name}" are no longer in VS Code's secret storage. Sign in again.`);
    }
    this.log.info(
      `Connecting to KMS in ${region} with ${describeSource(source)}${this.endpoint ? ` at ${this.endpoint}` : ''}.`,
    );
    return this.factory({ source, credentials, region, endpoint: this.endpoint });
  }

  /**
   * Makes `source` the active one. Typed-in credentials are stored under `source.name` first. The profile setting is
   * written where it is currently defined (workspace or user), so the change takes effect.
   */
  async signIn(source: ConnectionSource, credentials?: TypedCredentials): Promise<void> {
    if (source.kind === 'stored') {
      if (!credentials) throw new Error('Typed-in credentials are missing.');
      await this.credentials.set(source.name, credentials);
    }
    await this.state.update(SIGNED_IN_KEY, true);
    const name = source.kind === 'chain' ? '' : source.name;
    if (name !== this.config.profile) await writeSetting('profile', name);
    this.log.info(`Signed in with ${describeSource(source)}.`);
    this.reset();
  }

  /** Forgets the sign-in (and, if asked, the typed-in credentials of the active source). */
  async signOut(forgetCredentials: boolean): Promise<void> {
    const source = this.source;
    if (forgetCredentials && source.kind === 'stored') await this.credentials.delete(source.name);
    await this.state.update(SIGNED_IN_KEY, false);
    if (this.config.profile !== '') await writeSetting('profile', '');
    this.log.info('Signed out.');
    this.reset();
  }

  /** Drops every backend (and its caches) and tells consumers to reload. */
  reset(): void {
    for (const backend of this.backends.values())
      backend.then(
        (b) => b.invalidate(),
        () => undefined,
      );
    this.backends = new Map();
    void this.updateContext();
    this.changed.fire();
  }

  private async updateContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', SIGNED_IN_CONTEXT, this.signedIn);
  }
}

export function describeSource(source: ConnectionSource): string {
  switch (source.kind) {
    case 'chain':
      return 'the default credential chain';
    case 'profile':
      return `profile "${source.name}"`;
    case 'stored':
      return `credentials "${source.name}" stored in VS Code`;
  }
}

/** Writes a `kmsSecrets.*` setting at the level where it is defined now (workspace or user). */
export async function writeSetting(key: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('kmsSecrets');
  const inspected = config.inspect(key);
  const target =
    inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  await config.update(key, value, target);
}
