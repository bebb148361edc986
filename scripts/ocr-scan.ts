/**
 * Scanned PDFs in Node (CLI, tests, benchmark): every page rendered with pdf.js (legacy build) onto an
 * @napi-rs/canvas canvas at the scan's own resolution, its tables found by their drawn rules and cut out
 * (they are read cell by cell later, as the <img> tables of a saved page are), the rest of the page read as
 * text lines. The result is a SourceDoc (lib/read/pdf-scan.ts): sections, year and agency come from the
 * lines, tables from the pictures, every value keeping its page and box.
 */
import { createRequire } from 'node:module';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import Tesseract from 'tesseract.js';
import type { AuditResult } from '../lib/model/schema';
import { joinWords, linesOutside, type OcrLine, tableRegions, whiteOut } from '../lib/ocr/regions';
import { crop, findRules, type GreyImage, toGrey } from '../lib/ocr/rules';
import { imageScale } from '../lib/read/pdf';
import { type ScannedPage, scannedSource } from '../lib/read/pdf-scan';
import { failure, type ReadOutcome } from '../lib/read/types';
import { parseHtml } from './load';
import { encodeGrey, ocrWorker } from './ocr';

// pdf.js draws with the @napi-rs/canvas it depends on (its own canvas factory): the page canvas must come
// from the same copy, since two copies of the native module cannot draw on each other's canvases
const pdfRequire = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const { createCanvas } = pdfRequire('@napi-rs/canvas') as typeof import('@napi-rs/canvas');

/** At most this many pages are read (a report is a few pages; a scan of hundreds is something else). */
const MAX_PAGES = 40;
/** Render scale bounds (pixels per PDF point): 1 = 72 dpi, 4.2 ≈ 300 dpi. */
const MIN_SCALE = 1;
const MAX_SCALE = 4.2;
/** Without a picture's own resolution, pages are rendered at this scale (≈ 150 dpi). */
const DEFAULT_SCALE = 2.1;
/** A rendered page larger than this is scaled down (pixels). */
const MAX_PAGE_PIXELS = 12e6;

interface PdfPage {
  view: number[];
  getViewport(o: { scale: number }): { width: number; height: number };
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  render(o: Record<string, unknown>): { promise: Promise<void> };
  cleanup(): void;
}

/** Renders one page to grey pixels at `scale`. */
async function renderPage(page: PdfPage, scale: number): Promise<GreyImage> {
  const vp = page.getViewport({ scale });
  const w = Math.ceil(vp.width);
  const h = Math.ceil(vp.height);
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  await page.render({ canvasContext: ctx, canvas, viewport: vp }).promise;
  return toGrey(ctx.getImageData(0, 0, w, h).data, w, h);
}

/** The text lines of a page picture (its tables painted white first), boxes in page pixels. */
export async function pageLines(img: GreyImage): Promise<OcrLine[]> {
  const w = await ocrWorker();
  const { PSM } = Tesseract;
  await w.setParameters({ tessedit_pageseg_mode: PSM.AUTO });
  try {
    const { data } = await w.recognize(encodeGrey(img), {}, { blocks: true, text: false });
    const out: OcrLine[] = [];
    for (const b of data.blocks ?? [])
      for (const p of b.paragraphs)
        for (const l of p.lines) {
          const words = l.words.map((x) => ({ text: x.text, bbox: { ...x.bbox } }));
          const text = joinWords(words);
          if (text) out.push({ text, confidence: l.confidence, bbox: { ...l.bbox }, words });
        }
    return out;
  } finally {
    // the shared worker reads table cells one block at a time
    await w.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_BLOCK });
  }
}

/** A table cut from the page as an <img> element holding its PNG (read later like a saved page's picture). */
function pictureElement(img: GreyImage, page: number, n: number): Element {
  const doc = parseHtml('<!DOCTYPE html><html><body></body></html>');
  const el = doc.createElement('img');
  el.setAttribute('src', `data:image/png;base64,${encodeGrey(img).toString('base64')}`);
  el.setAttribute('alt', `第${page}页表格${n}`);
  return el;
}

export interface ScanNote {
  pages: number;
  tables: number;
  lines: number;
  ms: number;
}

/**
 * Reads a PDF without a text layer by OCR: a SourceDoc (via pdf) whose table pictures the caller reads
 * (ocrImageTables), or a ReadFailure. Never throws.
 */
export async function readScannedPdf(
  bytes: Uint8Array,
  o: { maxPages?: number } = {},
): Promise<{ read: ReadOutcome; note: ScanNote }> {
  const started = Date.now();
  const note: ScanNote = { pages: 0, tables: 0, lines: 0, ms: 0 };
  let doc: { numPages: number; getPage(n: number): Promise<unknown>; destroy(): Promise<void> };
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false })
      .promise;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return {
      read: failure('damaged', `PDF 文件无法解析（${msg}）。`, `The PDF could not be parsed (${msg}).`),
      note,
    };
  }
  try {
    const pages: ScannedPage[] = [];
    const count = Math.min(doc.numPages, o.maxPages ?? MAX_PAGES);
    for (let p = 1; p <= count; p++) {
      const page = (await doc.getPage(p)) as PdfPage;
      const ops = await page.getOperatorList();
      const own = imageScale(ops, pdfjs.OPS as unknown as Record<string, number>);
      const wPt = Math.abs((page.view[2] ?? 595) - (page.view[0] ?? 0));
      const hPt = Math.abs((page.view[3] ?? 842) - (page.view[1] ?? 0));
      let scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, own ?? DEFAULT_SCALE));
      if (wPt * hPt * scale * scale > MAX_PAGE_PIXELS) scale = Math.sqrt(MAX_PAGE_PIXELS / (wPt * hPt));
      const img = await renderPage(page, scale);
      page.cleanup();
      const regions = tableRegions(findRules(img));
      const boxes = regions.map((r) => r.box);
      const lines = linesOutside(await pageLines(whiteOut(img, boxes)), boxes);
      const tables = regions.map((r, i) => {
        const m = 4;
        const box = {
          x0: Math.max(0, Math.floor(r.box.x0 - m)),
          y0: Math.max(0, Math.floor(r.box.y0 - m)),
          x1: Math.min(img.width, Math.ceil(r.box.x1 + m)),
          y1: Math.min(img.height, Math.ceil(r.box.y1 + m)),
        };
        return { box, el: pictureElement(crop(img, box), p, i + 1) };
      });
      pages.push({ page: p, pxPerPt: scale, height: img.height, lines, tables });
      note.tables += tables.length;
      note.lines += lines.length;
    }
    note.pages = count;
    note.ms = Date.now() - started;
    if (note.lines === 0 && note.tables === 0)
      return {
        read: failure(
          'scanned',
          `扫描件：PDF 没有文字层，文字识别（OCR）也未读出任何文字或表格（${count} 页），无法核验。`,
          `Scanned: the PDF has no text layer and OCR read no text or table on its ${count} pages; it cannot be checked.`,
        ),
        note,
      };
    return {
      read: {
        ok: true,
        via: 'pdf',
        src: scannedSource(pages),
        notes: [`${count} scanned pages read by OCR`, `${note.tables} table pictures`, `${note.lines} lines`],
      },
      note,
    };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return {
      read: failure('scanned', `扫描件文字识别失败（${msg}）。`, `OCR of the scanned PDF failed (${msg}).`),
      note,
    };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/**
 * A scanned PDF's findings: everything on it was read by OCR (its headings, years and dates too), so none
 * is the sole ground of an error: errors become warnings that say how the page was read. Sum findings
 * over OCR'd values already are warnings ("按图片识别结果，…").
 */
export function asScanned(result: AuditResult): AuditResult {
  return {
    ...result,
    findings: result.findings.map((f) =>
      f.severity !== 'error'
        ? f
        : {
            ...f,
            severity: 'warning',
            message: {
              zh: `按扫描件文字识别结果，${f.message.zh.replace(/。$/, '')}；请对照原件核实。`,
              en: `As read from the scan by OCR: ${f.message.en.replace(/\.$/, '')}; check against the original.`,
            },
          },
    ),
  };
}
