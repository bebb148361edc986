import { defineRule, type RuleFinding, zhEn } from '../types';

const SECTION_TABLE = [
  { n: 2, kind: 't1', zh: '表一（主动公开政府信息情况）', en: 'table 1 (proactive disclosure)' },
  { n: 3, kind: 't2', zh: '表二（收到和处理政府信息公开申请情况）', en: 'table 2 (requests)' },
  { n: 4, kind: 't3', zh: '表三（行政复议、行政诉讼情况）', en: 'table 3 (review and litigation)' },
] as const;

export default defineRule({
  id: 'section-table-missing',
  category: 'section',
  severity: 'warning',
  title: zhEn('章节缺少统计表', 'Section has no table'),
  basis: zhEn(
    '年报格式：第二、三、四部分各附统计表',
    'Format: sections 2, 3 and 4 each carry a statistics table',
  ),
  fix: zhEn(
    '在该部分补充统计表（网页表格形式，而非图片或附件）。',
    'Add the table to the section as an HTML table, not an image or attachment.',
  ),
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const st of SECTION_TABLE) {
      if (ctx.table(st.kind) || ctx.report.imageTables.includes(st.n)) continue;
      if (ctx.sections(st.n).length === 0) continue; // the missing section itself is reported
      out.push({
        key: st.kind,
        message: zhEn(
          `第${'一二三四五六'[st.n - 1]}部分中未找到${st.zh}；如在附件中，请人工核对。`,
          `Section ${st.n} has no ${st.en} on the page; if it is in an attachment, check it by hand.`,
        ),
        targets: [ctx.sectionLoc(st.n)],
      });
    }
    return out;
  },
});
