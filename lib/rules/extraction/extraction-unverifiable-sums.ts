import { TABLES } from '../../format/tables';
import type { Cell, TableKind } from '../../model/schema';
import { parseValue } from '../../text/normalize';
import { holdsIfZero, type SumCheck, t2Checks, t3Checks } from '../arith';
import { defineRule, type RuleFinding, zhEn } from '../types';

/** A cell's kind, with figures no double holds faithfully ("9007199254740993", "1e308") apart from text. */
type BlockerKind = Cell['kind'] | 'figure';
const blockerKind = (c: Cell): BlockerKind =>
  c.kind === 'text' && parseValue(c.raw).figure ? 'figure' : c.kind;

const KIND_ZH: Record<BlockerKind, string> = {
  figure: '超出范围或无法精确读取的数字',
  number: '数字',
  blank: '空白',
  na: '“/”或“—”',
  text: '文字',
  missing: '缺格',
};
const KIND_EN: Record<BlockerKind, string> = {
  figure: 'figures out of range or not exactly readable',
  number: 'number',
  blank: 'blank',
  na: '“/” or “—”',
  text: 'text',
  missing: 'lost',
};

export default defineRule({
  id: 'extraction-unverifiable-sums',
  category: 'extraction',
  severity: 'info',
  title: zhEn('部分合计无法核验', 'Some sums cannot be verified'),
  basis: zhEn('空白、“/”单元格表示未填报，不等同于 0', 'Blank and “/” cells mean “not stated”, not 0'),
  fix: zhEn(
    '年报格式要求逐项填报数字（无则填 0）；请人工核对这些单元格。',
    'The format expects a figure in every cell (0 when none); check these cells by hand.',
  ),
  check(ctx) {
    const out: RuleFinding[] = [];
    const byTable: Record<string, SumCheck[]> = {};
    for (const c of [...t2Checks(ctx), ...t3Checks(ctx)]) {
      if (c.status !== 'unverifiable') continue;
      const list = byTable[c.table] ?? [];
      list.push(c);
      byTable[c.table] = list;
    }
    for (const [table, checks] of Object.entries(byTable) as Array<[TableKind, SumCheck[]]>) {
      const total = (table === 't2' ? t2Checks(ctx) : t3Checks(ctx)).length;
      // all figures, but a side or the difference is past what can be stated exactly
      const range = checks.filter((c) => c.reason === 'range');
      if (range.length > 0) {
        const cells = new Map<string, Cell>();
        for (const c of range) for (const t of [...c.left, ...c.right]) cells.set(t.cell.key, t.cell);
        out.push({
          key: `${table}:range`,
          message: zhEn(
            `${TABLES[table].short.zh}共 ${total} 项勾稽核算中有 ${range.length} 项的合计或差额超出可精确核算的范围（整数超过 2^53 − 1 或小数超过 15 位有效数字），无法核验。`,
            `${TABLES[table].short.en}: ${range.length} of ${total} checks have a sum or difference past what can be computed exactly (an integer above 2^53 − 1 or a decimal of more than 15 significant digits) and cannot be verified.`,
          ),
          targets: [...cells.values()].map((c) => ctx.cellLoc(table, c)),
          fix: zhEn(
            '核对这些单元格的数字是否填错（件数不会大到无法核算）；请人工核对。',
            'Check whether these figures were entered wrongly (counts are never too large to add up); check by hand.',
          ),
        });
      }
      const blocked = checks.filter((c) => c.reason === 'cells');
      const blockers = new Map<string, Cell>();
      for (const c of blocked) for (const b of c.blockers) if (b.kind !== 'missing') blockers.set(b.key, b);
      if (blockers.size === 0) continue; // only lost cells: reported by extraction-lost-cells
      const kinds = new Map<BlockerKind, number>();
      for (const b of blockers.values()) {
        const k = blockerKind(b);
        kinds.set(k, (kinds.get(k) ?? 0) + 1);
      }
      const zh = [...kinds].map(([k, n]) => `${KIND_ZH[k]} ${n} 格`).join('、');
      const en = [...kinds].map(([k, n]) => `${n} ${KIND_EN[k]}`).join(', ');
      // would the sums hold if the blanks were 0? say so, as a hint for the reviewer
      const holdIfZero = blocked.every(holdsIfZero);
      out.push({
        key: table,
        message: zhEn(
          `${TABLES[table].short.zh}共 ${total} 项勾稽核算中有 ${blocked.length} 项含不能计算的单元格（${zh}），无法核验${holdIfZero ? '；若按 0 计，这些核算均成立' : '；即使按 0 计，部分核算也不成立，请人工复核'}。`,
          `${TABLES[table].short.en}: ${blocked.length} of ${total} checks involve cells without a usable figure (${en}) and cannot be verified${holdIfZero ? '; read as 0, they would all hold' : '; even read as 0, some would fail: review by hand'}.`,
        ),
        targets: [...blockers.values()].map((b) => ctx.cellLoc(table, b)),
        ...(holdIfZero ? {} : { severity: 'warning' as const }),
      });
    }
    return out;
  },
});
