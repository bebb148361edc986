import { defineRule, zhEn } from '../types';

export default defineRule({
  id: 'content-fee-unit',
  category: 'content',
  severity: 'warning',
  title: zhEn('收费金额单位有误', 'Fee written in the wrong unit'),
  basis: zhEn(
    '年报格式表一第二十条第（八）项：本年收费金额单位为“万元”',
    'Format, table 1, art. 20(8): the fee amount is in 万元 (10,000 yuan)',
  ),
  fix: zhEn('按“万元”填写金额，单元格内只填数字。', 'Enter the amount in 万元, digits only.'),
  check(ctx) {
    const row = ctx.row('t1', 'fee');
    const cell = row?.cells[0];
    if (!cell) return [];
    if (/(?<!万)元/.test(cell.raw) || cell.unit === '元') {
      return [
        {
          message: zhEn(
            `行政事业性收费金额写作“${cell.raw}”：单位应为万元，单元格内写“元”疑为单位错误。`,
            `The fee is written “${cell.raw}”: the unit is 万元; “元” in the cell suggests the wrong unit.`,
          ),
          targets: [ctx.cellLoc('t1', cell)],
          evidence: { quote: cell.raw },
        },
      ];
    }
    return [];
  },
});
