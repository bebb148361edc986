import type { TableKind } from '../../model/schema';
import { TABLE_NAMES } from '../context';
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
    for (const kind of ['t1', 't2', 't3'] as TableKind[]) {
      const t = ctx.table(kind);
      if (!t || t.rows.length === 0) continue;
      const cells = t.rows.flatMap((r) => r.cells);
      if (cells.length === 0 || cells.some((c) => c.kind === 'number' || c.kind === 'missing')) continue;
      out.push({
        key: kind,
        message: zhEn(
          `${TABLE_NAMES[kind].zh}的 ${cells.length} 个数据单元格全部为空（或为“/”），无法核验。`,
          `All ${cells.length} data cells of ${TABLE_NAMES[kind].en} are blank (or “/”): nothing can be verified.`,
        ),
        targets: [ctx.sectionLoc(kind === 't1' ? 2 : kind === 't2' ? 3 : 4)],
      });
    }
    return out;
  },
});
