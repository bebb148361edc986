/**
 * What a file is comes from its content, never its name: PDF, DOCX, other zips, OLE (DOC/WPS), HTML with
 * or without a doctype, text (UTF-8, GBK, UTF-16), pictures and other binaries.
 */
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sniff } from '../../lib/read/sniff';
import { reportDocx, reportPdf } from '../fixtures/documents';

const u8 = (s: string) => new TextEncoder().encode(s);

describe('sniffing by content', () => {
  it('PDF, also after a few bytes of junk', () => {
    expect(sniff(reportPdf()).kind).toBe('pdf');
    expect(sniff(u8('\r\n\r\n%PDF-1.7\n...')).kind).toBe('pdf');
  });

  it('DOCX is a zip with word/document.xml; other zips are not', async () => {
    expect(sniff(await reportDocx()).kind).toBe('docx');
    const xlsx = zipSync({ '[Content_Types].xml': u8('<Types/>'), 'xl/workbook.xml': u8('<workbook/>') });
    expect(sniff(xlsx)).toEqual({ kind: 'zip', detail: 'XLSX 压缩包' });
    expect(sniff(zipSync({ 'a.txt': u8('hello') })).kind).toBe('zip');
  });

  it('OLE compound files (DOC, WPS)', () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(sniff(ole).kind).toBe('ole');
  });

  it('HTML with a doctype, without one (a saved fragment, a scraper wrapper), with a BOM', () => {
    expect(sniff(u8('<!DOCTYPE html><html><body>x</body></html>')).kind).toBe('html');
    expect(sniff(u8('\ufeff  <html lang="zh"><head><title>t</title></head></html>')).kind).toBe('html');
    expect(sniff(u8('<div class="wrap"><p>标题</p><table><tr><td>1</td></tr></table></div>')).kind).toBe(
      'html',
    );
  });

  it('plain text: UTF-8, GBK bytes, UTF-16 with BOM, Markdown with a stray <br>', () => {
    expect(sniff(u8('一、总体情况\n2024年，本镇…\n')).kind).toBe('text');
    expect(sniff(new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0x0a])).kind).toBe('text');
    const utf16 = new Uint8Array([0xff, 0xfe, 0x00, 0x4e, 0x01, 0x30, 0x0a, 0x00]);
    expect(sniff(utf16).kind).toBe('text');
    expect(sniff(u8('# 标题\n\n| a | b |\n|---|---|\n| 1<br>2 | 3 |\n')).kind).toBe('text');
  });

  it('pictures, archives and binaries are unknown, named in the detail', () => {
    expect(sniff(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toEqual({
      kind: 'unknown',
      detail: 'PNG 图片',
    });
    expect(sniff(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])).detail).toBe('JPEG 图片');
    expect(sniff(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])).detail).toMatch(/^二进制数据/);
    expect(sniff(new Uint8Array()).kind).toBe('unknown');
  });

  it('never throws on any bytes, and answers one of the kinds', () => {
    const kinds = ['pdf', 'docx', 'ole', 'html', 'text', 'zip', 'unknown'];
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.boolean(), (bytes, zipHead) => {
        const b = zipHead ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes;
        expect(kinds).toContain(sniff(b).kind);
      }),
      { numRuns: 300 },
    );
  });
});
