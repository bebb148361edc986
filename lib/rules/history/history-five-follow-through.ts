import { isPreviousOf, previousName } from '../../history/compare';
import { contentBigrams, problemsOf, sharedWith, TAKEN_UP } from '../../history/problems';
import { agencyKey } from '../../history/snapshot';
import { defineRule, zhEn } from '../types';

/** Section 五 of year Y accounts for the problems the report of Y−1 listed (DOMAIN.md §2, §11). */
export default defineRule({
  id: 'history-five-follow-through',
  category: 'history',
  severity: 'warning',
  title: zhEn('未回应上年报告所列问题', 'Last year’s problems not followed up'),
  basis: zhEn(
    '《政府信息公开条例》第五十条第（四）项；年报格式第五部分应报告上一年度存在问题的整改情况',
    'Regulation art. 50(4); part 5 reports how the problems of the previous report were fixed',
  ),
  fix: zhEn(
    '在第五部分逐条说明上年报告所列问题的整改结果。',
    'In part 5, say for each problem of last year’s report how it was fixed.',
  ),
  applies: (ctx) =>
    !!ctx.previous &&
    isPreviousOf(ctx.previous, ctx.year, agencyKey(ctx.report.agency)) &&
    !!ctx.previous.sections['5'] &&
    ctx.sections(5).length > 0,
  check(ctx) {
    const prev = ctx.previous;
    const before = prev?.sections['5'];
    if (!prev || !before) return [];
    const problems = problemsOf(before, prev.year);
    if (problems.length === 0) return [];
    const blocks = ctx.sectionBlocks(5);
    const mine = contentBigrams(blocks.map((b) => b.text).join('\n'));
    if (mine.size === 0) return [];
    if (problems.some((p) => sharedWith(p, mine) >= TAKEN_UP)) return [];
    const name = previousName(prev);
    const list = problems
      .slice(0, 3)
      .map((p) => `“${p.length > 40 ? `${p.slice(0, 40)}…` : p}”`)
      .join('；');
    return [
      {
        key: 'follow-through',
        message: zhEn(
          `${name.zh}第五部分列出 ${problems.length} 个问题（${list}${problems.length > 3 ? '等' : ''}），本年第五部分未见对其中任何一个的整改说明。`,
          `${name.en} lists ${problems.length} problems in part 5 (${list}); this year’s part 5 takes up none of them.`,
        ),
        targets: [ctx.sectionLoc(5)],
        evidence: { quote: problems[0] ?? '' },
      },
    ];
  },
});
