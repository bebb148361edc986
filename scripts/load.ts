/**
 * Node-side input loading for the CLI, the benchmark and the demo: files and URLs to decoded text,
 * HTML to a DOM (linkedom). Charset: BOM, then HTTP header, then <meta charset>; with none declared, UTF-8
 * or GB18030, whichever decodes the bytes with fewer replacement characters (UTF-8 on a tie), so one stray
 * byte in a UTF-8 page does not turn it into GB18030 mojibake.
 */
import { readFile } from 'node:fs/promises';
import { DOMParser } from 'linkedom';

export function sniffCharset(bytes: Uint8Array, header: string | null): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const fromHeader = header ? /charset\s*=\s*["']?([\w-]+)/i.exec(header)?.[1] : null;
  if (fromHeader) return fromHeader.toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  return meta ? meta.toLowerCase() : null;
}

export function decode(bytes: Uint8Array, header: string | null = null): string {
  let charset = sniffCharset(bytes, header);
  if (charset && /^(gb2312|gbk|gb_2312-80|x-gbk|gb18030)$/.test(charset)) charset = 'gb18030';
  if (charset) {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // unknown label: fall through to detection
    }
  }
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  const bad = replacements(utf8);
  if (bad === 0) return utf8;
  const gb = new TextDecoder('gb18030').decode(bytes);
  return replacements(gb) < bad ? gb : utf8;
}

/** Number of U+FFFD (bytes the decoder could not read) in a decoded text. */
function replacements(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\ufffd'); i >= 0; i = s.indexOf('\ufffd', i + 1)) n++;
  return n;
}

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export interface Loaded {
  kind: 'html' | 'text';
  text: string;
  url: string | null;
}

export async function loadFile(path: string): Promise<Loaded> {
  const bytes = new Uint8Array(await readFile(path));
  const text = decode(bytes);
  const kind = /\.(txt|text)$/i.test(path) ? 'text' : 'html';
  return { kind, text, url: null };
}

export async function loadUrl(url: string, timeoutMs = 20000): Promise<Loaded> {
  const res = await fetch(url, {
    redirect: 'follow',
    signal: AbortSignal.timeout(timeoutMs),
    headers: { 'user-agent': 'NianBaoInspector/0.1 (+annual-report audit)' },
  });
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const type = res.headers.get('content-type');
  const text = decode(bytes, type);
  const kind = type && /text\/plain/i.test(type) ? 'text' : 'html';
  return { kind, text, url: res.url || url };
}
