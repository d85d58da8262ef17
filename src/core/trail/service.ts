/**
 * What the editor programs against (one per connection, next to its KmsClient):
 * - `openUsage(name, days)`: Show Usage, paged (`cursor.next(50)`), refreshable (open a new cursor);
 * - `unused(names, days)`: the "not read in the last N days" set for a filter or decoration, from one query stream;
 *   concurrent calls for the same question share one scan;
 * - `lastRead(name)`: synchronous, memory only, never a request — what the reference hover may add ("last read … by …")
 *   when an earlier Show Usage or unused scan already found out.
 * Every answer either query produced feeds the last-read cache.
 */
import { TtlCache } from '../kms/cache';
import type { TrailClient } from './client';
import type { TrailEvent } from './events';
import { findUnusedSecrets, READ_ACTION, SecretUsageCursor, UnusedReport, UsageOptions } from './usage';

export type LastRead =
  /** The newest read found (it may have failed: see `errorCode`). */
  | {
      kind: 'read';
      time: string;
      timeMs: number;
      principal: string;
      principalType: string;
      errorCode?: string;
      checkedAtMs: number;
    }
  /** A complete scan of the last `days` days found no read. */
  | { kind: 'notRead'; days: number; checkedAtMs: number };

/** How long a finding is good enough for a hover. */
export const DEFAULT_LAST_READ_TTL_MS = 15 * 60_000;

export interface SecretUsageServiceOptions {
  now?: () => number;
  lastReadTtlMs?: number;
}

export class SecretUsageService {
  private readonly cache: TtlCache<LastRead>;
  private readonly now: () => number;
  private readonly scans = new Map<string, Promise<UnusedReport>>();

  constructor(
    readonly client: TrailClient,
    options: SecretUsageServiceOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.cache = new TtlCache(options.lastReadTtlMs ?? DEFAULT_LAST_READ_TTL_MS, this.now);
  }

  /** A Show Usage cursor whose pages also teach the last-read cache. Throws at once for a KMS instance endpoint. */
  openUsage(secretName: string, options: Omit<UsageOptions, 'now'> = {}): SecretUsageCursor {
    const checkedAtMs = this.now();
    let sawRead = false;
    const cursor = new SecretUsageCursor(this.client, secretName, {
      ...options,
      now: checkedAtMs,
      observe: (events, self) => {
        const read = events.find((e) => e.action === READ_ACTION);
        if (read && !sawRead) this.learnRead(secretName, read, checkedAtMs);
        sawRead ||= read !== undefined;
        if (self.done && !sawRead && !self.truncated) this.learnNotRead(secretName, self.days, checkedAtMs);
      },
    });
    return cursor;
  }

  /** The secrets of `secretNames` nobody read in the last N days; identical concurrent questions share one scan. */
  unused(
    secretNames: Iterable<string>,
    options: Omit<UsageOptions, 'now'> & { signal?: AbortSignal } = {},
  ): Promise<UnusedReport> {
    const names = [...new Set(secretNames)];
    const key = `${options.days ?? ''}\0${[...names].sort().join('\0')}`;
    // Callers with their own signal get their own scan: cancelling one must not fail the other.
    const shared = options.signal ? undefined : this.scans.get(key);
    if (shared) return shared;
    const checkedAtMs = this.now();
    const scan = findUnusedSecrets(this.client, names, { ...options, now: checkedAtMs }).then((report) => {
      for (const [name, event] of report.lastRead) this.learnRead(name, event, checkedAtMs);
      if (report.complete) for (const name of report.unused) this.learnNotRead(name, report.days, checkedAtMs);
      return report;
    });
    if (!options.signal) {
      this.scans.set(key, scan);
      const forget = () => this.scans.delete(key);
      scan.then(forget, forget);
    }
    return scan;
  }

  /** What is known about the secret's last read, from memory only; undefined when nothing recent is known. */
  lastRead(secretName: string): LastRead | undefined {
    return this.cache.get(secretName);
  }

  clear(): void {
    this.cache.clear();
    this.scans.clear();
  }

  private learnRead(secretName: string, event: TrailEvent, checkedAtMs: number): void {
    const known = this.cache.get(secretName);
    if (known?.kind === 'read' && known.timeMs >= event.timeMs) return;
    this.cache.set(secretName, secretName, {
      kind: 'read',
      time: event.time,
      timeMs: event.timeMs,
      principal: event.principal,
      principalType: event.principalType,
      ...(event.errorCode && { errorCode: event.errorCode }),
      checkedAtMs,
    });
  }

  /** "Not read in N days" never hides a read found earlier (that read may simply lie before the window). */
  private learnNotRead(secretName: string, days: number, checkedAtMs: number): void {
    if (this.cache.get(secretName)?.kind === 'read') return;
    this.cache.set(secretName, secretName, { kind: 'notRead', days, checkedAtMs });
  }
}
