import { compareYmd, ymdString } from '../../detect/meta';
import { daysBetween, deadlineFor } from '../../format/deadlines';
import type { Locator } from '../../model/schema';
import { defineRule, zhEn } from '../types';

const SOURCE = {
  label: { zh: '页面上的发布时间', en: 'the date on the page' },
  'attribute-table': { zh: '信息公开属性表', en: 'the disclosure attribute table' },
  meta: { zh: '页面元数据 PubDate', en: 'the PubDate meta tag' },
  url: { zh: '网址中的日期（不可靠）', en: 'the date in the URL (unreliable)' },
};

export default defineRule({
  id: 'year-publication',
  category: 'year',
  severity: 'error',
  title: zhEn('发布时间与期限', 'Publication date and deadline'),
  basis: zhEn('《政府信息公开条例》第四十九条', 'Regulation on Government Information Disclosure, art. 49'),
  fix: zhEn(
    '按期发布年报；如页面日期有误，请更正发布时间。',
    'Publish on time; if the page date is wrong, correct it.',
  ),
  check(ctx) {
    const y = ctx.year;
    const pub = ctx.report.published;
    if (!y) return [];
    if (!pub) {
      return [
        {
          key: 'unknown',
          severity: 'info',
          message: zhEn(
            '页面上未找到发布时间（发布时间/发布日期/生成日期、属性表或 PubDate），未能检查是否按期发布。',
            'No publication date found on the page (date line, attribute table or PubDate): timeliness not checked.',
          ),
          targets: [{ type: 'page' }],
          fix: zhEn('请人工核对发布时间。', 'Check the publication date by hand.'),
        },
      ];
    }
    const loc: Locator = (() => {
      const b = pub.block !== null ? ctx.block(pub.block) : undefined;
      return b?.kind === 'text' ? ctx.textLoc(b, 0, b.text.length) : { type: 'page' };
    })();
    const src = SOURCE[pub.source];
    const d = ymdString(pub.date);
    const soft = pub.source === 'url';
    const yearEnd = { y, m: 12, d: 31 };
    if (compareYmd(pub.date, yearEnd) <= 0) {
      return [
        {
          key: 'early',
          severity: soft ? 'warning' : 'error',
          message: zhEn(
            `发布时间 ${d}（来自${src.zh}）早于报告年度 ${y} 年结束，年份或日期有误。`,
            `Published ${d} (from ${src.en}), before the report year ${y} ended: the year or the date is wrong.`,
          ),
          targets: [loc],
          evidence: { quote: pub.raw },
        },
      ];
    }
    if (compareYmd(pub.date, ctx.now) > 0) {
      return [
        {
          key: 'future',
          severity: 'warning',
          message: zhEn(
            `发布时间 ${d} 晚于今天 ${ymdString(ctx.now)}。`,
            `Publication date ${d} is after today (${ymdString(ctx.now)}).`,
          ),
          targets: [loc],
          evidence: { quote: pub.raw },
        },
      ];
    }
    const dl = deadlineFor(y, ctx.report.bodyKind);
    const lateSoft = compareYmd(pub.date, dl.soft) > 0;
    const lateHard = compareYmd(pub.date, dl.hard) > 0;
    if (!lateSoft) return [];
    const due = lateHard ? dl.hard : dl.soft;
    const days = daysBetween(due, pub.date);
    // the body's kind decides the deadline: when it could not be told, say which one was assumed
    const who = ctx.report.agency ?? '报告机关';
    const assumed =
      ctx.report.bodyKind === 'unknown'
        ? lateHard
          ? zhEn(
              `（未能确定${who}的机关类型；按任何机关类型计均已逾期。）`,
              ` (The kind of body (${ctx.report.agency ?? 'unknown'}) could not be told; late under any deadline.)`,
            )
          : zhEn(
              `（未能确定${who}的机关类型，按县级以上政府部门的1月31日期限判断；如本报告为本级政府（区域）年度报告，期限为3月31日，则按期发布。）`,
              ` (The kind of body (${ctx.report.agency ?? 'unknown'}) could not be told: judged by the departments' 31 January deadline; if this is a government's region-wide report, its deadline is 31 March and it was on time.)`,
            )
        : null;
    return [
      {
        key: 'late',
        severity: soft || !lateHard ? 'warning' : 'error',
        message: zhEn(
          `发布时间 ${d}（来自${src.zh}）晚于期限 ${ymdString(due)} 共 ${days} 天。依据：${dl.basis.zh}。${assumed?.zh ?? ''}`,
          `Published ${d} (from ${src.en}), ${days} days after the deadline ${ymdString(due)}. Basis: ${dl.basis.en}.${assumed?.en ?? ''}`,
        ),
        targets: [loc],
        evidence: { expected: 0, found: days, difference: days, quote: pub.raw },
      },
    ];
  },
});
