import { T2_COLUMNS, T2_ROW_BY_ID, T2_ROWS } from '../../format/tables';
import { defineRule, type RuleFinding, zhEn } from '../types';

export default defineRule({
  id: 'template-structure',
  category: 'template',
  severity: 'error',
  title: zhEn('表二行列与格式不符', 'Table 2 rows or columns differ from the format'),
  basis: zhEn(
    '年报格式表二：7个申请人列（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）和规定的各行',
    'Format, table 2: seven applicant columns and the prescribed rows',
  ),
  fix: zhEn(
    '按年报格式补齐缺少的行或列，删除多出的行。',
    'Add the missing rows or columns and remove extra rows, as in the format.',
  ),
  check(ctx) {
    const t = ctx.table('t2');
    if (!t) return [];
    const out: RuleFinding[] = [];
    const ids = new Set(t.rows.map((r) => r.id));
    const single = ids.has('o');
    const expected = T2_ROWS.filter((r) => !(single && /^o\d$/.test(r.id))).map((r) => r.id);
    const missing = expected.filter((id) => !ids.has(id));
    if (missing.length > 0 && t.rows.length > 0) {
      out.push({
        key: 'rows',
        message: zhEn(
          `表二缺少以下行：${missing.map((id) => T2_ROW_BY_ID[id]?.zh ?? id).join('；')}。`,
          `Table 2 lacks these rows: ${missing.map((id) => T2_ROW_BY_ID[id]?.zh ?? id).join('; ')}.`,
        ),
        targets: [ctx.sectionLoc(3)],
      });
    }
    const extra = t.rows.filter((r) => r.id === '?');
    if (extra.length > 0) {
      out.push({
        key: 'extra',
        severity: 'warning',
        message: zhEn(
          `表二有格式之外的行：${extra.map((r) => `“${r.label}”`).join('、')}。`,
          `Table 2 has rows the format does not know: ${extra.map((r) => `“${r.label}”`).join(', ')}.`,
        ),
        targets: [ctx.sectionLoc(3)],
      });
    }
    const cols = new Set(t.columns.map((c) => c.id));
    const lostCols = T2_COLUMNS.filter((c) => !cols.has(c.id));
    if (lostCols.length > 0) {
      out.push({
        key: 'columns',
        message: zhEn(
          `表二表头缺少列：${lostCols.map((c) => c.zh).join('、')}（可能被合并或删除）。`,
          `Table 2’s header lacks columns: ${lostCols.map((c) => c.zh).join(', ')} (merged or removed).`,
        ),
        targets: [ctx.sectionLoc(3)],
      });
    }
    return out;
  },
});
