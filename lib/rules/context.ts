/**
 * What a rule sees: the extracted report plus helpers to read cells, section text and make locators.
 */
import type { Ymd } from '../detect/meta';
import type { TextBlock } from '../extract/blocks';
import type { Extracted } from '../extract/index';
import { SECTION_DEFS } from '../extract/sections';
import { T1_ROWS, T2_COLUMNS, T2_ROW_BY_ID, T3_COLUMNS } from '../extract/templates';
import type { ReportSnapshot } from '../history/snapshot';
import type { Cell, Locator, Report, Section, Table, TableKind, TableRow } from '../model/schema';

export const TABLE_NAMES: Record<TableKind, { zh: string; en: string }> = {
  t1: { zh: '表一（主动公开）', en: 'Table 1 (proactive disclosure)' },
  t2: { zh: '表二（依申请公开）', en: 'Table 2 (requests)' },
  t3: { zh: '表三（复议诉讼）', en: 'Table 3 (review and litigation)' },
};

export interface RuleContext {
  ex: Extracted;
  report: Report;
  now: Ymd;
  year: number | null;
  /** The same body's report of the year before, when known (store, crawl): for the cross-year rules. */
  previous: ReportSnapshot | null;
  table(kind: TableKind): Table | undefined;
  row(kind: TableKind, id: string): TableRow | undefined;
  cell(kind: TableKind, rowId: string, colId: string): Cell | undefined;
  /** Locator of a cell, with its human label ("表二 （七）总计 × 自然人"). */
  cellLoc(kind: TableKind, cell: Cell): Locator;
  /** Short label of a cell for messages ("自然人", "（七）总计·总计"). */
  colLabel(kind: TableKind, colId: string): string;
  rowLabel(kind: TableKind, rowId: string): string;
  sections(n: number): Section[];
  /** Text blocks of a section's body (outside tables). */
  sectionBlocks(n: number): TextBlock[];
  /** All text blocks outside tables. */
  narrative(): TextBlock[];
  textLoc(block: TextBlock, start: number, end: number): Locator;
  sectionLoc(n: number): Locator;
  /** Computed once per audit and shared by the rules that need it (e.g. the table arithmetic). */
  memo<T>(key: string, compute: () => T): T;
}

export function createContext(ex: Extracted, now: Ymd, previous: ReportSnapshot | null = null): RuleContext {
  const tableBlocks = ex.tableBlocks;
  const cells = new Map<string, Cell>();
  const rows = new Map<string, TableRow>();
  for (const t of Object.values(ex.tables)) {
    if (!t) continue;
    for (const r of t.rows) {
      if (!rows.has(`${t.kind}:${r.id}`)) rows.set(`${t.kind}:${r.id}`, r);
      for (const c of r.cells) if (!cells.has(c.key)) cells.set(c.key, c);
    }
  }
  const memo = new Map<string, unknown>();
  const narrative = ex.blocks.filter((b): b is TextBlock => b.kind === 'text' && !tableBlocks.has(b.index));
  const colLabel = (kind: TableKind, colId: string): string => {
    if (kind === 't2') return T2_COLUMNS.find((c) => c.id === colId)?.zh ?? colId;
    if (kind === 't3') return T3_COLUMNS.find((c) => c.id === colId)?.zh ?? colId;
    return colId.replace(/^v/, '第') + (colId.startsWith('v') ? '列' : '');
  };
  const rowLabel = (kind: TableKind, rowId: string): string => {
    if (kind === 't2') return T2_ROW_BY_ID[rowId]?.zh ?? rowId;
    if (kind === 't1') return T1_ROWS.find((r) => r.id === rowId)?.zh ?? rowId;
    return '';
  };
  const ctx: RuleContext = {
    ex,
    report: ex.report,
    now,
    year: ex.report.reportYear,
    previous,
    table: (kind) => ex.tables[kind],
    row: (kind, id) => rows.get(`${kind}:${id}`),
    cell: (kind, rowId, colId) => cells.get(`${kind}:${rowId}:${colId}`),
    memo: <T>(key: string, compute: () => T): T => {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
    cellLoc: (kind, cell) => {
      const [, rowId = '', colId = ''] = cell.key.split(':');
      const rl = rowLabel(kind, rowId);
      return {
        type: 'cell',
        table: kind,
        key: cell.key,
        label: `${TABLE_NAMES[kind].zh} ${rl ? `${rl} × ` : ''}${colLabel(kind, colId)}`,
      };
    },
    colLabel,
    rowLabel,
    sections: (n) => ex.sections.filter((s) => s.canonical === n),
    sectionBlocks: (n) => {
      const s = ex.sections.find((x) => x.canonical === n);
      if (!s) return [];
      return narrative.filter((b) => b.index >= s.bodyStart && b.index < s.bodyEnd);
    },
    narrative: () => narrative,
    textLoc: (block, start, end) => ({
      type: 'text',
      block: block.index,
      start,
      end,
      excerpt: block.text.slice(Math.max(0, start - 12), Math.min(block.text.length, end + 12)),
    }),
    sectionLoc: (n) => {
      const s = ex.sections.find((x) => x.canonical === n);
      return { type: 'section', section: n, block: s ? s.block : null };
    },
  };
  return ctx;
}

export function sectionName(n: number): { zh: string; en: string } {
  const d = SECTION_DEFS.find((x) => x.n === n);
  return d ? { zh: d.zh, en: d.en } : { zh: String(n), en: String(n) };
}
