/**
 * Report tables from HTML grids: columns placed by the header (right-aligned when a part has none), rows by
 * their most specific label, parts after a page break joined; rows whose cells do not fit are marked
 * lostCells and never guessed.
 */

import {
  matchT2Group,
  matchT2Row,
  type RowDef,
  T1_ROWS,
  T2_COLUMNS,
  T2_ROW_O,
  T3_COLUMNS,
} from '../format/tables';
import type { Cell, Table, TableKind, TableRow } from '../model/schema';
import { labelKey, parseValue } from '../text/normalize';
import type { Block, TableBlock, TextBlock } from './blocks';
import type { Grid, GridCell } from './grid';
import {
  type CellElements,
  cellsByRow,
  classifyTableText,
  detectTemplate,
  type ExtractedTables,
  makeCell,
  missingCell,
  registerLabels,
} from './table-cells';

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

/**
 * The header's data columns when it does not name the format's columns (t2HeaderMap found none): from the
 * first column headed 自然人 / 法人或其他组织 / 总计 to the right edge, one label per distinct header cell.
 * Null when there is no such header.
 */
function t2HeaderShape(grid: Grid): { first: number; header: string[] } | null {
  const headerRows: number[] = [];
  for (let r = 0; r < grid.slots.length; r++) {
    const texts = (grid.slots[r] ?? []).map((s) => (s ? labelKey(s.text) : ''));
    if (texts.some((t) => /本年新收|上年结转|办理结果/.test(t))) break;
    headerRows.push(r);
  }
  const isColumnHead = (t: string) => /^(自然人|法人或其他组织|总计)$/.test(t);
  let first = -1;
  for (let c = 0; c < grid.width && first < 0; c++)
    for (const r of headerRows) if (isColumnHead(labelKey(grid.slots[r]?.[c]?.text ?? ''))) first = c;
  if (first < 0) return null;
  const header: string[] = [];
  let last: GridCell | null = null;
  for (let c = first; c < grid.width; c++) {
    // the lowest header cell of the column (the leaf: 商业企业 under 法人或其他组织)
    let leaf: GridCell | null = null;
    for (const r of headerRows) {
      const s = grid.slots[r]?.[c];
      if (s?.text && s.colspan === 1) leaf = s;
    }
    if (leaf && leaf !== last) header.push(leaf.text.replace(/\s+/g, ''));
    if (leaf) last = leaf;
  }
  return { first, header };
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
  let shape: Table['shape'];
  for (const { grid } of parts) {
    const own = t2HeaderMap(grid);
    if (own) {
      colMap = own;
      mapWidth = grid.width;
    }
    registerLabels('t2', grid, cellEls, labels);
    const odd = !own && !colMap && !shape ? t2HeaderShape(grid) : null;
    if (odd && odd.header.length !== T2_COLUMNS.length) {
      // the header has another number of data columns: rows are recognised, no value is placed
      shape = { valueColumns: odd.header.length, header: odd.header };
      rows.push(...unplacedT2Rows(grid, odd.first, seen));
      continue;
    }
    // Columns of this part: the header's, shifted right-aligned when the part is narrower or wider.
    const shift = colMap ? grid.width - mapWidth : 0;
    const cols: Array<[number, string]> = colMap
      ? [...colMap].map(([c, id]) => [c + shift, id] as [number, string])
      : T2_COLUMNS.map((d, i) => [grid.width - T2_COLUMNS.length + i, d.id] as [number, string]);
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
    ...(shape ? { shape } : {}),
  };
}

/** The rows of a table 2 whose columns differ from the format: labels read, every value cell missing. */
function unplacedT2Rows(grid: Grid, firstValueCol: number, seen: Set<string>): TableRow[] {
  const rows: TableRow[] = [];
  let prev: string | null = null;
  for (let r = 0; r < grid.slots.length; r++) {
    if (rowIsEmpty(grid, r)) continue;
    const slots = grid.slots[r] ?? [];
    const labelCells: GridCell[] = [];
    for (let c = 0; c < firstValueCol; c++) {
      const s = slots[c];
      if (s?.text && labelCells[labelCells.length - 1] !== s) labelCells.push(s);
    }
    const specific = labelKey(labelCells[labelCells.length - 1]?.text ?? '');
    const full = labelCells.map((c) => labelKey(c.text)).join('');
    const def: RowDef | null =
      (specific ? matchT2Row(specific, prev) : null) ?? (full ? matchT2Row(full, prev) : null);
    if (!def || seen.has(def.id)) continue;
    seen.add(def.id);
    prev = def.id;
    rows.push({
      id: def.id,
      label: labelCells.map((c) => c.text).join(' '),
      cells: T2_COLUMNS.map((col) => missingCell(`t2:${def.id}:${col.id}`)),
      lostCells: true,
    });
  }
  return rows;
}

function buildT3FromHtml(parts: Part[], cellEls: CellElements): Table {
  const labels: string[] = [];
  const rows: TableRow[] = [];
  for (const { grid } of parts) {
    registerLabels('t3', grid, cellEls, labels);
    const byRow = cellsByRow(grid);
    for (let r = 0; r < grid.slots.length && rows.length === 0; r++) {
      const own = byRow[r] ?? [];
      const valueLike = own.filter((c) => {
        const p = parseValue(c.text);
        return p.kind !== 'text' || p.figure;
      });
      // the data row: (nearly) all value-like cells — figures, blank or "/" — and more than a header row has
      if (own.length < 10 || valueLike.length < own.length - 1) continue;
      const slots = grid.slots[r] ?? [];
      const short =
        slots.length < grid.width || slots.some((s) => s === undefined) || grid.width < T3_COLUMNS.length;
      const start = grid.width - T3_COLUMNS.length;
      const cells: Cell[] = T3_COLUMNS.map((col, i) => {
        const key = `t3:data:${col.id}`;
        const s = slots[start + i];
        if (!s || short || s.row !== r) return missingCell(key);
        cellEls.set(key, s.el);
        return makeCell(key, s.text);
      });
      const lost = short || new Set(slots.slice(Math.max(start, 0))).size !== T3_COLUMNS.length;
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
