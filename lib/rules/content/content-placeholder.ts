import { defineRule, type RuleFinding, zhEn } from '../types';

const PATTERNS: Array<{ re: RegExp; zh: string; en: string }> = [
  {
    re: /[\u4e00-\u9fa5][ \u3000\u00a0_＿]+(条|件|篇|次|个|项|万元|元)(?=[，。；、,;）)]|$)/g,
    zh: '数字处为空白',
    en: 'the figure is left blank',
  },
  {
    re: /(下载|网址|网站|链接|详见|登录)\s*[（(]\s*[)）]/g,
    zh: '括号内的网址为空',
    en: 'the brackets for the address are empty',
  },
  {
    re: /[X×ＸxＸ*＊]{2,}(年|月|日|条|件|局|镇|乡|县|区)/g,
    zh: '模板占位符“XX”未替换',
    en: 'a template placeholder “XX” was left in',
  },
  { re: /_{3,}|＿{2,}/g, zh: '留有填空横线', en: 'a fill-in blank line was left in' },
];

export default defineRule({
  id: 'content-placeholder',
  category: 'content',
  severity: 'warning',
  title: zhEn('留有未填写的空白或占位符', 'Placeholder left unfilled'),
  basis: zhEn('年报内容应完整准确', 'The report must be complete'),
  fix: zhEn(
    '补填缺少的数字或网址，删除占位符。',
    'Fill in the missing figure or address and remove the placeholder.',
  ),
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const b of ctx.narrative()) {
      for (const p of PATTERNS) {
        for (const m of b.text.matchAll(p.re)) {
          const i = m.index ?? 0;
          out.push({
            message: zhEn(`“${m[0]}”：${p.zh}。`, `“${m[0]}”: ${p.en}.`),
            targets: [ctx.textLoc(b, i, i + m[0].length)],
            evidence: { quote: m[0] },
          });
        }
      }
    }
    return out;
  },
});
