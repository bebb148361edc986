import { T2_COLUMNS } from '../../format/tables';
import { isPreviousOf, previousName } from '../../history/compare';
import { agencyKey } from '../../history/snapshot';
import { defineRule, type RuleFinding, zhEn } from '../types';

/**
 * 二、上年结转(Y) = 四、结转下年度继续办理(Y−1), per column (DOMAIN.md §4, §11): exact in every consecutive
 * year of a real series. An error when both tables were read unambiguously, else a warning.
 */
export default defineRule({
  id: 'history-carry-over',
  category: 'history',
  severity: 'error',
  title: zhEn('上年结转与上年报告不符', 'Carry-over differs from last year’s report'),
  basis: zhEn(
    '年报格式表二：本年“二、上年结转政府信息公开申请数量”应等于上一年度报告“四、结转下年度继续办理”',
    'Format table 2: this year’s “II. carried over” equals last year’s “IV. carried to next year”',
  ),
  fix: zhEn(
    '核对两年报告表二的结转数，更正有误的一份。',
    'Check the carry-over figures of both years’ table 2 and correct the wrong one.',
  ),
  applies: (ctx) => !!ctx.previous && isPreviousOf(ctx.previous, ctx.year, agencyKey(ctx.report.agency)),
  check(ctx) {
    const prev = ctx.previous;
    if (!prev) return [];
    const out: RuleFinding[] = [];
    const name = previousName(prev);
    const exact = (ctx.table('t2')?.rows.every((r) => !r.lostCells) ?? false) && prev.exact.t2 === true;
    for (const col of T2_COLUMNS) {
      const cur = ctx.cell('t2', 'carried', col.id);
      const before = prev.figures[`t2:forward:${col.id}`];
      if (cur?.kind !== 'number' || cur.value === null || before === undefined) continue;
      if (cur.value === before) continue;
      const d = cur.value - before;
      out.push({
        key: `t2:carried:${col.id}`,
        severity: exact ? 'error' : 'warning',
        message: zhEn(
          `“二、上年结转”${col.zh} ${cur.value} ≠ ${name.zh}“四、结转下年度继续办理”${col.zh} ${before}，差 ${d}${exact ? '' : '（表格读取不完全确定，请对照原文核实）'}`,
          `“II. carried over” ${col.zh} ${cur.value} ≠ “IV. carried to next year” ${before} in ${name.en}, difference ${d}${exact ? '' : ' (the tables were not read with certainty: check the originals)'}`,
        ),
        targets: [ctx.cellLoc('t2', cur)],
        evidence: { expected: before, found: cur.value, difference: d, quote: prev.url },
      });
    }
    return out;
  },
});
