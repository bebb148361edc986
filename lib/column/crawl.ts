/**
 * Read a whole column: the start page, then every list page it names (and the pages those name: "下一页"
 * chains), up to a bound. The loader is injected (polite fetching and parsing live with the caller).
 */
import { type ColumnEntry, type ColumnPage, pageKey, readColumnPage } from './list';

export interface ColumnCrawl {
  start: string;
  /** List pages read, in the order read. */
  pages: string[];
  /** Pages that could not be read, with the reason. */
  failed: Array<{ url: string; error: string }>;
  /** Entries of every page, each URL once, in list order. */
  entries: ColumnEntry[];
  columnName: string | null;
  /** The start page is a column page. */
  isColumn: boolean;
  /** More pages were named than the bound allowed: the listing is incomplete. */
  truncated: boolean;
}

export interface CrawlOptions {
  /** Most list pages read (default 50). */
  maxPages?: number;
  onPage?: (page: ColumnPage, url: string, done: number, known: number) => void;
}

export async function crawlColumn(
  start: string,
  load: (url: string) => Promise<Document>,
  opts: CrawlOptions = {},
): Promise<ColumnCrawl> {
  const max = Math.max(1, opts.maxPages ?? 50);
  const queue: string[] = [start];
  const known = new Set<string>([pageKey(start)]);
  const out: ColumnCrawl = {
    start,
    pages: [],
    failed: [],
    entries: [],
    columnName: null,
    isColumn: false,
    truncated: false,
  };
  const seen = new Set<string>();
  while (queue.length > 0) {
    if (out.pages.length + out.failed.length >= max) {
      out.truncated = true;
      break;
    }
    const url = queue.shift() as string;
    let page: ColumnPage;
    try {
      page = readColumnPage(await load(url), url);
    } catch (err) {
      if (err instanceof Error && err.name === 'CancelledError') throw err;
      out.failed.push({ url, error: err instanceof Error ? err.message : String(err) });
      continue;
    }
    out.pages.push(url);
    if (url === start) {
      out.isColumn = page.isColumn;
      out.columnName = page.columnName;
      if (!page.isColumn) break;
    }
    for (const e of page.entries) {
      if (seen.has(e.url)) continue;
      seen.add(e.url);
      out.entries.push(e);
    }
    for (const p of page.pages) {
      if (known.has(pageKey(p))) continue;
      known.add(pageKey(p));
      queue.push(p);
    }
    opts.onPage?.(page, url, out.pages.length, known.size);
  }
  return out;
}
