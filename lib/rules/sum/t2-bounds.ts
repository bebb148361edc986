import { T2_COLUMNS } from '../../format/tables';
import { exactSum, fmt } from '../arith';
import { ocrCaveat } from '../sum-finding';
import { defineRule, type RuleFinding, zhEn } from '../types';

export default defineRule({
  id: 't2-bounds',
  category: 'sum',
  severity: 'error',
  title: zhEn('表二数值超出范围', 'Table 2 value out of range'),
  basis: zhEn(
    '年报格式表二：各项为件数，应为非负整数；结转下年度不能多于本年新收与上年结转之和',
    'Format, table 2: counts are whole numbers ≥ 0; carried forward cannot exceed received + carried over',
  ),
  fix: zhEn(
    '改正为非负整数，并核对结转下年度的数字。',
    'Correct to a whole number ≥ 0 and recheck the carried-forward figure.',
  ),
  check(ctx) {
    const t = ctx.table('t2');
    if (!t) return [];
    const out: RuleFinding[] = [];
    for (const row of t.rows)
      for (const cell of row.cells) {
        if (cell.kind !== 'number' || cell.value === null) continue;
        if (cell.value < 0 || !Number.isInteger(cell.value)) {
          out.push({
            ...ocrCaveat(
              [cell],
              zhEn(
                `件数应为非负整数，此处为“${cell.raw}”。`,
                `A count must be a whole number ≥ 0; found “${cell.raw}”.`,
              ),
            ),
            targets: [ctx.cellLoc('t2', cell)],
            evidence: { found: cell.value },
          });
        }
      }
    for (const col of T2_COLUMNS) {
      const a = ctx.cell('t2', 'new', col.id);
      const b = ctx.cell('t2', 'carried', col.id);
      const f = ctx.cell('t2', 'forward', col.id);
      if (a?.value == null || b?.value == null || f?.value == null) continue;
      if (a.kind !== 'number' || b.kind !== 'number' || f.kind !== 'number') continue;
      const inflow = exactSum([a.value, b.value]);
      const excess = exactSum([f.value], [a.value, b.value]);
      if (inflow === null || excess === null) continue; // past exact arithmetic: not verifiable
      if (excess > 0) {
        out.push({
          key: `forward:${col.id}`,
          ...ocrCaveat(
            [a, b, f],
            zhEn(
              `“${col.zh}”列结转下年度 ${fmt(f.value)} 大于本年新收 ${fmt(a.value)} + 上年结转 ${fmt(b.value)} = ${fmt(inflow)}。`,
              `Column “${col.zh}”: carried forward ${fmt(f.value)} exceeds received ${fmt(a.value)} + carried over ${fmt(b.value)} = ${fmt(inflow)}.`,
            ),
          ),
          targets: [ctx.cellLoc('t2', f), ctx.cellLoc('t2', a), ctx.cellLoc('t2', b)],
          evidence: { expected: inflow, found: f.value, difference: excess },
        });
      }
    }
    return out;
  },
});
