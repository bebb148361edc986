import { defineRule, type RuleFinding, zhEn } from '../types';

export default defineRule({
  id: 'year-section-five',
  category: 'year',
  severity: 'warning',
  title: zhEn('第五部分年份不符', 'Wrong year in section 5'),
  basis: zhEn(
    '年报格式第五部分：报告本年度（Y年）问题和上一年度（Y−1年）问题的整改情况',
    'Format part 5: this year’s (Y) problems and the fixing of last year’s (Y−1)',
  ),
  fix: zhEn(
    '核对第五部分的年份：上年度应为 Y−1，本年度应为 Y。',
    'Check the years in section 5: last year is Y−1, this year is Y.',
  ),
  check(ctx) {
    const y = ctx.year;
    if (!y) return [];
    const out: RuleFinding[] = [];
    for (const b of ctx.sectionBlocks(5)) {
      for (const m of b.text.matchAll(/(?<!\d)((?:19|20)\d{2})\s*年/g)) {
        const z = Number(m[1]);
        if (z >= y - 1 && z <= y + 1) continue;
        const i = m.index ?? 0;
        out.push({
          message: zhEn(
            `第五部分提到 ${z} 年；报告年度为 ${y} 年，上年度应为 ${y - 1} 年：疑似沿用旧报告。`,
            `Section 5 names ${z}; the report year is ${y} and last year is ${y - 1}: likely copied from an older report.`,
          ),
          targets: [ctx.textLoc(b, i, i + m[0].length)],
          evidence: { expected: y - 1, found: z },
        });
      }
    }
    return out;
  },
});
