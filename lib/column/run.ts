/**
 * Audit a whole column, the same in the extension and the command line: read every list page, audit every
 * listed report in year order (so that each year meets the one before it in the store and the cross-year
 * rules run across the column), and analyse the column as of a date. Loading is injected (polite fetching
 * and parsing live with the caller); cancelling stops between two reports.
 */
import type { AuditOptions, AuditOutput } from '../audit';
import { parseYmd, type Ymd } from '../detect/meta';
import { blocksFromDocument, type SourceDoc } from '../extract/blocks';
import type { SnapshotStore } from '../history/store';
import { auditWithStore } from '../history/with-store';
import { analyzeColumn, type ColumnAnalysis } from './analyze';
import { type ColumnCrawl, crawlColumn } from './crawl';
import type { ColumnEntry } from './list';
import { CancelledError } from './polite';

export interface ColumnReport {
  entry: ColumnEntry;
  /** What was audited (the final URL after redirects). */
  url: string;
  out: AuditOutput | null;
  error: string | null;
  /** Taken from the store (a resumed run): `out` is null, the stored result stands. */
  resumed: boolean;
}

export interface ColumnRun {
  crawl: ColumnCrawl;
  reports: ColumnReport[];
  analysis: ColumnAnalysis;
}

export interface ColumnRunOptions {
  now?: string;
  /** Most list pages and most reports (default 200). */
  max?: number;
  store: SnapshotStore | null;
  /** Reports already in the store are not fetched again. */
  resume?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: { phase: 'list' | 'audit'; done: number; total: number; what: string }) => void;
  /** Each report as it is done (audited, failed or resumed), before the next one starts (the extension
   * keeps its result here, so that a cancelled run keeps what it did and resumes). */
  onReport?: (r: ColumnReport) => void | Promise<void>;
}

function today(): Ymd {
  const d = new Date();
  return { y: d.getFullYear(), m: d.getMonth() + 1, d: d.getDate() };
}

/** Oldest year first, so that every report meets its previous year in the store. */
export function auditOrder(entries: ColumnEntry[]): ColumnEntry[] {
  return [...entries].sort(
    (a, b) => (a.year ?? 9999) - (b.year ?? 9999) || (a.agency ?? '').localeCompare(b.agency ?? '', 'zh'),
  );
}

/** A fetched page (parsed) or document (a PDF, a DOCX: already read into blocks), at its final URL. */
export type Fetched = { url: string; doc: Document } | { url: string; src: SourceDoc };

export async function runColumn(
  start: string,
  getDoc: (url: string) => Promise<Fetched>,
  o: ColumnRunOptions,
): Promise<ColumnRun> {
  const max = o.max ?? 200;
  const listPage = async (url: string): Promise<Document> => {
    const got = await getDoc(url);
    if (!('doc' in got)) throw new Error('不是网页，不能作为栏目页读取 / not a web page');
    return got.doc;
  };
  const crawl = await crawlColumn(start, listPage, {
    maxPages: max,
    onPage: (_p, url, done, known) => o.onProgress?.({ phase: 'list', done, total: known, what: url }),
  });
  const entries = auditOrder(crawl.entries).slice(0, max);
  const opts: AuditOptions = o.now ? { now: o.now } : {};
  const reports: ColumnReport[] = [];
  for (const [i, entry] of entries.entries()) {
    if (o.signal?.aborted) throw new CancelledError();
    o.onProgress?.({ phase: 'audit', done: i, total: entries.length, what: entry.title });
    if (o.resume && o.store && (await o.store.get(entry.url))?.entry) {
      reports.push({ entry, url: entry.url, out: null, error: null, resumed: true });
      await o.onReport?.(reports[reports.length - 1] as ColumnReport);
      continue;
    }
    try {
      const got = await getDoc(entry.url);
      const url = got.url;
      const out =
        'doc' in got
          ? await auditWithStore((time) => blocksFromDocument(got.doc, url, time), url, o.store, opts)
          : await auditWithStore(() => got.src, url, o.store, opts, got.src.kind);
      reports.push({ entry, url, out, error: null, resumed: false });
    } catch (err) {
      if (err instanceof CancelledError) throw err;
      reports.push({
        entry,
        url: entry.url,
        out: null,
        error: err instanceof Error ? err.message : String(err),
        resumed: false,
      });
    }
    await o.onReport?.(reports[reports.length - 1] as ColumnReport);
  }
  o.onProgress?.({ phase: 'audit', done: entries.length, total: entries.length, what: '' });
  const now = (o.now ? parseYmd(o.now) : null) ?? today();
  return { crawl, reports, analysis: analyzeColumn(crawl.entries, now) };
}
