import { FORMAT_2021_FROM } from '../../format/template2019';
import { defineRule, zhEn } from '../types';

export default defineRule({
  id: 'template-2019-single-six',
  category: 'template',
  severity: 'error',
  title: zhEn(
    '表二“（六）其他处理”未分项（2019年版格式）',
    'Table 2 “(6) other handling” not split (2019 format)',
  ),
  basis: zhEn(
    '2021年版格式表二“（六）其他处理”分为3项：逾期不补正、逾期未缴费、其他；2019年版为一行',
    'In the 2021 format, table 2 item (6) has three sub-rows; the 2019 format had one row',
  ),
  fix: zhEn(
    '按2021年版格式将（六）拆分为1–3项填报。',
    'Split (6) into its three sub-rows as in the 2021 format.',
  ),
  check(ctx) {
    const y = ctx.year;
    const row = ctx.row('t2', 'o');
    if (!y || y < FORMAT_2021_FROM || !row) return [];
    const first = row.cells[0];
    return [
      {
        key: 'o',
        message: zhEn(
          `${y}年度报告表二的“（六）其他处理”只有一行（2019年版格式），应分为3项。`,
          `The ${y} report’s table 2 has a single “(6) other handling” row (2019 format); it should have three.`,
        ),
        targets: first ? [ctx.cellLoc('t2', first)] : [{ type: 'page' }],
      },
    ];
  },
});
