/**
 * Node-side input loading for the CLI, the benchmark and the demo: files and URLs to decoded text,
 * HTML to a DOM (linkedom). Charset: BOM, then HTTP header, then <meta charset>; with none declared, UTF-8
 * or GB18030, whichever decodes the bytes with fewer replacement characters (UTF-8 on a tie), so one stray
 * byte in a UTF-8 page does not turn it into GB18030 mojibake.
 * What an input is comes from its content (lib/read/sniff.ts): PDF, DOCX, old Word/WPS, HTML or text.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import { DOMParser } from 'linkedom';
import mammoth from 'mammoth';
// pdf.js for Node is its legacy build (the extension uses the modern one with its worker)
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { blocksFromDocument, blocksFromText } from '../lib/extract/blocks';
import { decodePage } from '../lib/read/charset';
import type { MammothLike } from '../lib/read/docx';
import { type ReadDeps, readDocument } from '../lib/read/index';
import type { PdfJsLike } from '../lib/read/pdf';
import { sniff } from '../lib/read/sniff';
import type { ReadOutcome } from '../lib/read/types';

/** Page bytes to text: one decoder for the command line and the extension (lib/read/charset.ts). */
export const decode = decodePage;

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export interface Loaded {
  bytes: Uint8Array;
  url: string | null;
  /** The Content-Type header (URLs), for the charset and as a hint beside the content. */
  contentType: string | null;
  /** The file's name: the path's last part, or the URL's Content-Disposition / last path segment. */
  name: string | null;
}

export async function loadFile(path: string): Promise<Loaded> {
  const bytes = new Uint8Array(await readFile(path));
  return { bytes, url: null, contentType: null, name: basename(path) };
}

/** Bytes carried in a header (a ByteString: one char per byte) to text: UTF-8 when valid, else GB18030. */
function headerBytesToText(s: string): string {
  const bytes = Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Percent-decoding that tolerates GBK bytes (decodeURIComponent only takes UTF-8). */
function percentDecode(s: string): string {
  if (!/%[0-9a-f]{2}/i.test(s)) return s;
  const bin = s.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return headerBytesToText(bin);
}

/** The file name a Content-Disposition header gives (RFC 6266 filename*, else filename, GBK tolerated). */
export function dispositionName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*([\w-]+)?'[^']*'([^;]+)/i.exec(header);
  if (star?.[2]) {
    const charset = (star[1] ?? 'utf-8').toLowerCase();
    const bin = star[2]
      .trim()
      .replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0) & 0xff);
    try {
      return new TextDecoder(/gb/.test(charset) ? 'gb18030' : charset).decode(bytes);
    } catch {
      return headerBytesToText(bin);
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  const raw = (plain?.[2] ?? plain?.[1])?.trim();
  return raw ? percentDecode(headerBytesToText(raw)) : null;
}

export async function loadUrl(url: string, timeoutMs = 20000): Promise<Loaded> {
  const res = await fetch(url, {
    redirect: 'follow',
    signal: AbortSignal.timeout(timeoutMs),
    headers: { 'user-agent': 'NianBaoInspector/0.1 (+annual-report audit)' },
  });
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const finalUrl = res.url || url;
  const lastSegment = (() => {
    try {
      return percentDecode(new URL(finalUrl).pathname.split('/').pop() ?? '') || null;
    } catch {
      return null;
    }
  })();
  return {
    bytes,
    url: finalUrl,
    contentType: res.headers.get('content-type'),
    name: dispositionName(res.headers.get('content-disposition')) ?? lastSegment,
  };
}

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Read a loaded input by its content (the Content-Type only decides between HTML and plain text). */
export async function readLoaded(loaded: Loaded): Promise<ReadOutcome> {
  const kind = sniff(loaded.bytes).kind;
  const deps: ReadDeps = {
    parseHtml,
    decodeText: (b) => decode(b, loaded.contentType),
    url: loaded.url,
  };
  if (kind === 'pdf') {
    deps.pdfjs = pdfjs as unknown as PdfJsLike;
    deps.pdfOptions = {
      documentParams: {
        cMapUrl: `${PDFJS_DIR}/cmaps/`,
        cMapPacked: true,
        standardFontDataUrl: `${PDFJS_DIR}/standard_fonts/`,
      },
    };
  }
  if (kind === 'docx')
    deps.mammoth = {
      // mammoth's Node build reads a Buffer (its browser build an ArrayBuffer)
      convertToHtml: (input, options) =>
        mammoth.convertToHtml(
          { buffer: Buffer.from('arrayBuffer' in input ? input.arrayBuffer : new ArrayBuffer(0)) },
          options,
        ),
    } satisfies MammothLike;
  let out: ReadOutcome;
  const type = loaded.contentType ?? '';
  if (kind === 'text' && /text\/html|application\/xhtml/i.test(type)) {
    out = {
      ok: true,
      via: 'html',
      src: blocksFromDocument(parseHtml(deps.decodeText(loaded.bytes)), loaded.url),
      notes: [],
    };
  } else if (kind === 'html' && /text\/plain/i.test(type)) {
    const src = blocksFromText(deps.decodeText(loaded.bytes));
    src.via = 'text';
    out = { ok: true, via: 'text', src, notes: [] };
  } else out = await readDocument(loaded.bytes, deps);
  if (out.ok && !out.src.docTitle && loaded.name) {
    const stem = loaded.name.replace(/\.[A-Za-z0-9]{1,5}$/, '');
    if (stem) out.src.docTitle = stem;
  }
  return out;
}
