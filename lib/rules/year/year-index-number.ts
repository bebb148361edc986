import { defineRule, zhEn } from '../types';

export default defineRule({
  id: 'year-index-number',
  category: 'year',
  severity: 'info',
  title: zhEn('索引号年份与发布年份不一致', 'Index number year unusual'),
  basis: zhEn(
    '索引号中的年份通常为发布年份，即报告年度的次年',
    'The index number carries the posting year, normally the year after the report year',
  ),
  fix: zhEn(
    '核对索引号和报告年度是否对应。',
    'Check that the index number and the report year belong together.',
  ),
  check(ctx) {
    const y = ctx.year;
    const iy = ctx.report.indexYear;
    if (!y || !iy || iy === y + 1) return [];
    return [
      {
        key: 'year',
        message: zhEn(
          `索引号 ${ctx.report.indexNumber} 的年份为 ${iy}，而 ${y} 年度报告通常在 ${y + 1} 年发布。`,
          `Index number ${ctx.report.indexNumber} carries ${iy}; a ${y} report is normally posted in ${y + 1}.`,
        ),
        targets: [{ type: 'page' }],
        evidence: { expected: y + 1, found: iy },
      },
    ];
  },
});
