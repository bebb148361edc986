import { T2_COLUMNS, T3_COLUMNS, TABLE_KINDS, TABLES } from '../../format/tables';
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
    for (const kind of TABLE_KINDS) {
      const t = ctx.table(kind);
      // a table 2 whose header has another number of columns: template-t2-columns says why
      if (!t || t.shape) continue;
      const lost = t.rows.filter((r) => r.lostCells);
      if (t.runTogether) {
        out.push({
          key: kind,
          message: zhEn(
            `${TABLES[kind].short.zh}的单元格在文本中连写，没有分隔（如“${t.runTogether}”），各数无法分开，整张表无法核验。`,
            `${TABLES[kind].short.en}: the text runs its cells together without separators (e.g. “${t.runTogether}”); the figures cannot be told apart and the table cannot be checked.`,
          ),
          targets: [ctx.sectionLoc(TABLES[kind].section)],
        });
        continue;
      }
      if (lost.length === 0) continue;
      const expected = kind === 't2' ? T2_COLUMNS.length : T3_COLUMNS.length;
      const names = lost.map((r) => (kind === 't3' ? '数据行' : ctx.rowLabel(kind, r.id))).slice(0, 8);
      out.push({
        key: kind,
        message: zhEn(
          `${TABLES[kind].short.zh}有 ${lost.length} 行的数值个数不是 ${expected} 个（${names.join('、')}${lost.length > 8 ? '等' : ''}），无法确定各数所属列，这些行未参与核算。`,
          `${TABLES[kind].short.en}: ${lost.length} rows do not have ${expected} values (${names.join(', ')}${lost.length > 8 ? ', …' : ''}); their columns cannot be known, so these rows were not checked.`,
        ),
        targets: [ctx.sectionLoc(TABLES[kind].section)],
      });
    }
    return out;
  },
});
