/**
 * readDocument: bytes of any supported shape → a SourceDoc for the engine, or a plain statement of why
 * not. Recognises the shape by content (lib/read/sniff.ts), never by name. The heavy libraries (pdf.js,
 * mammoth) and the DOM parser are passed in, so the same code runs in Node and in the extension.
 */
import { blocksFromDocument, blocksFromText } from '../extract/blocks';
import { type MammothLike, readDocx } from './docx';
import { type PdfJsLike, type PdfReadOptions, readPdf } from './pdf';
import { sniff } from './sniff';
import { failure, type ReadOutcome } from './types';

export interface ReadDeps {
  parseHtml: (html: string) => Document;
  /** Bytes to text (charset detection is the caller's: BOM, header, meta, UTF-8, GB18030). */
  decodeText: (bytes: Uint8Array) => string;
  pdfjs?: PdfJsLike;
  pdfOptions?: PdfReadOptions;
  mammoth?: MammothLike;
  /** The page's address (HTML input), for dates in URLs. */
  url?: string | null;
}

export const OLD_WORD_MESSAGE = {
  zh: '旧版 Word/WPS 文件：请另存为 DOCX 或 PDF 后再审核',
  en: 'Old Word/WPS file: save it as DOCX or PDF and audit that',
};

export async function readDocument(input: Uint8Array | ArrayBuffer, deps: ReadDeps): Promise<ReadOutcome> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const kind = sniff(bytes);
  switch (kind.kind) {
    case 'pdf':
      if (!deps.pdfjs)
        return failure(
          'unsupported',
          '不支持的文件格式：PDF（未加载 PDF 阅读器）',
          'Unsupported file format: PDF (no PDF reader loaded)',
        );
      return readPdf(bytes, deps.pdfjs, deps.pdfOptions);
    case 'docx':
      if (!deps.mammoth)
        return failure(
          'unsupported',
          '不支持的文件格式：DOCX（未加载 Word 阅读器）',
          'Unsupported file format: DOCX (no Word reader loaded)',
        );
      return readDocx(bytes, deps.mammoth, deps.parseHtml);
    case 'ole':
      return failure('old-word', OLD_WORD_MESSAGE.zh, OLD_WORD_MESSAGE.en);
    case 'html': {
      const src = blocksFromDocument(deps.parseHtml(deps.decodeText(bytes)), deps.url ?? null);
      return { ok: true, via: 'html', src, notes: [] };
    }
    case 'text': {
      const src = blocksFromText(deps.decodeText(bytes));
      src.via = 'text';
      return { ok: true, via: 'text', src, notes: [] };
    }
    default:
      return failure(
        'unsupported',
        `不支持的文件格式：${kind.detail}`,
        `Unsupported file format: ${kind.detail}`,
      );
  }
}
