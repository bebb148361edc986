/**
 * The shared scan reader (lib/read/scan-pdf.ts) without pdf.js or an OCR engine: a fake document whose
 * pages "render" to grey pictures drawn here (a ruled table on page 2), fake OCR lines. It renders each
 * page at the scan's own resolution, cuts the table out with its place, keeps the lines outside it, tells
 * progress page by page, and says 扫描件 when nothing was read; asScanned turns errors into warnings.
 */
import { describe, expect, it } from 'vitest';
import type { AuditResult, Finding } from '../../lib/model/schema';
import type { OcrLine } from '../../lib/ocr/regions';
import type { GreyImage } from '../../lib/ocr/rules';
import { asScanned, linesOfBlocks, readScannedDoc, type ScanPdfPage } from '../../lib/read/scan-pdf';

const OPS = { save: 1, restore: 2, transform: 3, paintImageXObject: 4 };

/** A white page picture; with `table`, a ruled grid of 4 × 5 cells drawn in black. */
function picture(w: number, h: number, table: boolean): GreyImage {
  const data = new Uint8Array(w * h).fill(255);
  if (table) {
    const x0 = 100;
    const y0 = 300;
    const cw = 120;
    const rh = 40;
    for (let r = 0; r <= 5; r++)
      for (let x = x0; x <= x0 + 4 * cw; x++) for (let t = 0; t < 2; t++) data[(y0 + r * rh + t) * w + x] = 0;
    for (let c = 0; c <= 4; c++)
      for (let y = y0; y <= y0 + 5 * rh; y++) for (let t = 0; t < 2; t++) data[y * w + x0 + c * cw + t] = 0;
  }
  return { width: w, height: h, data };
}

function fakeDoc(pages: number, tableOn: number) {
  const rendered: Array<{ page: number; scale: number }> = [];
  const page = (n: number): ScanPdfPage & { n: number } => ({
    n,
    view: [0, 0, 595, 842],
    getViewport: ({ scale }) => ({ width: 595 * scale, height: 842 * scale }),
    // a full-page picture painted at 2 px per point
    getOperatorList: async () => ({
      fnArray: [OPS.save, OPS.transform, OPS.paintImageXObject, OPS.restore],
      argsArray: [null, [595, 0, 0, 842, 0, 0], ['img', 1190, 1684], null],
    }),
    render: () => ({ promise: Promise.resolve() }),
    cleanup: () => undefined,
  });
  return {
    rendered,
    doc: { numPages: pages, getPage: async (n: number) => page(n) },
    render: async (p: ScanPdfPage, scale: number) => {
      const n = (p as ScanPdfPage & { n: number }).n;
      rendered.push({ page: n, scale });
      return picture(Math.ceil(595 * scale), Math.ceil(842 * scale), n === tableOn);
    },
  };
}

const line = (text: string, y: number): OcrLine => ({
  text,
  confidence: 90,
  bbox: { x0: 100, y0: y, x1: 500, y1: y + 30 },
  words: [{ text, bbox: { x0: 100, y0: y, x1: 500, y1: y + 30 } }],
});

describe('readScannedDoc', () => {
  it('pages at the scan’s resolution, the table cut out with its place, lines outside it, progress told', async () => {
    const f = fakeDoc(3, 2);
    const said: Array<[number, number]> = [];
    const cut: Array<{ page: number; n: number; w: number; h: number }> = [];
    const { read, note } = await readScannedDoc(f.doc, {
      ops: OPS,
      render: f.render,
      // one line above the table, one inside it (dropped), one below
      lines: async () => [
        line('一、总体情况', 100),
        line('表内文字', 380),
        line('二、主动公开政府信息情况', 700),
      ],
      picture: (img, page, n) => {
        cut.push({ page, n, w: img.width, h: img.height });
        return { tagName: 'CANVAS' } as unknown as Element;
      },
      progress: (n, total) => said.push([n, total]),
    });
    expect(said).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
      [4, 3],
    ]);
    expect(f.rendered.map((r) => r.scale)).toEqual([2, 2, 2]);
    // three lines a page, but the one inside the table on page 2
    expect(note).toMatchObject({ pages: 3, tables: 1, lines: 8 });
    expect(cut).toHaveLength(1);
    expect(cut[0]).toMatchObject({ page: 2, n: 1 });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const blocks = read.src.blocks;
    const textOn = (page: number) =>
      blocks.flatMap((b) => (b.kind === 'text' && b.boxes?.[0]?.page === page ? [b.text] : []));
    // on page 2 the line inside the table is dropped (it is read as a cell later); pages 1 and 3 keep it
    expect(textOn(2)).toEqual(['一、总体情况', '二、主动公开政府信息情况']);
    expect(textOn(1)).toContain('表内文字');
    const img = blocks.find((b) => b.kind === 'image');
    // the table's place on page 2 in PDF points (drawn at 100,300 px at 2 px per point, 4 px margin)
    const scan = img?.kind === 'image' ? img.scan : undefined;
    expect(scan?.pxPerPt).toBe(2);
    expect(scan?.box.page).toBe(2);
    // 480 × 200 px of rules at 2 px per point, give or take the margin and the rules' width
    const near = (v: number | undefined, want: number) => Math.abs((v ?? Number.NaN) - want) <= 3;
    expect(
      [scan?.box.x, scan?.box.y, scan?.box.w, scan?.box.h].map((v, i) =>
        near(v, [48, 148, 244, 104][i] as number),
      ),
    ).toEqual([true, true, true, true]);
  });

  it('nothing read on any page: 扫描件, cannot be checked; an engine failure is a failure, never a throw', async () => {
    const f = fakeDoc(2, 0);
    const empty = await readScannedDoc(f.doc, {
      ops: OPS,
      render: f.render,
      lines: async () => [],
      picture: () => ({}) as Element,
    });
    expect(empty.read.ok).toBe(false);
    if (!empty.read.ok) expect(empty.read.message.zh).toMatch(/^扫描件/);
    const broken = await readScannedDoc(f.doc, {
      ops: OPS,
      render: f.render,
      lines: async () => {
        throw new Error('engine gone');
      },
      picture: () => ({}) as Element,
    });
    expect(broken.read.ok).toBe(false);
    if (!broken.read.ok) expect(broken.read.message.zh).toContain('engine gone');
  });
});

describe('linesOfBlocks and asScanned', () => {
  it('engine blocks become lines with their words joined', () => {
    const bbox = (x0: number, x1: number) => ({ x0, y0: 0, x1, y1: 20 });
    const lines = linesOfBlocks({
      blocks: [
        {
          paragraphs: [
            {
              lines: [
                {
                  confidence: 88,
                  bbox: bbox(0, 70),
                  words: [
                    { text: '总体', bbox: bbox(0, 30) },
                    { text: '情况', bbox: bbox(32, 70) },
                  ],
                },
                { confidence: 10, bbox: bbox(0, 5), words: [{ text: ' ', bbox: bbox(0, 5) }] },
              ],
            },
          ],
        },
      ],
    });
    expect(lines.map((l) => [l.text, l.confidence])).toEqual([['总体情况', 88]]);
    expect(linesOfBlocks({ blocks: null })).toEqual([]);
  });

  it('errors become warnings that say the scan was read by OCR; warnings stay as they are', () => {
    const f = (severity: Finding['severity'], zh: string): Finding =>
      ({ id: zh, severity, message: { zh, en: `${zh}.` } }) as unknown as Finding;
    const r = asScanned({
      findings: [f('error', '缺少第五部分。'), f('warning', '按图片识别结果，某某')],
    } as unknown as AuditResult);
    expect(r.findings.map((x) => [x.severity, x.message.zh])).toEqual([
      ['warning', '按扫描件文字识别结果，缺少第五部分；请对照原件核实。'],
      ['warning', '按图片识别结果，某某'],
    ]);
  });
});
