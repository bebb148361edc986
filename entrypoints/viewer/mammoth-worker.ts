/**
 * mammoth in a worker: the DOCX → HTML conversion (unzip, XML, styles) runs off the view's main thread.
 * Receives the file's ArrayBuffer, answers `{ ok, value, messages }` or `{ ok: false, error }`.
 */
import mammoth from 'mammoth/mammoth.browser.js';
import type { MammothLike } from '@/lib/read/docx';

const reader = mammoth as unknown as MammothLike;

self.onmessage = (e: MessageEvent<ArrayBuffer>) => {
  reader.convertToHtml({ arrayBuffer: e.data }, { ignoreEmptyParagraphs: true }).then(
    (out) => self.postMessage({ ok: true, value: out.value, messages: out.messages }),
    (err: unknown) =>
      self.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
};
