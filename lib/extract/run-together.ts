/**
 * Text whose table cells ran together without separators ("801000081", as crawlers copy tables): no value
 * can be told apart, so no table is read from it; each table it shows is built from the template with every
 * cell missing, and says why (Table.runTogether).
 */
import { T1_ROWS, T2_COLUMNS, T2_ROW_O, T2_ROWS, T3_COLUMNS } from '../format/tables';
import type { Table, TableKind, TableRow } from '../model/schema';
import { labelKey } from '../text/normalize';
import type { TextBlock } from './blocks';
import { type ExtractedTables, missingCell } from './table-cells';

/** Where a text ran a table's cells together: a row label glued to more digits than it has cells. */
const RUN_TOGETHER: Record<TableKind, RegExp> = {
  t1: /信息内容.*?(?:规章|行政规范性文件|规范性文件|行政许可|行政处罚|行政强制)(\d{3,})(?=\D|$)/,
  t2: /(?:本年新收政府信息公开申请数量|上年结转政府信息公开申请数量|结转下年度继续办理|（七）总计)(\d{7,})/,
  t3: /(?:总计|审结)(\d{15,})(?=\D|$)/,
};

/**
 * A table whose cells the text ran together without separators ("801000081"): its rows are known from the
 * template but no value can be told apart, so every cell is missing and the table says why.
 */
function runTogetherTable(kind: TableKind, example: string, labels: string[]): Table {
  const single6 = kind === 't2' && labels.some((l) => /其他处理\d{7,}/.test(l));
  const rows: TableRow[] =
    kind === 't2'
      ? [...T2_ROWS.filter((r) => !(single6 && /^o\d$/.test(r.id))), ...(single6 ? [T2_ROW_O] : [])].map(
          (r) => ({
            id: r.id,
            label: r.zh,
            cells: T2_COLUMNS.map((c) => missingCell(`t2:${r.id}:${c.id}`)),
            lostCells: true,
          }),
        )
      : kind === 't3'
        ? [
            {
              id: 'data',
              label: '',
              cells: T3_COLUMNS.map((c) => missingCell(`t3:data:${c.id}`)),
              lostCells: true,
            },
          ]
        : T1_ROWS.filter((r) => labels.some((l) => l.includes(r.zh))).map((r) => ({
            id: r.id,
            label: r.zh,
            cells: (r.id === 'gz' || r.id === 'gf' ? ['v1', 'v2', 'v3'] : ['v1']).map((v) =>
              missingCell(`t1:${r.id}:${v}`),
            ),
            lostCells: true,
          }));
  return {
    kind,
    source: 'text',
    template: kind === 't2' && single6 ? '2019' : 'unknown',
    columns:
      kind === 't2'
        ? T2_COLUMNS.map((c) => ({ id: c.id, label: c.zh }))
        : kind === 't3'
          ? T3_COLUMNS.map((c) => ({ id: c.id, label: c.zh }))
          : [],
    rows,
    parts: 1,
    labels: [],
    reading: 'text',
    runTogether: example,
  };
}

/** The tables of a text that runs cells together, or null when it does not. */
export function runTogetherTables(text: TextBlock[]): ExtractedTables | null {
  const glued = new Map<TableKind, Table>();
  const gluedBlocks = new Set<number>();
  for (const kind of ['t1', 't2', 't3'] as const) {
    for (const b of text) {
      const hit = b.tokens.map((t) => RUN_TOGETHER[kind].exec(labelKey(t))).find((m) => m);
      if (!hit) continue;
      const example =
        kind === 't1'
          ? hit[0].replace(/^.*?(?=(行政)?规范性文件|规章|行政许可|行政处罚|行政强制)/, '')
          : hit[0];
      glued.set(kind, runTogetherTable(kind, example.slice(-40), b.tokens.map(labelKey)));
      gluedBlocks.add(b.index);
      break;
    }
  }
  if (glued.size === 0) return null;
  return { tables: [...glued.values()], cellEls: new Map(), cellTokens: new Map(), tableBlocks: gluedBlocks };
}
