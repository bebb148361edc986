import { T2_COLUMNS } from '../../format/tables';
import { defineRule, zhEn } from '../types';

const FORMAT_COLUMNS = T2_COLUMNS.map((c) => c.zh);

/**
 * Table 2's header has another number of data columns than the format (the five 法人或其他组织 columns
 * merged into one, a column dropped): its figures cannot be placed, so table 2 is not checked. Extraction
 * records the header it found (Table.shape); this rule says so, so the page is never shown as clean.
 */
export default defineRule({
  id: 'template-t2-columns',
  category: 'template',
  severity: 'warning',
  title: zhEn('表二列数与格式不符', 'Table 2 has another number of columns than the format'),
  basis: zhEn(
    `年报格式表二：申请人情况分 ${FORMAT_COLUMNS.length} 列（${FORMAT_COLUMNS.join('、')}），其中“法人或其他组织”分 5 列`,
    `Format, table 2: ${FORMAT_COLUMNS.length} applicant columns (natural persons, five kinds of legal persons and other organisations, total)`,
  ),
  fix: zhEn(
    '按年报格式的 7 列填报表二（“法人或其他组织”分为商业企业、科研机构、社会公益组织、法律服务机构、其他）；如原文列数正确，请核对网页转换。',
    'Fill in table 2 in the format’s seven columns (legal persons split into five kinds); if the original is right, check the web version.',
  ),
  check(ctx) {
    const t = ctx.table('t2');
    const shape = t?.shape;
    if (!shape) return [];
    const n = shape.valueColumns;
    const header = shape.header.join('、');
    return [
      {
        key: 'columns',
        message: zhEn(
          `表二列数与格式不符：表头有 ${n} 个数据列（${header}），格式为 ${FORMAT_COLUMNS.length} 列（${FORMAT_COLUMNS.join('、')}）；各数无法对应到格式的列，表二未核算。`,
          `Table 2 has ${n} data columns (${shape.header.join(', ')}) where the format has ${FORMAT_COLUMNS.length}; its figures cannot be placed, so table 2 was not checked.`,
        ),
        targets: [ctx.sectionLoc(3)],
      },
    ];
  },
});
