/**
 * Paging over KMS's PageNumber/PageSize lists as an async iterator of pages, so a tree can show the first 100 secrets
 * while the rest load, and a caller can stop early (breaking out of `for await` stops fetching).
 */

export const MAX_PAGE_SIZE = 100;

export interface RawPage<T> {
  items: T[];
  totalCount: number;
}

/**
 * Fetches page 1, 2, … until the reported total is reached, a page comes back short or empty (the total may change
 * while listing; a short page is the reliable end), or `maxPages` is hit as a guard against a server that never ends.
 */
export async function* paginate<T>(
  fetchPage: (pageNumber: number, pageSize: number) => Promise<RawPage<T>>,
  options: { pageSize?: number; maxPages?: number } = {},
): AsyncGenerator<{ items: T[]; pageNumber: number; totalCount: number }> {
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, options.pageSize ?? MAX_PAGE_SIZE));
  const maxPages = options.maxPages ?? 10_000;
  let seen = 0;
  for (let pageNumber = 1; pageNumber <= maxPages; pageNumber++) {
    const page = await fetchPage(pageNumber, pageSize);
    seen += page.items.length;
    yield { items: page.items, pageNumber, totalCount: page.totalCount };
    if (page.items.length < pageSize || seen >= page.totalCount) return;
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
