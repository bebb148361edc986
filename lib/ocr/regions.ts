/**
 * A scanned page: where its tables stand (the drawn rules that meet, grouped into grids) and its text
 * lines (OCR words outside the tables joined into lines). Pure TypeScript: runs in Node, a worker or the
 * page. Table regions are cut out and read cell by cell (lib/ocr/table.ts); the lines become text blocks.
 */
import type { GreyImage, Rules } from './rules';
import type { Box } from './types';

/** A table on the page: its box (pixels) and how many rules it has across and down. */
export interface TableRegion {
  box: Box;
  rows: number;
  cols: number;
}

/** Slack in pixels for rules that meet. */
const MEET = 4;

/**
 * The tables of a page: rules that cross or touch belong to one grid; a grid with at least three
 * horizontal and two vertical rules, and of some size, is a table. Top to bottom.
 */
export function tableRegions(rules: Rules, minWidth = 80, minHeight = 40): TableRegion[] {
  const n = rules.h.length + rules.v.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[i] !== r) {
      const next = parent[i] as number;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  const H = rules.h.length;
  rules.h.forEach((h, i) => {
    rules.v.forEach((v, j) => {
      if (v.x >= h.x0 - MEET && v.x <= h.x1 + MEET && h.y >= v.y0 - MEET && h.y <= v.y1 + MEET)
        parent[find(i)] = find(H + j);
    });
  });
  const groups = new Map<number, { box: Box; h: number; v: number }>();
  const grow = (root: number, x0: number, y0: number, x1: number, y1: number, isH: boolean) => {
    const g = groups.get(root) ?? { box: { x0, y0, x1, y1 }, h: 0, v: 0 };
    g.box = {
      x0: Math.min(g.box.x0, x0),
      y0: Math.min(g.box.y0, y0),
      x1: Math.max(g.box.x1, x1),
      y1: Math.max(g.box.y1, y1),
    };
    if (isH) g.h++;
    else g.v++;
    groups.set(root, g);
  };
  rules.h.forEach((h, i) => {
    grow(find(i), h.x0, h.y - h.t / 2, h.x1, h.y + h.t / 2, true);
  });
  rules.v.forEach((v, j) => {
    grow(find(H + j), v.x - v.t / 2, v.y0, v.x + v.t / 2, v.y1, false);
  });
  return [...groups.values()]
    .filter(
      (g) => g.h >= 3 && g.v >= 2 && g.box.x1 - g.box.x0 >= minWidth && g.box.y1 - g.box.y0 >= minHeight,
    )
    .map((g) => ({ box: g.box, rows: g.h - 1, cols: g.v - 1 }))
    .sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
}

/** A copy of the page with the boxes painted white (its tables, before the text is read). */
export function whiteOut(img: GreyImage, boxes: Box[], margin = 3): GreyImage {
  const data = new Uint8Array(img.data);
  for (const b of boxes) {
    const x0 = Math.max(0, Math.floor(b.x0 - margin));
    const x1 = Math.min(img.width, Math.ceil(b.x1 + margin) + 1);
    for (let y = Math.max(0, Math.floor(b.y0 - margin)); y <= Math.min(img.height - 1, b.y1 + margin); y++)
      data.fill(255, y * img.width + x0, y * img.width + x1);
  }
  return { width: img.width, height: img.height, data };
}

/** One line of text OCR gave, with its words. */
export interface OcrLine {
  text: string;
  confidence: number;
  bbox: Box;
  words: Array<{ text: string; bbox: Box }>;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const NARROW = /[A-Za-z0-9.,:;%)(\-/]/;

/**
 * The words of a line joined as the page prints them: no space between Chinese characters and
 * punctuation (OCR puts one between every glyph), one space between Latin words or figures that stand apart.
 */
export function joinWords(words: Array<{ text: string; bbox: Box }>): string {
  let out = '';
  let prev: { text: string; bbox: Box } | null = null;
  for (const w of words) {
    const t = w.text.replace(/\s+/g, '');
    if (!t) continue;
    if (prev && out) {
      const a = out[out.length - 1] as string;
      const b = t[0] as string;
      const gap = w.bbox.x0 - prev.bbox.x1;
      const h = Math.max(1, prev.bbox.y1 - prev.bbox.y0);
      if (!CJK.test(a) && !CJK.test(b) && NARROW.test(a) && NARROW.test(b) && gap > h * 0.25) out += ' ';
    }
    out += t;
    prev = w;
  }
  return out;
}

/** Lines whose middle lies in one of the boxes (left-over glyphs of a table) are dropped. */
export function linesOutside(lines: OcrLine[], boxes: Box[]): OcrLine[] {
  return lines.filter((l) => {
    const cx = (l.bbox.x0 + l.bbox.x1) / 2;
    const cy = (l.bbox.y0 + l.bbox.y1) / 2;
    return !boxes.some((b) => cx >= b.x0 && cx <= b.x1 && cy >= b.y0 && cy <= b.y1);
  });
}
