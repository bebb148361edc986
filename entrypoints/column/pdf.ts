/**
 * PDF reports in the column view: lib/read (readDocument) with pdf.js's modern build, loaded only when a
 * column lists a PDF, its worker and its character maps (wxt.config.ts: pdfjs/cmaps/) packaged with the
 * extension, never fetched from a CDN. A PDF whose text cannot be read says so (lib/read/pdf.ts), nothing is
 * guessed.
 */
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import browser from 'webextension-polyfill';
import { readDocument } from '@/lib/read/index';
import type { PdfJsLike } from '@/lib/read/pdf';
import type { ReadOutcome } from '@/lib/read/types';

let loaded: Promise<PdfJsLike> | null = null;

function pdfjs(): Promise<PdfJsLike> {
  loaded ??= import('pdfjs-dist').then((m) => {
    m.GlobalWorkerOptions.workerSrc = workerUrl;
    return m as unknown as PdfJsLike;
  });
  return loaded;
}

export async function readPdfBytes(
  bytes: Uint8Array,
  parseHtml: (html: string) => Document,
  decodeText: (b: Uint8Array) => string,
): Promise<ReadOutcome> {
  return readDocument(bytes, {
    parseHtml,
    decodeText,
    pdfjs: await pdfjs(),
    // extension pages allow no eval: pdf.js must not try it
    pdfOptions: {
      documentParams: {
        isEvalSupported: false,
        cMapUrl: browser.runtime.getURL('/pdfjs/cmaps/'),
        cMapPacked: true,
      },
    },
  });
}
