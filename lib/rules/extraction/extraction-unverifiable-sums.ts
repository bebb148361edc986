import { TABLES } from '../../format/tables';
import type { Cell, TableKind } from '../../model/schema';
import { type SumCheck, t2Checks, t3Checks } from '../arith';
import { defineRule, type RuleFinding, zhEn } from '../types';

const KIND_ZH: Record<Cell['kind'], string> = {
  number: '数字',
  blank: '空白',
  na: '“/”或“—”',
  text: '文字',
  missing: '缺格',
};
const KIND_EN: Record<Cell['kind'], string> = {
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
      const blockers = new Map<string, Cell>();
      for (const c of checks) for (const b of c.blockers) if (b.kind !== 'missing') blockers.set(b.key, b);
      if (blockers.size === 0) continue; // only lost cells: reported by extraction-lost-cells
      const kinds = new Map<Cell['kind'], number>();
      for (const b of blockers.values()) kinds.set(b.kind, (kinds.get(b.kind) ?? 0) + 1);
      const zh = [...kinds].map(([k, n]) => `${KIND_ZH[k]} ${n} 格`).join('、');
      const en = [...kinds].map(([k, n]) => `${n} ${KIND_EN[k]}`).join(', ');
      // would the sums hold if the blanks were 0? say so, as a hint for the reviewer
      const holdIfZero = checks.every((c) => {
        const v = (ts: typeof c.left) => ts.reduce((a, t) => a + (t.cell.value ?? 0), 0);
        return Math.abs(v(c.left) - v(c.right)) < 1e-9;
      });
      out.push({
        key: table,
        message: zhEn(
          `${TABLES[table].short.zh}共 ${total} 项勾稽核算中有 ${checks.length} 项含非数字单元格（${zh}），无法核验${holdIfZero ? '；若按 0 计，这些核算均成立' : '；即使按 0 计，部分核算也不成立，请人工复核'}。`,
          `${TABLES[table].short.en}: ${checks.length} of ${total} checks involve cells without a figure (${en}) and cannot be verified${holdIfZero ? '; read as 0, they would all hold' : '; even read as 0, some would fail: review by hand'}.`,
        ),
        targets: [...blockers.values()].map((b) => ctx.cellLoc(table, b)),
        ...(holdIfZero ? {} : { severity: 'warning' as const }),
      });
    }
    return out;
  },
});
