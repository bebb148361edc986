/**
 * Readings joining an extraction (lib/ocr/adopt.ts), as the extension's engine does, on recorded OCR
 * readings (no engine): the picture's table joins the report, each value is anchored on its picture for the
 * overlay, failed sums are warnings; a poor or missing reading leaves "not verifiable". And the background
 * reads only pictures of the sender's own site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { samePictureSite } from '../../entrypoints/background/ocr-host';
import { auditExtracted } from '../../lib/audit';
import { blocksFromDocument } from '../../lib/extract/blocks';
import { extract } from '../../lib/extract/index';
import { adoptPictures, type PictureOf, pictureBlocks } from '../../lib/ocr/adopt';
import { cellsFromWire, OcrPictureReply } from '../../lib/ocr/wire';
import { parseHtml } from '../../scripts/load';
import { OCR_SPECS } from '../fixtures/ocr-specs';
import { reportPage } from '../fixtures/report-html';

const recorded = (name: string): PictureOf =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'ocr', `${name}.json`), 'utf8'));

function page(name: string) {
  const spec = OCR_SPECS[name]?.spec ?? {};
  return extract(blocksFromDocument(parseHtml(reportPage({ ...spec, t2AsImage: true })), null));
}

describe('adoptPictures', () => {
  it('a broken row total read from the picture: the table joins, its values sit on the picture, a warning', () => {
    const ex = page('t2-broken-row');
    const [sec] = pictureBlocks(ex);
    expect(sec?.section).toBe(3);
    const img = sec?.images[0];
    const notes = adoptPictures(ex, (b) => (b === img ? recorded('t2-broken-row') : null));
    expect(notes).toEqual([{ section: 3, ok: true, reason: null }]);
    expect(ex.report.imageTables).toEqual([]);
    expect(ex.tables.t2?.reading).toBe('ocr');
    expect(ex.cellEls.get('t2:new:total')).toBe(img?.el);
    const out = auditExtracted(ex, { now: '2025-03-01' });
    const row = out.findings.find((f) => f.ruleId === 't2-row-total');
    expect(row?.severity).toBe('warning');
    expect(row?.message.zh).toMatch(/^按图片识别结果，/);
    expect(out.findings.some((f) => f.severity === 'error' && f.category === 'sum')).toBe(false);
  });

  it('no reading, or a poor one: the table stays "given as an image: not verifiable"', () => {
    const none = page('t2-clean');
    expect(adoptPictures(none, () => null)).toEqual([{ section: 3, ok: false, reason: null }]);
    expect(none.report.imageTables).toEqual([3]);
    const poor = page('t2-clean');
    const cells = recorded('t2-clean').cells.slice(0, 30);
    const [note] = adoptPictures(poor, () => ({ width: 800, height: 900, skew: 0, cells }));
    expect(note?.ok).toBe(false);
    expect(note?.reason?.zh).toBeTruthy();
    const out = auditExtracted(poor, { now: '2025-03-01' });
    expect(out.findings.map((f) => f.ruleId)).toContain('extraction-image-table');
  });

  it('a reading survives the protocol: the wire schema parses it and gives back the same cells', () => {
    const r = recorded('t2-clean');
    const wire = OcrPictureReply.parse({ ok: true, ...r, ms: 1 });
    expect(cellsFromWire(wire.cells)).toEqual(r.cells);
  });
});

describe('samePictureSite', () => {
  it('the page’s own host, a sibling under the same gov site, or a data: picture; nothing else', () => {
    const pageUrl = 'http://www.example.gov.cn/ndbg/2024.html';
    expect(samePictureSite('http://www.example.gov.cn/a.png', pageUrl)).toBe(true);
    expect(samePictureSite('https://img.example.gov.cn/a.png', pageUrl)).toBe(true);
    expect(samePictureSite('data:image/png;base64,AAAA', pageUrl)).toBe(true);
    expect(samePictureSite('http://www.other.gov.cn/a.png', pageUrl)).toBe(false);
    expect(samePictureSite('http://evil.example.com/a.png', pageUrl)).toBe(false);
    expect(samePictureSite('file:///etc/passwd', pageUrl)).toBe(false);
    expect(samePictureSite('not a url', pageUrl)).toBe(false);
  });
});
