import { defineRule, type RuleFinding, zhEn } from '../types';

/** "我处" in a township's report: copied from another body's report. */
const OWN: Array<{ re: RegExp; ok: string[] }> = [
  { re: /镇(人民政府|政府)?$/, ok: ['镇'] },
  { re: /乡(人民政府|政府)?$/, ok: ['乡'] },
  { re: /街道(办事处)?$/, ok: ['街道', '处', '办'] },
  { re: /局$/, ok: ['局'] },
  { re: /(委员会|委)$/, ok: ['委', '会'] },
  { re: /厅$/, ok: ['厅'] },
];
const FOREIGN = ['镇', '乡', '街道', '局', '委', '厅', '处'];

export default defineRule({
  id: 'content-self-reference',
  category: 'content',
  severity: 'warning',
  title: zhEn('自称与报告机关不符', 'Self-reference does not fit the body'),
  basis: zhEn('年报应由本机关据实编写', 'The report is written by the body itself'),
  fix: zhEn(
    '核对该段内容是否照抄其他机关的报告，并改为本机关的实际情况。',
    'Check whether the passage was copied from another body’s report and rewrite it.',
  ),
  check(ctx) {
    const agency = (ctx.report.agency ?? '').replace(/\s/g, '');
    const own = OWN.find((o) => o.re.test(agency));
    if (!own) return [];
    const bad = FOREIGN.filter((f) => !own.ok.includes(f));
    const re = new RegExp(`我(${bad.join('|')})(?![a-z])`, 'g');
    const out: RuleFinding[] = [];
    for (const b of ctx.narrative()) {
      for (const m of b.text.matchAll(re)) {
        const i = m.index ?? 0;
        // "我镇" inside a longer word like "我处理" is not a self-reference
        if (m[1] === '处' && /^理|^置|^分/.test(b.text.slice(i + 2))) continue;
        out.push({
          message: zhEn(
            `报告机关为“${agency}”，正文却自称“${m[0]}”：疑似照抄其他机关的报告。`,
            `The body is “${agency}”, yet the text says “${m[0]}” (“our ${m[1]}”): likely copied from another body’s report.`,
          ),
          targets: [ctx.textLoc(b, i, i + m[0].length)],
          evidence: { quote: b.text.slice(Math.max(0, i - 15), i + 17) },
        });
      }
    }
    return out;
  },
});
