/**
 * A DOCX in the viewer: mammoth's browser build, in a worker (mammoth-worker.ts), turns it into HTML, which
 * is never inserted as it is: it is parsed (DOMParser: no script runs) and rebuilt element by element into a
 * fresh document from a short list of text and table elements (sanitize.ts). The engine reads that clean
 * document; its nodes are then moved into the viewer, so the overlay's element references stay valid.
 */
import type { MammothLike } from '@/lib/read/docx';
import MammothWorker from './mammoth-worker?worker';
import { sanitize } from './sanitize';

type Reply =
  | { ok: true; value: string; messages: Array<{ type: string; message: string }> }
  | { ok: false; error: string };

/** mammoth's convertToHtml, run in a worker of its own (ended after the one file). */
export const docxReader: MammothLike = {
  convertToHtml(input) {
    if (!('arrayBuffer' in input))
      return Promise.reject(new Error('the browser reader takes an ArrayBuffer'));
    const worker = new MammothWorker();
    return new Promise((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<Reply>) => {
        worker.terminate();
        if (e.data.ok) resolve({ value: e.data.value, messages: e.data.messages });
        else reject(new Error(e.data.error));
      };
      worker.onerror = (e) => {
        worker.terminate();
        reject(new Error(e.message || 'the Word reader stopped'));
      };
      worker.postMessage(input.arrayBuffer, [input.arrayBuffer]);
    });
  },
};

/** The DOM parser readDocx is given: parse, then sanitise. */
export function parseClean(html: string): Document {
  return sanitize(
    new DOMParser().parseFromString(html, 'text/html'),
    document.implementation.createHTMLDocument(''),
  );
}
