/**
 * A scanned PDF in the viewer (Chromium): its pages are drawn like every other PDF's (pdf-view.ts), then read by OCR
 * in this page, with 「正在识别扫描件… 第 n / N 页」 shown over the document: lib/read/scan-pdf.ts renders
 * each page at the scan's own resolution (pdf.js on a canvas), cuts out its tables and reads its other lines,
 * as the CLI does; the tables of sections 二/三/四 are read cell by cell (lib/ocr/picture.ts) and adopted
 * (lib/ocr/adopt.ts), then the report is audited. Every value keeps its page box, so marks sit over the
 * cell on the drawn page; nothing read by OCR is the sole ground of an error (asScanned). The engine is the
 * packaged tesseract.js worker (entrypoints/shared/tesseract.ts, shared with the offscreen OCR document).
 */
import { type AuditOutput, auditExtracted } from '@/lib/audit';
import { startBudget } from '@/lib/budget';
import type { ImageBlock } from '@/lib/extract/blocks';
import { type Extracted, extract } from '@/lib/extract/index';
import type { I18nText } from '@/lib/model/schema';
import { adoptPictures, type PictureOf, pictureBlocks } from '@/lib/ocr/adopt';
import { readTableGrey } from '@/lib/ocr/picture';
import { type GreyImage, toGrey } from '@/lib/ocr/rules';
import { pagePointsOf } from '@/lib/read/pdf-scan';
import { asScanned, readScannedDoc, type ScanPdfPage } from '@/lib/read/scan-pdf';
import { documentParams, pdfjs } from '../shared/pdfjs';
import { pageLines, recognize } from '../shared/tesseract';
import { anchor, placeAnchors, type RenderedPdf, renderPdf } from './pdf-view';

export type ScanOutcome =
  | { ok: true; out: AuditOutput; drawn: RenderedPdf | null }
  | { ok: false; message: I18nText };

/**
 * Scans are read in Chromium only (where the OCR worker, its wasm core and the extension pages' CSP are
 * tested; the offscreen API marks it): elsewhere a scan stays 「扫描件」 as before.
 */
export function canReadScans(): boolean {
  return !!(globalThis as { chrome?: { offscreen?: unknown } }).chrome?.offscreen;
}

/** The status line over the document while the scan is read. */
function statusLine(container: HTMLElement): { say(zh: string, en: string): void; remove(): void } {
  const el = document.createElement('p');
  el.className = 'notice scan-progress';
  el.setAttribute('role', 'status');
  el.dataset.stage = 'ocr';
  // stays in sight while the pages scroll under it
  el.style.position = 'sticky';
  el.style.top = '0';
  el.style.zIndex = '3';
  container.prepend(el);
  return {
    say: (zh, en) => {
      el.textContent = `${zh} / ${en}`;
    },
    remove: () => el.remove(),
  };
}

async function renderGrey(page: ScanPdfPage, scale: number): Promise<GreyImage> {
  const vp = page.getViewport({ scale });
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(vp.width);
  canvas.height = Math.ceil(vp.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2d canvas');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas, viewport: vp }).promise;
  return toGrey(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
}

/** A table cut from a page: a canvas that shows it; its pixels are kept for the cell reading. */
function pictureOf(pixels: WeakMap<Element, GreyImage>) {
  return (img: GreyImage, page: number, n: number): Element => {
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    c.title = `第${page}页表格${n}`;
    const ctx = c.getContext('2d');
    if (ctx) {
      const d = ctx.createImageData(img.width, img.height);
      for (let i = 0; i < img.data.length; i++) {
        const v = img.data[i] as number;
        d.data[i * 4] = d.data[i * 4 + 1] = d.data[i * 4 + 2] = v;
        d.data[i * 4 + 3] = 255;
      }
      ctx.putImageData(d, 0, 0);
    }
    pixels.set(c, img);
    return c;
  };
}

/** The values read from the table pictures: an anchor over each on its drawn page. */
export function placeScanAnchors(ex: Extracted, drawn: RenderedPdf): number {
  let placed = 0;
  for (const table of ex.report.tables)
    for (const row of table.rows)
      for (const cell of row.cells) {
        if (!cell.ocr) continue;
        const block = ex.blocks[cell.ocr.image];
        if (block?.kind !== 'image') continue;
        const box = pagePointsOf(block, cell.ocr.box);
        const el = box ? anchor(drawn, box, 'pdf-anchor ocr') : null;
        if (!el) continue;
        el.dataset.cell = cell.key;
        ex.cellEls.set(cell.key, el);
        placed++;
      }
  return placed;
}

/**
 * Draws, reads by OCR and audits a PDF without a text layer. Never throws: a failure is a message (the
 * drawn pages stay).
 */
export async function auditScan(
  bytes: Uint8Array,
  container: HTMLElement,
  drawing: (done: number, total: number) => void,
): Promise<ScanOutcome> {
  let drawn: RenderedPdf | null = null;
  try {
    drawn = await renderPdf(bytes, container, drawing);
  } catch {
    // the scan can be read without its picture on screen
  }
  const status = statusLine(container);
  let doc: pdfjs.PDFDocumentProxy | null = null;
  try {
    status.say('正在识别扫描件…', 'Reading the scan by OCR…');
    doc = await pdfjs.getDocument({
      data: bytes.slice(),
      ...documentParams(),
    }).promise;
    const pixels = new WeakMap<Element, GreyImage>();
    const { read } = await readScannedDoc(doc as unknown as Parameters<typeof readScannedDoc>[0], {
      ops: pdfjs.OPS as unknown as Record<string, number>,
      render: renderGrey,
      lines: pageLines,
      picture: pictureOf(pixels),
      progress: (n, total) => {
        if (n <= total)
          status.say(`正在识别扫描件… 第 ${n} / ${total} 页`, `Reading the scan… page ${n} of ${total}`);
      },
      clock: () => performance.now(),
    });
    if (!read.ok) return { ok: false, message: read.message };
    const ex = extract(read.src, startBudget(2000));
    const images = pictureBlocks(ex).flatMap((s) => s.images);
    const readings = new Map<ImageBlock, PictureOf | null>();
    for (const [i, img] of images.entries()) {
      const page = img.scan?.box.page ?? 0;
      status.say(
        `正在识别扫描件中的表格… 第 ${i + 1} / ${images.length} 张（第 ${page} 页）`,
        `Reading the scan's tables… ${i + 1} of ${images.length} (page ${page})`,
      );
      const grey = pixels.get(img.el);
      const r = grey ? await readTableGrey(grey, recognize, () => performance.now()).catch(() => null) : null;
      readings.set(img, r);
    }
    adoptPictures(ex, (img) => readings.get(img) ?? null);
    const out = asScanned(auditExtracted(ex));
    if (drawn) {
      placeAnchors(out.extracted, drawn);
      placeScanAnchors(out.extracted, drawn);
    }
    return { ok: true, out, drawn };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      message: { zh: `扫描件文字识别失败（${msg}）。`, en: `OCR of the scanned PDF failed (${msg}).` },
    };
  } finally {
    status.remove();
    await doc?.destroy().catch(() => undefined);
  }
}
