import { compareYmd, ymdString } from '../../detect/meta';
import { defineRule, zhEn } from '../types';

export default defineRule({
  id: 'year-period',
  category: 'year',
  severity: 'error',
  title: zhEn('统计期限与报告年度不符', 'Statistical period does not match the report year'),
  basis: zhEn(
    '年报格式：统计期限为报告年度的1月1日至12月31日',
    'Format: the statistical period is 1 January to 31 December of the report year',
  ),
  fix: zhEn(
    '将统计期限改为“自Y年1月1日起至Y年12月31日止”。',
    'Write the period as 1 January to 31 December of the report year.',
  ),
  check(ctx) {
    const p = ctx.report.period;
    const y = ctx.year;
    if (!p) {
      return [
        {
          key: 'absent',
          severity: 'warning',
          message: zhEn(
            '正文未写明统计期限（如“本报告所列数据的统计期限自…起至…止”）。',
            'The report does not state its statistical period.',
          ),
          targets: ctx.report.sections[0]
            ? [ctx.sectionLoc(ctx.report.sections[0].canonical)]
            : [{ type: 'page' }],
          fix: zhEn('在导语中写明统计期限。', 'State the statistical period in the introduction.'),
        },
      ];
    }
    if (!y || !p.from || !p.to) return []; // malformed dates: year-malformed-date
    const from = { y, m: 1, d: 1 };
    const to = { y, m: 12, d: 31 };
    if (compareYmd(p.from, from) === 0 && compareYmd(p.to, to) === 0) return [];
    const block = ctx.block(p.block);
    const loc =
      block?.kind === 'text'
        ? ctx.textLoc(block, p.start, p.start + p.raw.length)
        : ({ type: 'page' } as const);
    return [
      {
        key: 'mismatch',
        message: zhEn(
          `统计期限为 ${ymdString(p.from)} 至 ${ymdString(p.to)}，而报告年度为 ${y} 年（应为 ${ymdString(from)} 至 ${ymdString(to)}）。`,
          `The period is ${ymdString(p.from)} to ${ymdString(p.to)}, but the report year is ${y} (expected ${ymdString(from)} to ${ymdString(to)}).`,
        ),
        targets: [loc],
        evidence: { quote: p.raw },
      },
    ];
  },
});
