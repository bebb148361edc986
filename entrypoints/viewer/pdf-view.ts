/**
 * A PDF in the viewer: pdf.js (the modern build; its worker is a packaged extension file, the CMaps and
 * standard fonts packaged copies — nothing from a CDN) reads the text for the engine (lib/read/pdf.ts) and
 * draws each page on a canvas with its text layer (selectable text). Marks are placed from the page box
 * every value keeps: each cell value and each text line gets an invisible anchor element over its box, and
 * the overlay (lib/overlay) finds the cells and lines through those anchors as it finds table cells on a
 * web page.
 */
import type { TextBlock } from '@/lib/extract/blocks';
import type { Extracted } from '@/lib/extract/index';
import type { Box } from '@/lib/read/types';
import { documentParams, pdfjs } from '../shared/pdfjs';

export { pdfOptions, pdfReader } from '../shared/pdfjs';

/** Pixels per PDF point on screen (the page is drawn at the device's resolution). */
const SCALE = 1.4;

export interface RenderedPdf {
  /** Page element by 1-based page number, with its view origin in points. */
  pages: Map<number, { el: HTMLElement; x0: number; y0: number }>;
  destroy(): Promise<void>;
}

/** Draw every page into the container, one after the other, telling progress (pages done, pages). */
export async function renderPdf(
  bytes: Uint8Array,
  container: HTMLElement,
  progress: (done: number, total: number) => void,
): Promise<RenderedPdf> {
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    ...documentParams(),
  });
  const doc = await task.promise;
  const pages: RenderedPdf['pages'] = new Map();
  const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: SCALE });
    const el = document.createElement('div');
    el.className = 'pdf-page';
    el.dataset.page = String(n);
    el.style.width = `${viewport.width}px`;
    el.style.height = `${viewport.height}px`;
    el.style.setProperty('--scale-factor', String(SCALE));
    el.style.setProperty('--total-scale-factor', String(SCALE));
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width * dpr);
    canvas.height = Math.floor(viewport.height * dpr);
    canvas.style.width = `${viewport.width}px`;
    canvas.style.height = `${viewport.height}px`;
    const text = document.createElement('div');
    text.className = 'textLayer';
    el.append(canvas, text);
    container.append(el);
    const view = page.view as number[];
    pages.set(n, { el, x0: view[0] ?? 0, y0: view[1] ?? 0 });
    await page.render({
      canvas,
      viewport,
      ...(dpr !== 1 ? { transform: [dpr, 0, 0, dpr, 0, 0] } : {}),
    }).promise;
    await new pdfjs.TextLayer({
      textContentSource: page.streamTextContent(),
      container: text,
      viewport,
    }).render();
    page.cleanup();
    progress(n, doc.numPages);
    // let the page breathe between pages (scrolling, the progress bar)
    await new Promise((r) => setTimeout(r, 0));
  }
  return { pages, destroy: () => doc.destroy() };
}

export function anchor(r: RenderedPdf, box: Box, cls: string): HTMLElement | null {
  const page = r.pages.get(box.page);
  if (!page) return null;
  const a = document.createElement('div');
  a.className = cls;
  a.style.left = `${(box.x - page.x0) * SCALE}px`;
  a.style.top = `${box.y * SCALE}px`;
  a.style.width = `${Math.max(4, box.w * SCALE)}px`;
  a.style.height = `${Math.max(4, box.h * SCALE)}px`;
  page.el.append(a);
  return a;
}

/** Give the overlay an element for every cell value and text line, over its box on its page. */
export function placeAnchors(ex: Extracted, r: RenderedPdf): number {
  let placed = 0;
  for (const [key, at] of ex.cellTokens) {
    const b = ex.blocks[at.block] as TextBlock | undefined;
    const box = b?.boxes?.[at.token];
    if (!box) continue;
    const el = anchor(r, box, 'pdf-anchor');
    if (el) {
      el.dataset.cell = key;
      ex.cellEls.set(key, el);
      placed++;
    }
  }
  for (const b of ex.blocks) {
    if (b.kind !== 'text' || !b.boxes?.length) continue;
    const boxes = b.boxes.filter((x): x is Box => x !== null);
    const first = boxes[0];
    if (!first) continue;
    const same = boxes.filter((x) => x.page === first.page);
    const x = Math.min(...same.map((s) => s.x));
    const y = Math.min(...same.map((s) => s.y));
    const w = Math.max(...same.map((s) => s.x + s.w)) - x;
    const h = Math.max(...same.map((s) => s.y + s.h)) - y;
    b.el = anchor(r, { page: first.page, x, y, w, h }, 'pdf-anchor line');
  }
  return placed;
}
