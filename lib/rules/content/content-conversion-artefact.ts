import { defineRule, type RuleFinding, zhEn } from '../types';

export default defineRule({
  id: 'content-conversion-artefact',
  category: 'content',
  severity: 'warning',
  title: zhEn('文档转换残留', 'Conversion artefact'),
  basis: zhEn('年报内容应完整、规范', 'The published report must be complete and clean'),
  fix: zhEn('删除转换残留，补回缺失的开头部分。', 'Remove the leftover and restore the lost beginning.'),
  check(ctx) {
    const out: RuleFinding[] = [];
    const narrative = ctx.narrative();
    for (const b of narrative) {
      for (const m of b.text.matchAll(
        /\[(bookmark|BOOKMARK):[^\]]*\]|_GoBack|\{\s*(PAGE|MERGEFIELD|HYPERLINK)[^}]*\}|�{1,}/g,
      )) {
        const i = m.index ?? 0;
        out.push({
          message: zhEn(
            `正文中留有“${m[0]}”（Word 转换残留）。`,
            `The text contains “${m[0]}”, left over from Word conversion.`,
          ),
          targets: [ctx.textLoc(b, i, i + m[0].length)],
          evidence: { quote: m[0] },
        });
      }
    }
    // text that starts mid-sentence: the first line of the report begins with closing punctuation or the tail of a URL
    const firstSection = ctx.report.sections[0]?.block ?? Number.POSITIVE_INFINITY;
    // the first prose line (navigation and breadcrumbs carry no sentence punctuation)
    const first = narrative.find(
      (b) =>
        b.index < firstSection &&
        b.index !== ctx.report.titleBlock &&
        b.text.length > 10 &&
        /[，。；]/.test(b.text),
    );
    if (first) {
      const t = first.text.replace(/^\[bookmark:[^\]]*\]/, '').trim();
      if (
        /^[，。、；：！？）)\]」』”’]/.test(t) ||
        /^[（(]\s*<?https?:/.test(t) ||
        /^[^，。]{0,6}(下载|公布)[。，]/.test(t)
      ) {
        out.push({
          key: 'mid-sentence',
          message: zhEn(
            `报告从半句话开始（“${t.slice(0, 20)}…”）：开头部分（标题、导语）已丢失。`,
            `The report starts mid-sentence (“${t.slice(0, 20)}…”): its beginning (title, introduction) was lost.`,
          ),
          targets: [ctx.textLoc(first, 0, Math.min(first.text.length, 20))],
          evidence: { quote: t.slice(0, 40) },
        });
      }
    }
    return out;
  },
});
