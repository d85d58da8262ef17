import type { ProxySettings } from '../core/proxy';
import * as vscode from 'vscode';
import type { ConnectionManager } from '../connection/connectionManager';
import { USER_AGENT } from '../connection/kmsClients';
import type { Redactor } from '../core/redaction';
import { type LastRead, SecretUsageService, TrailClient } from '../core/trail';
import type { Config } from '../platform/config';
import { DisposableOwner } from '../platform/disposables';
import type { Log } from '../platform/log';
import { lastReadLine } from './format';

/** Why cached usage was dropped: the connection (or ActionTrail endpoint) changed, or the user refreshed. */
export type UsageChange = 'connection' | 'cleared';

/**
 * The active connection's ActionTrail side: one SecretUsageService per region (its TrailClient paces every usage query
 * of that region), signing with the KMS client's own credential resolver, so both services share one credential object
 * (and one STS session). Rebuilt whenever the connection or the ActionTrail endpoint setting changes; the last-read
 * cache goes with it.
 */
export class UsageConnections extends DisposableOwner {
  private readonly changed = this.register(new vscode.EventEmitter<UsageChange>());
  /** Fires when cached usage no longer applies: a new connection or ActionTrail endpoint, or a refresh. */
  readonly onDidChange = this.changed.event;
  private services = new Map<string, Promise<SecretUsageService>>();
  /** The services built so far, for synchronous lookups (the hover never waits for anything). */
  private built = new Map<string, SecretUsageService>();

  constructor(
    private readonly connections: ConnectionManager,
    private readonly config: Config,
    private readonly redactor: Redactor,
    private readonly log: Log,
    private readonly proxy: () => ProxySettings,
  ) {
    super();
    this.register(connections.onDidChange(() => this.reset()));
    this.register(config.onDidChange((e) => e.affects('usage.trailEndpoint') && this.reset()));
  }

  /** The usage service of a region (the active one by default), created on first use. */
  service(region = this.connections.region): Promise<SecretUsageService> {
    let service = this.services.get(region);
    if (!service) {
      // A reset while this one is being built orphans `built` with it.
      const built = this.built;
      service = this.create(region).then((created) => (built.set(region, created), created));
      this.services.set(region, service);
      service.catch(() => this.services.get(region) === service && this.services.delete(region));
    }
    return service;
  }

  /** What is known about a secret's last read, from memory only: never a request, never a wait. */
  lastRead(region: string, name: string): LastRead | undefined {
    return this.built.get(region)?.lastRead(name);
  }

  /** The hover's "last read … by …" line when usage is already known (memory only), else undefined. */
  describeLastRead(region: string, name: string): string | undefined {
    const known = this.lastRead(region, name);
    return known && lastReadLine(known);
  }

  /** Forgets every cached answer (the explorer's Refresh and the Usage view's Refresh start over). */
  clear(): void {
    for (const service of this.built.values()) service.clear();
    this.changed.fire('cleared');
  }

  private async create(region: string): Promise<SecretUsageService> {
    const kms = await this.connections.client(region);
    const trailEndpoint = this.config.trailEndpoint || undefined;
    const client = new TrailClient(
      { region: kms.region, endpoint: kms.endpoint, source: kms.source, trailEndpoint },
      {
        credentials: kms.credentials,
        redactor: this.redactor,
        userAgent: USER_AGENT,
        proxy: this.proxy,
        onRetry: (error, attempt, delayMs) =>
          this.log.debug(
            `Retrying LookupEvents after ${error.code ?? error.kind} (attempt ${attempt}, in ${delayMs} ms).`,
          ),
      },
    );
    this.log.info(`Secret usage from ${client.description}.`);
    return new SecretUsageService(client);
  }

  private reset(): void {
    this.services = new Map();
    this.built = new Map();
    this.changed.fire('connection');
  }
}
