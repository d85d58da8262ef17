/**
 * The in-memory cache for metadata and values. Entries expire after a TTL and are grouped by secret name, so a write
 * (or an explicit refresh) drops everything known about that secret — describe results and every cached version — at
 * once.
 * Values live only in this process's memory; nothing here is ever written anywhere.
 */

interface Entry<V> {
  value: V;
  expires: number;
}

export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly groups = new Map<string, Set<string>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(group: string, key: string, value: V): void {
    if (this.ttlMs <= 0) return;
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    let keys = this.groups.get(group);
    if (!keys) this.groups.set(group, (keys = new Set()));
    keys.add(key);
  }

  /** Drops every entry of one group (a secret). */
  invalidate(group: string): void {
    const keys = this.groups.get(group);
    if (!keys) return;
    for (const key of keys) this.entries.delete(key);
    this.groups.delete(group);
  }

  clear(): void {
    this.entries.clear();
    this.groups.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
