/**
 * What a file is, by its content (never its name): PDF, DOCX (zip with word/document.xml), the old OLE
 * compound file (DOC, WPS, XLS…), HTML, plain text, or something else. Pure: bytes in, a kind out.
 */

export type DocKind = 'pdf' | 'docx' | 'ole' | 'html' | 'text' | 'zip' | 'unknown';

export interface Sniffed {
  kind: DocKind;
  /** What was seen, in a few words (for the "unsupported format" message). */
  detail: string;
}

const startsWith = (b: Uint8Array, sig: number[], at = 0): boolean => sig.every((x, i) => b[at + i] === x);

/** Names of the entries of a zip's central directory (at most `limit`), or null when it is not a zip. */
export function zipEntryNames(b: Uint8Array, limit = 2000): string[] | null {
  // End of central directory: signature 06054b50 within the last 64 KiB + 22 bytes.
  const min = Math.max(0, b.length - 65557);
  let eocd = -1;
  for (let i = b.length - 22; i >= min; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const names: string[] = [];
  const dec = new TextDecoder('utf-8');
  for (let n = 0; n < count && n < limit; n++) {
    if (p + 46 > b.length || dv.getUint32(p, true) !== 0x02014b50) break;
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    names.push(dec.decode(b.subarray(p + 46, p + 46 + nameLen)));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** Local file headers from the start, for a zip whose central directory is missing or cut off. */
function localEntryNames(b: Uint8Array, limit = 50): string[] {
  const names: string[] = [];
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const dec = new TextDecoder('utf-8');
  let p = 0;
  while (names.length < limit && p + 30 <= b.length && dv.getUint32(p, true) === 0x04034b50) {
    const size = dv.getUint32(p + 18, true);
    const nameLen = dv.getUint16(p + 26, true);
    const extraLen = dv.getUint16(p + 28, true);
    names.push(dec.decode(b.subarray(p + 30, p + 30 + nameLen)));
    const flags = dv.getUint16(p + 6, true);
    if (flags & 0x08) break; // sizes follow the data: cannot walk further without inflating
    p += 30 + nameLen + extraLen + size;
  }
  return names;
}

/** Share of bytes that are control characters other than tab, CR, LF, FF (binary files have many). */
function controlShare(b: Uint8Array): number {
  const n = Math.min(b.length, 8192);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i] as number;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) bad++;
  }
  return bad / n;
}

function hexHead(b: Uint8Array): string {
  return Array.from(b.subarray(0, 8), (x) => x.toString(16).padStart(2, '0')).join(' ');
}

export function sniff(input: Uint8Array | ArrayBuffer): Sniffed {
  const b = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (b.length === 0) return { kind: 'unknown', detail: '空文件 (empty file)' };
  // %PDF may follow a little junk (the format allows it within the first 1024 bytes).
  const head = new TextDecoder('latin1').decode(b.subarray(0, 1024));
  const pdfAt = head.indexOf('%PDF-');
  if (pdfAt >= 0 && pdfAt < 1024) return { kind: 'pdf', detail: 'PDF' };
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return { kind: 'ole', detail: 'OLE 复合文档（DOC/WPS/XLS 等）' };
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) {
    const names = zipEntryNames(b) ?? localEntryNames(b);
    if (names.includes('word/document.xml')) return { kind: 'docx', detail: 'DOCX' };
    const what = names.some((n) => n.startsWith('xl/'))
      ? 'XLSX'
      : names.some((n) => n.startsWith('ppt/'))
        ? 'PPTX'
        : names.includes('content.xml')
          ? 'ODF（ODT/ODS）'
          : 'ZIP';
    return { kind: 'zip', detail: `${what} 压缩包` };
  }
  const known: Array<[number[], string]> = [
    [[0x89, 0x50, 0x4e, 0x47], 'PNG 图片'],
    [[0xff, 0xd8, 0xff], 'JPEG 图片'],
    [[0x47, 0x49, 0x46, 0x38], 'GIF 图片'],
    [[0x52, 0x61, 0x72, 0x21], 'RAR 压缩包'],
    [[0x37, 0x7a, 0xbc, 0xaf], '7z 压缩包'],
    [[0x1f, 0x8b], 'gzip 压缩包'],
    [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'RTF 文档'],
  ];
  for (const [sig, name] of known) if (startsWith(b, sig)) return { kind: 'unknown', detail: name };
  // UTF-16 text carries a BOM; anything else with many control bytes is binary.
  const bom16 = startsWith(b, [0xff, 0xfe]) || startsWith(b, [0xfe, 0xff]);
  if (!bom16 && controlShare(b) > 0.02) return { kind: 'unknown', detail: `二进制数据（${hexHead(b)}）` };
  const text = bom16
    ? new TextDecoder(b[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(b.subarray(0, 4096))
    : new TextDecoder('utf-8').decode(b.subarray(0, 4096));
  const lead = text.replace(/^[\ufeff\s]+/, '').slice(0, 512);
  if (/^(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<html)/i.test(lead))
    return { kind: 'html', detail: 'HTML' };
  // HTML without a doctype: markup early on (a saved fragment, a scraper's wrapper div).
  const sample = (bom16 ? text : new TextDecoder('latin1').decode(b.subarray(0, 8192))).toLowerCase();
  const tags = sample.match(/<\/?(html|head|body|div|p|table|tr|td|span|meta|title|br|h[1-6])[\s>/]/g);
  if (/^</.test(lead) && tags && tags.length >= 3) return { kind: 'html', detail: 'HTML' };
  if (tags && tags.length >= 10 && /<(table|body|div)[\s>]/.test(sample))
    return { kind: 'html', detail: 'HTML' };
  return { kind: 'text', detail: '文本' };
}
