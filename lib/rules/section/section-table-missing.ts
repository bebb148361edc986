import { numeralZh, TABLE_KINDS, TABLES } from '../../format';
import { defineRule, type RuleFinding, zhEn } from '../types';

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
    for (const kind of TABLE_KINDS) {
      const { section: n, long } = TABLES[kind];
      if (ctx.table(kind) || ctx.report.imageTables.includes(n)) continue;
      if (ctx.sections(n).length === 0) continue; // the missing section itself is reported
      out.push({
        key: kind,
        message: zhEn(
          `第${numeralZh(n)}部分中未找到${long.zh}；如在附件中，请人工核对。`,
          `Section ${n} has no ${long.en} on the page; if it is in an attachment, check it by hand.`,
        ),
        targets: [ctx.sectionLoc(n)],
      });
    }
    return out;
  },
});
