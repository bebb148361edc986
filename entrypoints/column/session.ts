/**
 * The column view's work, apart from its UI: read the column's pages (body × year as of a date), and
 * 全部审核 through runColumn (lib/column/run.ts, the command line's flow) with the background's store. Each
 * report's audit is kept with its snapshot (`entry`) as it is done, so that a cancelled run keeps what it
 * did and the next one resumes from the store.
 */
import { toResult } from '@/lib/audit';
import { analyzeColumn, type ColumnAnalysis } from '@/lib/column/analyze';
import { type ColumnCrawl, crawlColumn } from '@/lib/column/crawl';
import type { ColumnEntry } from '@/lib/column/list';
import { type ColumnReport, type ColumnRun, type Fetched, runColumn } from '@/lib/column/run';
import { parseYmd, type Ymd } from '@/lib/detect/meta';
import type { ReportSnapshot } from '@/lib/history/snapshot';
import type { SnapshotStore } from '@/lib/history/store';
import { AuditResult, type Finding } from '@/lib/model/schema';

export interface Row {
  entry: ColumnEntry;
  /** What was audited (the final URL). */
  url: string;
  result: AuditResult | null;
  error: string | null;
  /** Taken from the store (audited in an earlier run). */
  resumed: boolean;
}

export type GetDoc = (url: string) => Promise<Fetched>;

export function todayYmd(): Ymd {
  const d = new Date();
  return { y: d.getFullYear(), m: d.getMonth() + 1, d: d.getDate() };
}

/** "YYYY-MM-DD" as a date, else today. */
export function asOf(now: string | null): Ymd {
  return (now ? parseYmd(now) : null) ?? todayYmd();
}

/** Read every list page of the column and analyse it as of `now`. */
export async function listColumn(
  start: string,
  getDoc: GetDoc,
  now: Ymd,
  onPage?: (done: number, known: number) => void,
): Promise<{ crawl: ColumnCrawl; analysis: ColumnAnalysis }> {
  const crawl = await crawlColumn(
    start,
    async (url) => {
      const got = await getDoc(url);
      if (!('doc' in got)) throw new Error('不是网页，不能作为栏目页读取 / not a web page');
      return got.doc;
    },
    { onPage: (_p, _u, done, known) => onPage?.(done, known) },
  );
  return { crawl, analysis: analyzeColumn(crawl.entries, now) };
}

/** The audit kept beside a snapshot (an earlier run's), if it reads. */
export function keptResult(s: ReportSnapshot | null): AuditResult | null {
  const p = AuditResult.safeParse(s?.entry);
  return p.success ? p.data : null;
}

export interface AuditColumnOptions {
  now?: string;
  resume: boolean;
  signal: AbortSignal;
  onProgress?: (p: { phase: 'list' | 'audit'; done: number; total: number; what: string }) => void;
  onRow?: (row: Row) => void;
}

/**
 * 全部审核: every listed report, oldest year first, each with the same body's previous year from the store.
 * The snapshot auditWithStore hands the store is kept once, with its audit, when the report is done.
 */
export async function auditColumn(
  start: string,
  getDoc: GetDoc,
  store: SnapshotStore,
  o: AuditColumnOptions,
): Promise<ColumnRun> {
  const pending = new Map<string, ReportSnapshot>();
  const deferred: SnapshotStore = {
    put: async (s) => {
      pending.set(s.url, s);
    },
    get: (url) => store.get(url),
    byAgency: (k) => store.byAgency(k),
    list: () => store.list(),
    remove: (urls) => store.remove(urls),
    clear: () => store.clear(),
  };
  const onReport = async (r: ColumnReport) => {
    let result: AuditResult | null = null;
    let error = r.error;
    if (r.out) {
      result = toResult(r.out);
      const snap = pending.get(r.url);
      pending.delete(r.url);
      if (snap) await store.put({ ...snap, entry: result }).catch(() => undefined);
    } else if (r.resumed) {
      result = keptResult(await store.get(r.url).catch(() => null));
      if (!result)
        error =
          '已存储的审核结果无法读取：请取消“跳过已存储的报告”后重新审核 / the stored result cannot be read: audit again without resuming';
    }
    o.onRow?.({ entry: r.entry, url: r.url, result, error, resumed: r.resumed });
  };
  return runColumn(start, getDoc, {
    ...(o.now ? { now: o.now } : {}),
    store: deferred,
    resume: o.resume,
    signal: o.signal,
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    onReport,
  });
}

export interface Tally {
  error: number;
  warning: number;
  info: number;
  /** Something could not be checked: the audit stopped short, or cells or tables could not be read. */
  unverifiable: boolean;
  /** Cross-year findings (category history). */
  history: Finding[];
}

export function tally(r: AuditResult): Tally {
  const t: Tally = { error: 0, warning: 0, info: 0, unverifiable: r.coverage.partial, history: [] };
  for (const f of r.findings) {
    t[f.severity]++;
    if (f.category === 'extraction') t.unverifiable = true;
    if (f.category === 'history') t.history.push(f);
  }
  return t;
}

/** What a result cell shows first: errors, else warnings, else not verifiable, else clean. */
export function verdict(row: Row): 'failed' | 'not-report' | 'error' | 'warning' | 'unverifiable' | 'clean' {
  if (!row.result) return 'failed';
  if (!row.result.report.isReport) return 'not-report';
  const t = tally(row.result);
  if (t.error > 0) return 'error';
  if (t.warning > 0) return 'warning';
  if (t.unverifiable) return 'unverifiable';
  return 'clean';
}

/**
 * Entries listed out of sequence: per body, a list runs newest year first (or, rarely, oldest first, as most
 * of its neighbours say); an entry whose year goes against that direction from the one before it is out of
 * order. By year, not by date: a late report stands among its year's neighbours, not where its date would put it.
 */
export function outOfOrder(entries: ColumnEntry[]): Set<string> {
  const byBody = new Map<string, ColumnEntry[]>();
  for (const e of entries) {
    if (e.year === null) continue;
    const k = e.agency ?? '';
    byBody.set(k, [...(byBody.get(k) ?? []), e]);
  }
  const out = new Set<string>();
  for (const list of byBody.values()) {
    let down = 0;
    let up = 0;
    for (let i = 1; i < list.length; i++) {
      const d = (list[i]?.year ?? 0) - (list[i - 1]?.year ?? 0);
      if (d < 0) down++;
      else if (d > 0) up++;
    }
    if (down === up) continue;
    for (let i = 1; i < list.length; i++) {
      const d = (list[i]?.year ?? 0) - (list[i - 1]?.year ?? 0);
      if (down > up ? d > 0 : d < 0) out.add((list[i] as ColumnEntry).url);
    }
  }
  return out;
}
