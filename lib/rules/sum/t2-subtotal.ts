import { t2Checks } from '../arith';
import { sumFinding } from '../sum-finding';
import { defineRule, zhEn } from '../types';

export default defineRule({
  id: 't2-subtotal',
  category: 'sum',
  severity: 'error',
  title: zhEn('表二（七）总计与各办理结果之和不等', 'Table 2 (7) total ≠ sum of the handling results'),
  basis: zhEn(
    '年报格式表二：“（七）总计”为（一）至（六）各项办理结果之和（（三）1–8、（四）1–3、（五）1–5、（六）1–3 逐项相加）',
    'Format, table 2: (7) total is the sum of results (1)–(6), counting each sub-item of (3)–(6)',
  ),
  fix: zhEn(
    '逐项核对该列的办理结果，使“（七）总计”等于各项之和。',
    'Recheck the column’s results so that (7) equals their sum.',
  ),
  check(ctx) {
    return t2Checks(ctx)
      .filter((c) => c.kind === 'subtotal' && c.status === 'mismatch')
      .map((c) => {
        const col = ctx.colLabel('t2', c.id.split(':')[2] ?? '');
        return sumFinding(ctx, c, { zh: `“${col}”列`, en: `Column “${col}”` });
      });
  },
});
