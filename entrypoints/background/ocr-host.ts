/**
 * Where the extension's OCR runs: in Chromium an offscreen document (entrypoints/offscreen), created on the
 * first picture and kept for the browser session, so the model and core load once. The background forwards
 * each picture to it and answers the engine; a browser without offscreen documents gets a plain "no OCR
 * here" reply, and the table stays "given as an image: not verifiable".
 */
import type { Browser } from 'webextension-polyfill';
import { call, OFFSCREEN } from '@/lib/messages';
import type { OcrPictureReply } from '@/lib/ocr/wire';

interface OffscreenApi {
  createDocument(o: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?: () => Promise<boolean>;
}

export type OcrHost = (src: string) => Promise<OcrPictureReply>;

const failed = (error: string): OcrPictureReply => ({
  ok: false,
  error,
  width: 0,
  height: 0,
  skew: 0,
  cells: [],
  ms: 0,
});

export function offscreenOcr(api: Browser): OcrHost {
  let ready: Promise<void> | null = null;
  const offscreen = (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;

  function ensure(): Promise<void> {
    if (!offscreen) return Promise.reject(new Error('no OCR in this browser (no offscreen document)'));
    if (!ready) {
      ready = (async () => {
        if (await offscreen.hasDocument?.()) return;
        await offscreen
          .createDocument({
            url: 'offscreen.html',
            reasons: ['WORKERS'],
            justification: 'OCR of report tables given as pictures (tesseract.js worker, packaged model)',
          })
          .catch((err: unknown) => {
            // a document made by an earlier instance of the service worker is still there
            if (!/single offscreen|already/i.test(String(err))) throw err;
          });
      })();
      ready.catch(() => {
        ready = null;
      });
    }
    return ready;
  }

  return async (src) => {
    try {
      await ensure();
      return await call(OFFSCREEN, 'offscreen-ocr', { src }, (msg) => api.runtime.sendMessage(msg));
    } catch (err) {
      ready = null;
      return failed(err instanceof Error ? err.message : String(err));
    }
  };
}

/** The picture's host is the page's, or a sibling under the same site (img.example.gov.cn beside www…). */
export function samePictureSite(src: string, pageUrl: string): boolean {
  if (/^data:image\//i.test(src)) return true;
  try {
    const a = new URL(src);
    const b = new URL(pageUrl);
    if (!/^https?:$/.test(a.protocol)) return false;
    if (a.hostname === b.hostname) return true;
    const site = (h: string) => h.split('.').slice(-3).join('.');
    return /\.gov\.cn$/i.test(a.hostname) && site(a.hostname) === site(b.hostname);
  } catch {
    return false;
  }
}
