import { validYmd } from '../../detect/meta';
import { toHalfWidth } from '../../text/normalize';
import { defineRule, type RuleFinding, zhEn } from '../types';

const PATTERNS: Array<{ re: RegExp; why: (m: RegExpExecArray) => { zh: string; en: string } | null }> = [
  {
    // "20251月1日": the year runs into the month
    re: /(?<!\d)(\d{5,6})\s*月\s*\d{1,2}\s*日/g,
    why: () => ({ zh: '年份与月份连写，缺少“年”', en: 'the year runs into the month (no 年)' }),
  },
  {
    re: /(?<!\d)(\d{1,3}|\d{5,})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/g,
    why: (m) => ({ zh: `年份“${m[1]}”位数不对`, en: `the year “${m[1]}” has the wrong number of digits` }),
  },
  {
    re: /(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g,
    why: (m) =>
      validYmd({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }) || Number(m[1]) < 1990
        ? null
        : { zh: '该日期不存在', en: 'no such date' },
  },
];

export default defineRule({
  id: 'year-malformed-date',
  category: 'year',
  severity: 'error',
  title: zhEn('日期书写错误', 'Malformed date'),
  basis: zhEn('年报格式：日期按“YYYY年M月D日”书写', 'Format: dates are written as YYYY年M月D日'),
  fix: zhEn('改为正确的“YYYY年M月D日”。', 'Write the date correctly as YYYY年M月D日.'),
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const b of ctx.narrative()) {
      const t = toHalfWidth(b.text);
      for (const p of PATTERNS) {
        p.re.lastIndex = 0;
        for (let m = p.re.exec(t); m; m = p.re.exec(t)) {
          const why = p.why(m);
          if (!why) continue;
          out.push({
            message: zhEn(`“${m[0]}”：${why.zh}。`, `“${m[0]}”: ${why.en}.`),
            targets: [ctx.textLoc(b, m.index, m.index + m[0].length)],
            evidence: { quote: m[0] },
          });
        }
      }
    }
    return out;
  },
});
