/**
 * Recognise the three report tables, from HTML grids (several <table>s joined when a table continues after
 * a page break) or from text lines anchored on the known row labels (Word/PDF extractions).
 * Values are placed by the template's columns; rows whose cell count does not fit are marked lostCells
 * and never guessed.
 */
import type { Cell, Table, TableKind, TableRow } from '../model/schema';
import { labelKey, parseValue } from '../text/normalize';
import type { Block, TableBlock, TextBlock } from './blocks';
import type { Grid, GridCell } from './grid';
import {
  LABELS_2019,
  LABELS_2021,
  matchT2Group,
  matchT2Row,
  type RowDef,
  T1_ROWS,
  T2_COLUMNS,
  T2_ROW_O,
  T3_COLUMNS,
} from './templates';

/** Cell key → element, for the overlay. */
export type CellElements = Map<string, Element>;
/** Cell key → [block index, token index] for text input. */
export type CellTokens = Map<string, { block: number; token: number }>;

export interface ExtractedTables {
  tables: Table[];
  cellEls: CellElements;
  cellTokens: CellTokens;
  /** Blocks that belong to a table (never headings or narrative). */
  tableBlocks: Set<number>;
}

/** Key of a label cell (header or row label), for template findings: "t1:label:规范性文件". */
export function labelCellKey(kind: TableKind, label: string): string {
  return `${kind}:label:${label}`;
}

function registerLabels(kind: TableKind, grid: Grid, cellEls: CellElements, labels: string[]): void {
  for (const cell of grid.cells) {
    if (!cell.text || parseValue(cell.text).kind === 'number') continue;
    const key = labelKey(cell.text);
    labels.push(key);
    const k = labelCellKey(kind, key);
    if (!cellEls.has(k)) cellEls.set(k, cell.el);
  }
}

function cellsByRow(grid: Grid): GridCell[][] {
  const out: GridCell[][] = grid.slots.map(() => []);
  for (const c of grid.cells) out[c.row]?.push(c);
  return out;
}

function makeCell(key: string, raw: string): Cell {
  const p = parseValue(raw);
  return { key, raw, kind: p.kind, value: p.value, decimal: p.decimal, unit: p.unit };
}

function missingCell(key: string): Cell {
  return { key, raw: '', kind: 'missing', value: null, decimal: false, unit: null };
}

export function classifyTableText(text: string): TableKind | null {
  const k = labelKey(text);
  if (/本年新收|上年结转|结转下年度|本年度办理结果/.test(k) || (/申请人情况/.test(k) && /自然人/.test(k)))
    return 't2';
  if (/行政复议/.test(k) && /行政诉讼/.test(k)) return 't3';
  if (/第二十条/.test(k) || (/信息内容/.test(k) && /规章|行政许可|行政处罚|行政事业性收费/.test(k)))
    return 't1';
  if (/结果维持|结果纠正|尚未审结/.test(k)) return 't3';
  return null;
}

function detectTemplate(labels: string[]): Table['template'] {
  if (labels.some((l) => LABELS_2019.some((t) => !t.variant && t.match.test(l)))) return '2019';
  if (labels.some((l) => LABELS_2021.some((re) => re.test(l)))) return '2021';
  return 'unknown';
}

// ---- HTML --------------------------------------------------------------------------------------------

interface Part {
  block: TableBlock;
  grid: Grid;
}

/** Column index (in grid) → T2 column id, from the header rows; null when there is no header. */
function t2HeaderMap(grid: Grid): Map<number, string> | null {
  const map = new Map<number, string>();
  const headerRows: number[] = [];
  for (let r = 0; r < grid.slots.length; r++) {
    const texts = (grid.slots[r] ?? []).map((s) => (s ? labelKey(s.text) : ''));
    if (texts.some((t) => /本年新收|上年结转|办理结果/.test(t))) break;
    headerRows.push(r);
  }
  for (let c = 0; c < grid.width; c++) {
    for (let i = headerRows.length - 1; i >= 0; i--) {
      const slot = grid.slots[headerRows[i] as number]?.[c];
      if (!slot) continue;
      const key = labelKey(slot.text);
      const col = T2_COLUMNS.find((d) => d.match.test(key));
      if (col && slot.colspan === 1) {
        map.set(c, col.id);
        break;
      }
    }
  }
  return map.size >= 5 ? map : null;
}

function rowIsEmpty(grid: Grid, r: number): boolean {
  return (grid.slots[r] ?? []).every((s) => !s || s.text === '' || s.row !== r);
}

function buildT2FromHtml(parts: Part[], cellEls: CellElements): Table {
  const rows: TableRow[] = [];
  const labels: string[] = [];
  const seen = new Set<string>();
  let prev: string | null = null;
  let colMap: Map<number, string> | null = null;
  let mapWidth = 0;
  let single6 = false;
  for (const { grid } of parts) {
    const own = t2HeaderMap(grid);
    if (own) {
      colMap = own;
      mapWidth = grid.width;
    }
    registerLabels('t2', grid, cellEls, labels);
    // Columns of this part: the header's, shifted right-aligned when the part is narrower or wider.
    const shift = colMap ? grid.width - mapWidth : 0;
    const cols: Array<[number, string]> = colMap
      ? [...colMap].map(([c, id]) => [c + shift, id] as [number, string])
      : T2_COLUMNS.map((d, i) => [grid.width - 7 + i, d.id] as [number, string]);
    const firstValueCol = Math.min(...cols.map(([c]) => c));
    for (let r = 0; r < grid.slots.length; r++) {
      const slots = grid.slots[r] ?? [];
      if (rowIsEmpty(grid, r)) continue;
      // label: distinct non-empty cells left of the values; the rightmost is the most specific
      const labelCells: GridCell[] = [];
      for (let c = 0; c < Math.max(firstValueCol, 0); c++) {
        const s = slots[c];
        if (s?.text && labelCells[labelCells.length - 1] !== s) labelCells.push(s);
      }
      const spanning = slots.find((s) => s && s.col < firstValueCol && s.col + s.colspan > firstValueCol);
      const specific = labelKey(labelCells[labelCells.length - 1]?.text ?? '');
      const full = labelCells.map((c) => labelKey(c.text)).join('');
      let def: RowDef | null = specific ? matchT2Row(specific, prev) : null;
      if (!def && full) def = matchT2Row(full, prev);
      if (!def && /其他处理/.test(specific)) {
        const hasValues = cols.some(([c]) => slots[c] && slots[c]?.row === r && slots[c]?.text !== '');
        if (hasValues) {
          def = T2_ROW_O;
          single6 = true;
        }
      }
      if (!def || spanning) {
        if (prev !== null && !spanning && !matchT2Group(full) && labelCells.length > 0 && r > 0) {
          rows.push({ id: '?', label: labelCells.map((c) => c.text).join(' '), cells: [], lostCells: false });
        }
        continue;
      }
      if (seen.has(def.id)) continue;
      seen.add(def.id);
      prev = def.id;
      const cells: Cell[] = [];
      const short = slots.length < grid.width || slots.some((s) => s === undefined);
      for (const [c, colId] of cols) {
        const key = `t2:${def.id}:${colId}`;
        const s = slots[c];
        if (!s || short || c < 0) {
          cells.push(missingCell(key));
          continue;
        }
        cells.push(makeCell(key, s.text));
        cellEls.set(key, s.el);
      }
      rows.push({
        id: def.id,
        label: labelCells.map((c) => c.text).join(' '),
        cells,
        lostCells: short || cols.some(([c]) => c < 0),
      });
    }
  }
  const template = single6 ? '2019' : detectTemplate(labels);
  const found = colMap ? new Set(colMap.values()) : null;
  return {
    kind: 't2',
    source: 'html',
    template,
    columns: T2_COLUMNS.filter((c) => !found || found.has(c.id)).map((c) => ({ id: c.id, label: c.zh })),
    rows,
    parts: parts.length,
    labels: [...new Set(labels)],
  };
}

function buildT3FromHtml(parts: Part[], cellEls: CellElements): Table {
  const labels: string[] = [];
  const rows: TableRow[] = [];
  for (const { grid } of parts) {
    registerLabels('t3', grid, cellEls, labels);
    const byRow = cellsByRow(grid);
    for (let r = 0; r < grid.slots.length && rows.length === 0; r++) {
      const own = byRow[r] ?? [];
      const valueLike = own.filter((c) => parseValue(c.text).kind !== 'text');
      // the data row: (nearly) all value-like cells — figures, blank or "/" — and more than a header row has
      if (own.length < 10 || valueLike.length < own.length - 1) continue;
      const slots = grid.slots[r] ?? [];
      const short = slots.length < grid.width || slots.some((s) => s === undefined) || grid.width < 15;
      const start = grid.width - 15;
      const cells: Cell[] = T3_COLUMNS.map((col, i) => {
        const key = `t3:data:${col.id}`;
        const s = slots[start + i];
        if (!s || short || s.row !== r) return missingCell(key);
        cellEls.set(key, s.el);
        return makeCell(key, s.text);
      });
      const lost = short || new Set(slots.slice(Math.max(start, 0))).size !== 15;
      rows.push({ id: 'data', label: '', cells, lostCells: lost });
    }
  }
  return {
    kind: 't3',
    source: 'html',
    template: 'unknown',
    columns: T3_COLUMNS.map((c) => ({ id: c.id, label: c.zh })),
    rows,
    parts: parts.length,
    labels: [...new Set(labels)],
  };
}

function buildT1FromHtml(parts: Part[], cellEls: CellElements): Table {
  const labels: string[] = [];
  const rows: TableRow[] = [];
  for (const { grid } of parts) {
    registerLabels('t1', grid, cellEls, labels);
    const byRow = cellsByRow(grid);
    for (let r = 0; r < grid.slots.length; r++) {
      const own = byRow[r] ?? [];
      const first = own[0];
      if (!first) continue;
      const def = T1_ROWS.find((d) => d.match.test(labelKey(first.text)));
      if (!def || rows.some((x) => x.id === def.id)) continue;
      const cells = own.slice(1).map((c, i) => {
        const key = `t1:${def.id}:v${i + 1}`;
        cellEls.set(key, c.el);
        return makeCell(key, c.text);
      });
      rows.push({ id: def.id, label: first.text, cells, lostCells: false });
    }
  }
  return {
    kind: 't1',
    source: 'html',
    template: detectTemplate(labels),
    columns: [],
    rows,
    parts: parts.length,
    labels: [...new Set(labels)],
  };
}

/**
 * Group HTML table blocks into report tables. A table that continues after a page break (a second <table>
 * of the same kind, or one with no header of its own, before the next heading) joins the previous one.
 */
export function tablesFromBlocks(blocks: Block[], isHeading: (b: TextBlock) => boolean): ExtractedTables {
  const cellEls: CellElements = new Map();
  const groups = new Map<TableKind, Part[]>();
  const tableBlocks = new Set<number>();
  let last: TableKind | null = null;
  for (const b of blocks) {
    if (b.kind === 'text' && isHeading(b)) last = null;
    if (b.kind !== 'table') continue;
    let kind = classifyTableText(b.text);
    if (!kind && last && b.grid.width >= 2) kind = last; // a headerless continuation
    if (!kind) continue;
    if (kind !== last && groups.has(kind)) {
      // a second, separate table of a kind already read: keep the first
      if (last !== null) continue;
    }
    tableBlocks.add(b.index);
    const list = groups.get(kind) ?? [];
    list.push({ block: b, grid: b.grid });
    groups.set(kind, list);
    last = kind;
  }
  const tables: Table[] = [];
  const t1 = groups.get('t1');
  if (t1) tables.push(buildT1FromHtml(t1, cellEls));
  const t2 = groups.get('t2');
  if (t2) tables.push(buildT2FromHtml(t2, cellEls));
  const t3 = groups.get('t3');
  if (t3) tables.push(buildT3FromHtml(t3, cellEls));
  return { tables, cellEls, cellTokens: new Map(), tableBlocks };
}

// ---- Text --------------------------------------------------------------------------------------------

interface Tok {
  text: string;
  key: string;
  block: number;
  token: number;
  value: boolean;
}

function tokensOf(blocks: TextBlock[]): Tok[] {
  const out: Tok[] = [];
  for (const b of blocks) {
    b.tokens.forEach((t, i) => {
      const kind = parseValue(t).kind;
      out.push({
        text: t,
        key: labelKey(t),
        block: b.index,
        token: i,
        value: kind === 'number' || kind === 'na',
      });
    });
  }
  return out;
}

function registerTextLabel(kind: TableKind, t: Tok, cellTokens: CellTokens): void {
  const k = labelCellKey(kind, t.key);
  if (!cellTokens.has(k)) cellTokens.set(k, { block: t.block, token: t.token });
}

function valuesAfter(toks: Tok[], i: number): Tok[] {
  const vals: Tok[] = [];
  for (let j = i + 1; j < toks.length && toks[j]?.value; j++) vals.push(toks[j] as Tok);
  return vals;
}

function textT2(toks: Tok[], cellTokens: CellTokens, used: Set<number>): Table | null {
  const start = toks.findIndex((t) => /本年新收/.test(t.key));
  if (start < 0) return null;
  const rows: TableRow[] = [];
  const labels: string[] = [];
  let prev: string | null = null;
  let single6 = false;
  let end = start;
  for (let i = start; i < toks.length; i++) {
    const t = toks[i] as Tok;
    if (t.value) continue;
    labels.push(t.key);
    registerTextLabel('t2', t, cellTokens);
    let def = matchT2Row(t.key, prev);
    // a label broken over two lines: "1.申请人无正当理由逾期不补" + "正、行政机关…"
    let last = i;
    const next = toks[i + 1];
    const standalone = (k: string) => matchT2Row(k, prev) !== null || matchT2Group(k) !== null;
    if (!def && next && !next.value && !standalone(next.key)) {
      def = matchT2Row(t.key + next.key, prev);
      if (def) last = i + 1;
    } else if (def && next && !next.value && !standalone(next.key) && valuesAfter(toks, i + 1).length > 0) {
      last = i + 1;
    }
    const vals = valuesAfter(toks, last);
    if (!def && /其他处理/.test(t.key) && vals.length > 0) {
      def = T2_ROW_O;
      single6 = true;
    }
    if (!def) {
      if (prev === 'forward') break;
      continue;
    }
    if (rows.some((r) => r.id === def.id)) {
      if (prev === 'forward') break;
      continue;
    }
    prev = def.id;
    end = last + vals.length;
    i = last;
    const fits = vals.length === 7;
    const cells = T2_COLUMNS.map((col, k) => {
      const key = `t2:${def.id}:${col.id}`;
      const v = vals[k];
      if (vals.length === 0) return makeCell(key, ''); // a row with no figures: blank cells
      if (!fits || !v) return missingCell(key);
      cellTokens.set(key, { block: v.block, token: v.token });
      return makeCell(key, v.text);
    });
    rows.push({ id: def.id, label: t.text, cells, lostCells: vals.length > 0 && !fits });
    if (def.id === 'forward') break;
  }
  for (let i = start; i <= end; i++) used.add((toks[i] as Tok).block);
  return {
    kind: 't2',
    source: 'text',
    template: single6 ? '2019' : detectTemplate(labels),
    columns: T2_COLUMNS.map((c) => ({ id: c.id, label: c.zh })),
    rows,
    parts: 1,
    labels: [...new Set(labels)],
  };
}

function textT1(toks: Tok[], cellTokens: CellTokens, used: Set<number>, stop: number): Table | null {
  const start = toks.findIndex((t) => /^第二十条/.test(t.key));
  if (start < 0 || start >= stop) return null;
  const rows: TableRow[] = [];
  const labels: string[] = [];
  for (let i = start; i < stop; i++) {
    const t = toks[i] as Tok;
    if (!t.value && /^[一二三四五六七八九十]+、/.test(t.key)) break; // a section heading: the table ended
    used.add(t.block);
    if (t.value) continue;
    labels.push(t.key);
    registerTextLabel('t1', t, cellTokens);
    const def = T1_ROWS.find((d) => d.match.test(t.key));
    if (!def || rows.some((r) => r.id === def.id)) continue;
    const vals = valuesAfter(toks, i);
    const cells = vals.map((v, k) => {
      const key = `t1:${def.id}:v${k + 1}`;
      cellTokens.set(key, { block: v.block, token: v.token });
      return makeCell(key, v.text);
    });
    rows.push({ id: def.id, label: t.text, cells, lostCells: false });
    if (def.id === 'fee' || def.id === 'cg') {
      if (def.id === 'cg' || !toks.slice(i + 1, stop).some((x) => /采购/.test(x.key))) {
        for (const v of vals) used.add(v.block);
        break;
      }
    }
  }
  return {
    kind: 't1',
    source: 'text',
    template: detectTemplate(labels),
    columns: [],
    rows,
    parts: 1,
    labels: [...new Set(labels)],
  };
}

function textT3(
  toks: Tok[],
  cellTokens: CellTokens,
  used: Set<number>,
  from: number,
  stop: number,
): Table | null {
  let start = -1;
  for (let i = from; i < stop; i++) {
    if (/^行政复议$/.test((toks[i] as Tok).key)) {
      start = i;
      break;
    }
  }
  if (start < 0) return null;
  const labels: string[] = [];
  const vals: Tok[] = [];
  let i = start;
  for (; i < stop; i++) {
    const t = toks[i] as Tok;
    if (t.value) vals.push(t);
    else if (vals.length > 0) break;
    else if (!/复议|诉讼|结果|维持|纠正|审结|尚未|总计|^总$|^计$|其他|起诉|^审结$/.test(t.key)) break;
    else labels.push(t.key);
    used.add(t.block);
  }
  const fits = vals.length === 15;
  const cells = T3_COLUMNS.map((col, k) => {
    const key = `t3:data:${col.id}`;
    const v = vals[k];
    if (vals.length === 0) return makeCell(key, '');
    if (!fits || !v) return missingCell(key);
    cellTokens.set(key, { block: v.block, token: v.token });
    return makeCell(key, v.text);
  });
  return {
    kind: 't3',
    source: 'text',
    template: 'unknown',
    columns: T3_COLUMNS.map((c) => ({ id: c.id, label: c.zh })),
    rows: [{ id: 'data', label: '', cells, lostCells: vals.length > 0 && !fits }],
    parts: 1,
    labels: [...new Set(labels)],
  };
}

/** Tables in plain text, anchored on the known labels. */
export function tablesFromText(blocks: Block[]): ExtractedTables {
  const text = blocks.filter((b): b is TextBlock => b.kind === 'text');
  const toks = tokensOf(text);
  const cellTokens: CellTokens = new Map();
  const used = new Set<number>();
  const tables: Table[] = [];
  const t2Start = toks.findIndex((t) => /本年新收/.test(t.key));
  const t2HeaderStart = toks.findIndex((t) => /勾稽关系|第一项加第二项|申请人情况/.test(t.key));
  const t1Stop = [t2HeaderStart, t2Start].filter((x) => x >= 0).sort((a, b) => a - b)[0] ?? toks.length;
  const t1 = textT1(toks, cellTokens, used, t1Stop);
  if (t1) tables.push(t1);
  const usedBefore = new Set(used);
  const t2 = textT2(toks, cellTokens, used);
  if (t2) tables.push(t2);
  if (t2HeaderStart >= 0 && t2Start > t2HeaderStart) {
    for (let i = t2HeaderStart; i < t2Start; i++) used.add((toks[i] as Tok).block);
  }
  let t3From = 0;
  if (t2) {
    const lastT2 = Math.max(...[...used].filter((b) => !usedBefore.has(b)));
    t3From = toks.findIndex((t) => t.block > lastT2);
    if (t3From < 0) t3From = toks.length;
  }
  const t3 = textT3(toks, cellTokens, used, t3From, toks.length);
  if (t3) tables.push(t3);
  return { tables, cellEls: new Map(), cellTokens, tableBlocks: used };
}
