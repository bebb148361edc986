/**
 * The pure parts of reading a scanned page (no OCR engine): tables found from drawn rules that meet,
 * OCR words joined into the text as printed, and the page turned into blocks with boxes in PDF points.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../lib/extract/index';
import { joinWords, linesOutside, tableRegions, whiteOut } from '../../lib/ocr/regions';
import type { Rules } from '../../lib/ocr/rules';
import { pagePointsOf, scannedSource } from '../../lib/read/pdf-scan';
import { parse } from '../helpers';

const grid = (x0: number, y0: number, cols: number, rows: number, cw = 60, rh = 20): Rules => ({
  h: Array.from({ length: rows + 1 }, (_, i) => ({ y: y0 + i * rh, x0, x1: x0 + cols * cw, t: 1 })),
  v: Array.from({ length: cols + 1 }, (_, i) => ({ x: x0 + i * cw, y0, y1: y0 + rows * rh, t: 1 })),
});

describe('tableRegions', () => {
  it('two grids on a page are two tables, top to bottom; a lone underline is none', () => {
    const a = grid(50, 400, 5, 6);
    const b = grid(40, 100, 4, 3);
    const rules: Rules = {
      h: [...a.h, ...b.h, { y: 900, x0: 100, x1: 400, t: 1 }],
      v: [...a.v, ...b.v],
    };
    const r = tableRegions(rules);
    expect(r.map((x) => [x.box.y0, x.rows, x.cols])).toEqual([
      [99.5, 3, 4],
      [399.5, 6, 5],
    ]);
    expect(r[1]?.box.x1).toBeGreaterThanOrEqual(350);
  });

  it('rules that do not meet, or too few of them, are no table', () => {
    expect(tableRegions({ h: [{ y: 10, x0: 0, x1: 300, t: 1 }], v: [] })).toEqual([]);
    expect(tableRegions(grid(0, 0, 1, 1))).toEqual([]);
  });
});

describe('joinWords and lines', () => {
  const w = (text: string, x0: number, x1: number) => ({ text, bbox: { x0, y0: 0, x1, y1: 20 } });
  it('no space between Chinese glyphs; one between figures that stand apart', () => {
    expect(joinWords([w('一', 0, 18), w('、', 20, 30), w('总体', 32, 70), w('情况', 72, 110)])).toBe(
      '一、总体情况',
    );
    expect(joinWords([w('2024', 0, 40), w('年', 42, 60), w('12', 100, 120), w('3', 160, 170)])).toBe(
      '2024年12 3',
    );
  });
  it('lines inside a table box are dropped; a box is painted white', () => {
    const line = (y: number) => ({
      text: 'x',
      confidence: 90,
      bbox: { x0: 10, y0: y, x1: 50, y1: y + 10 },
      words: [],
    });
    const box = { x0: 0, y0: 100, x1: 200, y1: 300 };
    expect(linesOutside([line(20), line(150), line(400)], [box]).map((l) => l.bbox.y0)).toEqual([20, 400]);
    const img = { width: 4, height: 4, data: new Uint8Array(16) };
    expect(
      [...whiteOut(img, [{ x0: 1, y0: 1, x1: 2, y1: 2 }], 0).data].filter((v) => v === 255),
    ).toHaveLength(4);
  });
});

describe('scannedSource', () => {
  it('lines and table pictures in reading order, boxes in PDF points, page numbers dropped', () => {
    const img = parse('<img src="x.png">').querySelector('img') as Element;
    const line = (text: string, y: number) => ({
      text,
      confidence: 90,
      bbox: { x0: 100, y0: y, x1: 700, y1: y + 30 },
      words: [],
    });
    const src = scannedSource([
      {
        page: 1,
        pxPerPt: 2,
        height: 1684,
        lines: [
          line('示例县人民政府2024年政府信息公开工作年度报告', 100),
          line('三、收到和处理政府信息公开申请情况', 300),
          line('五、存在的主要问题及改进情况', 1200),
          line('- 1 -', 1620),
        ],
        tables: [{ box: { x0: 80, y0: 400, x1: 1100, y1: 1100 }, el: img }],
      },
    ]);
    expect(src.blocks.map((b) => b.kind)).toEqual(['text', 'text', 'image', 'text']);
    const pic = src.blocks[2];
    if (pic?.kind !== 'image') throw new Error('image');
    expect(pic.scan?.box).toEqual({ page: 1, x: 40, y: 200, w: 510, h: 350 });
    expect(pagePointsOf(pic, { x0: 100, y0: 20, x1: 140, y1: 60 })).toEqual({
      page: 1,
      x: 90,
      y: 210,
      w: 20,
      h: 20,
    });
    const first = src.blocks[0];
    expect(first?.kind === 'text' ? first.boxes : null).toEqual([{ page: 1, x: 50, y: 50, w: 300, h: 15 }]);
    // the section whose table is the picture is known, so a failed reading stays "not verifiable"
    expect(extract(src).report.imageTables).toEqual([3]);
  });
});
