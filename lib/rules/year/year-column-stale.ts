import { compareYmd, REPORT_TITLE_RE, ymdString } from '../../detect/meta';
import { latestDeadline } from '../../format/deadlines';
import { defineRule, zhEn } from '../types';

/**
 * On a 年报 column (list) page: is the newest listed report recent enough, given today's date?
 */
export default defineRule({
  id: 'year-column-stale',
  category: 'year',
  severity: 'warning',
  title: zhEn('年报栏目未及时更新', 'Report column not up to date'),
  basis: zhEn(
    '《政府信息公开条例》第四十九条：每年1月31日/3月31日前公布上一年度年报',
    'Regulation art. 49: last year’s report is due by 31 January / 31 March',
  ),
  fix: zhEn(
    '发布上一年度的年报，或核对栏目是否遗漏。',
    'Publish last year’s report, or check the column for a missing entry.',
  ),
  allPages: true,
  check(ctx) {
    if (ctx.report.isReport) return [];
    const years: number[] = [];
    for (const b of ctx.narrative()) {
      if (b.text.length > 120 || !REPORT_TITLE_RE.test(b.text)) continue;
      const m = /((?:19|20)\d{2})\s*年/.exec(b.text);
      if (m) years.push(Number(m[1]));
    }
    const column = ctx.report.columnName ?? '';
    if (years.length < 2 && !/年报|年度报告/.test(column)) return [];
    if (years.length === 0) return [];
    const newest = Math.max(...years);
    const due = ctx.now.y - 1;
    const deadline = latestDeadline(due);
    if (newest >= due || compareYmd(ctx.now, deadline) <= 0) return [];
    return [
      {
        key: 'stale',
        message: zhEn(
          `栏目中最新的年报为 ${newest} 年度；${due} 年度年报应于 ${ymdString(deadline)} 前发布，今天（${ymdString(ctx.now)}）仍未见。`,
          `The newest report listed is for ${newest}; the ${due} report was due by ${ymdString(deadline)} and is not listed today (${ymdString(ctx.now)}).`,
        ),
        targets: [{ type: 'page' }],
        evidence: { expected: due, found: newest },
      },
    ];
  },
});
