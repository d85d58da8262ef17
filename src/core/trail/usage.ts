/**
 * The two usage questions, each answered from one query stream:
 * - who used this secret in the last N days (every KMS event, matched on `requestParameters.SecretName` here, because
 *   ActionTrail's ResourceName for secrets is not documented), newest first, in pages;
 * - which of these secrets nobody read in the last N days (EventName=GetSecretValue + ServiceName=Kms for the whole
 *   window, grouped by secret name here — never one query per secret).
 * The matching itself is pure (eventsOfSecret, latestReads) and tested without a server.
 */
import type { LookupAttribute, TrailClient } from './client';
import type { TrailEvent } from './events';
import { DEFAULT_DAYS, KMS_SERVICE_NAME } from './limits';
import { DEFAULT_MAX_PAGES, LookupStream } from './stream';
import { lastDays, TimeWindow } from './window';

export const READ_ACTION = 'GetSecretValue';

export const KMS_EVENTS: LookupAttribute[] = [{ key: 'ServiceName', value: KMS_SERVICE_NAME }];
export const SECRET_READS: LookupAttribute[] = [
  { key: 'EventName', value: READ_ACTION },
  { key: 'ServiceName', value: KMS_SERVICE_NAME },
];

export interface UsageOptions {
  /** 1–90, default 7. */
  days?: number;
  /** The query's "now" (ms); default Date.now(). */
  now?: number;
  maxPages?: number;
}

/** The events of one secret (names are case-sensitive; ARNs were reduced to names when the events were read). */
export function eventsOfSecret(events: readonly TrailEvent[], secretName: string): TrailEvent[] {
  return events.filter((e) => e.secretName === secretName);
}

/**
 * Adds the newest read of each wanted secret to `latest`, given events newest first (a later page never holds a newer
 * event). A failed read counts: something still asks for the secret.
 */
export function latestReads(
  events: readonly TrailEvent[],
  wanted: ReadonlySet<string>,
  latest: Map<string, TrailEvent> = new Map(),
): Map<string, TrailEvent> {
  for (const event of events) {
    if (event.action !== READ_ACTION || event.secretName === undefined) continue;
    if (wanted.has(event.secretName) && !latest.has(event.secretName)) latest.set(event.secretName, event);
  }
  return latest;
}

/**
 * Show Usage for one secret: `next()` returns up to `count` more events, newest first, asking ActionTrail for as many
 * pages as that takes. Refresh = a new cursor. A failed `next()` can be repeated; nothing is lost or skipped.
 */
export class SecretUsageCursor {
  readonly days: number;
  readonly range: TimeWindow;
  private readonly stream: LookupStream;
  private buffer: TrailEvent[] = [];
  private seen = 0;
  private readonly observe?: (events: TrailEvent[], cursor: SecretUsageCursor) => void;

  constructor(
    client: TrailClient,
    readonly secretName: string,
    options: UsageOptions & { observe?: (events: TrailEvent[], cursor: SecretUsageCursor) => void } = {},
  ) {
    this.observe = options.observe;
    this.days = options.days ?? DEFAULT_DAYS;
    this.range = lastDays(this.days, options.now ?? Date.now());
    this.stream = new LookupStream(client, this.range, KMS_EVENTS, options.maxPages ?? DEFAULT_MAX_PAGES);
  }

  get done(): boolean {
    return this.buffer.length === 0 && this.stream.done;
  }

  /** The page guard stopped the scan before the window's start. */
  get truncated(): boolean {
    return this.stream.truncated;
  }

  /** KMS events of the account looked at so far (matching or not): progress for a long scan. */
  get scanned(): number {
    return this.seen;
  }

  async next(count = 50, options: { signal?: AbortSignal } = {}): Promise<TrailEvent[]> {
    while (this.buffer.length < count && !this.stream.done) {
      const page = await this.stream.nextPage(options.signal);
      if (!page) break;
      this.seen += page.events.length;
      this.buffer.push(...eventsOfSecret(page.events, this.secretName));
    }
    const events = this.buffer.splice(0, count);
    this.observe?.(events, this);
    return events;
  }

  /** Everything left (the CLI; the editor pages). */
  async all(options: { signal?: AbortSignal } = {}): Promise<TrailEvent[]> {
    const events: TrailEvent[] = [];
    while (!this.done) events.push(...(await this.next(500, options)));
    return events;
  }
}

export interface UnusedReport {
  days: number;
  range: TimeWindow;
  /** The secrets asked about that nobody read in the range, in the order given. */
  unused: string[];
  /** The newest read of each secret that was read. */
  lastRead: Map<string, TrailEvent>;
  /** Read events looked at, and LookupEvents calls made. */
  scanned: number;
  pages: number;
  /** False when the page guard stopped the scan early (then `unused` may hold secrets read before that point). */
  complete: boolean;
}

/**
 * Which of `secretNames` nobody read in the last N days: one stream of GetSecretValue events for the whole window. It
 * stops as soon as every secret has been seen, so a busy account costs only as many pages as its rarest secret needs.
 */
export async function findUnusedSecrets(
  client: TrailClient,
  secretNames: Iterable<string>,
  options: UsageOptions & { signal?: AbortSignal; onPage?: (scanned: number) => void } = {},
): Promise<UnusedReport> {
  const names = [...new Set(secretNames)];
  const days = options.days ?? DEFAULT_DAYS;
  const range = lastDays(days, options.now ?? Date.now());
  const stream = new LookupStream(client, range, SECRET_READS, options.maxPages ?? DEFAULT_MAX_PAGES);
  const wanted = new Set(names);
  const lastRead = new Map<string, TrailEvent>();
  let scanned = 0;
  while (lastRead.size < wanted.size && !stream.done) {
    const page = await stream.nextPage(options.signal);
    if (!page) break;
    scanned += page.events.length;
    latestReads(page.events, wanted, lastRead);
    options.onPage?.(scanned);
  }
  return {
    days,
    range,
    unused: names.filter((name) => !lastRead.has(name)),
    lastRead,
    scanned,
    pages: stream.pages,
    complete: lastRead.size === wanted.size || !stream.truncated,
  };
}
