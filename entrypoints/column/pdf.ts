/**
 * PDF reports in the column view: lib/read (readDocument) with pdf.js's modern build, loaded only when a
 * column lists a PDF, its worker and its character maps (wxt.config.ts: pdfjs/cmaps/) packaged with the
 * extension, never fetched from a CDN. A PDF whose text cannot be read says so (lib/read/pdf.ts), nothing is
 * guessed.
 */
import { readDocument } from '@/lib/read/index';
import type { ReadOutcome } from '@/lib/read/types';

/** pdf.js (../shared/pdfjs.ts) is loaded only when a column lists a PDF. */
let loaded: Promise<typeof import('../shared/pdfjs')> | null = null;

export async function readPdfBytes(
  bytes: Uint8Array,
  parseHtml: (html: string) => Document,
  decodeText: (b: Uint8Array) => string,
): Promise<ReadOutcome> {
  loaded ??= import('../shared/pdfjs');
  const m = await loaded;
  return readDocument(bytes, { parseHtml, decodeText, pdfjs: m.pdfReader, pdfOptions: m.pdfOptions() });
}
