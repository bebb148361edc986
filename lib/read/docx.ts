/**
 * DOCX → HTML through mammoth (passed in; it keeps Word's merged cells as rowspan/colspan) → the HTML path.
 * The DOM parser is passed in too: DOMParser in the extension, linkedom in Node.
 */
import { blocksFromDocument } from '../extract/blocks';
import { failure, type ReadOutcome } from './types';

export interface MammothLike {
  convertToHtml(
    input: { arrayBuffer: ArrayBuffer } | { buffer: unknown },
    options?: Record<string, unknown>,
  ): Promise<{ value: string; messages: Array<{ type: string; message: string }> }>;
}

export async function readDocx(
  bytes: Uint8Array | ArrayBuffer,
  mammoth: MammothLike,
  parseHtml: (html: string) => Document,
): Promise<ReadOutcome> {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const arrayBuffer = u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength) as ArrayBuffer;
  let html: string;
  let warnings: number;
  try {
    const out = await mammoth.convertToHtml({ arrayBuffer }, { ignoreEmptyParagraphs: true });
    html = out.value;
    warnings = out.messages.filter((m) => m.type !== 'info').length;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return failure('damaged', `DOCX 文件无法解析（${msg}）。`, `The DOCX file could not be parsed (${msg}).`);
  }
  const doc = parseHtml(
    `<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`,
  );
  const src = blocksFromDocument(doc, null);
  src.via = 'docx';
  return { ok: true, via: 'docx', src, notes: [`mammoth: ${warnings} warnings`] };
}
