/**
 * Report tables in plain text (Word: one cell per line; PDF: tab-separated rows), read by anchoring on the
 * known row labels in template order. A row with another number of values than the template is lostCells.
 */

import { NUMERAL_CLASS } from '../format/sections';
import {
  matchT2Group,
  matchT2Row,
  type RowDef,
  T1_ROWS,
  T2_COLUMNS,
  T2_ROW_O,
  T2_ROWS,
  T3_COLUMNS,
} from '../format/tables';
import type { Cell, Placement, Reading, Table, TableKind, TableRow } from '../model/schema';
import { labelKey, parseValue } from '../text/normalize';
import type { Block, TextBlock } from './blocks';
import { runTogetherTables } from './run-together';
import {
  type CellTokens,
  detectTemplate,
  type ExtractedTables,
  labelCellKey,
  makeCell,
  missingCell,
} from './table-cells';

/** A numbered top-level heading ("二、…"): a table in text ends before it. */
const SECTION_HEADING_RE = new RegExp(`^${NUMERAL_CLASS}+、`);

interface Tok {
  text: string;
  key: string;
  block: number;
  token: number;
  value: boolean;
  /** How sure the line's cutting is: cut at drawn rules or delimiters (exact) or by position. */
  placement: Placement;
  /** In a header row (labels only) of a delimited table. */
  header?: boolean;
}

function tokensOf(blocks: TextBlock[]): Tok[] {
  const out: Tok[] = [];
  for (const b of blocks) {
    const placement: Placement = b.placement === 'position' || b.shape === 'aligned' ? 'position' : 'exact';
    // a row of labels only (a Markdown table's header): never row labels of its own
    const parsed = b.tokens.map((t) => parseValue(t));
    const header =
      b.shape === 'pipe' && parsed.every((p) => (p.kind === 'text' && !p.figure) || p.kind === 'blank');
    const figures = parsed.some((p) => p.figure || p.kind === 'na');
    b.tokens.forEach((t, i) => {
      const p = parsed[i] as ReturnType<typeof parseValue>;
      out.push({
        text: t,
        key: labelKey(t),
        block: b.index,
        token: i,
        // an empty cell between filled ones of a row of figures (tab-separated, pipe) is a blank value
        value: p.figure || p.kind === 'na' || (p.kind === 'blank' && i > 0 && figures),
        placement,
        header,
      });
    });
  }
  return out;
}

/** A value cell from its token, keeping how surely it was placed. */
function valueCell(key: string, v: Tok): Cell {
  const c = makeCell(key, v.text);
  return v.placement === 'exact' ? c : { ...c, placement: v.placement };
}

/** How a text table was read, from the lines its values came from. */
function readingOf(
  vals: Array<Pick<Tok, 'block'>>,
  blocks: Map<number, TextBlock>,
  via: string | undefined,
): Reading {
  const shapes = vals.map((v) => blocks.get(v.block));
  if (via === 'pdf') return shapes.some((b) => b?.placement === 'position') ? 'pdf-position' : 'pdf-ruled';
  if (shapes.some((b) => b?.shape === 'aligned')) return 'text-aligned';
  if (shapes.some((b) => b?.shape === 'pipe')) return 'markdown';
  return 'text';
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

/** Longest common subsequence length (labels are short: quadratic is fine). */
function lcs(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(up, prev[j - 1] as number);
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/**
 * A label that lost or misread a few characters (a PDF font that drops glyphs, OCR: "2.其他法律行政止公开")
 * is taken for the row the template expects next when it carries that row's number, most of its
 * characters in order, and a full row of figures. Never for a label that matches nothing like it.
 */
function nearMatch(key: string, prev: string | null, values: number): RowDef | null {
  if (values !== 7 || prev === null) return null;
  const at = T2_ROWS.findIndex((r) => r.id === prev);
  const expected = T2_ROWS[at + 1];
  if (!expected || at < 0 || expected.id === 'total' || expected.id === 'forward') return null;
  const want = labelKey(expected.zh.replace(/^（[一二三四五六七]）(?=\d)/, '')).replace(/…$/, '');
  const num = /^(\d)\./.exec(want)?.[1];
  if (num && !key.startsWith(`${num}.`)) return null;
  const ratio = lcs(key, want) / Math.max(want.length, key.length);
  return ratio >= 0.7 ? expected : null;
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
    if (t.header) continue;
    let def = matchT2Row(t.key, prev);
    // a label broken over two lines: "1.申请人无正当理由逾期不补" + "正、行政机关…"
    let last = i;
    const next = toks[i + 1];
    const standalone = (k: string) => matchT2Row(k, prev) !== null || matchT2Group(k) !== null;
    if (!def && next && !next.value && !standalone(next.key)) {
      def = matchT2Row(t.key + next.key, prev);
      if (def) last = i + 1;
    }
    if (!def) def = nearMatch(t.key, prev, valuesAfter(toks, i).length);
    if (def) {
      // the rest of a wrapped label, and fragments of the group label beside it ("他处理"), before the
      // row's figures: at most three short fragments, never a label that stands for a row of its own
      let j = last;
      while (
        valuesAfter(toks, j).length === 0 &&
        j - last < 3 &&
        toks[j + 1] &&
        !toks[j + 1]?.value &&
        (toks[j + 1]?.key.length ?? 99) <= 30 &&
        (!standalone(toks[j + 1]?.key ?? '') || matchT2Row(toks[j + 1]?.key ?? '', prev) === def)
      )
        j++;
      if (valuesAfter(toks, j).length > 0) last = j;
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
    const again = rows.findIndex((r) => r.id === def?.id);
    // a row seen before without figures (a heading naming it) gives way to the row with its figures
    const replaces = again >= 0 && vals.length > 0 && rows[again]?.cells.every((c) => c.kind === 'blank');
    if (again >= 0 && !replaces) {
      if (prev === 'forward') break;
      continue;
    }
    if (replaces) rows.splice(again, 1);
    prev = def.id;
    end = last + vals.length;
    i = last;
    const fits = vals.length === T2_COLUMNS.length;
    const cells = T2_COLUMNS.map((col, k) => {
      const key = `t2:${def.id}:${col.id}`;
      const v = vals[k];
      if (vals.length === 0) return makeCell(key, ''); // a row with no figures: blank cells
      if (!fits || !v) return missingCell(key);
      cellTokens.set(key, { block: v.block, token: v.token });
      return valueCell(key, v);
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
    if (!t.value && SECTION_HEADING_RE.test(t.key)) break; // a section heading: the table ended
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
      return valueCell(key, v);
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
    if (/^行政复议(行政诉讼)?$/.test((toks[i] as Tok).key)) {
      start = i;
      break;
    }
  }
  if (start < 0) return null;
  const labels: string[] = [];
  const vals: Tok[] = [];
  // header labels (结果维持, 总 计, fragments of them as a PDF cuts them: "结 果", "其 他 结", "果"), then
  // the first run of figures; a section heading or a sentence ends the table
  // (three runs of five when each group is a table of its own, as Markdown exports set it)
  let run = 0;
  let inFives = true; // every run of figures so far had five: one group per table
  for (let i = start; i < stop && i - start < 100; i++) {
    const t = toks[i] as Tok;
    if (t.value) {
      vals.push(t);
      run++;
      continue;
    }
    if (run > 0 && run !== 5) inFives = false;
    run = 0;
    if (vals.length > 0 && !(inFives && vals.length < 15)) break;
    if (/^[一二三四五六七八九十]+、/.test(t.key) || t.key.length > 24 || /[。；]/.test(t.key)) break;
    labels.push(t.key);
    used.add(t.block);
  }
  for (const v of vals) used.add(v.block);
  const fits = vals.length === T3_COLUMNS.length;
  const cells = T3_COLUMNS.map((col, k) => {
    const key = `t3:data:${col.id}`;
    const v = vals[k];
    if (vals.length === 0) return makeCell(key, '');
    if (!fits || !v) return missingCell(key);
    cellTokens.set(key, { block: v.block, token: v.token });
    return valueCell(key, v);
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
  // a text that runs cells together (a crawler's) does it everywhere: read no table from it, say so
  const glued = runTogetherTables(text);
  if (glued) return glued;
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
  for (const b of text) if (b.shape === 'pipe') used.add(b.index); // a table row, never a heading
  const byIndex = new Map(text.map((b) => [b.index, b]));
  const via = text.some((b) => b.boxes) ? 'pdf' : undefined;
  for (const t of tables) {
    const vals: Array<Pick<Tok, 'block'>> = [];
    for (const row of t.rows)
      for (const c of row.cells) {
        const at = cellTokens.get(c.key);
        if (at) vals.push({ block: at.block });
      }
    t.reading = readingOf(vals, byIndex, via);
  }
  return { tables, cellEls: new Map(), cellTokens, tableBlocks: used };
}
