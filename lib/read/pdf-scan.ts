/**
 * A scanned PDF (pages that are pictures, no text layer) after OCR → SourceDoc: each page's text lines
 * become text blocks (their boxes in PDF points, as for a text layer) and each table cut from the page
 * becomes an image block (the picture OCR reads cell by cell, lib/ocr), in reading order, pages one after
 * the other. Pure: the page pictures, the OCR and the image elements come from the caller.
 */
import type { Block, ImageBlock, SourceDoc, TextBlock } from '../extract/blocks';
import type { OcrLine } from '../ocr/regions';
import type { Box as PixelBox } from '../ocr/types';
import { PAGE_NUMBER } from './pdf';
import type { Box } from './types';

export interface ScannedPage {
  /** 1-based page number. */
  page: number;
  /** Rendered pixels per PDF point. */
  pxPerPt: number;
  /** Height of the rendered page in pixels (for page numbers at its top or foot). */
  height: number;
  lines: OcrLine[];
  /** The tables cut from the page: their box in page pixels and the element that shows the picture. */
  tables: Array<{ box: PixelBox; el: Element }>;
}

/** A box in page pixels → PDF points from the page's top-left corner. */
export function toPoints(page: number, b: PixelBox, pxPerPt: number): Box {
  const r = (n: number) => Math.round((n / pxPerPt) * 10) / 10;
  return { page, x: r(b.x0), y: r(b.y0), w: r(b.x1 - b.x0), h: r(b.y1 - b.y0) };
}

/** A value's box in a scanned page (PDF points), from its box in the table picture cut from that page. */
export function pagePointsOf(block: ImageBlock, box: PixelBox): Box | null {
  if (!block.scan) return null;
  const { box: at, pxPerPt } = block.scan;
  const r = (n: number) => Math.round(n * 10) / 10;
  return {
    page: at.page,
    x: r(at.x + box.x0 / pxPerPt),
    y: r(at.y + box.y0 / pxPerPt),
    w: r((box.x1 - box.x0) / pxPerPt),
    h: r((box.y1 - box.y0) / pxPerPt),
  };
}

/** The scanned pages as one document (kind text, via pdf): lines and table pictures top to bottom. */
export function scannedSource(pages: ScannedPage[]): SourceDoc {
  const blocks: Block[] = [];
  for (const p of pages) {
    type Item = { y: number; line?: OcrLine; table?: { box: PixelBox; el: Element } };
    const items: Item[] = [
      ...p.lines.map((line) => ({ y: line.bbox.y0, line })),
      ...p.tables.map((table) => ({ y: table.box.y0, table })),
    ].sort((a, b) => a.y - b.y);
    for (const it of items) {
      if (it.table) {
        const img: ImageBlock = {
          kind: 'image',
          index: blocks.length,
          el: it.table.el,
          alt: `第${p.page}页的表格`,
          scan: { box: toPoints(p.page, it.table.box, p.pxPerPt), pxPerPt: p.pxPerPt },
        };
        blocks.push(img);
        continue;
      }
      const line = it.line as OcrLine;
      const text = line.text.trim();
      if (!text) continue;
      const mid = (line.bbox.y0 + line.bbox.y1) / 2;
      if (PAGE_NUMBER.test(text) && (mid < p.height * 0.1 || mid > p.height * 0.88)) continue;
      const block: TextBlock = {
        kind: 'text',
        index: blocks.length,
        text,
        tokens: [text],
        el: null,
        segments: [],
        offset: 0,
        boxes: [toPoints(p.page, line.bbox, p.pxPerPt)],
        placement: 'position',
      };
      blocks.push(block);
    }
  }
  return { kind: 'text', blocks, docTitle: null, meta: {}, url: null, doc: null, via: 'pdf' };
}
