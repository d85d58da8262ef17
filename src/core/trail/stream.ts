/**
 * One query over a range of any length within the retention period: split into windows of at most 30 days, newest
 * first, each followed through its NextTokens (BACKWARD), so the stream as a whole is newest first. The position lives
 * here, not in a generator, so a page that failed (throttled, cancelled) can simply be asked for again. Adjacent
 * windows share their boundary second; an event stamped exactly there is passed on once.
 */
import type { LookupAttribute, TrailClient } from './client';
import type { LookupPage } from './events';
import { MAX_RESULTS } from './limits';
import { splitWindow, TimeWindow } from './window';

/** Guard against an endpoint that never stops paging. */
export const DEFAULT_MAX_PAGES = 10_000;

export class LookupStream {
  private readonly windows: TimeWindow[];
  private index = 0;
  private nextToken: string | undefined;
  private pagesRead = 0;
  /** Events at the current window's start (they may come again with the next window), and those of the previous one. */
  private atBoundary = new Set<string>();
  private seenAtBoundary = new Set<string>();

  constructor(
    private readonly client: TrailClient,
    readonly range: TimeWindow,
    private readonly attributes: LookupAttribute[],
    private readonly maxPages = DEFAULT_MAX_PAGES,
  ) {
    client.assertReadsRecorded();
    this.windows = splitWindow(range);
  }

  /** True once every window has been read to its end (or the page guard was hit: see `truncated`). */
  get done(): boolean {
    return this.index >= this.windows.length || this.truncated;
  }

  get truncated(): boolean {
    return this.index < this.windows.length && this.pagesRead >= this.maxPages;
  }

  get pages(): number {
    return this.pagesRead;
  }

  /** The next page, or undefined at the end. On failure the position is unchanged. */
  async nextPage(signal?: AbortSignal): Promise<LookupPage | undefined> {
    if (this.done) return undefined;
    const page = await this.client.lookupEvents(
      {
        attributes: this.attributes,
        window: this.windows[this.index],
        direction: 'BACKWARD',
        maxResults: MAX_RESULTS,
        nextToken: this.nextToken,
      },
      { signal },
    );
    this.pagesRead++;
    const { startMs } = this.windows[this.index];
    const events = page.events.filter((e) => !(e.eventId && this.seenAtBoundary.has(e.eventId)));
    for (const e of events) if (e.eventId && e.timeMs <= startMs) this.atBoundary.add(e.eventId);
    // A token that does not move would page forever: treat it as the end of the window.
    if (page.nextToken && page.nextToken !== this.nextToken) {
      this.nextToken = page.nextToken;
    } else {
      this.index++;
      this.nextToken = undefined;
      this.seenAtBoundary = this.atBoundary;
      this.atBoundary = new Set();
    }
    return { ...page, events };
  }
}
