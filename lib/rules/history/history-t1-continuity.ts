import { isPreviousOf, previousName } from '../../history/compare';
import { agencyKey } from '../../history/snapshot';
import { defineRule, type RuleFinding, zhEn } from '../types';

const ROWS = [
  { id: 'gz', zh: '规章', en: 'rules' },
  { id: 'gf', zh: '行政规范性文件', en: 'normative documents' },
] as const;

/**
 * 现行有效(Y) = 现行有效(Y−1) + 本年制发(Y) − 本年废止(Y) for 规章 and 行政规范性文件 (DOMAIN.md §11). Held in
 * only 1 of 4 real year pairs: a warning at most; info when the report speaks of a 清理 or of repeal, or
 * aggregates a whole region.
 */
export default defineRule({
  id: 'history-t1-continuity',
  category: 'history',
  severity: 'warning',
  title: zhEn('现行有效件数与上年不衔接', 'Documents in force do not follow from last year'),
  basis: zhEn(
    '年报格式表一：现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数',
    'Format table 1: in force = last year’s in force + issued this year − repealed this year',
  ),
  fix: zhEn(
    '核对现行有效件数；如因集中清理等原因变化，在正文中说明。',
    'Check the number in force; if a clean-up changed it, say so in the text.',
  ),
  applies: (ctx) => !!ctx.previous && isPreviousOf(ctx.previous, ctx.year, agencyKey(ctx.report.agency)),
  check(ctx) {
    const prev = ctx.previous;
    if (!prev) return [];
    const explained = ctx.narrative().some((b) => /清理|废止|失效|宣布失效|集中修订/.test(b.text));
    const regionWide = ctx.report.bodyKind === 'government';
    const name = previousName(prev);
    const out: RuleFinding[] = [];
    for (const row of ROWS) {
      const made = ctx.cell('t1', row.id, 'v1');
      const gone = ctx.cell('t1', row.id, 'v2');
      const now = ctx.cell('t1', row.id, 'v3');
      const before = prev.figures[`t1:${row.id}:v3`];
      if (!made || !gone || !now || before === undefined) continue;
      if (made.value === null || gone.value === null || now.value === null) continue;
      if (made.kind !== 'number' || gone.kind !== 'number' || now.kind !== 'number') continue;
      const expected = before + made.value - gone.value;
      if (expected === now.value) continue;
      const d = now.value - expected;
      const why = explained
        ? zhEn(
            '（正文提到清理或废止，差异可能由此而来）',
            ' (the text mentions a clean-up or repeal, which may explain it)',
          )
        : regionWide
          ? zhEn(
              '（本级政府年报汇总全区数据，口径可能不同）',
              ' (a region-wide report aggregates, so the basis may differ)',
            )
          : zhEn('', '');
      out.push({
        key: `t1:${row.id}:v3`,
        severity: explained || regionWide ? 'info' : 'warning',
        message: zhEn(
          `${row.zh}现行有效 ${now.value} ≠ ${name.zh}现行有效 ${before} + 本年制发 ${made.value} − 本年废止 ${gone.value} = ${expected}，差 ${d}${why.zh}`,
          `${row.en} in force ${now.value} ≠ ${before} in force in ${name.en} + ${made.value} issued − ${gone.value} repealed = ${expected}, difference ${d}${why.en}`,
        ),
        targets: [ctx.cellLoc('t1', now), ctx.cellLoc('t1', made), ctx.cellLoc('t1', gone)],
        evidence: { expected, found: now.value, difference: d, quote: prev.url },
      });
    }
    return out;
  },
});
