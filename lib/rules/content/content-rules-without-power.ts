import { defineRule, zhEn } from '../types';

export default defineRule({
  id: 'content-rules-without-power',
  category: 'content',
  severity: 'warning',
  title: zhEn('无规章制定权的机关填报了规章', 'Rules reported by a body without rule-making power'),
  basis: zhEn(
    '《立法法》第九十一条、第九十三条：规章由国务院部门和省、自治区、直辖市及设区的市、自治州人民政府制定',
    'Legislation Law arts. 91, 93: rules are made by State Council departments and provincial / districted-city governments',
  ),
  fix: zhEn(
    '核对表一“规章”行：乡镇、县级政府及地方政府部门无规章制定权，应填 0。',
    'Check table 1’s rules row: townships, county governments and local departments cannot make rules; enter 0.',
  ),
  check(ctx) {
    const kind = ctx.report.bodyKind;
    const agency = ctx.report.agency ?? '';
    // State Council departments (国家…, …部) may make rules; local departments, townships and county or
    // district governments may not. A city government may or may not (设区的市): stay silent.
    const national = /^(国家|国务院|中华人民共和国)|部$/.test(agency);
    const noPower =
      kind === 'township' ||
      (kind === 'department' && !national) ||
      (kind === 'government' && /(县|旗|区)(人民)?政府$/.test(agency));
    if (!noPower) return [];
    const made = ctx.cell('t1', 'gz', 'v1');
    if (made?.kind !== 'number' || !made.value) return [];
    return [
      {
        message: zhEn(
          `表一“规章·本年制发件数”为 ${made.value}，而${agency || '本机关'}没有规章制定权。`,
          `Table 1 reports ${made.value} rules made this year, but ${agency || 'this body'} has no rule-making power.`,
        ),
        targets: [ctx.cellLoc('t1', made)],
        evidence: { expected: 0, found: made.value },
      },
    ];
  },
});
