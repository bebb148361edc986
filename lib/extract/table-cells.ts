/**
 * What the HTML and the text table readers share: cell construction, label keys, classification.
 */

import { LABELS_2019, LABELS_2021 } from '../format/template2019';
import type { Cell, Table, TableKind } from '../model/schema';
import { labelKey, parseValue } from '../text/normalize';
import type { Grid, GridCell } from './grid';

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

export function registerLabels(kind: TableKind, grid: Grid, cellEls: CellElements, labels: string[]): void {
  for (const cell of grid.cells) {
    if (!cell.text || parseValue(cell.text).kind === 'number') continue;
    const key = labelKey(cell.text);
    labels.push(key);
    const k = labelCellKey(kind, key);
    if (!cellEls.has(k)) cellEls.set(k, cell.el);
  }
}

export function cellsByRow(grid: Grid): GridCell[][] {
  const out: GridCell[][] = grid.slots.map(() => []);
  for (const c of grid.cells) out[c.row]?.push(c);
  return out;
}

export function makeCell(key: string, raw: string): Cell {
  const p = parseValue(raw);
  return { key, raw, kind: p.kind, value: p.value, decimal: p.decimal, unit: p.unit };
}

export function missingCell(key: string): Cell {
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

export function detectTemplate(labels: string[]): Table['template'] {
  if (labels.some((l) => LABELS_2019.some((t) => !t.variant && t.match.test(l)))) return '2019';
  if (labels.some((l) => LABELS_2021.some((re) => re.test(l)))) return '2021';
  return 'unknown';
}
