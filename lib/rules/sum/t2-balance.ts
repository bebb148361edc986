import { t2Checks } from '../arith';
import { sumFinding } from '../sum-finding';
import { defineRule, zhEn } from '../types';

export default defineRule({
  id: 't2-balance',
  category: 'sum',
  severity: 'error',
  title: zhEn('表二勾稽关系不成立（一 + 二 ≠ 三 + 四）', 'Table 2 balance fails (I + II ≠ III + IV)'),
  basis: zhEn(
    '年报格式表二表头注：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”',
    'Format, table 2 header note: item I + item II = item III (total results) + item IV, in every column',
  ),
  fix: zhEn(
    '核对本年新收、上年结转、办理结果总计和结转下年度的数字，使两边相等。',
    'Recheck received, carried over, total handled and carried forward so both sides match.',
  ),
  check(ctx) {
    return t2Checks(ctx)
      .filter((c) => c.kind === 'balance' && c.status === 'mismatch')
      .map((c) => {
        const col = ctx.colLabel('t2', c.id.split(':')[2] ?? '');
        // the derived cell (（七）总计) first: it is where the balance is usually broken
        const f = sumFinding(ctx, c, { zh: `“${col}”列`, en: `Column “${col}”` });
        const [a, b, s7, fw] = f.targets;
        f.targets = [s7, fw, a, b].filter((x) => x !== undefined);
        return f;
      });
  },
});
