import { isPreviousOf, previousName } from '../../history/compare';
import { agencyKey, type Contact, contactOf } from '../../history/snapshot';
import { toHalfWidth } from '../../text/normalize';
import { defineRule, type RuleFinding, zhEn } from '../types';

const FIELDS: Array<{ id: keyof Contact; zh: string; en: string }> = [
  { id: 'address', zh: '地址', en: 'address' },
  { id: 'postcode', zh: '邮编', en: 'postcode' },
  { id: 'phone', zh: '电话', en: 'phone' },
];

const same = (a: string, b: string) =>
  toHalfWidth(a).replace(/\D/g, '') === toHalfWidth(b).replace(/\D/g, '');

/** Contact data dropped or changed since last year's report: worth a look, not a defect in itself. */
export default defineRule({
  id: 'history-contact-changed',
  category: 'history',
  severity: 'info',
  title: zhEn('联系方式与上年不同', 'Contact details changed since last year'),
  basis: zhEn(
    '年报应公布准确的联系方式（地址、邮编、电话）',
    'A report gives accurate contact details (address, postcode, phone)',
  ),
  fix: zhEn(
    '核实联系方式是否已变更；如上年的联系方式仍然有效，请补上。',
    'Check whether the contact details changed; if last year’s still hold, add them back.',
  ),
  applies: (ctx) => !!ctx.previous && isPreviousOf(ctx.previous, ctx.year, agencyKey(ctx.report.agency)),
  check(ctx) {
    const prev = ctx.previous;
    if (!prev) return [];
    const blocks = ctx.narrative();
    const cur = contactOf(blocks.map((b) => b.text).join('\n'));
    const name = previousName(prev);
    const out: RuleFinding[] = [];
    for (const f of FIELDS) {
      const before = prev.contact[f.id];
      const now = cur[f.id];
      if (!before) continue;
      if (now && (f.id === 'address' ? now === before : same(now, before))) continue;
      const where = now ? blocks.find((b) => b.text.includes(now)) : undefined;
      const at = where && now ? where.text.indexOf(now) : -1;
      out.push({
        key: f.id,
        message: now
          ? zhEn(
              `${f.zh}由${name.zh}的“${before}”变为“${now}”。`,
              `The ${f.en} changed from “${before}” in ${name.en} to “${now}”.`,
            )
          : zhEn(
              `${name.zh}写有${f.zh}“${before}”，本年报告未写${f.zh}。`,
              `${name.en} gave the ${f.en} “${before}”; this year’s report gives none.`,
            ),
        targets: where && at >= 0 && now ? [ctx.textLoc(where, at, at + now.length)] : [{ type: 'page' }],
        evidence: { quote: before },
      });
    }
    return out;
  },
});
