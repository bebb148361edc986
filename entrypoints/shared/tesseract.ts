/**
 * tesseract.js in an extension page (the offscreen OCR document, the document viewer): one worker with the
 * packaged core (wasm) and chi_sim model, created on first use and kept for the page's life. Nothing is
 * downloaded: the worker, core and model are extension files (wxt.config.ts copies them at build time).
 * Crops go to the engine as PGM bytes (no canvas encoding, which is slow and throttled in hidden pages).
 */
import Tesseract from 'tesseract.js';
import browser from 'webextension-polyfill';
import { type Recognized, toPgm } from '@/lib/ocr/picture';
import type { OcrLine } from '@/lib/ocr/regions';
import type { GreyImage } from '@/lib/ocr/rules';
import { linesOfBlocks } from '@/lib/read/scan-pdf';

let worker: Promise<Tesseract.Worker> | null = null;

export function ocrWorker(): Promise<Tesseract.Worker> {
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

/** One crop read as one block of text (a table cell): lib/ocr/picture.ts's engine. */
export async function recognize(img: GreyImage): Promise<Recognized> {
  const w = await ocrWorker();
  // the crop as PGM file bytes (tesseract.js hands a Uint8Array to the engine as is)
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

/** The text lines of a whole page picture (automatic page segmentation), boxes in its pixels. */
export async function pageLines(img: GreyImage): Promise<OcrLine[]> {
  const w = await ocrWorker();
  await w.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.AUTO });
  try {
    const { data } = await w.recognize(toPgm(img) as unknown as Buffer, {}, { blocks: true, text: false });
    return linesOfBlocks(data);
  } finally {
    // the worker reads table cells one block at a time
    await w.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.SINGLE_BLOCK });
  }
}
