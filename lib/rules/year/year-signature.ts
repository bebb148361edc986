import { compareYmd, ymdString } from '../../detect/meta';
import { deadlineFor } from '../../format/deadlines';
import { defineRule, type RuleFinding, zhEn } from '../types';

export default defineRule({
  id: 'year-signature',
  category: 'year',
  severity: 'warning',
  title: zhEn('落款日期异常', 'Signature date out of place'),
  basis: zhEn(
    '《政府信息公开条例》第四十九条；落款日期应在报告年度结束后、发布期限前',
    'Regulation art. 49: the signature date falls after the year ends and by the deadline',
  ),
  fix: zhEn('核对落款日期。', 'Check the signature date.'),
  check(ctx) {
    const y = ctx.year;
    const sig = ctx.report.signature;
    if (!y || !sig) return [];
    const b = ctx.block(sig.block);
    if (b?.kind !== 'text') return [];
    const loc = ctx.textLoc(b, 0, b.text.length);
    const d = ymdString(sig.date);
    const out: RuleFinding[] = [];
    if (compareYmd(sig.date, { y, m: 12, d: 31 }) <= 0) {
      out.push({
        key: 'early',
        severity: 'error',
        message: zhEn(
          `落款日期 ${d} 早于报告年度 ${y} 年结束。`,
          `Signed ${d}, before the report year ${y} ended.`,
        ),
        targets: [loc],
      });
    } else {
      const dl = deadlineFor(y, ctx.report.bodyKind);
      if (compareYmd(sig.date, dl.hard) > 0) {
        out.push({
          key: 'late',
          message: zhEn(
            `落款日期 ${d} 晚于发布期限 ${ymdString(dl.hard)}。`,
            `Signed ${d}, after the deadline ${ymdString(dl.hard)}.`,
          ),
          targets: [loc],
        });
      }
    }
    const pub = ctx.report.published;
    if (pub && pub.source !== 'url' && compareYmd(sig.date, pub.date) > 0) {
      out.push({
        key: 'after-publication',
        message: zhEn(
          `落款日期 ${d} 晚于发布时间 ${ymdString(pub.date)}。`,
          `Signed ${d}, after the publication date ${ymdString(pub.date)}.`,
        ),
        targets: [loc],
      });
    }
    return out;
  },
});
