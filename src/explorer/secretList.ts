import type { KmsClient } from '../core/kms';
import type { SecretSummary } from '../core/kms/types';
import type { SecretFilter } from '../core/secretFilter';

export interface LoadStats {
  startedAt: number;
  firstPageAt?: number;
  completeAt?: number;
  loaded: number;
  total?: number;
}

/**
 * The secrets of one region, paged in the background: the first page resolves `firstPage` (so the tree shows rows at
 * once), later pages append and call `onProgress` (the provider throttles tree updates). Cancelled by `abort()` on
 * refresh.
 */
export class SecretList {
  readonly items: SecretSummary[] = [];
  state: 'loading' | 'done' | 'error' = 'loading';
  error?: unknown;
  total?: number;
  readonly stats: LoadStats = { startedAt: Date.now(), loaded: 0 };
  /** Resolves once the first page (or the first error) is in; never rejects. */
  readonly firstPage: Promise<void>;
  /** Resolves when every page is in (or loading stopped); never rejects. */
  readonly done: Promise<void>;
  private readonly controller = new AbortController();

  constructor(
    client: Promise<KmsClient>,
    readonly filter: SecretFilter | undefined,
    private readonly onProgress: () => void,
  ) {
    let first!: () => void;
    this.firstPage = new Promise<void>((resolve) => (first = resolve));
    this.done = this.load(client, first);
  }

  get aborted(): boolean {
    return this.controller.signal.aborted;
  }

  abort(): void {
    this.controller.abort();
  }

  private async load(clientPromise: Promise<KmsClient>, first: () => void): Promise<void> {
    try {
      const client = await clientPromise;
      const pages = client.listSecretPages({
        filter: this.filter?.server,
        fetchTags: true,
        signal: this.controller.signal,
      });
      for await (const page of pages) {
        if (this.aborted) return;
        const rows = this.filter ? page.secrets.filter(this.filter.matches) : page.secrets;
        this.items.push(...rows);
        if (page.totalCount !== undefined) this.total = page.totalCount;
        this.stats.loaded = this.items.length;
        this.stats.total = this.total;
        if (this.stats.firstPageAt === undefined) {
          this.stats.firstPageAt = Date.now();
          first();
        } else {
          this.onProgress();
        }
      }
      this.state = 'done';
    } catch (error) {
      if (this.aborted) return;
      this.state = 'error';
      this.error = error;
    } finally {
      this.stats.completeAt = Date.now();
      if (this.stats.firstPageAt === undefined) this.stats.firstPageAt = this.stats.completeAt;
      first();
      if (!this.aborted) this.onProgress();
    }
  }

  find(name: string): SecretSummary | undefined {
    return this.items.find((s) => s.name === name);
  }

  upsert(summary: SecretSummary): void {
    const i = this.items.findIndex((s) => s.name === summary.name);
    if (i >= 0) this.items[i] = summary;
    else this.items.push(summary);
  }

  remove(name: string): void {
    const i = this.items.findIndex((s) => s.name === name);
    if (i >= 0) this.items.splice(i, 1);
  }
}
