/**
 * A report table rebuilt from a picture: OCR words (or the text read cell by cell) and the picture's drawn
 * rules → rows and columns → the same Table model as an HTML table, so every rule runs unchanged. Placement
 * is exact: every word belongs to the cell its rules enclose (merged cells included), rows are the bands of
 * the rightmost column, value columns are counted from the right. Row labels are matched despite OCR noise
 * (the template's regular expressions first, then an approximate match within an edit-distance budget, in
 * template order). Each value keeps its confidence (the weakest glyph) and its box in the picture.
 * A reading that is too poor (labels not found, too many unreadable or low-confidence cells) gives no table
 * but a reason: the table stays "not verifiable".
 */

import { detectTemplate, makeCell } from '../extract/table-cells';
import { matchT2Row, T1_ROWS, T2_COLUMNS, T2_ROW_O, T2_ROWS, T3_COLUMNS } from '../format/tables';
import type { Cell, OcrReading, Table, TableKind, TableRow } from '../model/schema';
import { labelKey } from '../text/normalize';
import { cellAround, cellsOf, type Rules } from './rules';
import type { Box, OcrSymbol, OcrWord } from './types';

/** Below this confidence (0..100) a glyph is "low confidence": a finding over it names it. */
export const LOW_CONFIDENCE = 65;

/** One cell of the picture with what OCR read in it (empty text: no ink, a blank cell). */
export interface OcrCell {
  box: Box;
  text: string;
  /** Weakest glyph's confidence, 0..100 (100 for a blank cell: no ink is certain). */
  confidence: number;
  symbols: OcrSymbol[];
  /** Ink was seen but nothing could be read. */
  unreadable?: boolean;
  /** For a table continued over several pictures: the picture the cell is in and its box there. */
  from?: { image: number; box: Box };
}

export type OcrTableResult =
  | { ok: true; table: Table; lowCells: number; cells: number }
  | { ok: false; reason: { zh: string; en: string }; kind: TableKind | null };

const NUMERIC_RE = /^[\d.,]+$/;
const NA_TEXT_RE = /^(\/|—+|-+|－+|–+|无)$/;
/** Letters OCR gives for digits in a number-only cell. */
const DIGIT_LOOKALIKE: Record<string, string> = {
  一: '—',
  O: '0',
  o: '0',
  〇: '0',
  D: '0',
  l: '1',
  I: '1',
  '|': '1',
  S: '5',
  B: '8',
};

function clean(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

/**
 * Groups words into the cells their rules enclose; the text of a cell is its words in reading order. A cell
 * with no word is blank, unless `inked` says it has ink: then it is unreadable (never a silent blank).
 */
export function cellsFromWords(words: OcrWord[], rules: Rules, inked?: (box: Box) => boolean): OcrCell[] {
  const byCell = new Map<string, { box: Box; words: OcrWord[] }>();
  for (const box of cellsOf(rules)) byCell.set(`${box.x0},${box.y0},${box.x1},${box.y1}`, { box, words: [] });
  for (const w of words) {
    const parts = w.symbols && w.symbols.length > 1 ? splitAcrossCells(w, rules) : [w];
    for (const p of parts) {
      const cx = (p.bbox.x0 + p.bbox.x1) / 2;
      const cy = (p.bbox.y0 + p.bbox.y1) / 2;
      const box = cellAround(rules, cx, cy);
      if (!box) continue;
      const k = `${box.x0},${box.y0},${box.x1},${box.y1}`;
      const e = byCell.get(k) ?? { box, words: [] };
      e.words.push(p);
      byCell.set(k, e);
    }
  }
  const out: OcrCell[] = [];
  for (const { box, words: ws } of byCell.values()) {
    if (ws.length === 0) {
      const unreadable = inked?.(box) ?? false;
      out.push({ box, text: '', confidence: unreadable ? 0 : 100, symbols: [], unreadable });
      continue;
    }
    const lineH = Math.max(4, median(ws.map((w) => w.bbox.y1 - w.bbox.y0)) * 0.6);
    ws.sort((a, b) =>
      Math.abs(a.bbox.y0 - b.bbox.y0) < lineH ? a.bbox.x0 - b.bbox.x0 : a.bbox.y0 - b.bbox.y0,
    );
    const symbols = ws.flatMap(
      (w) => w.symbols ?? [{ text: w.text, confidence: w.confidence, bbox: w.bbox }],
    );
    out.push({
      box,
      text: ws.map((w) => w.text).join(''),
      confidence: Math.min(...ws.map((w) => w.confidence)),
      symbols,
    });
  }
  return out;
}

/** A word whose glyphs fall in different cells ("018" over two columns) split at the rules. */
function splitAcrossCells(w: OcrWord, rules: Rules): OcrWord[] {
  const groups = new Map<string, OcrSymbol[]>();
  for (const s of w.symbols ?? []) {
    const b = cellAround(rules, (s.bbox.x0 + s.bbox.x1) / 2, (s.bbox.y0 + s.bbox.y1) / 2);
    const k = b ? `${b.x0},${b.y0},${b.x1},${b.y1}` : 'none';
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  if (groups.size <= 1) return [w];
  return [...groups.values()].map((ss) => ({
    text: ss.map((s) => s.text).join(''),
    confidence: Math.min(...ss.map((s) => s.confidence)),
    bbox: {
      x0: Math.min(...ss.map((s) => s.bbox.x0)),
      y0: Math.min(...ss.map((s) => s.bbox.y0)),
      x1: Math.max(...ss.map((s) => s.bbox.x1)),
      y1: Math.max(...ss.map((s) => s.bbox.y1)),
    },
    symbols: ss,
  }));
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

// ---- approximate matching -------------------------------------------------------------------------------

/** Edit distance of `needle` to its best-matching substring of `hay` (Sellers' algorithm). */
export function substringDistance(needle: string, hay: string): number {
  const n = [...needle];
  const h = [...hay];
  let prev = new Array<number>(h.length + 1).fill(0);
  for (let i = 1; i <= n.length; i++) {
    const cur = new Array<number>(h.length + 1);
    cur[0] = i;
    for (let j = 1; j <= h.length; j++) {
      const sub = (prev[j - 1] as number) + (n[i - 1] === h[j - 1] ? 0 : 1);
      cur[j] = Math.min(sub, (prev[j] as number) + 1, (cur[j - 1] as number) + 1);
    }
    prev = cur;
  }
  return Math.min(...prev);
}

/** The label's core: the template label without its numbering ("（三）1." → ""), for approximate matching. */
function core(zh: string): string {
  return labelKey(zh)
    .replace(/^[一二三四五六七]、/, '')
    .replace(/^（[一二三四五六七]）/, '')
    .replace(/^\d\./, '')
    .replace(/…$/, '');
}

/** Does a noisy OCR label contain the template label, within a budget of one edit per four characters? */
export function fuzzyContains(label: string, zh: string): number | null {
  const c = core(zh);
  if (c.length < 2) return null;
  const d = substringDistance(c, label);
  return d <= Math.floor(c.length / 4) ? d : null;
}

// ---- values ---------------------------------------------------------------------------------------------

function readingOf(c: OcrCell, image: number): OcrReading {
  const text = clean(c.text);
  const lowGlyphs: number[] = [];
  const glyphs = c.symbols.filter((s) => clean(s.text) !== '');
  glyphs.forEach((s, i) => {
    if (s.confidence < LOW_CONFIDENCE) lowGlyphs.push(i);
  });
  const confidence = Math.min(c.confidence, ...glyphs.map((s) => s.confidence));
  return {
    confidence: Math.round(confidence * 10) / 10,
    low: !!c.unreadable || (text !== '' && (confidence < LOW_CONFIDENCE || lowGlyphs.length > 0)),
    lowGlyphs,
    box: { ...(c.from?.box ?? c.box) },
    image: c.from?.image ?? image,
  };
}

/** A value cell: digits read as letters are mapped back (and marked low), anything else stays text. */
function valueCell(key: string, c: OcrCell | undefined, image: number): Cell {
  if (!c) return { ...makeCell(key, ''), kind: 'missing' };
  if (!isValueText(c))
    return { ...makeCell(key, clean(c.text)), placement: 'ocr', ocr: { ...readingOf(c, image), low: true } };
  if (c.unreadable)
    return { ...makeCell(key, '?'), placement: 'ocr', ocr: { ...readingOf(c, image), low: true } };
  let text = clean(c.text).replace(/[，,]$/, '');
  const reading = readingOf(c, image);
  if (!NUMERIC_RE.test(text) && !NA_TEXT_RE.test(text) && text.length <= 6) {
    const mapped = [...text].map((ch) => DIGIT_LOOKALIKE[ch] ?? ch).join('');
    if ((NUMERIC_RE.test(mapped) || NA_TEXT_RE.test(mapped)) && mapped !== text) {
      text = mapped;
      reading.low = true;
    }
  }
  return { ...makeCell(key, text), placement: 'ocr', ocr: reading };
}

// ---- the grid ---------------------------------------------------------------------------------------------

interface Band {
  y0: number;
  y1: number;
  /** Cells of the band, left to right: those that lie within it (merged rows excluded). */
  cells: OcrCell[];
}

/** Rows of the picture: the cells of the rightmost column give the bands. */
function bandsOf(cells: OcrCell[]): Band[] {
  if (cells.length === 0) return [];
  const right = Math.max(...cells.map((c) => c.box.x1));
  const edge = cells.filter((c) => Math.abs(c.box.x1 - right) <= 3).sort((a, b) => a.box.y0 - b.box.y0);
  return edge.map((e) => {
    const mid = (e.box.y0 + e.box.y1) / 2;
    const inBand = cells
      .filter((c) => c.box.y0 <= mid && c.box.y1 >= mid)
      .sort((a, b) => a.box.x0 - b.box.x0);
    return { y0: e.box.y0, y1: e.box.y1, cells: inBand };
  });
}

const isValueText = (c: OcrCell): boolean => {
  const t = clean(c.text);
  return (
    t === '' ||
    !!c.unreadable ||
    NUMERIC_RE.test(t) ||
    NA_TEXT_RE.test(t) ||
    [NUMERIC_RE, NA_TEXT_RE].some((re) => re.test([...t].map((ch) => DIGIT_LOOKALIKE[ch] ?? ch).join('')))
  );
};

/** The band's trailing value cells (n of them, from the right) and its label (the cell before them). */
function splitBand(b: Band, n: number): { label: OcrCell | null; values: OcrCell[] } | null {
  if (b.cells.length < n + 1) return null;
  const values = b.cells.slice(-n);
  // a figure misread as a glyph stays in place as an unreadable value; a band of mostly text is no data row
  if (values.filter(isValueText).length < n - Math.floor(n / 4)) return null;
  const label = b.cells[b.cells.length - n - 1] ?? null;
  if (label && isValueText(label) && clean(label.text) !== '') return null;
  return { label, values };
}

function classify(cells: OcrCell[]): TableKind | null {
  const all = labelKey(cells.map((c) => c.text).join(''));
  const has = (zh: string) => fuzzyContains(all, zh) !== null;
  if (has('本年新收政府信息公开申请数量') || has('结转下年度继续办理') || has('本年度办理结果')) return 't2';
  if ((has('行政复议') && has('行政诉讼')) || has('未经复议直接起诉')) return 't3';
  if (has('行政规范性文件') || has('行政事业性收费') || /第二十条/.test(all)) return 't1';
  return null;
}

const poor = (kind: TableKind | null, zh: string, en: string): OcrTableResult => ({
  ok: false,
  kind,
  reason: { zh, en },
});

/** Too many value cells that could not be read, or read with low confidence: the reading is not used. */
const MAX_LOW_SHARE = 0.25;

function finish(table: Table, kind: TableKind): OcrTableResult {
  const cells = table.rows.flatMap((r) => r.cells);
  const inked = cells.filter((c) => c.kind !== 'blank');
  const low = inked.filter((c) => c.ocr?.low || c.kind === 'text').length;
  if (inked.length > 0 && low / inked.length > MAX_LOW_SHARE)
    return poor(
      kind,
      `识别质量不足：${inked.length} 个有内容的单元格中 ${low} 个无法可靠识别`,
      `reading too poor: ${low} of ${inked.length} filled cells could not be read reliably`,
    );
  return { ok: true, table, lowCells: low, cells: cells.length };
}

function t2FromBands(bands: Band[], image: number): OcrTableResult {
  const nCols = T2_COLUMNS.length;
  const rows: TableRow[] = [];
  const labels: string[] = [];
  let prev: string | null = null;
  let single6 = false;
  for (const b of bands) {
    const split = splitBand(b, nCols);
    if (!split) continue;
    const label = labelKey(split.label?.text ?? '');
    labels.push(label);
    const used = new Set(rows.map((r) => r.id));
    let def = matchT2Row(label, prev);
    if (def && used.has(def.id)) def = null;
    if (!def) {
      // approximate, in template order: the first row after the previous one whose label is close enough
      const after = prev;
      const from: number = after ? T2_ROWS.findIndex((x) => x.id === after) + 1 : 0;
      def =
        T2_ROWS.slice(from).find(
          (r) =>
            !used.has(r.id) &&
            (r.id !== 'o3' || prev === 'o1' || prev === 'o2') &&
            fuzzyContains(label, r.zh) !== null,
        ) ?? null;
      if (!def && fuzzyContains(label, '其他处理') !== null && !used.has('o')) {
        def = T2_ROW_O;
        single6 = true;
      }
    }
    if (!def) continue;
    prev = def.id;
    const id = def.id;
    rows.push({
      id,
      label: split.label?.text ?? '',
      cells: T2_COLUMNS.map((col, k) => valueCell(`t2:${id}:${col.id}`, split.values[k], image)),
      lostCells: false,
    });
  }
  const expected = single6 ? T2_ROWS.length - 2 : T2_ROWS.length;
  const keyRows = ['new', 'total'].filter((id) => rows.some((r) => r.id === id)).length;
  if (rows.length < Math.ceil(expected * 0.8) || keyRows < 2)
    return poor(
      't2',
      `表格标签未能识别：只认出 ${rows.length} 行（应有 ${expected} 行）`,
      `labels not recognised: ${rows.length} of ${expected} rows found`,
    );
  const table: Table = {
    kind: 't2',
    source: 'ocr',
    reading: 'ocr',
    template: single6 ? '2019' : detectTemplate(labels),
    columns: T2_COLUMNS.map((c) => ({ id: c.id, label: c.zh })),
    rows,
    parts: 1,
    labels: [...new Set(labels)],
  };
  return finish(table, 't2');
}

function t3FromBands(bands: Band[], image: number): OcrTableResult {
  const n = T3_COLUMNS.length;
  const data = bands.find((b) => b.cells.length >= n && b.cells.slice(-n).every(isValueText));
  if (!data)
    return poor('t3', '未找到表三的数据行（15 个数值）', 'the data row of table 3 (15 values) was not found');
  const values = data.cells.slice(-n);
  const table: Table = {
    kind: 't3',
    source: 'ocr',
    reading: 'ocr',
    template: 'unknown',
    columns: T3_COLUMNS.map((c) => ({ id: c.id, label: c.zh })),
    rows: [
      {
        id: 'data',
        label: '',
        cells: T3_COLUMNS.map((col, k) => valueCell(`t3:data:${col.id}`, values[k], image)),
        lostCells: false,
      },
    ],
    parts: 1,
    labels: [],
  };
  return finish(table, 't3');
}

function t1FromBands(bands: Band[], image: number): OcrTableResult {
  const rows: TableRow[] = [];
  const labels: string[] = [];
  for (const b of bands) {
    // the label is the first cell; the values are the cells after it, when all of them are values
    const [first, ...rest] = b.cells;
    if (!first || rest.length === 0 || !rest.every(isValueText)) continue;
    const label = labelKey(first.text);
    labels.push(label);
    const def =
      T1_ROWS.find((d) => d.match.test(label)) ??
      T1_ROWS.find(
        (d) => d.zh.length >= 3 && fuzzyContains(label, d.zh) !== null && label.length <= d.zh.length + 2,
      );
    if (!def || rows.some((r) => r.id === def.id)) continue;
    rows.push({
      id: def.id,
      label: first.text,
      cells: rest.map((c, k) => valueCell(`t1:${def.id}:v${k + 1}`, c, image)),
      lostCells: false,
    });
  }
  if (rows.length < 4)
    return poor(
      't1',
      `表一标签未能识别：只认出 ${rows.length} 行`,
      `table 1 labels not recognised: ${rows.length} rows`,
    );
  const table: Table = {
    kind: 't1',
    source: 'ocr',
    reading: 'ocr',
    template: detectTemplate(labels),
    columns: [],
    rows,
    parts: 1,
    labels: [...new Set(labels)],
  };
  return finish(table, 't1');
}

/**
 * The report table in a picture, from its cells (each read on its own, or grouped from page-wide words by
 * cellsFromWords). `expect` is the table the page's section calls for, when known; `image` the picture's
 * block index (kept in each value for the overlay).
 */
export function tableFromCells(
  cells: OcrCell[],
  expect: TableKind | null = null,
  image = -1,
): OcrTableResult {
  if (cells.length < 4) return poor(expect, '图片中未找到表格线', 'no table rules found in the picture');
  const kind = classify(cells) ?? expect;
  if (!kind)
    return poor(null, '图片中未认出统计表的标签', 'no report table labels recognised in the picture');
  const bands = bandsOf(cells);
  if (kind === 't2') return t2FromBands(bands, image);
  if (kind === 't3') return t3FromBands(bands, image);
  return t1FromBands(bands, image);
}

/**
 * A table continued over several pictures (a long table 2 screenshotted page by page): their cells stacked
 * top to bottom, right edges aligned, each keeping its own picture and box for the overlay.
 */
export function stackPictures(parts: Array<{ cells: OcrCell[]; image: number }>): OcrCell[] {
  const out: OcrCell[] = [];
  let y = 0;
  const right = Math.max(0, ...parts.flatMap((p) => p.cells.map((c) => c.box.x1)));
  for (const p of parts) {
    if (p.cells.length === 0) continue;
    const top = Math.min(...p.cells.map((c) => c.box.y0));
    const bottom = Math.max(...p.cells.map((c) => c.box.y1));
    const dx = right - Math.max(...p.cells.map((c) => c.box.x1));
    const dy = y - top;
    const move = (b: Box): Box => ({ x0: b.x0 + dx, y0: b.y0 + dy, x1: b.x1 + dx, y1: b.y1 + dy });
    for (const c of p.cells)
      out.push({
        ...c,
        box: move(c.box),
        symbols: c.symbols.map((s) => ({ ...s, bbox: move(s.bbox) })),
        from: c.from ?? { image: p.image, box: c.box },
      });
    y += bottom - top;
  }
  return out;
}

/** The report table from OCR words and the picture's drawn rules. */
export function tableFromWords(
  words: OcrWord[],
  rules: Rules,
  expect: TableKind | null = null,
  image = -1,
): OcrTableResult {
  return tableFromCells(cellsFromWords(words, rules), expect, image);
}
