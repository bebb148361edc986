/**
 * Bytes of a web page to text, the same in the command line (scripts/load.ts) and the extension (the column
 * view): BOM, then the Content-Type header, then `<meta charset>`; with none declared, UTF-8 or GB18030,
 * whichever decodes with fewer unreadable bytes (UTF-8 on a tie), so one stray byte in a UTF-8 page does not
 * turn it into GB18030 mojibake.
 */

export function declaredCharset(bytes: Uint8Array, header: string | null): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const fromHeader = header ? /charset\s*=\s*["']?([\w-]+)/i.exec(header)?.[1] : null;
  if (fromHeader) return fromHeader.toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  return meta ? meta.toLowerCase() : null;
}

function replacements(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\ufffd'); i >= 0; i = s.indexOf('\ufffd', i + 1)) n++;
  return n;
}

export function decodePage(bytes: Uint8Array, header: string | null = null): string {
  let charset = declaredCharset(bytes, header);
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
