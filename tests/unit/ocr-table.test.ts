/**
 * Table reconstruction from OCR (lib/ocr): rules found in pixels, words placed in the cells their rules
 * enclose, labels matched despite OCR noise, digits with their confidence, and the audit's honesty over
 * values read from a picture. Replays readings recorded once from the real engine (tests/fixtures/ocr/,
 * made by tests/fixtures/ocr-record.ts) and builds synthetic ones: no OCR engine runs here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditExtracted } from '../../lib/audit';
import { blocksFromDocument } from '../../lib/extract/blocks';
import { extract } from '../../lib/extract/index';
import { T2_ROWS } from '../../lib/format/tables';
import type { Table } from '../../lib/model/schema';
import {
  cellsOf,
  digitFitsHoles,
  estimateSkew,
  findRules,
  type GreyImage,
  holesOf,
  type Rules,
  rotate,
} from '../../lib/ocr/rules';
import {
  cellsFromWords,
  fuzzyContains,
  type OcrCell,
  stackPictures,
  substringDistance,
  tableFromCells,
  tableFromWords,
} from '../../lib/ocr/table';
import type { OcrWord } from '../../lib/ocr/types';
import { parseHtml } from '../../scripts/load';
import { OCR_SPECS } from '../fixtures/ocr-specs';
import { reportPage } from '../fixtures/report-html';

interface Recorded {
  width: number;
  height: number;
  rules: Rules;
  cells: OcrCell[];
}

const recorded = (name: string): Recorded =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'ocr', `${name}.json`), 'utf8'));

function tableOf(r: ReturnType<typeof tableFromCells>): Table {
  if (!r.ok) throw new Error(`not read: ${r.reason.en}`);
  return r.table;
}

/** The page with table 2 as a picture, audited with the table read from the picture. */
function auditWith(table: Table) {
  const ex = extract(blocksFromDocument(parseHtml(reportPage({ t2AsImage: true })), null));
  expect(ex.report.imageTables).toEqual([3]);
  ex.report.tables.push(table);
  ex.tables.t2 = table;
  ex.report.imageTables = [];
  return auditExtracted(ex, { now: '2025-03-01' });
}

describe('recorded OCR of a clean table-2 picture', () => {
  const spec = OCR_SPECS['t2-clean']?.spec.t2 ?? {};
  const table = tableOf(tableFromCells(recorded('t2-clean').cells, 't2', 7));

  it('finds all 25 rows of the 2021 format in order', () => {
    expect(table.source).toBe('ocr');
    expect(table.rows.map((r) => r.id)).toEqual(T2_ROWS.map((r) => r.id));
  });

  it('reads every value it is sure of right, and marks the others low', () => {
    let sure = 0;
    for (const row of table.rows) {
      const want = spec[row.id] ?? [0, 0, 0, 0, 0, 0, 0];
      row.cells.forEach((c, k) => {
        expect(c.ocr).toBeDefined();
        expect(c.ocr?.image).toBe(7);
        if (c.ocr?.low) return;
        sure++;
        const w = want[k];
        if (w === '') expect(c.kind).toBe('blank');
        else expect(c.value).toBe(w);
      });
    }
    expect(sure).toBeGreaterThan(160);
  });

  it('keeps a blank cell blank and a 0 a number', () => {
    const n5 = table.rows.find((r) => r.id === 'n5');
    expect(n5?.cells[0]?.kind).toBe('blank');
    expect(n5?.cells[1]).toMatchObject({ kind: 'number', value: 0 });
  });

  it('each value keeps its box in the picture, inside the picture', () => {
    const rec = recorded('t2-clean');
    for (const c of table.rows.flatMap((r) => r.cells)) {
      const b = c.ocr?.box;
      expect(b && b.x0 >= 0 && b.x1 <= rec.width && b.y0 >= 0 && b.y1 <= rec.height && b.x1 > b.x0).toBe(
        true,
      );
    }
  });

  it('gives no sum finding on a clean, consistent picture', () => {
    const out = auditWith(table);
    expect(out.findings.filter((f) => f.category === 'sum')).toEqual([]);
    expect(out.findings.some((f) => f.severity === 'error' && f.targets.some((t) => t.type === 'cell'))).toBe(
      false,
    );
  });
});

describe('recorded OCR of a noisy picture with a broken row total', () => {
  const table = tableOf(tableFromCells(recorded('t2-broken-row').cells, 't2', 7));

  it('reports the broken total as a warning over the picture, never an error', () => {
    const out = auditWith(table);
    const f = out.findings.find((x) => x.ruleId === 't2-row-total');
    expect(f).toBeDefined();
    expect(f?.severity).toBe('warning');
    expect(f?.message.zh).toMatch(/^按图片识别结果，/);
    expect(f?.message.zh).toMatch(/请对照原图核实/);
    expect(f?.targets[0]).toMatchObject({ type: 'cell', key: 't2:new:total' });
    expect(out.findings.filter((x) => x.severity === 'error' && x.category === 'sum')).toEqual([]);
  });
});

describe('recorded OCR of a low-resolution picture and of tables 1 and 3', () => {
  it('a low-resolution table 2: rows found, sure values right, no sum finding', () => {
    const spec = OCR_SPECS['t2-lowres']?.spec.t2 ?? {};
    const table = tableOf(tableFromCells(recorded('t2-lowres').cells, null));
    expect(table.kind).toBe('t2');
    expect(table.rows).toHaveLength(25);
    for (const row of table.rows)
      row.cells.forEach((c, k) => {
        if (c.ocr?.low) return;
        const w = (spec[row.id] ?? [0, 0, 0, 0, 0, 0, 0])[k];
        if (w === '') expect(c.kind).toBe('blank');
        else expect(c.value, c.key).toBe(w);
      });
    expect(auditWith(table).findings.filter((f) => f.category === 'sum')).toEqual([]);
  });

  it('table 1: its rows by label, values in their columns (a decimal fee kept decimal)', () => {
    const t1 = OCR_SPECS['t1-clean']?.spec.t1 ?? {};
    const table = tableOf(tableFromCells(recorded('t1-clean').cells, null));
    expect(table.kind).toBe('t1');
    expect(table.rows.map((r) => r.id)).toEqual(['gz', 'gf', 'xk', 'cf', 'qz', 'fee']);
    for (const row of table.rows) {
      const want = ([] as Array<number | string>).concat(t1[row.id as keyof typeof t1] ?? []);
      expect(row.cells).toHaveLength(want.length);
      row.cells.forEach((c, k) => {
        if (!c.ocr?.low) expect(c.value, c.key).toBe(want[k]);
      });
    }
    expect(table.rows.find((r) => r.id === 'fee')?.cells[0]).toMatchObject({ value: 12.5, decimal: true });
  });

  it('table 3: the 15 values of its data row', () => {
    const want = OCR_SPECS['t3-clean']?.spec.t3 ?? [];
    const table = tableOf(tableFromCells(recorded('t3-clean').cells, null));
    expect(table.kind).toBe('t3');
    const cells = table.rows[0]?.cells ?? [];
    expect(cells.map((c) => c.value)).toEqual(want);
  });
});

describe('recorded OCR of a crooked scan (turned 1.2°, grey)', () => {
  it('was straightened, its rows found; sure values right; any sum finding names a doubtful digit', () => {
    const rec = recorded('t2-skewed') as Recorded & { skew: number };
    expect((rec.skew * 180) / Math.PI).toBeCloseTo(1.2, 1);
    const spec = OCR_SPECS['t2-skewed']?.spec.t2 ?? {};
    const table = tableOf(tableFromCells(rec.cells, 't2'));
    expect(table.rows.map((r) => r.id)).toEqual(T2_ROWS.map((r) => r.id));
    for (const row of table.rows)
      row.cells.forEach((c, k) => {
        if (c.ocr?.low) return;
        const w = (spec[row.id] ?? [0, 0, 0, 0, 0, 0, 0])[k];
        if (w === '') expect(c.kind).toBe('blank');
        else expect(c.value, c.key).toBe(w);
      });
    const out = auditWith(table);
    for (const f of out.findings.filter((x) => x.category === 'sum')) {
      expect(f.severity).toBe('warning');
      expect(f.message.zh).toContain('识别把握不大');
    }
  });
});

describe('a table continued over two pictures', () => {
  /** The recorded clean table 2 cut at a row border as if screenshotted page by page. */
  function cut(at: number): { top: OcrCell[]; bottom: OcrCell[] } {
    const cells = recorded('t2-clean').cells;
    const top: OcrCell[] = [];
    const bottom: OcrCell[] = [];
    for (const c of cells) {
      if (c.box.y1 <= at) top.push(c);
      else if (c.box.y0 >= at) bottom.push({ ...c, box: { ...c.box, y0: c.box.y0 - at, y1: c.box.y1 - at } });
      else {
        // a merged cell across the cut: its text stays on the first page
        top.push({ ...c, box: { ...c.box, y1: at } });
        bottom.push({ ...c, text: '', symbols: [], box: { ...c.box, y0: 0, y1: c.box.y1 - at } });
      }
    }
    return { top, bottom };
  }

  it('each part alone is not enough; stacked, every row is read and keeps its own picture', () => {
    const at = Math.min(
      ...recorded('t2-clean')
        .cells.filter((c) => c.box.y0 > 500)
        .map((c) => c.box.y0),
    );
    const { top, bottom } = cut(at);
    expect(tableFromCells(top, 't2').ok).toBe(false);
    expect(tableFromCells(bottom, 't2').ok).toBe(false);
    const t = tableOf(
      tableFromCells(
        stackPictures([
          { cells: top, image: 3 },
          { cells: bottom, image: 4 },
        ]),
        't2',
      ),
    );
    expect(t.rows.map((r) => r.id)).toEqual(T2_ROWS.map((r) => r.id));
    const forward = t.rows.find((r) => r.id === 'forward')?.cells[0];
    expect(forward?.ocr?.image).toBe(4);
    expect((forward?.ocr?.box.y0 ?? 999) < at).toBe(true);
    expect(t.rows.find((r) => r.id === 'new')?.cells[0]?.ocr?.image).toBe(3);
    expect(auditWith(t).findings.filter((f) => f.category === 'sum')).toEqual([]);
  });
});

// ---- synthetic readings -----------------------------------------------------------------------------

/** A grid of rules: column edges xs, row edges ys, every cell drawn (no merges). */
function grid(xs: number[], ys: number[]): Rules {
  const x0 = xs[0] as number;
  const x1 = xs[xs.length - 1] as number;
  const y0 = ys[0] as number;
  const y1 = ys[ys.length - 1] as number;
  return {
    h: ys.map((y) => ({ y, x0, x1, t: 1 })),
    v: xs.map((x) => ({ x, y0, y1, t: 1 })),
  };
}

const word = (text: string, x0: number, y0: number, x1: number, y1: number, confidence = 95): OcrWord => ({
  text,
  confidence,
  bbox: { x0, y0, x1, y1 },
  symbols: [...text].map((ch, i, all) => {
    const w = (x1 - x0) / all.length;
    return { text: ch, confidence, bbox: { x0: x0 + i * w, y0, x1: x0 + (i + 1) * w, y1 } };
  }),
});

/** A synthetic table-2 picture reading: label column 0–300, seven value columns of 40 px, rows of 20 px. */
function syntheticT2(
  values: (row: string, col: number) => string,
  label: (row: string, zh: string) => string = (_r, zh) => zh,
  conf: (row: string, col: number) => number = () => 95,
): { words: OcrWord[]; rules: Rules } {
  const xs = [0, 300, 340, 380, 420, 460, 500, 540, 580];
  const ys = [0, 20, ...T2_ROWS.map((_r, i) => 40 + i * 20)];
  ys.push(40 + T2_ROWS.length * 20);
  const words: OcrWord[] = [word('申请人情况', 310, 4, 400, 16), word('自然人', 302, 24, 338, 36)];
  T2_ROWS.forEach((r, i) => {
    const y = 40 + i * 20;
    words.push(word(label(r.id, r.zh), 4, y + 4, 290, y + 16));
    for (let k = 0; k < 7; k++) {
      const t = values(r.id, k);
      if (t) words.push(word(t, 305 + k * 40, y + 4, 305 + k * 40 + 8 * t.length, y + 16, conf(r.id, k)));
    }
  });
  return { words, rules: grid(xs, ys) };
}

const consistent = (row: string, col: number): string =>
  ({ new: [3, 1, 0, 0, 0, 0, 4], open: [3, 1, 0, 0, 0, 0, 4], total: [3, 1, 0, 0, 0, 0, 4] })[row]?.[
    col
  ]?.toString() ?? '0';

describe('tableFromWords on synthetic readings', () => {
  it('places every value in the cell its rules enclose', () => {
    const { words, rules } = syntheticT2(consistent);
    const t = tableOf(tableFromWords(words, rules, 't2'));
    expect(t.rows.find((r) => r.id === 'new')?.cells.map((c) => c.value)).toEqual([3, 1, 0, 0, 0, 0, 4]);
    expect(auditWith(t).findings.filter((f) => f.category === 'sum')).toEqual([]);
  });

  it('matches labels despite misread characters, in template order', () => {
    const noisy: Record<string, string> = {
      n2: '2.其他法律行政法规茜止公开', // 禁 misread
      n7: '7.属于行政执法案逢', // 卷 misread
      o1: '1.申请人无正当理由该期不补正、行政机关不再处理其政府信息公开申请',
      forward: '四、结转下年度继续办埋',
    };
    const { words, rules } = syntheticT2(consistent, (r, zh) => noisy[r] ?? zh);
    const t = tableOf(tableFromWords(words, rules, 't2'));
    expect(t.rows.map((r) => r.id)).toEqual(T2_ROWS.map((r) => r.id));
  });

  it('splits a word whose digits fall in two cells ("018" over 其他 and 总计)', () => {
    const base = syntheticT2(consistent);
    const y = 40 + 4; // row "new"
    const words = base.words.filter((w) => !(w.bbox.y0 === y && w.bbox.x0 >= 505));
    words.push({
      text: '04',
      confidence: 90,
      bbox: { x0: 505, y0: y, x1: 553, y1: y + 12 },
      symbols: [
        { text: '0', confidence: 90, bbox: { x0: 505, y0: y, x1: 513, y1: y + 12 } },
        { text: '4', confidence: 90, bbox: { x0: 545, y0: y, x1: 553, y1: y + 12 } },
      ],
    });
    const t = tableOf(tableFromWords(words, base.rules, 't2'));
    expect(t.rows.find((r) => r.id === 'new')?.cells.map((c) => c.raw)).toEqual([
      '3',
      '1',
      '0',
      '0',
      '0',
      '0',
      '4',
    ]);
  });

  it('names a low-confidence digit in the warning', () => {
    const bad = (row: string, col: number) => (row === 'new' && col === 6 ? '15' : consistent(row, col));
    const { words, rules } = syntheticT2(bad);
    // the engine was sure of the "1" and not of the "5"
    const w = words.find((x) => x.text === '15');
    if (!w?.symbols?.[1]) throw new Error('fixture');
    w.symbols[1].confidence = 40;
    const t = tableOf(tableFromWords(words, rules, 't2'));
    const cell = t.rows.find((r) => r.id === 'new')?.cells[6];
    expect(cell?.ocr?.low).toBe(true);
    const f = auditWith(t).findings.find((x) => x.ruleId === 't2-row-total');
    expect(f?.severity).toBe('warning');
    expect(f?.message.zh).toContain('“总计”15（第2位）识别把握不大');
    expect(f?.message.en).toContain('total 15 (digit 2)');
  });

  it('an inked cell that gave no text is unreadable, not blank: its sums are not verifiable', () => {
    const gap = (row: string, col: number) => (row === 'new' && col === 2 ? '' : consistent(row, col));
    const { words, rules } = syntheticT2(gap);
    const inked = (b: { x0: number; y0: number }) => b.x0 === 380 && b.y0 === 40;
    const t = tableOf(tableFromWords(words, rules, 't2', -1));
    expect(t.rows.find((r) => r.id === 'new')?.cells[2]?.kind).toBe('blank');
    const t2 = tableOf(tableFromCells(cellsFromWords(words, rules, inked), 't2'));
    const c = t2.rows.find((r) => r.id === 'new')?.cells[2];
    expect(c?.kind).toBe('text');
    expect(c?.ocr?.low).toBe(true);
    expect(auditWith(t2).findings.filter((f) => f.category === 'sum' && f.ruleId === 't2-row-total')).toEqual(
      [],
    );
  });

  it('a reading whose labels are not found is "not verifiable" with a reason', () => {
    const { words, rules } = syntheticT2(consistent, () => '口口口口口口');
    const r = tableFromWords(words, rules, 't2');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.zh).toMatch(/标签未能识别/);
  });

  it('a reading with too many low-confidence cells is not used', () => {
    const { words, rules } = syntheticT2(consistent, undefined, () => 30);
    const r = tableFromWords(words, rules, 't2');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.zh).toMatch(/识别质量不足/);
  });
});

describe('approximate label matching', () => {
  it('measures the edit distance to the best substring', () => {
    expect(substringDistance('公开出版物', '3.要求提供公开出版物')).toBe(0);
    expect(substringDistance('公开出版物', '3.要求提供公开出板物')).toBe(1);
    expect(fuzzyContains('2.其他法律行政法规茜止公开', '（三）2.其他法律行政法规禁止公开')).toBe(1);
    expect(fuzzyContains('2.重复申请', '（五）5.要求行政机关确认或重新出具已获取信息')).toBeNull();
  });
});

describe('skew and glyph holes in pixels', () => {
  /** A page of level rules and a few ink blocks, turned by `deg`. */
  function crooked(deg: number): GreyImage {
    const width = 400;
    const height = 300;
    const data = new Uint8Array(width * height).fill(255);
    for (const y of [40, 80, 120, 160, 200, 240]) for (let x = 40; x < 360; x++) data[y * width + x] = 0;
    for (const x of [40, 200, 359]) for (let y = 40; y <= 240; y++) data[y * width + x] = 0;
    return rotate({ width, height, data }, (-deg * Math.PI) / 180);
  }

  it('finds the angle of a crooked scan, and straightened, its rules again', () => {
    for (const deg of [0, 1, -2.3]) {
      const img = crooked(deg);
      const skew = estimateSkew(img);
      expect((skew * 180) / Math.PI).toBeCloseTo(deg, 0);
      const straight = rotate(img, skew);
      expect(findRules(straight, { minH: 100, minV: 30 }).h.length).toBeGreaterThanOrEqual(6);
    }
    // turned, the rules are not level and are not found as rules
    expect(findRules(crooked(2.3), { minH: 100, minV: 30 }).h.length).toBeLessThan(6);
  });

  /** A 7×11 glyph drawn from rows of '#'. */
  function glyph(rows: string[]): {
    img: GreyImage;
    box: { x0: number; y0: number; x1: number; y1: number };
  } {
    const width = 11;
    const height = rows.length + 4;
    const data = new Uint8Array(width * height).fill(255);
    rows.forEach((r, y) => {
      [...r].forEach((ch, x) => {
        if (ch === '#') data[(y + 2) * width + x + 2] = 0;
      });
    });
    return { img: { width, height, data }, box: { x0: 2, y0: 2, x1: 2 + 7, y1: 2 + rows.length } };
  }
  const ZERO = ['.#####.', '#.....#', '#.....#', '#.....#', '#.....#', '#.....#', '#.....#', '.#####.'];
  const NINE = ['.#####.', '#.....#', '#.....#', '.######', '......#', '......#', '......#', '.#####.'];
  const ONE = ['...#...', '..##...', '...#...', '...#...', '...#...', '...#...', '...#...', '.#####.'];

  it('a digit must fit its glyph’s holes: 0 and 9 told apart, 1 has none', () => {
    const holes = (g: string[]) => {
      const { img, box } = glyph(g);
      return holesOf(img, box, 128);
    };
    expect(digitFitsHoles('0', holes(ZERO))).toBe(true);
    expect(digitFitsHoles('9', holes(ZERO))).toBe(false);
    expect(digitFitsHoles('9', holes(NINE))).toBe(true);
    expect(digitFitsHoles('0', holes(NINE))).toBe(false);
    expect(digitFitsHoles('1', holes(ONE))).toBe(true);
    expect(digitFitsHoles('0', holes(ONE))).toBe(false);
  });
});

describe('drawn rules in pixels', () => {
  function picture(): GreyImage {
    const width = 200;
    const height = 100;
    const data = new Uint8Array(width * height).fill(255);
    const ink = (x: number, y: number) => {
      data[y * width + x] = 0;
    };
    for (const y of [0, 30, 60, 99]) for (let x = 0; x < width; x++) ink(x, y);
    for (const x of [0, 100, 150, 199]) for (let y = 0; y < height; y++) ink(x, y);
    // a glyph's long stroke inside a cell: not a rule (its ends touch no border)
    for (let x = 20; x < 80; x++) ink(x, 45);
    return { width, height, data };
  }

  it('finds the borders and not the glyph stroke, and the cells between them', () => {
    const r = findRules(picture(), { minH: 40, minV: 18 });
    expect(r.h.map((h) => h.y).sort((a, b) => a - b)).toEqual([0, 30, 60, 99]);
    expect(r.v.map((v) => v.x).sort((a, b) => a - b)).toEqual([0, 100, 150, 199]);
    expect(cellsOf(r)).toHaveLength(9);
  });
});
