/**
 * pdf.js in the extension's pages (the column view, the viewer): the modern build with its worker packaged as
 * an extension file, the CMaps and standard fonts packaged copies (wxt.config.ts copies them) — nothing from a
 * CDN — and never eval (extension pages allow none).
 */
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import browser from 'webextension-polyfill';
import type { PdfJsLike, PdfReadOptions } from '@/lib/read/pdf';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export { pdfjs };

/** pdf.js as lib/read/pdf.ts takes it. */
export const pdfReader = pdfjs as unknown as PdfJsLike;

/** What every getDocument() here is given. */
export function documentParams() {
  return {
    isEvalSupported: false,
    cMapUrl: browser.runtime.getURL('/pdfjs/cmaps/' as '/'),
    cMapPacked: true,
    standardFontDataUrl: browser.runtime.getURL('/pdfjs/standard_fonts/' as '/'),
  };
}

/** The reader's options (lib/read/pdf.ts). */
export function pdfOptions(): PdfReadOptions {
  return { documentParams: documentParams() };
}
