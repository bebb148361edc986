import { TABLE_KINDS, TABLES } from '../../format/tables';
import { defineRule, type RuleFinding, zhEn } from '../types';

export default defineRule({
  id: 'extraction-blank-table',
  category: 'extraction',
  severity: 'warning',
  title: zhEn('统计表没有填写数字', 'Table has no figures'),
  basis: zhEn(
    '年报格式：统计表逐项填报（无则填 0）',
    'Format: every cell of the tables is filled in (0 when none)',
  ),
  fix: zhEn(
    '填写统计表的全部数字；如原文有数字，请核对网页转换是否丢失。',
    'Fill in every figure; if the original has them, check whether the web version lost them.',
  ),
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const kind of TABLE_KINDS) {
      const t = ctx.table(kind);
      if (!t || t.rows.length === 0) continue;
      const cells = t.rows.flatMap((r) => r.cells);
      if (cells.length === 0 || cells.some((c) => c.kind === 'number' || c.kind === 'missing')) continue;
      out.push({
        key: kind,
        message: zhEn(
          `${TABLES[kind].short.zh}的 ${cells.length} 个数据单元格全部为空（或为“/”），无法核验。`,
          `All ${cells.length} data cells of ${TABLES[kind].short.en} are blank (or “/”): nothing can be verified.`,
        ),
        targets: [ctx.sectionLoc(TABLES[kind].section)],
      });
    }
    return out;
  },
});
