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
  MAX_PIXELS,
  type PictureReading,
  type Recognized,
  readTableGrey,
  unskewBoxes,
} from '../lib/ocr/picture';
import { type GreyImage, toGrey } from '../lib/ocr/rules';
import { type OcrCell, stackPictures, tableFromCells } from '../lib/ocr/table';
import type { OcrWord } from '../lib/ocr/types';

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

/** tesseract.js in Node reading one crop (as PNG). */
async function recognizeNode(img: GreyImage): Promise<Recognized> {
  const worker = await ocrWorker();
  const { data } = await worker.recognize(encodeGrey(img), {}, { blocks: true, text: true });
  const words = (data.blocks ?? []).flatMap((bl) =>
    bl.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)),
  );
  return {
    text: data.text ?? '',
    confidence: data.confidence,
    words: words.map((w) => ({
      confidence: w.confidence,
      symbols: w.symbols.map((s) => ({ text: s.text, confidence: s.confidence, bbox: { ...s.bbox } })),
    })),
  };
}

/** Reads a table picture (PNG/JPEG/WebP/GIF bytes): lib/ocr/picture.ts with tesseract.js in Node. */
export async function readTablePicture(bytes: Buffer): Promise<PictureReading> {
  const picture = await decodeGrey(bytes);
  if (picture.width * picture.height > MAX_PIXELS)
    throw new Error(`picture too large (${picture.width}×${picture.height})`);
  return readTableGrey(picture, recognizeNode);
}

export type { PictureReading };

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
