/**
 * Reading a PDF without a text layer by OCR, the same in Node (scripts/ocr-scan.ts: pdf.js legacy build on
 * @napi-rs/canvas, tesseract.js in Node) and in the extension's viewer (entrypoints/viewer/scan.ts: pdf.js
 * on a canvas, tesseract.js in a worker): every page rendered at the scan's own resolution, its tables found
 * by their drawn rules and cut out (read cell by cell later, lib/ocr/picture.ts), the rest of the page read
 * as text lines. The result is a SourceDoc (lib/read/pdf-scan.ts). Pure: the PDF document, the renderer,
 * the OCR of lines and the picture elements come from the caller. Also what a scan's findings say
 * (asScanned): nothing on a scan is the sole ground of an error.
 */
import type { AuditResult } from '../model/schema';
import { joinWords, linesOutside, type OcrLine, tableRegions, whiteOut } from '../ocr/regions';
import { crop, findRules, type GreyImage } from '../ocr/rules';
import type { Box } from '../ocr/types';
import { imageScale } from './pdf';
import { type ScannedPage, scannedSource } from './pdf-scan';
import { failure, type ReadOutcome } from './types';

/** At most this many pages are read (a report is a few pages; a scan of hundreds is something else). */
export const MAX_SCAN_PAGES = 40;
/** Render scale bounds (pixels per PDF point): 1 = 72 dpi, 4.2 ≈ 300 dpi. */
const MIN_SCALE = 1;
const MAX_SCALE = 4.2;
/** Without a picture's own resolution, pages are rendered at this scale (≈ 150 dpi). */
const DEFAULT_SCALE = 2.1;
/** A rendered page larger than this is scaled down (pixels). */
const MAX_PAGE_PIXELS = 12e6;

/** What is used of a pdf.js page. */
export interface ScanPdfPage {
  view: number[];
  getViewport(o: { scale: number }): { width: number; height: number };
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  render(o: Record<string, unknown>): { promise: Promise<void> };
  cleanup(): void;
}

/** What is used of a pdf.js document. */
export interface ScanPdfDoc {
  numPages: number;
  getPage(n: number): Promise<unknown>;
}

export interface ScanDeps {
  /** pdf.js's operator codes (pdfjs.OPS). */
  ops: Record<string, number>;
  /** The page drawn at `scale` (white background) as grey pixels. */
  render(page: ScanPdfPage, scale: number): Promise<GreyImage>;
  /** OCR of a page picture (its tables painted white): the text lines, boxes in page pixels. */
  lines(img: GreyImage): Promise<OcrLine[]>;
  /** The element that shows a table cut from page `page` (the `n`th there). */
  picture(img: GreyImage, page: number, n: number): Element;
  /** Told before each page is read (1-based) and after the last (pages + 1). */
  progress?(page: number, pages: number): void;
  clock?: () => number;
}

export interface ScanNote {
  pages: number;
  tables: number;
  lines: number;
  ms: number;
}

/** The render scale of a page: the picture's own resolution, within bounds and a pixel budget. */
export function scanScale(page: ScanPdfPage, own: number | null): number {
  const wPt = Math.abs((page.view[2] ?? 595) - (page.view[0] ?? 0));
  const hPt = Math.abs((page.view[3] ?? 842) - (page.view[1] ?? 0));
  let scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, own ?? DEFAULT_SCALE));
  if (wPt * hPt * scale * scale > MAX_PAGE_PIXELS) scale = Math.sqrt(MAX_PAGE_PIXELS / (wPt * hPt));
  return scale;
}

/** What tesseract.js gives with `{ blocks: true }` (in Node or in a worker), as far as lines go. */
export interface EngineBlocks {
  blocks?: Array<{
    paragraphs: Array<{
      lines: Array<{ confidence: number; bbox: Box; words: Array<{ text: string; bbox: Box }> }>;
    }>;
  }> | null;
}

/** The text lines of an OCR result (page segmentation), words joined as the script wants. */
export function linesOfBlocks(data: EngineBlocks): OcrLine[] {
  const out: OcrLine[] = [];
  for (const b of data.blocks ?? [])
    for (const p of b.paragraphs)
      for (const l of p.lines) {
        const words = l.words.map((x) => ({ text: x.text, bbox: { ...x.bbox } }));
        const text = joinWords(words);
        if (text) out.push({ text, confidence: l.confidence, bbox: { ...l.bbox }, words });
      }
  return out;
}

/** One page: rendered, its tables cut out, its other lines read. */
async function readPage(doc: ScanPdfDoc, p: number, deps: ScanDeps): Promise<ScannedPage> {
  const page = (await doc.getPage(p)) as ScanPdfPage;
  const own = imageScale(await page.getOperatorList(), deps.ops);
  const scale = scanScale(page, own);
  const img = await deps.render(page, scale);
  page.cleanup();
  const regions = tableRegions(findRules(img));
  const boxes = regions.map((r) => r.box);
  const lines = linesOutside(await deps.lines(whiteOut(img, boxes)), boxes);
  const tables = regions.map((r, i) => {
    const m = 4;
    const box: Box = {
      x0: Math.max(0, Math.floor(r.box.x0 - m)),
      y0: Math.max(0, Math.floor(r.box.y0 - m)),
      x1: Math.min(img.width, Math.ceil(r.box.x1 + m)),
      y1: Math.min(img.height, Math.ceil(r.box.y1 + m)),
    };
    return { box, el: deps.picture(crop(img, box), p, i + 1) };
  });
  return { page: p, pxPerPt: scale, height: img.height, lines, tables };
}

/**
 * Reads an open PDF without a text layer by OCR: a SourceDoc (via pdf) whose table pictures the caller
 * reads, or a ReadFailure. Never throws.
 */
export async function readScannedDoc(
  doc: ScanPdfDoc,
  deps: ScanDeps,
  o: { maxPages?: number } = {},
): Promise<{ read: ReadOutcome; note: ScanNote }> {
  const clock = deps.clock ?? Date.now;
  const started = clock();
  const note: ScanNote = { pages: 0, tables: 0, lines: 0, ms: 0 };
  try {
    const pages: ScannedPage[] = [];
    const count = Math.min(doc.numPages, o.maxPages ?? MAX_SCAN_PAGES);
    for (let p = 1; p <= count; p++) {
      deps.progress?.(p, count);
      const page = await readPage(doc, p, deps);
      pages.push(page);
      note.tables += page.tables.length;
      note.lines += page.lines.length;
    }
    deps.progress?.(count + 1, count);
    note.pages = count;
    note.ms = clock() - started;
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
    note.ms = clock() - started;
    return {
      read: failure('scanned', `扫描件文字识别失败（${msg}）。`, `OCR of the scanned PDF failed (${msg}).`),
      note,
    };
  }
}

/**
 * A scanned PDF's findings: everything on it was read by OCR (its headings, years and dates too), so none
 * is the sole ground of an error: errors become warnings that say how the page was read. Sum findings
 * over OCR'd values already are warnings ("按图片识别结果，…").
 */
export function asScanned<T extends AuditResult>(result: T): T {
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
