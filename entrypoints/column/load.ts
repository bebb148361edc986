/**
 * The column view's loading: polite fetching (lib/column/polite.ts: at most N requests in flight per host, a
 * pause between two, retries with back-off, cancel) from the extension page, bytes decoded by their charset
 * and parsed with DOMParser (an inert document: nothing in it runs or loads). A PDF report is read with
 * lib/read and pdf.js (./pdf.ts); another file (DOCX, old Word) is not read here: it is said as such per
 * report ("附件未审核"), never guessed at.
 */
import { type FetchLike, PoliteFetcher, type PoliteOptions } from '@/lib/column/polite';
import type { Fetched } from '@/lib/column/run';
import { blocksFromText } from '@/lib/extract/blocks';
import { decodePage } from '@/lib/read/charset';
import { sniff } from '@/lib/read/sniff';
import { readPdfBytes } from './pdf';

export interface Got {
  status: number;
  headers: { get(name: string): string | null };
  url: string;
  bytes: Uint8Array;
}

/** Politeness of the column view (the command line's defaults). */
export const POLITE: PoliteOptions = { perHost: 2, delayMs: 500, retries: 3, backoffMs: 1000 };

const TIMEOUT_MS = 20_000;

/** A report that is a file the column view does not read. */
const KIND_NAMES: Record<string, [string, string]> = {
  docx: ['DOCX', 'DOCX'],
  ole: ['旧版 Word/WPS 文件', 'old Word/WPS file'],
  zip: ['压缩包', 'zip archive'],
  unknown: ['未知格式', 'unknown format'],
};

export class AttachmentError extends Error {
  constructor(readonly kind: string) {
    const [zh, en] = KIND_NAMES[kind] ?? [kind, kind];
    super(`附件未审核（${zh}）：请下载后用命令行或文档查看器审核 / attachment not audited (${en})`);
    this.name = 'AttachmentError';
  }
}

const fetchBytes = async (url: string, init: { signal: AbortSignal }): Promise<Got> => {
  const res = await fetch(url, {
    redirect: 'follow',
    credentials: 'omit',
    signal: AbortSignal.any([init.signal, AbortSignal.timeout(TIMEOUT_MS)]),
  });
  return {
    status: res.status,
    headers: res.headers,
    url: res.url || url,
    bytes: new Uint8Array(await res.arrayBuffer()),
  };
};

export function parsePage(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/**
 * A loader for runColumn: pages parsed, text read as text, files refused with the reason. `pages` holds what
 * was kept (the list pages read before 全部审核), so that the run does not fetch them again.
 */
export function makeLoader(
  signal: AbortSignal,
  pages: Map<string, Fetched> = new Map(),
  opts: PoliteOptions = POLITE,
  transport: (url: string, init: { signal: AbortSignal }) => Promise<Got> = fetchBytes,
  readPdf: typeof readPdfBytes = readPdfBytes,
) {
  const fetcher = new PoliteFetcher<Got>(transport satisfies FetchLike, signal, opts);
  signal.addEventListener('abort', () => fetcher.wakeAll(), { once: true });
  const getDoc = async (url: string): Promise<Fetched> => {
    const kept = pages.get(url);
    if (kept) return kept;
    const res = await fetcher.get(url);
    if (res.status >= 400) throw new Error(`HTTP ${res.status}`);
    const kind = sniff(res.bytes).kind;
    const type = res.headers.get('content-type');
    if (kind === 'html') return { url: res.url, doc: parsePage(decodePage(res.bytes, type)) };
    if (kind === 'text') return { url: res.url, src: blocksFromText(decodePage(res.bytes, type)) };
    if (kind === 'pdf') {
      const read = await readPdf(res.bytes, parsePage, (b) => decodePage(b, type));
      if (!read.ok) throw new Error(`${read.message.zh} / ${read.message.en}`);
      return { url: res.url, src: read.src };
    }
    throw new AttachmentError(kind);
  };
  /** Keep a list page (it is read before the run and again by it). */
  const keep = (url: string, got: Fetched) => pages.set(url, got);
  return { fetcher, getDoc, keep };
}
