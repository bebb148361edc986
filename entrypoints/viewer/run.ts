/**
 * The viewer's pipeline for one file: fetch (with progress) → read by content (lib/read: pdf.js in its
 * worker, mammoth, or the HTML path) → audit (lib/audit) → draw the document (PDF pages, or the DOCX as
 * clean HTML) → compare with the page it came from (全真版: lib/compare/versions.ts) → marks (lib/overlay)
 * → tell the background. Never throws: every failure becomes a stage the page shows as it is.
 */
import browser from 'webextension-polyfill';
import type { AuditOutput } from '@/lib/audit';
import { compareVersions } from '@/lib/compare/versions';
import { kindOfContentType, kindOfUrl } from '@/lib/detect/attachments';
import type { SourceDoc } from '@/lib/extract/blocks';
import type { AttachmentInfo, TabState } from '@/lib/messages';
import type { Finding, I18nText } from '@/lib/model/schema';
import { decodePage } from '@/lib/read/charset';
import { readDocument } from '@/lib/read/index';
import { RemoteSnapshotStore } from '../column/remote-store';
import { ask } from '../shared/messaging';
import { docxReader, parseClean } from './docx-view';
import { fetchFile } from './fetch-file';
import { pageFacts, withPageFacts } from './page-facts';
import { pdfOptions, pdfReader, placeAnchors, renderPdf } from './pdf-view';
import { auditScan, canReadScans } from './scan';
import { auditFile } from './store-audit';

export interface ViewerParams {
  url: string;
  from: string | null;
  fromTab: number | null;
}

export type Stage =
  | { stage: 'fetching'; share: number | null }
  | { stage: 'permission' }
  | { stage: 'reading' }
  | { stage: 'drawing'; done: number; total: number }
  | { stage: 'done'; out: AuditOutput; differences: number; via: string }
  | { stage: 'failed'; message: I18nText };

export function paramsOf(search: string): ViewerParams | null {
  const q = new URLSearchParams(search);
  const url = q.get('url') ?? '';
  if (!/^https?:\/\//i.test(url)) return null;
  const tab = q.get('tab');
  return { url, from: q.get('from'), fromTab: tab && /^\d+$/.test(tab) ? Number(tab) : null };
}

export function fileInfo(p: ViewerParams, contentType: string | null): AttachmentInfo {
  let name = p.url;
  try {
    name = decodeURIComponent(new URL(p.url).pathname.split('/').pop() || p.url);
  } catch {
    // keep the URL
  }
  return {
    url: p.url,
    kind: kindOfContentType(contentType) ?? kindOfUrl(p.url) ?? 'pdf',
    via: p.from ? 'link' : 'tab',
    name,
  };
}

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The state of the tab the file was opened from (its audit), when there is one. */
async function fromState(p: ViewerParams): Promise<TabState | null> {
  if (p.fromTab === null) return null;
  return ask('get-result', { tabId: p.fromTab }).catch(() => null);
}

/** The page the file came from, when the background has its audit: its figures against the file's. */
function versionFindings(p: ViewerParams, out: AuditOutput, name: string, state: TabState | null): Finding[] {
  if (!out.report.isReport) return [];
  const page = state?.result;
  if (!page?.report.isReport || (p.from && state?.url !== p.from)) return [];
  return compareVersions(page.report, out.report, { file: `附件“${name}”` });
}

async function report(
  p: ViewerParams,
  file: AttachmentInfo,
  out: AuditOutput | null,
  error: string | null,
  differences: number,
  order: string[],
): Promise<void> {
  const me = await browser.tabs.getCurrent().catch(() => undefined);
  if (me?.id === undefined) return;
  const { extracted: _x, ...result } = out ?? { extracted: null };
  await ask('viewer-result', {
    tabId: me.id,
    fromTab: p.fromTab,
    file,
    result: out ? (result as Omit<AuditOutput, 'extracted'>) : null,
    order,
    error,
    differences,
  }).catch(() => null);
}

/** Run the pipeline, telling each stage; `container` receives the document. Returns the audit, if any. */
export async function runViewer(
  p: ViewerParams,
  container: HTMLElement,
  onStage: (s: Stage) => void,
): Promise<{
  out: AuditOutput;
  file: AttachmentInfo;
  via: string;
  report: (order: string[]) => Promise<void>;
} | null> {
  onStage({ stage: 'fetching', share: null });
  let bytes: Uint8Array;
  let contentType: string | null;
  try {
    const got = await fetchFile(p.url, (share) => onStage({ stage: 'fetching', share }));
    bytes = got.bytes;
    contentType = got.contentType;
  } catch (e) {
    const message = {
      zh: `文件下载失败（${errText(e)}）：${p.url}`,
      en: `The file could not be fetched (${errText(e)}): ${p.url}`,
    };
    onStage({ stage: 'failed', message });
    await report(p, fileInfo(p, null), null, message.zh, 0, []);
    return null;
  }
  const file = fileInfo(p, contentType);
  onStage({ stage: 'reading' });
  const read = await readDocument(bytes, {
    parseHtml: parseClean,
    // a "Word" file that is a saved web page, or text: the same charset rules as the command line
    decodeText: (b) => decodePage(b, contentType),
    pdfjs: pdfReader,
    pdfOptions: pdfOptions(),
    mammoth: docxReader,
    url: p.url,
  }).catch((e: unknown) => ({
    ok: false as const,
    reason: 'damaged' as const,
    message: { zh: `文件读取失败（${errText(e)}）`, en: `Reading the file failed (${errText(e)})` },
  }));
  // a PDF without a text layer: drawn, then read by OCR in this page (scan.ts)
  const scan =
    !read.ok && read.reason === 'scanned' && file.kind === 'pdf' && canReadScans()
      ? await auditScan(bytes, container, (done, total) => onStage({ stage: 'drawing', done, total }))
      : null;
  if (!read.ok && !scan?.ok) {
    const message = scan && !scan.ok ? scan.message : read.message;
    onStage({ stage: 'failed', message });
    await report(p, file, null, message.zh, 0, []);
    return null;
  }
  const state = await fromState(p);
  const audited = async (src: SourceDoc) => {
    const facts = pageFacts(state, p.from);
    const pageReport = state?.result?.report.isReport ? facts : null;
    return auditFile(withPageFacts(src, facts), p.url, {
      store: new RemoteSnapshotStore((msg) => browser.runtime.sendMessage(msg)),
      // the page is this report in another shape (全真版, 详见附件): the store keeps the page's audit, not a
      // second report of the same body and year (that would leave next year's look-up two candidates)
      keep: (o) => !pageReport || pageReport.year !== o.report.reportYear,
    });
  };
  // a scan is audited by its reader; OCR'd figures are not kept as next year's baseline
  const out = read.ok ? await audited(read.src) : (scan as Extract<typeof scan, { ok: true }>).out;
  try {
    if (!read.ok) {
      // drawn and marked by the scan reader
    } else if (read.via === 'pdf') {
      const drawn = await renderPdf(bytes, container, (done, total) =>
        onStage({ stage: 'drawing', done, total }),
      );
      placeAnchors(out.extracted, drawn);
    } else if (read.src.doc?.body) {
      container.classList.add('html-doc');
      container.append(...Array.from(read.src.doc.body.childNodes));
    } else {
      const pre = document.createElement('pre');
      pre.textContent = read.src.blocks.map((b) => (b.kind === 'image' ? b.alt : b.text)).join('\n');
      container.append(pre);
    }
  } catch (e) {
    // the findings stand without the picture of the document
    const note = document.createElement('p');
    note.className = 'notice';
    note.textContent = `文档无法显示（${errText(e)}）/ The document could not be drawn`;
    container.append(note);
  }
  const extra = versionFindings(p, out, file.name, state);
  if (extra.length) {
    out.findings.push(...extra);
    const rank = { error: 0, warning: 1, info: 2 };
    out.findings.sort((a, b) => rank[a.severity] - rank[b.severity]);
  }
  const via = read.ok ? read.via : 'pdf';
  onStage({ stage: 'done', out, differences: extra.length, via });
  return { out, file, via, report: (order) => report(p, file, out, null, extra.length, order) };
}
