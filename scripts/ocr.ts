/**
 * OCR on the Node side (CLI, benchmark, tests): tesseract.js with the simplified-Chinese model from the
 * @tesseract.js-data/chi_sim package (4.0.0_best_int, no network, no CDN), one worker reused for every
 * image, and image loading for the <img> tables of saved pages (a path relative to the page, a file: URL or
 * http(s)). The words and their boxes go to lib/ocr (pure TypeScript), which rebuilds the table.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createCanvas, loadImage as loadCanvasImage } from '@napi-rs/canvas';
import Tesseract from 'tesseract.js';
import type { ImageBlock } from '../lib/extract/blocks';
import type { Extracted } from '../lib/extract/index';
import { tableOfSection } from '../lib/format/tables';
import type { Table } from '../lib/model/schema';
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
  toGrey,
  unrotateBox,
} from '../lib/ocr/rules';
import { LOW_CONFIDENCE, type OcrCell, stackPictures, tableFromCells } from '../lib/ocr/table';
import type { Box, OcrSymbol, OcrWord } from '../lib/ocr/types';

const require = createRequire(import.meta.url);

/** The folder that holds chi_sim.traineddata.gz (the 1.7 MB integer model). */
export function modelDir(): string {
  return join(dirname(require.resolve('@tesseract.js-data/chi_sim/package.json')), '4.0.0_best_int');
}

type TessWorker = Tesseract.Worker;

let workerPromise: Promise<TessWorker> | null = null;

/** The shared worker, created on first use (model and core loaded once per process). */
export function ocrWorker(): Promise<TessWorker> {
  if (!workerPromise) {
    workerPromise = (async () => {
      const { createWorker, OEM, PSM } = Tesseract;
      const w = await createWorker('chi_sim', OEM.LSTM_ONLY, {
        langPath: modelDir(),
        gzip: true,
        cacheMethod: 'none',
      });
      // each cell is read on its own: one block of text
      await w.setParameters({
        tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
        preserve_interword_spaces: '0',
        user_defined_dpi: '150',
      });
      return w;
    })();
    workerPromise.catch(() => {
      workerPromise = null;
    });
  }
  return workerPromise;
}

export async function terminateOcr(): Promise<void> {
  const p = workerPromise;
  workerPromise = null;
  if (p) await (await p).terminate();
}

/** OCR one image: its words with boxes and confidence (symbols kept for digit-level confidence). */
export async function recognizeWords(
  image: Buffer,
): Promise<{ words: OcrWord[]; width: number; height: number }> {
  const w = await ocrWorker();
  const { data } = await w.recognize(image, {}, { blocks: true, text: false });
  const words: OcrWord[] = [];
  for (const b of data.blocks ?? [])
    for (const p of b.paragraphs)
      for (const l of p.lines)
        for (const wd of l.words) {
          words.push({
            text: wd.text,
            confidence: wd.confidence,
            bbox: { ...wd.bbox },
            symbols: wd.symbols.map((s) => ({ text: s.text, confidence: s.confidence, bbox: { ...s.bbox } })),
          });
        }
  const size = pngSize(image);
  return { words, width: size?.width ?? 0, height: size?.height ?? 0 };
}

/** Width and height of a PNG or JPEG, null for other formats. */
export function pngSize(b: Buffer): { width: number; height: number } | null {
  if (b.length > 24 && b.readUInt32BE(0) === 0x89504e47)
    return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1] as number;
      const len = b.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
      i += 2 + len;
    }
  }
  return null;
}

const MAX_IMAGE_BYTES = 20 * 2 ** 20;
/** Larger pictures are not read (a report table is a few megapixels at most). */
const MAX_PIXELS = 40e6;
/** Table 2 has about 220 cells; a picture with many more is not a report table. */
const MAX_CELLS = 800;

/**
 * The bytes of an <img src>: resolved against the page (a file path or an http(s) URL). data: URLs are
 * decoded. Throws with a readable reason when the picture cannot be had.
 */
export async function loadImage(src: string, pageBase: string | null, timeoutMs = 20000): Promise<Buffer> {
  const data = /^data:image\/[\w+.-]+;base64,(.*)$/is.exec(src);
  if (data) return Buffer.from(data[1] as string, 'base64');
  let url: URL;
  if (/^[a-z][\w+.-]*:/i.test(src) && !/^[a-z]:[\\/]/i.test(src)) url = new URL(src);
  else if (pageBase && /^https?:/i.test(pageBase)) url = new URL(src, pageBase);
  else {
    const base = pageBase
      ? pageBase.startsWith('file:')
        ? fileURLToPath(pageBase)
        : pageBase
      : process.cwd();
    const path = isAbsolute(src)
      ? src
      : resolve(dirname(base), decodeURIComponent(src.split(/[?#]/)[0] as string));
    url = pathToFileURL(path);
  }
  if (url.protocol === 'file:') return readFile(fileURLToPath(url));
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`unsupported image source ${url.protocol}`);
  const res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`image HTTP ${res.status} ${res.statusText}`);
  const buf = Buffer.from(await res.arrayBuffer());
  if (buf.length > MAX_IMAGE_BYTES) throw new Error('image too large');
  return buf;
}

/** Decodes a PNG/JPEG/WebP/GIF picture to grey pixels (with @napi-rs/canvas). */
export async function decodeGrey(bytes: Buffer): Promise<GreyImage> {
  const img = await loadCanvasImage(bytes);
  const c = createCanvas(img.width, img.height);
  const g = c.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, img.width, img.height);
  g.drawImage(img, 0, 0);
  const d = g.getImageData(0, 0, img.width, img.height);
  return toGrey(d.data, img.width, img.height);
}

/** Grey pixels to a PNG, for the OCR engine. */
export function encodeGrey(img: GreyImage, scale = 1): Buffer {
  const c = createCanvas(img.width, img.height);
  const g = c.getContext('2d');
  const d = g.createImageData(img.width, img.height);
  for (let i = 0; i < img.data.length; i++) {
    const v = img.data[i] as number;
    d.data[i * 4] = d.data[i * 4 + 1] = d.data[i * 4 + 2] = v;
    d.data[i * 4 + 3] = 255;
  }
  g.putImageData(d, 0, 0);
  if (scale === 1) return c.toBuffer('image/png');
  const s = createCanvas(Math.round(img.width * scale), Math.round(img.height * scale));
  const sg = s.getContext('2d');
  sg.imageSmoothingEnabled = true;
  sg.drawImage(c, 0, 0, s.width, s.height);
  return s.toBuffer('image/png');
}

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
  worker: TessWorker,
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
    const { data } = await worker.recognize(encodeGrey(img), {}, { blocks: true, text: true });
    const words = (data.blocks ?? []).flatMap((bl) =>
      bl.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)),
    );
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
export async function readTablePicture(bytes: Buffer): Promise<PictureReading> {
  const started = Date.now();
  const picture = await decodeGrey(bytes);
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
    return { width: grey.width, height: grey.height, rules, cells: [], skew, ms: Date.now() - started };
  const threshold = glyphThreshold(grey);
  const clean = eraseRules(grey, rules);
  // for finding ink and glyph blobs: thresholded, specks dropped (grey scans included)
  const erased = binarize(clean, threshold);
  const glyphs = keepInk(clean, erased);
  const worker = await ocrWorker();
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
    let best = await readCell(worker, glyphs, area, s, threshold, cache);
    if (figures && (!/^\d+$/.test(best.text) || best.confidence < LOW_CONFIDENCE)) {
      // a doubtful figure: read again at other sizes; two readings that agree confirm each other
      const others = [
        await readCell(worker, glyphs, area, s + 1, threshold, cache),
        await readCell(worker, glyphs, area, s + 2, threshold, cache),
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
  return { width: grey.width, height: grey.height, rules, cells: out, skew, ms: Date.now() - started };
}

export interface OcrNote {
  section: number;
  src: string;
  /** What happened: the table was read, or why not. */
  ok: boolean;
  reason: { zh: string; en: string } | null;
  ms: number;
}

function adopt(ex: Extracted, section: number, table: Table): void {
  ex.report.tables.push(table);
  ex.tables[table.kind] = table;
  ex.report.imageTables = ex.report.imageTables.filter((x) => x !== section);
}

/**
 * OCR of the image tables of an extracted page (Report.imageTables): each picture in such a section is read;
 * a table read well enough joins report.tables (its values carry cell.ocr) and its section leaves
 * imageTables. Otherwise the table stays "given as an image: not verifiable". Never throws.
 */
export async function ocrImageTables(ex: Extracted, pageBase: string | null): Promise<OcrNote[]> {
  const notes: OcrNote[] = [];
  for (const n of [...ex.report.imageTables]) {
    const kind = tableOfSection(n);
    const section = ex.sections.find((s) => s.canonical === n);
    if (!kind || !section || ex.tables[kind]) continue;
    const images = ex.blocks
      .slice(section.bodyStart, section.bodyEnd)
      .filter((b): b is ImageBlock => b.kind === 'image');
    const readings: Array<{ cells: OcrCell[]; image: number; src: string }> = [];
    let done = false;
    for (const img of images) {
      const src = img.el.getAttribute('src') ?? '';
      const started = Date.now();
      try {
        const reading = await readTablePicture(await loadImage(src, pageBase));
        readings.push({ cells: reading.cells, image: img.index, src });
        const res = tableFromCells(reading.cells, kind, img.index);
        if (res.ok && res.table.kind === kind) {
          unskewBoxes(res.table, reading.skew, reading.width, reading.height);
          adopt(ex, n, res.table);
          notes.push({ section: n, src, ok: true, reason: null, ms: Date.now() - started });
          done = true;
          break;
        }
        notes.push({
          section: n,
          src,
          ok: false,
          reason: res.ok ? { zh: '图片中是另一张表', en: 'the picture holds another table' } : res.reason,
          ms: Date.now() - started,
        });
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        notes.push({
          section: n,
          src,
          ok: false,
          reason: { zh: `图片无法读取：${msg}`, en: `picture not read: ${msg}` },
          ms: Date.now() - started,
        });
      }
    }
    // a table continued over several pictures: read them as one
    if (!done && readings.length > 1) {
      const res = tableFromCells(stackPictures(readings), kind, readings[0]?.image ?? -1);
      if (res.ok && res.table.kind === kind) {
        adopt(ex, n, res.table);
        for (let i = notes.length - 1; i >= 0; i--) if (notes[i]?.section === n) notes.splice(i, 1);
        notes.push({
          section: n,
          src: readings.map((r) => r.src).join(' + '),
          ok: true,
          reason: null,
          ms: 0,
        });
      }
    }
  }
  return notes;
}
