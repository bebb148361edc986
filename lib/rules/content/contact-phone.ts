import { toHalfWidth } from '../../text/normalize';
import { defineRule, type RuleFinding, zhEn } from '../types';

/** Local numbers of 7–8 digits need an area code for readers outside the city. */
export default defineRule({
  id: 'contact-phone',
  category: 'content',
  severity: 'warning',
  title: zhEn('联系电话缺少区号', 'Phone number without area code'),
  basis: zhEn(
    '年报应公布可供公众联系的完整电话（含区号）',
    'The report gives a contact number the public can dial: with its area code',
  ),
  fix: zhEn('在电话号码前加上区号，如“0533-3611001”。', 'Add the area code, e.g. 0533-3611001.'),
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const b of ctx.narrative()) {
      const t = toHalfWidth(b.text);
      for (const m of t.matchAll(
        /(联系电话|咨询电话|电话|传真)\s*[:：为]?\s*([0-9][0-9\-—－()（） ]{5,20}[0-9])/g,
      )) {
        const raw = (m[2] ?? '').trim();
        const digits = raw.replace(/\D/g, '');
        if (
          /^0\d{2,3}/.test(digits) ||
          /^1[3-9]\d{9}$/.test(digits) ||
          /^(400|800|12345|95\d{3})/.test(digits)
        )
          continue;
        if (digits.length !== 7 && digits.length !== 8) continue;
        const i = (m.index ?? 0) + m[0].length - (m[2] ?? '').length;
        out.push({
          message: zhEn(
            `${m[1]}“${raw}”没有区号。`,
            `${m[1] === '传真' ? 'Fax' : 'Phone'} “${raw}” has no area code.`,
          ),
          targets: [ctx.textLoc(b, i, i + (m[2] ?? '').length)],
          evidence: { quote: m[0] },
        });
      }
    }
    return out;
  },
});
