import { defineRule, zhEn } from '../types';

export default defineRule({
  id: 'extraction-year-unknown',
  category: 'extraction',
  severity: 'info',
  title: zhEn('无法确定报告年度', 'Report year unknown'),
  basis: zhEn(
    '报告年度取自标题，其次取统计期限',
    'The report year comes from the title, else from the statistical period',
  ),
  fix: zhEn(
    '在标题中写明报告年度，如“××2025年政府信息公开工作年度报告”。',
    'Name the year in the title, e.g. “…2025年政府信息公开工作年度报告”.',
  ),
  check(ctx) {
    if (ctx.year !== null) {
      if (ctx.report.yearSource === 'period') {
        return [
          {
            key: 'period',
            message: zhEn(
              `未找到写明年度的报告标题，报告年度按统计期限取为 ${ctx.year} 年。`,
              `No title naming the report year was found; ${ctx.year} is taken from the statistical period.`,
            ),
            targets: [{ type: 'page' }],
          },
        ];
      }
      if (ctx.report.yearSource !== 'narrative') return [];
      return [
        {
          key: 'narrative',
          message: zhEn(
            `标题和统计期限均未写明年度，按正文推定为 ${ctx.year} 年；年份相关检查以此为准。`,
            `Neither the title nor a statistical period names the year; ${ctx.year} is inferred from the text and used for the year checks.`,
          ),
          targets: [{ type: 'page' }],
        },
      ];
    }
    return [
      {
        key: 'unknown',
        message: zhEn(
          '未能确定报告年度，年份和期限相关检查未进行。',
          'The report year could not be determined; year and deadline checks did not run.',
        ),
        targets: [{ type: 'page' }],
      },
    ];
  },
});
