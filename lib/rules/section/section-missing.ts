import { SECTION_DEFS, tableOfSection } from '../../format';
import type { Locator } from '../../model/schema';
import { defineRule, type RuleFinding, zhEn } from '../types';

export default defineRule({
  id: 'section-missing',
  category: 'section',
  severity: 'error',
  title: zhEn('缺少规定的章节', 'Required section missing'),
  basis: zhEn(
    '《政府信息公开条例》第五十条；年报格式规定的六个部分：总体情况、主动公开、依申请公开、复议诉讼、存在的主要问题及改进情况、其他需要报告的事项',
    'Regulation art. 50; the format’s six parts: overview, proactive disclosure, requests, review and litigation, problems and improvements, other matters',
  ),
  fix: zhEn(
    '按年报格式补齐该部分（含标题和内容）。',
    'Add the section (heading and content) as the format requires.',
  ),
  check(ctx) {
    const out: RuleFinding[] = [];
    const found = new Set(ctx.report.sections.map((s) => s.canonical));
    for (const def of SECTION_DEFS) {
      if (found.has(def.n)) continue;
      const next = ctx.report.sections.find((s) => s.canonical > def.n);
      const tableKind = tableOfSection(def.n);
      // section 1 whose heading was lost but whose sub-headings （一）（二）… stand before section 2
      const firstFound = ctx.report.sections.find((s) => s.canonical > 0);
      const orphanBody =
        def.n === 1 &&
        ctx
          .narrative()
          .filter((b) => b.index < (firstFound?.block ?? 0) && /^[（(][一二三四五][)）]/.test(b.text))
          .length >= 2;
      const hasTable = tableKind ? !!ctx.table(tableKind) : orphanBody;
      const loc: Locator = { type: 'section', section: def.n, block: next ? next.block : null };
      out.push({
        key: String(def.n),
        message: hasTable
          ? zhEn(
              `未找到“${def.zh}”的标题（其${def.n === 1 ? '内容' : '表格'}存在），标题缺失或被改写。`,
              `No heading “${def.en}” found (its ${def.n === 1 ? 'content' : 'table'} is present): the heading is missing or reworded.`,
            )
          : zhEn(`未找到“${def.zh}”部分。`, `Section “${def.en}” not found.`),
        targets: [loc],
        ...(hasTable ? { severity: 'warning' as const } : {}),
      });
    }
    return out;
  },
});
