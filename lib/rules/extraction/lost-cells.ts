import type { TableKind } from '../../model/schema';
import { TABLE_NAMES } from '../context';
import { defineRule, type RuleFinding, zhEn } from '../types';

export default defineRule({
  id: 'extraction-lost-cells',
  category: 'extraction',
  severity: 'info',
  title: zhEn('表格行缺格，无法核算', 'Rows lost cells: not verifiable'),
  basis: zhEn('数值位置无法确定时不作推测', 'Values whose column cannot be known are never guessed'),
  fix: zhEn(
    '对照原始文件人工核对这些行；如网页本身缺格，请修复表格。',
    'Check these rows against the original; if the page itself lost cells, repair the table.',
  ),
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const kind of ['t1', 't2', 't3'] as TableKind[]) {
      const t = ctx.table(kind);
      if (!t) continue;
      const lost = t.rows.filter((r) => r.lostCells);
      if (t.runTogether) {
        out.push({
          key: kind,
          message: zhEn(
            `${TABLE_NAMES[kind].zh}的单元格在文本中连写，没有分隔（如“${t.runTogether}”），各数无法分开，整张表无法核验。`,
            `${TABLE_NAMES[kind].en}: the text runs its cells together without separators (e.g. “${t.runTogether}”); the figures cannot be told apart and the table cannot be checked.`,
          ),
          targets: [ctx.sectionLoc(kind === 't1' ? 2 : kind === 't2' ? 3 : 4)],
        });
        continue;
      }
      if (lost.length === 0) continue;
      const expected = kind === 't2' ? 7 : 15;
      const names = lost.map((r) => (kind === 't3' ? '数据行' : ctx.rowLabel(kind, r.id))).slice(0, 8);
      out.push({
        key: kind,
        message: zhEn(
          `${TABLE_NAMES[kind].zh}有 ${lost.length} 行的数值个数不是 ${expected} 个（${names.join('、')}${lost.length > 8 ? '等' : ''}），无法确定各数所属列，这些行未参与核算。`,
          `${TABLE_NAMES[kind].en}: ${lost.length} rows do not have ${expected} values (${names.join(', ')}${lost.length > 8 ? ', …' : ''}); their columns cannot be known, so these rows were not checked.`,
        ),
        targets: [ctx.sectionLoc(kind === 't1' ? 2 : kind === 't2' ? 3 : 4)],
      });
    }
    return out;
  },
});
