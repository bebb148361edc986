import { defineRule, zhEn } from '../types';

export default defineRule({
  id: 'section-five-last-year',
  category: 'section',
  severity: 'warning',
  title: zhEn('未报告上年度问题的整改情况', 'No account of last year’s problems'),
  basis: zhEn(
    '《政府信息公开条例》第五十条第（四）项；年报格式第五部分：报告存在的主要问题及改进情况，含上年度问题的整改落实情况',
    'Regulation art. 50(4); format part 5: this year’s problems and how last year’s problems were fixed',
  ),
  fix: zhEn(
    '在第五部分增加“上年度存在问题改进情况”，逐条说明上一年报告所列问题的整改结果。',
    'Add an account of how the problems named in last year’s report were fixed.',
  ),
  check(ctx) {
    const blocks = ctx.sectionBlocks(5);
    if (ctx.sections(5).length === 0) return [];
    const text = blocks.map((b) => b.text).join('\n');
    if (text.trim() === '') {
      return [
        {
          key: 'empty',
          severity: 'error',
          message: zhEn('第五部分没有内容。', 'Section 5 is empty.'),
          targets: [ctx.sectionLoc(5)],
        },
      ];
    }
    const y = ctx.year;
    const prevYear = y ? new RegExp(`${y - 1}\\s*年`) : null;
    if (prevYear?.test(text) || /上一?年度|去年|上年|以前年度|往年/.test(text)) return [];
    return [
      {
        key: 'last-year',
        message: zhEn(
          `第五部分未提及${y ? `${y - 1}年度（上一年度）` : '上一年度'}存在问题的整改情况，只写了本年度问题。`,
          `Section 5 does not mention how ${y ? `${y - 1}’s` : 'last year’s'} problems were fixed; only this year’s are given.`,
        ),
        targets: [ctx.sectionLoc(5)],
      },
    ];
  },
});
