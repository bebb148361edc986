import { defineRule, zhEn } from '../types';

export default defineRule({
  id: 'year-narrative-stale',
  category: 'year',
  severity: 'warning',
  title: zhEn('正文年份疑似沿用上年报告', 'Narrative speaks of the previous year'),
  basis: zhEn('年报应报告本年度（Y年）的工作情况', 'The report covers the report year Y'),
  fix: zhEn(
    '核对正文中的年份，改为报告年度并更新相应内容。',
    'Check the years in the text; update them and the content to the report year.',
  ),
  check(ctx) {
    const y = ctx.year;
    if (!y) return [];
    const scope = ctx.sections(1).length ? ctx.sectionBlocks(1) : ctx.narrative();
    const prev = new RegExp(`(?<!\\d)${y - 1}\\s*年(?!度?存在)`, 'g');
    const cur = new RegExp(`(?<!\\d)${y}\\s*年`);
    const hits: Array<{ b: (typeof scope)[number]; i: number; len: number }> = [];
    let curCount = 0;
    for (const b of scope) {
      if (cur.test(b.text)) curCount++;
      prev.lastIndex = 0;
      for (let m = prev.exec(b.text); m; m = prev.exec(b.text))
        hits.push({ b, i: m.index, len: m[0].length });
    }
    if (hits.length === 0 || curCount > 0) return [];
    return [
      {
        key: 'stale',
        message: zhEn(
          `报告年度为 ${y} 年，但${ctx.sections(1).length ? '“总体情况”' : '正文'}只提到 ${y - 1} 年（${hits.length} 处），未提到 ${y} 年：疑似沿用上年报告。`,
          `The report year is ${y}, but the ${ctx.sections(1).length ? 'overview' : 'text'} names only ${y - 1} (${hits.length}×), never ${y}: likely copied from last year’s report.`,
        ),
        targets: hits.slice(0, 6).map((h) => ctx.textLoc(h.b, h.i, h.i + h.len)),
      },
    ];
  },
});
