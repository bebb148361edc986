import { t2Checks } from '../arith';
import { sumFinding } from '../sum-finding';
import { defineRule, zhEn } from '../types';

export default defineRule({
  id: 't2-row-total',
  category: 'sum',
  severity: 'error',
  title: zhEn('表二行合计不等', 'Table 2 row total does not add up'),
  basis: zhEn(
    '《政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）表二：总计 = 自然人 + 法人或其他组织各列之和',
    'Annual report format (国办公开办函〔2021〕30号), table 2: total = natural persons + each legal-person column',
  ),
  fix: zhEn(
    '核对该行各申请人类别的数字，使“总计”等于各列之和。',
    'Recheck the row so that its total equals the sum of the applicant columns.',
  ),
  check(ctx) {
    return t2Checks(ctx)
      .filter((c) => c.kind === 'rowtotal' && c.status === 'mismatch')
      .map((c) => {
        const row = c.id.split(':')[2] ?? '';
        const label = ctx.rowLabel('t2', row);
        return sumFinding(ctx, c, { zh: `“${label}”一行`, en: `Row “${label}”` });
      });
  },
});
