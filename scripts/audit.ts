/**
 * The command line: npm run audit -- [--json] [--lang zh|en] [--now YYYY-MM-DD] PATH_OR_URL…
 * With no input it audits the bundled sample pages (assets/samples).
 */
import { readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toResult } from '../lib/audit';
import { parseYmd } from '../lib/detect/meta';
import { errorEntry, type JsonEntry, toJsonEntry } from '../lib/export/json';
import { formatText } from '../lib/export/text';
import type { Extracted } from '../lib/extract/index';
import type { SnapshotStore } from '../lib/history/store';
import { auditWithStore } from '../lib/history/with-store';
import type { AuditResult, Lang } from '../lib/model/schema';
import { sniff } from '../lib/read/sniff';
import { runCrawl } from './crawl';
import { loadFile, loadUrl, readLoaded } from './load';
import { ocrImageTables, terminateOcr } from './ocr';
import { asScanned, readScannedPdf } from './ocr-scan';
import { defaultStorePath, SqliteSnapshotStore } from './snapshot-store';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SAMPLES_DIR = join(ROOT, 'assets', 'samples');

const USAGE = `usage: npm run audit -- [--json] [--lang zh|en] [--now YYYY-MM-DD] [--store FILE | --no-store] [--no-ocr] [PATH_OR_URL…]
       npm run audit -- --crawl URL [--json] [--now D] [--concurrency N] [--delay MS] [--max N] [--out DIR] [--resume]
       npm run audit -- --store-list | --store-clear [--store FILE]
  PATH  a report file, recognised by its content: PDF, DOCX, a saved page (HTML), or text
        (pdftotext -layout, Markdown, OCR, a cell per line, tab-separated rows)
  URL   an http(s) address (fetched, redirects followed, GBK pages decoded)
  --crawl URL     a 年报 column or 汇总 page: read all its list pages, audit every report, report missing,
                  overdue and late years (at most --concurrency requests per host, default 2, --delay ms
                  apart, default 500; --max list pages and reports, default 200; --out DIR writes a Markdown
                  per report and an XLSX summary; --resume reuses reports already in the store)
  --store FILE    the local store of audited reports (default ${defaultStorePath()}), used for the
                  cross-year checks; --no-store neither reads nor writes it
  --no-ocr        do not read tables given as pictures (<img>) or scanned PDFs with OCR
  With no input, audits the bundled sample pages in assets/samples.
  Exit status: 0 no errors found, 1 an input has an error finding, 2 usage error.`;

export interface CliOptions {
  json: boolean;
  lang: Lang;
  now: string | undefined;
  /** Read image tables with OCR (default on; --no-ocr). */
  ocr: boolean;
  inputs: string[];
  crawl: string | undefined;
  concurrency: number;
  delayMs: number;
  max: number;
  out: string | undefined;
  /** Store file; null: no store. */
  store: string | null;
  resume: boolean;
  storeCommand: 'list' | 'clear' | undefined;
}

export function parseArgs(argv: string[]): CliOptions | string {
  const o: CliOptions = {
    json: false,
    lang: 'zh',
    now: undefined,
    ocr: true,
    inputs: [],
    crawl: undefined,
    concurrency: 2,
    delayMs: 500,
    max: 200,
    out: undefined,
    store: defaultStorePath(),
    resume: false,
    storeCommand: undefined,
  };
  const value = (i: number, a: string): string | undefined =>
    a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1];
  const int = (v: string | undefined, min: number, max: number): number | null =>
    v !== undefined && /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max ? Number(v) : null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const name = a.split('=')[0] as string;
    if (['--crawl', '--concurrency', '--delay', '--max', '--out', '--store'].includes(name)) {
      const v = value(i, a);
      if (!a.includes('=')) i++;
      if (v === undefined || v === '') return `${name} needs a value`;
      if (name === '--crawl') {
        if (!/^https?:\/\//i.test(v)) return `--crawl takes an http(s) URL, not ${v}`;
        o.crawl = v;
      } else if (name === '--out') o.out = v;
      else if (name === '--store') o.store = v;
      else {
        const n = int(
          v,
          name === '--delay' ? 0 : 1,
          name === '--concurrency' ? 8 : name === '--delay' ? 60_000 : 10_000,
        );
        if (n === null)
          return `${name} takes a whole number${name === '--concurrency' ? ' from 1 to 8' : name === '--delay' ? ' of ms up to 60000' : ' from 1'}, not ${v}`;
        if (name === '--concurrency') o.concurrency = n;
        else if (name === '--delay') o.delayMs = n;
        else o.max = n;
      }
    } else if (a === '--no-store') o.store = null;
    else if (a === '--resume') o.resume = true;
    else if (a === '--store-list') o.storeCommand = 'list';
    else if (a === '--store-clear') o.storeCommand = 'clear';
    else if (a === '--json') o.json = true;
    else if (a === '--no-ocr') o.ocr = false;
    else if (a === '--lang' || a.startsWith('--lang=')) {
      const v = a.includes('=') ? a.split('=')[1] : argv[++i];
      if (v !== 'zh' && v !== 'en') return `--lang takes zh or en, not ${v ?? '(nothing)'}`;
      o.lang = v;
    } else if (a === '--now' || a.startsWith('--now=')) {
      const v = a.includes('=') ? a.split('=')[1] : argv[++i];
      // a real calendar date: Date.parse would take 2021-02-30 as 2 March
      if (!v || !parseYmd(v))
        return `--now 需要一个有效日期 YYYY-MM-DD（1990–2100），而不是 ${v || '（空）'} / --now takes a real date YYYY-MM-DD (1990–2100), not ${v || '(nothing)'}`;
      o.now = v;
    } else if (a === '--help' || a === '-h') return '';
    else if (a.startsWith('--')) return `unknown option ${a}`;
    else o.inputs.push(a);
  }
  if (o.crawl && o.inputs.length > 0) return '--crawl takes one URL and no other input';
  if ((o.storeCommand || o.resume) && o.store === null)
    return `${o.storeCommand ? `--store-${o.storeCommand}` : '--resume'} needs the store`;
  return o;
}

export async function auditInput(
  input: string,
  now: string | undefined,
  store: SnapshotStore | null = null,
  ocr = false,
): Promise<AuditResult> {
  const isUrl = /^https?:\/\//i.test(input);
  const loaded = isUrl ? await loadUrl(input) : await loadFile(input);
  const opts = now ? { now } : {};
  let read = await readLoaded(loaded);
  // a scanned PDF (pages that are pictures): its pages read by OCR, its tables cut out as pictures
  const scanned = !read.ok && read.reason === 'scanned' && ocr && sniff(loaded.bytes).kind === 'pdf';
  if (scanned) read = (await readScannedPdf(loaded.bytes)).read;
  // an input that cannot be read (unsupported format, unreadable text layer, scan) is an error entry
  if (!read.ok) throw new Error(read.message.zh);
  const id = loaded.url ?? pathToFileURL(resolve(input)).href;
  // tables given as pictures: read with OCR before the rules run (values read so are marked, and are never
  // the sole ground of an error); a picture that cannot be read stays "not verifiable" and says why on stderr
  const pictures = async (ex: Extracted) => {
    if (!ocr || ex.report.imageTables.length === 0) return;
    const notes = await ocrImageTables(ex, loaded.url ?? resolve(input));
    for (const n of notes)
      if (!n.ok && n.reason)
        process.stderr.write(
          `${input}: 第${n.section}部分的表格图片未能识别（${n.reason.zh}） / section ${n.section} picture not read (${n.reason.en})\n`,
        );
  };
  const result = toResult(await auditWithStore(() => read.src, id, store, opts, read.src.kind, pictures));
  return scanned ? asScanned(result) : result;
}

async function storeCommand(o: CliOptions, store: SqliteSnapshotStore): Promise<number> {
  const all = await store.list();
  if (o.storeCommand === 'clear') {
    await store.clear();
    process.stderr.write(`${o.store}: ${all.length} 条审核记录已清除 / ${all.length} records cleared\n`);
    return 0;
  }
  const rows = all.map((s) => ({
    url: s.url,
    agency: s.agency,
    year: s.year,
    publishedAt: s.publishedAt,
    auditedAt: s.auditedAt,
    counts: s.counts,
  }));
  if (o.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else
    for (const r of rows)
      process.stdout.write(
        `${r.year ?? '?'}\t${r.agency ?? ''}\t${r.publishedAt ?? ''}\t错误 ${r.counts.error} 警告 ${r.counts.warning}\t${r.url}\n`,
      );
  return 0;
}

export async function sampleInputs(): Promise<string[]> {
  const names = (await readdir(SAMPLES_DIR)).filter((n) => /\.(html?|txt)$/i.test(n)).sort();
  return names.map((n) => relative(process.cwd(), join(SAMPLES_DIR, n)));
}

export async function main(argv: string[]): Promise<number> {
  const opts = parseArgs(argv);
  if (typeof opts === 'string') {
    if (opts) process.stderr.write(`${opts}\n`);
    process.stderr.write(`${USAGE}\n`);
    return opts ? 2 : 0;
  }
  let store: SqliteSnapshotStore | null = null;
  if (opts.store !== null) {
    try {
      store = await SqliteSnapshotStore.open(opts.store);
    } catch (err) {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
  }
  try {
    if (opts.storeCommand && store) return await storeCommand(opts, store);
    if (opts.crawl) {
      const r = await runCrawl({ ...opts, start: opts.crawl, store }, { stderr: process.stderr });
      process.stdout.write(opts.json ? `${JSON.stringify(r.json, null, 2)}\n` : `${r.text}\n`);
      return r.anyError ? 1 : 0;
    }
    return await auditAll(opts, store);
  } finally {
    store?.close();
  }
}

async function auditAll(opts: CliOptions, store: SqliteSnapshotStore | null): Promise<number> {
  const inputs = opts.inputs.length > 0 ? opts.inputs : await sampleInputs();
  const entries: JsonEntry[] = [];
  let anyError = false;
  for (const input of inputs) {
    try {
      const result = await auditInput(input, opts.now, store, opts.ocr);
      if (result.findings.some((f) => f.severity === 'error')) anyError = true;
      entries.push(toJsonEntry(input, result, opts.lang));
      if (!opts.json) process.stdout.write(`${formatText(input, result, opts.lang)}\n\n`);
    } catch (err) {
      const msg =
        err instanceof Error
          ? err.cause instanceof Error
            ? `${err.message}: ${err.cause.message}`
            : err.message
          : String(err);
      process.stderr.write(`${input}: ${msg}\n`);
      entries.push(errorEntry(input, msg));
    }
  }
  await terminateOcr();
  if (opts.json) process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
  return anyError ? 1 : 0;
}
