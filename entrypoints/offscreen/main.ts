/**
 * The OCR document (an offscreen document in Chromium, created by the background on first use and kept for
 * the session): one tesseract.js worker with the packaged core (wasm) and chi_sim model, loaded once; each
 * request reads one table picture (lib/ocr/picture.ts) and answers its cells. Nothing is downloaded: the
 * worker, core and model are extension files (entrypoints/shared/tesseract.ts, shared with the viewer).
 */
import '../shared/zod-jitless';
import browser from 'webextension-polyfill';
import { handle, OFFSCREEN } from '@/lib/messages';
import { MAX_PIXELS, readTableGrey } from '@/lib/ocr/picture';
import { type GreyImage, toGrey } from '@/lib/ocr/rules';
import type { OcrPictureReply } from '@/lib/ocr/wire';
import { self } from '../shared/messaging';
import { recognize } from '../shared/tesseract';

/** Pictures larger than this are not fetched (a report table is well under a megabyte or two). */
const MAX_BYTES = 20 * 2 ** 20;

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
