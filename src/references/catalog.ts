import { valueKeys, type JsonKeyOptions, type UnlistedKeys } from '../core/check';
import type { ConnectionManager } from '../connection/connectionManager';
import { failureKind } from '../core/failure';
import type { SecretMetadata, SecretSummary, SecretVersion } from '../core/kms/types';
import type { ReferenceReader } from '../connection/referenceReader';
import { referenceKey, type SecretReference } from '../core/reference';
import { DisposableOwner } from '../platform/disposables';

/** Most secrets a completion list or picker loads from one region (pages of 100 behind it). */
const MAX_LISTED = 10_000;

/** Answers that stay true until something changes the secret; everything else (network, throttling) is not cached. */
const STABLE_FAILURES = new Set(['notFound', 'inDeletionWindow', 'noPermission']);

interface Entry<T> {
  at: number;
  promise: Promise<T>;
}

/** JSON key names of a value (never the value itself), or `undefined` when the value is not a JSON object. */
/** Key names that may be shown (a JSON object's), names that may only be compared (a YAML mapping's), or none. */
export type JsonKeys = string[] | UnlistedKeys | undefined;

/** The names that may be shown and offered: never those read from a YAML mapping (they may be pieces of a value). */
export function listedKeys(keys: JsonKeys): string[] {
  return Array.isArray(keys) ? keys : [];
}

/**
 * What completion, hover, the picker and the diagnostics know about secrets: listings, metadata, versions and the key
 * names of JSON values, cached per region and secret for a short time (setting `kmsSecrets.references.cacheSeconds`).
 * Values are read only to learn their top-level key names and are dropped at once; only the names are kept.
 */
export class SecretCatalog extends DisposableOwner {
  private lists = new Map<string, Entry<SecretSummary[]>>();
  private details = new Map<string, Entry<SecretMetadata>>();
  private versionLists = new Map<string, Entry<SecretVersion[]>>();
  private keys = new Map<string, Entry<JsonKeys>>();

  constructor(
    private readonly connections: ConnectionManager,
    private readonly reader: ReferenceReader,
    private readonly ttlMs: () => number,
  ) {
    super();
    this.register(connections.onDidChange(() => this.invalidate()));
  }

  get signedIn(): boolean {
    return this.connections.signedIn;
  }

  get activeRegion(): string {
    return this.connections.region;
  }

  /** The region a reference (or an ExternalSecret entry) reads from: its own, its ARN's, or the active one. */
  regionOf(reference: Pick<SecretReference, 'region' | 'arn'>): string {
    return reference.region ?? reference.arn?.region ?? this.connections.region;
  }

  /** Every secret of the region (metadata only), from the cache when fresh. */
  list(region = this.connections.region): Promise<SecretSummary[]> {
    return this.cached(this.lists, region, async () => {
      const client = await this.connections.client(region);
      const all: SecretSummary[] = [];
      for await (const page of client.listSecretPages({ fetchTags: true })) {
        all.push(...page.secrets);
        if (all.length >= MAX_LISTED) break;
      }
      return all;
    });
  }

  /** DescribeSecret: metadata only. */
  describe(region: string, name: string): Promise<SecretMetadata> {
    return this.cached(this.details, `${region}|${name}`, async () =>
      (await this.connections.client(region)).describeSecret(name),
    );
  }

  versions(region: string, name: string): Promise<SecretVersion[]> {
    return this.cached(this.versionLists, `${region}|${name}`, async () =>
      (await this.connections.client(region)).listSecretVersions(name, { includeDeprecated: true }),
    );
  }

  /**
   * Top-level key names of the JSON value the reference reads (its stage/version; the `#key` part is ignored); with
   * `yaml`, of a YAML mapping too (what an ExternalSecret's `jmesPath` reads).
   */
  jsonKeys(reference: SecretReference, options: JsonKeyOptions = {}): Promise<JsonKeys> {
    const ref: SecretReference = { ...reference, jsonKey: undefined };
    const yaml = options.yaml === true;
    return this.cached(this.keys, JSON.stringify([referenceKey(ref), yaml]), async () =>
      valueKeys((await this.reader.read(ref)).value, { yaml }),
    );
  }

  /** Forgets one secret (after it was created, restored or changed) or everything. */
  invalidate(name?: string): void {
    if (name === undefined) {
      this.lists.clear();
      this.details.clear();
      this.versionLists.clear();
      this.keys.clear();
      return;
    }
    this.lists.clear();
    for (const map of [this.details, this.versionLists]) {
      for (const key of [...map.keys()]) if (key.endsWith(`|${name}`)) map.delete(key);
    }
    for (const key of [...this.keys.keys()]) {
      const [reference] = JSON.parse(key) as [string, boolean];
      if ((JSON.parse(reference) as string[])[0] === name) this.keys.delete(key);
    }
  }

  private cached<T>(map: Map<string, Entry<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const hit = map.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs()) return hit.promise;
    const promise = load();
    const entry = { at: Date.now(), promise };
    map.set(key, entry);
    promise.catch((error: unknown) => {
      if (!STABLE_FAILURES.has(failureKind(error) ?? '') && map.get(key) === entry) map.delete(key);
    });
    return promise;
  }
}
