/**
 * The command line's column crawl: npm run audit -- --crawl URL [--json] [--now D] [--concurrency N]
 * [--delay MS] [--max N] [--out DIR] [--store FILE | --no-store] [--resume]. Reads every list page of the
 * column, audits every listed report in year order (so each year meets the one before it in the store),
 * and reports the column's own findings: missing, overdue and late years, the same year twice.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import { toResult } from '../lib/audit';
import type { ColumnFinding } from '../lib/column/analyze';
import { type CrawledReport, crawlWorkbook, reportMarkdown } from '../lib/column/export';
import type { ColumnEntry } from '../lib/column/list';
import { PoliteFetcher } from '../lib/column/polite';
import { type Fetched, runColumn } from '../lib/column/run';
import { errorEntry, type JsonEntry, toJsonEntry } from '../lib/export/json';
import type { SnapshotStore } from '../lib/history/store';
import type { Lang } from '../lib/model/schema';
import { sniff } from '../lib/read/sniff';
import { decode, parseHtml, readLoaded } from './load';

export interface CrawlOptions {
  start: string;
  now: string | undefined;
  lang: Lang;
  json: boolean;
  /** Requests in flight per host. */
  concurrency: number;
  delayMs: number;
  /** Most list pages and reports read. */
  max: number;
  out: string | undefined;
  store: SnapshotStore | null;
  resume: boolean;
}

export interface CrawlJson {
  start: string;
  reports: CrawledReport[];
  column: {
    entries: Array<Pick<ColumnEntry, 'title' | 'url' | 'agency' | 'year' | 'publishedAt'>>;
    pages: string[];
    failedPages: Array<{ url: string; error: string }>;
    truncated: boolean;
    findings: Array<{
      id: string;
      ruleId: string;
      category: 'column';
      severity: string;
      title: string;
      message: string;
      basis: string;
      fix: string;
      agency: string | null;
      year: number;
      urls: string[];
    }>;
  };
}

const UA = 'NianBaoInspector/0.1 (+annual-report audit)';

interface Response {
  status: number;
  headers: { get(name: string): string | null };
  url: string;
  bytes: Uint8Array;
}

function columnFindingJson(f: ColumnFinding, lang: Lang): CrawlJson['column']['findings'][number] {
  return {
    id: `column-${f.id}`,
    ruleId: `column-${f.kind}`,
    category: 'column',
    severity: f.severity,
    title: f.title[lang],
    message: f.message[lang],
    basis: f.basis[lang],
    fix: f.fix[lang],
    agency: f.agency,
    year: f.year,
    urls: f.urls,
  };
}

export async function runCrawl(
  o: CrawlOptions,
  io: { stderr: NodeJS.WriteStream; signal?: AbortSignal } = { stderr: process.stderr },
): Promise<{ json: CrawlJson; text: string; anyError: boolean }> {
  const signal = io.signal ?? new AbortController().signal;
  const fetcher = new PoliteFetcher<Response>(
    async (url, init) => {
      const res = await fetch(url, {
        redirect: 'follow',
        signal: AbortSignal.any([init.signal, AbortSignal.timeout(20_000)]),
        headers: { 'user-agent': UA },
      });
      return {
        status: res.status,
        headers: res.headers,
        url: res.url || url,
        bytes: new Uint8Array(await res.arrayBuffer()),
      };
    },
    signal,
    { perHost: o.concurrency, delayMs: o.delayMs },
  );
  // a web page is parsed (list pages need its links); a PDF or DOCX report is read by its content
  const getDoc = async (url: string): Promise<Fetched> => {
    const res = await fetcher.get(url);
    if (res.status >= 400) throw new Error(`HTTP ${res.status}`);
    const type = res.headers.get('content-type');
    if (sniff(res.bytes).kind === 'html') return { doc: parseHtml(decode(res.bytes, type)), url: res.url };
    const read = await readLoaded({ bytes: res.bytes, url: res.url, contentType: type, name: null });
    if (!read.ok) throw new Error(read.message.zh);
    return { src: read.src, url: res.url };
  };
  // a progress bar on a terminal only; without one, one line per report that could not be read
  const bar = io.stderr.isTTY
    ? new SingleBar({ stream: io.stderr, format: '{phase} [{bar}] {value}/{total} {what}', hideCursor: true })
    : null;
  bar?.start(1, 0, { phase: '栏目', what: o.start });
  const run = await runColumn(o.start, getDoc, {
    ...(o.now ? { now: o.now } : {}),
    max: o.max,
    store: o.store,
    resume: o.resume,
    signal,
    onProgress: (p) => {
      bar?.setTotal(Math.max(1, p.total));
      bar?.update(p.done, {
        phase: p.phase === 'list' ? '栏目' : '审核',
        what: [...p.what].slice(0, 40).join(''),
      });
    },
  });
  bar?.stop();
  const reports: CrawledReport[] = [];
  let anyError = false;
  for (const r of run.reports) {
    const page = r.entry.listedOn;
    if (r.resumed) {
      const stored = await o.store?.get(r.url);
      reports.push({ ...(stored?.entry as JsonEntry), url: r.url, page });
    } else if (r.out) {
      const entry = toJsonEntry(r.url, toResult(r.out), o.lang);
      reports.push({ ...entry, url: r.url, page });
      // kept with the snapshot, so that an interrupted crawl resumes
      const snap = r.out.report.isReport ? await o.store?.get(r.url) : null;
      if (snap && o.store) await o.store.put({ ...snap, entry });
    } else {
      if (!bar) io.stderr.write(`${r.url}: ${r.error}\n`);
      reports.push({ ...errorEntry(r.url, r.error ?? ''), url: r.url, page });
    }
  }
  for (const r of reports) if (r.findings.some((f) => f.severity === 'error')) anyError = true;
  const { crawl, analysis } = run;
  const json: CrawlJson = {
    start: o.start,
    reports,
    column: {
      entries: crawl.entries.map((e) => ({
        title: e.title,
        url: e.url,
        agency: e.agency,
        year: e.year,
        publishedAt: e.publishedAt,
      })),
      pages: crawl.pages,
      failedPages: crawl.failed,
      truncated: crawl.truncated,
      findings: analysis.findings.map((f) => columnFindingJson(f, o.lang)),
    },
  };
  if (o.out) {
    await mkdir(join(o.out, 'reports'), { recursive: true });
    for (const [i, r] of reports.entries())
      await writeFile(join(o.out, 'reports', `${String(i + 1).padStart(3, '0')}.md`), reportMarkdown(r));
    const book = await crawlWorkbook(reports, analysis, analysis.findings);
    await writeFile(join(o.out, '栏目审核汇总.xlsx'), new Uint8Array(await book.arrayBuffer()));
    await writeFile(join(o.out, 'crawl.json'), `${JSON.stringify(json, null, 2)}\n`);
  }
  return { json, text: crawlText(json, crawl.isColumn, o.lang), anyError };
}

function crawlText(j: CrawlJson, isColumn: boolean, lang: Lang): string {
  const zh = lang === 'zh';
  if (!isColumn)
    return zh
      ? `${j.start}：不是年报栏目页（未找到年度报告链接）。`
      : `${j.start}: not a report column (no report links found).`;
  const lines = [
    zh
      ? `栏目 ${j.start}：${j.column.pages.length} 个列表页，${j.column.entries.length} 篇年报${j.column.truncated ? '（已达上限，未读完）' : ''}`
      : `Column ${j.start}: ${j.column.pages.length} list pages, ${j.column.entries.length} reports${j.column.truncated ? ' (bound reached: not all read)' : ''}`,
  ];
  for (const f of j.column.findings) lines.push(`  [${f.severity}] ${f.title}：${f.message}`);
  for (const r of j.reports) {
    const n = (s: string) => r.findings.filter((f) => f.severity === s).length;
    lines.push(
      r.error
        ? `  ${r.url}  ${zh ? '未能审核' : 'not audited'}: ${r.error}`
        : `  ${r.reportYear ?? '?'} ${r.agency ?? ''} ${zh ? `错误 ${n('error')}，警告 ${n('warning')}，提示 ${n('info')}` : `errors ${n('error')}, warnings ${n('warning')}, info ${n('info')}`}  ${r.url}`,
    );
  }
  return lines.join('\n');
}
