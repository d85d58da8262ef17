/**
 * Paging over KMS's PageNumber/PageSize lists as an async iterator of pages, in order, so a tree can show the first 100
 * secrets while the rest load, and a caller can stop early (breaking out of `for await` stops fetching; the answers
 * of at most one window of pages already asked for are dropped).
 * Page 1 goes alone (it is what the user sees first); its TotalCount says how many pages follow, and those are asked
 * for several at a time before page 1 is handed over (10,000 secrets are 100 pages: one after another that is 100 round
 * trips). The window of pages in flight shrinks when KMS throttles, grows back as pages succeed, and never runs more
 * than its width ahead of the consumer.
 */

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_CONCURRENCY = 8;

export interface RawPage<T> {
  items: T[];
  totalCount: number;
}

export interface PageOptions {
  pageSize?: number;
  /** Guard against a server that never ends. */
  maxPages?: number;
  /** Pages in flight after the first: a number, or an AdaptiveLimit that throttling shrinks. 1 = one after another. */
  concurrency?: number | AdaptiveLimit;
}

/**
 * Additive increase, multiplicative decrease (as TCP): halve on every throttled request, add one after a window's worth
 * of pages went through without one, never above the starting width or below 1.
 */
export class AdaptiveLimit {
  private width: number;
  private successes = 0;

  constructor(readonly max: number) {
    this.max = Math.max(1, Math.floor(max) || 1);
    this.width = this.max;
  }

  get current(): number {
    return this.width;
  }

  throttled(): void {
    this.width = Math.max(1, Math.floor(this.width / 2));
    this.successes = 0;
  }

  succeeded(): void {
    if (this.width >= this.max) return;
    if (++this.successes >= this.width) {
      this.width++;
      this.successes = 0;
    }
  }
}

/**
 * Fetches page 1, then the pages its total announces, several at a time, yielding them in page order. Stops at a short
 * or empty page (the total may change while listing; a short page is the reliable end), and goes on past the announced
 * total while pages keep coming back full and a later answer reports more.
 */
export async function* paginate<T>(
  fetchPage: (pageNumber: number, pageSize: number) => Promise<RawPage<T>>,
  options: PageOptions = {},
): AsyncGenerator<{ items: T[]; pageNumber: number; totalCount: number }> {
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, options.pageSize ?? MAX_PAGE_SIZE));
  const maxPages = options.maxPages ?? 10_000;
  const limit =
    options.concurrency instanceof AdaptiveLimit
      ? options.concurrency
      : new AdaptiveLimit(options.concurrency ?? DEFAULT_PAGE_CONCURRENCY);
  const pagesFor = (total: number) => Math.min(maxPages, Math.max(1, Math.ceil(total / pageSize)));

  const first = await fetchPage(1, pageSize);
  let seen = first.items.length;
  let total = first.totalCount;
  const more = first.items.length === pageSize && seen < total && maxPages > 1;

  /** Pages requested but not yet yielded, in page order. */
  const window: { pageNumber: number; page: Promise<RawPage<T>> }[] = [];
  let next = 2;
  let planned = more ? pagesFor(total) : 1;
  const launch = () => {
    while (next <= planned && window.length < limit.current) {
      const page = fetchPage(next, pageSize).then((result) => {
        limit.succeeded();
        return result;
      });
      // Consumed in order below; a failure ahead of a stop must not surface as an unhandled rejection.
      page.catch(() => undefined);
      window.push({ pageNumber: next++, page });
    }
  };
  // The next pages are on their way while the consumer shows the first.
  launch();
  yield { items: first.items, pageNumber: 1, totalCount: first.totalCount };
  while (window.length) {
    const { pageNumber, page: pending } = window.shift()!;
    const page = await pending;
    seen += page.items.length;
    total = page.totalCount;
    yield { items: page.items, pageNumber, totalCount: page.totalCount };
    if (page.items.length < pageSize) return;
    // Grown while listing: the announced last page came back full and the total now says there is more.
    if (pageNumber === planned && seen < total) planned = Math.min(maxPages, Math.max(planned + 1, pagesFor(total)));
    launch();
  }
}

/** Drains an iterator of pages into one array. */
export async function collectAll<T>(pages: AsyncIterable<{ items?: T[]; secrets?: T[] } | T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) {
    if (Array.isArray(page)) all.push(...page);
    else all.push(...(page.items ?? page.secrets ?? []));
  }
  return all;
}
