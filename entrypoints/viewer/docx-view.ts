/**
 * A DOCX in the viewer: mammoth's browser build turns it into HTML, which is never inserted as it is: it is
 * parsed (DOMParser: no script runs) and rebuilt element by element into a fresh document from a short
 * list of text and table elements (rowspan/colspan kept, every other attribute dropped, images only as
 * data: pictures). The engine reads that clean document; its nodes are then moved into the viewer, so the
 * overlay's element references stay valid.
 */
import mammoth from 'mammoth/mammoth.browser.js';
import type { MammothLike } from '@/lib/read/docx';
import { sanitize } from './sanitize';

export const docxReader: MammothLike = mammoth as unknown as MammothLike;

/** The DOM parser readDocx is given: parse, then sanitise. */
export function parseClean(html: string): Document {
  return sanitize(
    new DOMParser().parseFromString(html, 'text/html'),
    document.implementation.createHTMLDocument(''),
  );
}
