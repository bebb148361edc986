/**
 * What a rule sees: the serialisable report and its block text, plus helpers to read cells and section text
 * and to make locators. No element of the page: rules run the same on a Report read back from JSON.
 */
import { type Budget, OutOfTime, UNLIMITED } from '../budget';
import type { Ymd } from '../detect/meta';
import { T1_ROWS, T2_COLUMNS, T2_ROW_BY_ID, T3_COLUMNS, TABLES } from '../format/tables';
import type { ReportSnapshot } from '../history/snapshot';
import type { BlockText, Cell, Locator, Report, Section, Table, TableKind, TableRow } from '../model/schema';

/** What rules run on: the model and the text of its blocks (both serialisable). */
export interface RuleInput {
  report: Report;
  text: readonly BlockText[];
}

export interface RuleContext {
  report: Report;
  now: Ymd;
  year: number | null;
  /**
   * The same body's report of the year before, when known (store, crawl): for the cross-year rules. While
   * it is still being looked up, reading it postpones the rule until it is in (lib/audit.ts): a rule never
   * catches what this throws.
   */
  previous: ReportSnapshot | null;
  table(kind: TableKind): Table | undefined;
  row(kind: TableKind, id: string): TableRow | undefined;
  cell(kind: TableKind, rowId: string, colId: string): Cell | undefined;
  /** Locator of a cell, with its human label ("表二 （七）总计 × 自然人"). */
  cellLoc(kind: TableKind, cell: Cell): Locator;
  /** Short label of a cell for messages ("自然人", "（七）总计·总计"). */
  colLabel(kind: TableKind, colId: string): string;
  rowLabel(kind: TableKind, rowId: string): string;
  /** A block's text by index (report.period.block, report.signature.block…). */
  block(index: number): BlockText | undefined;
  sections(n: number): Section[];
  /** Text blocks of a section's body (outside tables). */
  sectionBlocks(n: number): BlockText[];
  /** All text blocks outside tables. */
  narrative(): BlockText[];
  textLoc(block: BlockText, start: number, end: number): Locator;
  sectionLoc(n: number): Locator;
  /** Computed once per audit and shared by the rules that need it (e.g. the table arithmetic). */
  memo<T>(key: string, compute: () => T): T;
}

/**
 * The text blocks rules walk, timed: iterating them (for…of, spread) past the audit's deadline throws
 * OutOfTime, so a rule in a long walk over a big page stops inside its loop; the audit lists it as skipped.
 */
function timed<T>(items: T[], budget: Budget): T[] {
  if (budget.ms === Number.POSITIVE_INFINITY) return items;
  const list = [...items];
  Object.defineProperty(list, Symbol.iterator, {
    value: function* () {
      for (const x of items) {
        if (budget.expired()) throw new OutOfTime();
        yield x;
      }
    },
  });
  return list;
}

export function createContext(
  input: RuleInput,
  now: Ymd,
  budget: Budget = UNLIMITED,
  previous: ReportSnapshot | null = null,
): RuleContext {
  const { report, text } = input;
  const tables: Partial<Record<TableKind, Table>> = {};
  for (const t of report.tables) tables[t.kind] = t;
  const cells = new Map<string, Cell>();
  const rows = new Map<string, TableRow>();
  for (const t of Object.values(tables)) {
    if (!t) continue;
    for (const r of t.rows) {
      if (!rows.has(`${t.kind}:${r.id}`)) rows.set(`${t.kind}:${r.id}`, r);
      for (const c of r.cells) if (!cells.has(c.key)) cells.set(c.key, c);
    }
  }
  const memo = new Map<string, unknown>();
  const narrative = timed(
    text.filter((b) => b.kind === 'text' && !b.inTable),
    budget,
  );
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
    report,
    now,
    year: report.reportYear,
    previous,
    table: (kind) => tables[kind],
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
        label: `${TABLES[kind].short.zh} ${rl ? `${rl} × ` : ''}${colLabel(kind, colId)}`,
      };
    },
    colLabel,
    rowLabel,
    block: (index) => text[index],
    sections: (n) => report.sections.filter((s) => s.canonical === n),
    sectionBlocks: (n) => {
      const s = report.sections.find((x) => x.canonical === n);
      if (!s) return [];
      return timed(
        narrative.filter((b) => b.index >= s.bodyStart && b.index < s.bodyEnd),
        budget,
      );
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
      const s = report.sections.find((x) => x.canonical === n);
      return { type: 'section', section: n, block: s ? s.block : null };
    },
  };
  return ctx;
}
