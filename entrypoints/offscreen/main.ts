/**
 * The OCR document (an offscreen document in Chromium, created by the background on first use and kept for
 * the session): one tesseract.js worker with the packaged core (wasm) and chi_sim model, loaded once; each
 * request reads one table picture (lib/ocr/picture.ts) and answers its cells. Nothing is downloaded: the
 * worker, core and model are extension files (wxt.config.ts copies them at build time).
 */
import Tesseract from 'tesseract.js';
import browser from 'webextension-polyfill';
import { handle, OFFSCREEN } from '@/lib/messages';
import { MAX_PIXELS, type Recognized, readTableGrey, toPgm } from '@/lib/ocr/picture';
import { type GreyImage, toGrey } from '@/lib/ocr/rules';
import type { OcrPictureReply } from '@/lib/ocr/wire';
import { self } from '../shared/messaging';

/** Pictures larger than this are not fetched (a report table is well under a megabyte or two). */
const MAX_BYTES = 20 * 2 ** 20;

let worker: Promise<Tesseract.Worker> | null = null;

function ocrWorker(): Promise<Tesseract.Worker> {
  if (!worker) {
    worker = (async () => {
      const w = await Tesseract.createWorker('chi_sim', Tesseract.OEM.LSTM_ONLY, {
        workerPath: browser.runtime.getURL('/tesseract/worker.min.js'),
        corePath: browser.runtime.getURL('/tesseract/core/'),
        langPath: browser.runtime.getURL('/tesseract/lang'),
        workerBlobURL: false,
        gzip: true,
        cacheMethod: 'none',
      });
      await w.setParameters({
        tessedit_pageseg_mode: Tesseract.PSM.SINGLE_BLOCK,
        preserve_interword_spaces: '0',
        user_defined_dpi: '150',
      });
      return w;
    })();
    worker.catch(() => {
      worker = null;
    });
  }
  return worker;
}

async function recognize(img: GreyImage): Promise<Recognized> {
  const w = await ocrWorker();
  // the crop as PGM file bytes (tesseract.js hands a Uint8Array to the engine as is): no canvas encoding,
  // which is slow and throttled to one call a second in a hidden document
  const { data } = await w.recognize(toPgm(img) as unknown as Buffer, {}, { blocks: true, text: true });
  const words = (data.blocks ?? []).flatMap((b) =>
    b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)),
  );
  return {
    text: data.text ?? '',
    confidence: data.confidence,
    words: words.map((x) => ({
      confidence: x.confidence,
      symbols: x.symbols.map((s) => ({ text: s.text, confidence: s.confidence, bbox: { ...s.bbox } })),
    })),
  };
}

async function greyOf(src: string): Promise<GreyImage> {
  const res = await fetch(src, { credentials: 'include' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const blob = await res.blob();
  if (blob.size > MAX_BYTES) throw new Error('picture too large');
  const bmp = await createImageBitmap(blob);
  try {
    if (bmp.width * bmp.height > MAX_PIXELS)
      throw new Error(`picture too large (${bmp.width}×${bmp.height})`);
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d') as OffscreenCanvasRenderingContext2D;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, bmp.width, bmp.height);
    g.drawImage(bmp, 0, 0);
    return toGrey(g.getImageData(0, 0, bmp.width, bmp.height).data, bmp.width, bmp.height);
  } finally {
    bmp.close();
  }
}

async function readPicture(src: string): Promise<OcrPictureReply> {
  const started = performance.now();
  try {
    if (!/^(https?:|data:image\/)/i.test(src)) throw new Error('not a web picture');
    const r = await readTableGrey(await greyOf(src), recognize, () => performance.now());
    return { ok: true, width: r.width, height: r.height, skew: r.skew, cells: r.cells, ms: r.ms };
  } catch (err) {
    return {
      ok: false,
      error: err instanceof Error ? err.message : String(err),
      width: 0,
      height: 0,
      skew: 0,
      cells: [],
      ms: performance.now() - started,
    };
  }
}

// one picture at a time: the worker is single-threaded and the machine may be small
let queue: Promise<unknown> = Promise.resolve();
browser.runtime.onMessage.addListener(
  handle(
    OFFSCREEN,
    {
      'offscreen-ocr': (req) => {
        const next = queue.then(() => readPicture(req.src));
        queue = next.catch(() => undefined);
        return next;
      },
    },
    self,
  ),
);
