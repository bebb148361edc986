import { toHalfWidth } from '../../text/normalize';
import { defineRule, type RuleFinding, zhEn } from '../types';

export default defineRule({
  id: 'contact-postcode',
  category: 'content',
  severity: 'error',
  title: zhEn('邮政编码错误', 'Invalid postcode'),
  basis: zhEn('中国邮政编码为6位数字', 'Chinese postcodes have six digits'),
  fix: zhEn('改为正确的6位邮政编码。', 'Write the correct six-digit postcode.'),
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const b of ctx.narrative()) {
      const t = toHalfWidth(b.text);
      for (const m of t.matchAll(/(邮编|邮政编码)\s*[:：为]?\s*(\d[\d\s]*\d|\d)/g)) {
        const code = (m[2] ?? '').replace(/\s/g, '');
        if (code.length === 6) continue;
        const i = (m.index ?? 0) + m[0].length - (m[2] ?? '').length;
        out.push({
          message: zhEn(
            `邮编“${code}”为 ${code.length} 位，应为 6 位。`,
            `Postcode “${code}” has ${code.length} digits; it should have 6.`,
          ),
          targets: [ctx.textLoc(b, i, i + (m[2] ?? '').length)],
          evidence: { expected: 6, found: code.length, quote: m[0] },
        });
      }
    }
    return out;
  },
});
