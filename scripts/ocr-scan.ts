/**
 * Scanned PDFs in Node (CLI, tests, benchmark): lib/read/scan-pdf.ts (shared with the extension's viewer)
 * with pdf.js (legacy build) rendering onto an @napi-rs/canvas canvas and tesseract.js in Node reading the
 * text lines; the tables cut from the pages are <img> elements, read cell by cell later (ocrImageTables) as
 * the <img> tables of a saved page are. Every value keeps its page and box.
 */
import { createRequire } from 'node:module';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import Tesseract from 'tesseract.js';
import type { OcrLine } from '../lib/ocr/regions';
import { type GreyImage, toGrey } from '../lib/ocr/rules';
import {
  asScanned,
  linesOfBlocks,
  readScannedDoc,
  type ScanNote,
  type ScanPdfDoc,
  type ScanPdfPage,
} from '../lib/read/scan-pdf';
import { failure, type ReadOutcome } from '../lib/read/types';
import { parseHtml } from './load';
import { encodeGrey, ocrWorker } from './ocr';

export { asScanned, type ScanNote };

// pdf.js draws with the @napi-rs/canvas it depends on (its own canvas factory): the page canvas must come
// from the same copy, since two copies of the native module cannot draw on each other's canvases
const pdfRequire = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const { createCanvas } = pdfRequire('@napi-rs/canvas') as typeof import('@napi-rs/canvas');

/** Renders one page to grey pixels at `scale`. */
async function renderPage(page: ScanPdfPage, scale: number): Promise<GreyImage> {
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
    return linesOfBlocks(data);
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

/**
 * Reads a PDF without a text layer by OCR (lib/read/scan-pdf.ts with pdf.js, @napi-rs/canvas and
 * tesseract.js in Node): a SourceDoc (via pdf) whose table pictures the caller reads (ocrImageTables), or a
 * ReadFailure. Never throws.
 */
export async function readScannedPdf(
  bytes: Uint8Array,
  o: { maxPages?: number } = {},
): Promise<{ read: ReadOutcome; note: ScanNote }> {
  let doc: ScanPdfDoc & { destroy(): Promise<void> };
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false })
      .promise;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return {
      read: failure('damaged', `PDF 文件无法解析（${msg}）。`, `The PDF could not be parsed (${msg}).`),
      note: { pages: 0, tables: 0, lines: 0, ms: 0 },
    };
  }
  try {
    return await readScannedDoc(
      doc,
      {
        ops: pdfjs.OPS as unknown as Record<string, number>,
        render: renderPage,
        lines: pageLines,
        picture: pictureElement,
      },
      o,
    );
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
