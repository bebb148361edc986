import { T3_GROUPS } from '../../format/tables';
import { t3Checks } from '../arith';
import { sumFinding } from '../sum-finding';
import { defineRule, zhEn } from '../types';

export default defineRule({
  id: 't3-totals',
  category: 'sum',
  severity: 'error',
  title: zhEn('表三总计与各结果之和不等', 'Table 3 total does not add up'),
  basis: zhEn(
    '年报格式表三：行政复议、未经复议直接起诉、复议后起诉三组，各组总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
    'Format, table 3: in each of the three groups, total = upheld + corrected + other + pending',
  ),
  fix: zhEn(
    '核对该组各结果的件数，使总计等于其和。',
    'Recheck the group’s results so that its total equals their sum.',
  ),
  check(ctx) {
    return t3Checks(ctx)
      .filter((c) => c.status === 'mismatch')
      .map((c) => {
        const g = T3_GROUPS.find((x) => `t3:${x.id}` === c.id);
        return sumFinding(ctx, c, { zh: `“${g?.zh ?? ''}”组`, en: `Group “${g?.en ?? ''}”` });
      });
  },
});
