/**
 * Reading a table picture, the same in Node (scripts/ocr.ts) and in the extension's OCR document: the
 * picture straightened when crooked, its drawn rules found, every cell read on its own (rules erased, the
 * glyphs cropped to their ink, enlarged, thresholded, on a white margin) by the OCR engine it is given;
 * doubtful figures read again at other sizes, digit counts and holes checked against the glyph blobs.
 * Pure TypeScript over grey pixels: the engine (tesseract.js) is passed in.
 */
import type { Table } from '../model/schema';
import {
  binarize,
  blobsInside,
  cellsOf,
  crop,
  digitFitsHoles,
  enlarge,
  eraseRules,
  estimateSkew,
  findRules,
  type GreyImage,
  glyphThreshold,
  holesOf,
  inkInside,
  keepInk,
  pad,
  type Rules,
  rotate,
  unrotateBox,
} from './rules';
import { LOW_CONFIDENCE, type OcrCell } from './table';
import type { Box, OcrSymbol } from './types';

/** Larger pictures are not read (a report table is a few megapixels at most). */
export const MAX_PIXELS = 40e6;
/** Table 2 has about 220 cells; a picture with many more is not a report table. */
const MAX_CELLS = 800;

export interface PictureReading {
  width: number;
  height: number;
  rules: Rules;
  cells: OcrCell[];
  /** The picture's skew (radians) that was straightened before reading; 0 for a straight picture. */
  skew: number;
  ms: number;
}

/** Below this skew (0.15°) a picture is read as it is. */
const MIN_SKEW = (0.15 * Math.PI) / 180;

/** A table read from a straightened picture: its value boxes mapped back into the picture as published. */
export function unskewBoxes(table: Table, skew: number, width: number, height: number): void {
  if (skew === 0) return;
  for (const row of table.rows)
    for (const c of row.cells) if (c.ocr) c.ocr.box = unrotateBox(c.ocr.box, skew, width, height);
}

/** A cell narrow enough to hold a figure, not a label. */
function narrow(box: Box): boolean {
  return box.x1 - box.x0 < 4 * (box.y1 - box.y0);
}

/** Small glyphs are read better enlarged (figures most: thin "1"s run together at screen size). */
function scaleFor(box: Box): number {
  const h = box.y1 - box.y0;
  if (!narrow(box)) return h < 80 ? 2 : 1;
  return h < 40 ? 3 : h < 80 ? 2 : 1;
}

interface CellText {
  text: string;
  confidence: number;
  symbols: OcrSymbol[];
}

/** What the OCR engine gives for one crop (boxes in the crop's pixels as given to it). */
export interface Recognized {
  text: string;
  confidence: number;
  words: Array<{ confidence: number; symbols: OcrSymbol[] }>;
}

/** The OCR engine, reading one block of text from a grey picture (tesseract.js in Node or in a worker). */
export type Recognize = (img: GreyImage) => Promise<Recognized>;

/** Two 32-bit hashes of a picture's pixels: equal crops (the many "0"s of a screenshot) are read once. */
function pixelKey(img: GreyImage, s: number): string {
  let a = 0x811c9dc5;
  let b = 5381;
  for (const v of img.data) {
    a = Math.imul(a ^ v, 0x01000193);
    b = (Math.imul(b, 33) + v) | 0;
  }
  return `${img.width}x${img.height}@${s}:${a >>> 0}:${b >>> 0}`;
}

/** The ink's bounding box inside a box (the crop a glyph group is read from), null without ink. */
function inkBox(img: GreyImage, box: Box): Box | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let y = Math.max(0, Math.ceil(box.y0)); y < Math.min(img.height, Math.floor(box.y1)); y++)
    for (let x = Math.max(0, Math.ceil(box.x0)); x < Math.min(img.width, Math.floor(box.x1)); x++)
      if ((img.data[y * img.width + x] as number) === 0) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
  return Number.isFinite(x0) ? { x0: x0 - 1, y0: y0 - 1, x1: x1 + 2, y1: y1 + 2 } : null;
}

/**
 * One cell read on its own: its glyphs (cropped to their ink) enlarged, thresholded, on a white margin;
 * boxes in picture pixels. Identical crops are read once per picture (`cache`).
 */
async function readCell(
  recognize: Recognize,
  glyphs: GreyImage,
  area: Box,
  s: number,
  threshold: number,
  cache: Map<string, CellText>,
): Promise<CellText> {
  const m = 12;
  const img = pad(binarize(enlarge(crop(glyphs, area), s), threshold), m * s);
  const key = pixelKey(img, s);
  let local = cache.get(key);
  if (!local) {
    const data = await recognize(img);
    const words = data.words;
    // boxes in the crop's own pixels, before enlarging
    const toCrop = (b: Box): Box => ({
      x0: b.x0 / s - m,
      y0: b.y0 / s - m,
      x1: b.x1 / s - m,
      y1: b.y1 / s - m,
    });
    const symbols = words.flatMap((w) =>
      w.symbols.map((sy) => ({ text: sy.text, confidence: sy.confidence, bbox: toCrop(sy.bbox) })),
    );
    local = {
      text: (data.text ?? '').replace(/\s+/g, ''),
      confidence: Math.min(
        data.confidence,
        ...words.map((x) => x.confidence),
        ...symbols.map((x) => x.confidence),
      ),
      symbols,
    };
    cache.set(key, local);
  }
  const ox = Math.max(0, Math.floor(area.x0));
  const oy = Math.max(0, Math.floor(area.y0));
  const move = (b: Box): Box => ({ x0: ox + b.x0, y0: oy + b.y0, x1: ox + b.x1, y1: oy + b.y1 });
  return { ...local, symbols: local.symbols.map((x) => ({ ...x, bbox: move(x.bbox) })) };
}

/**
 * Reads a table picture: its rules, then every cell on its own (rules erased, enlarged, padded). A cell
 * without ink is blank without asking the engine; a cell with ink that gives no text is unreadable.
 */
export async function readTableGrey(
  picture: GreyImage,
  recognize: Recognize,
  clock: () => number = Date.now,
): Promise<PictureReading> {
  const started = clock();
  if (picture.width * picture.height > MAX_PIXELS)
    throw new Error(`picture too large (${picture.width}×${picture.height})`);
  // a scan is seldom straight: turn it so that its rules are level (boxes are given in the straightened
  // picture; unskewBoxes maps a table's boxes back)
  const found = estimateSkew(picture);
  const skew = Math.abs(found) >= MIN_SKEW ? found : 0;
  const grey = rotate(picture, skew);
  const rules = findRules(grey);
  const boxes = cellsOf(rules);
  // a photo or a drawing is no table: too many "cells" (or none) and nothing to read
  if (boxes.length > MAX_CELLS)
    return { width: grey.width, height: grey.height, rules, cells: [], skew, ms: clock() - started };
  const threshold = glyphThreshold(grey);
  const clean = eraseRules(grey, rules);
  // for finding ink and glyph blobs: thresholded, specks dropped (grey scans included)
  const erased = binarize(clean, threshold);
  const glyphs = keepInk(clean, erased);
  const out: OcrCell[] = [];
  const cache = new Map<string, CellText>();
  for (const box of boxes) {
    if (inkInside(erased, box, 2, threshold) < 3) {
      out.push({ box, text: '', confidence: 100, symbols: [] });
      continue;
    }
    const inner = { x0: box.x0 + 2, y0: box.y0 + 2, x1: box.x1 - 1, y1: box.y1 - 1 };
    // a cell of figures: few glyph blobs, each taller than wide
    const blobs = blobsInside(erased, box, 2, threshold);
    const figures =
      narrow(box) &&
      blobs.length > 0 &&
      blobs.length <= 8 &&
      blobs.every((b) => b.y1 - b.y0 >= 1.15 * (b.x1 - b.x0));
    const s = scaleFor(box);
    const area = inkBox(erased, inner) ?? inner;
    let best = await readCell(recognize, glyphs, area, s, threshold, cache);
    if (figures && (!/^\d+$/.test(best.text) || best.confidence < LOW_CONFIDENCE)) {
      // a doubtful figure: read again at other sizes; two readings that agree confirm each other
      const others = [
        await readCell(recognize, glyphs, area, s + 1, threshold, cache),
        await readCell(recognize, glyphs, area, s + 2, threshold, cache),
      ];
      const all = [best, ...others].filter((r) => /^\d+$/.test(r.text));
      const agree = all.find((r, i) => all.some((q, j) => j !== i && q.text === r.text));
      if (agree)
        best = {
          ...agree,
          confidence: Math.max(...all.filter((r) => r.text === agree.text).map((r) => r.confidence)),
        };
      else if (all.length > 0) best = all.reduce((x, y) => (y.confidence > x.confidence ? y : x));
    }
    let confidence = best.confidence;
    // a number is one blob per digit: a reading with another count of digits is doubtful
    if (/^\d+$/.test(best.text) && best.text.length <= 6) {
      if (blobs.length !== best.text.length) confidence = Math.min(confidence, LOW_CONFIDENCE - 1);
      // and each digit's holes must fit its shape (a 9 read as 0 and the like)
      else if ([...best.text].some((d, i) => !digitFitsHoles(d, holesOf(erased, blobs[i] as Box, threshold))))
        confidence = Math.min(confidence, LOW_CONFIDENCE - 1);
    }
    if (best.text === '') out.push({ box, text: '', confidence: 0, symbols: [], unreadable: true });
    else out.push({ box, text: best.text, confidence, symbols: best.symbols });
  }
  return { width: grey.width, height: grey.height, rules, cells: out, skew, ms: clock() - started };
}

/**
 * A grey picture as a binary PGM file (P5): what the OCR engine (leptonica) reads without any encoding
 * step — a canvas's PNG encoder is slow, and in a hidden document its calls are throttled.
 */
export function toPgm(img: GreyImage): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(head.length + img.data.length);
  out.set(head, 0);
  out.set(img.data, head.length);
  return out;
}
