/**
 * Turns a failed arithmetic check into a finding: the cell at fault first, then every cell involved,
 * with expected, found and the difference.
 */
import { formula, type SumCheck } from './arith';
import type { RuleContext } from './context';
import type { RuleFinding } from './types';

export function sumFinding(ctx: RuleContext, check: SumCheck, lead: { zh: string; en: string }): RuleFinding {
  const target = check.left[0];
  const cells = [...check.left, ...check.right].map((t) => ctx.cellLoc(check.table, t.cell));
  const f = formula(check);
  // only called for mismatches, which carry all three figures, exact (lib/rules/arith.ts)
  const found = check.leftValue ?? 0;
  const expected = check.rightValue ?? 0;
  const difference = check.difference ?? 0;
  return {
    key: check.id,
    message: { zh: `${lead.zh}：${f.zh}`, en: `${lead.en}: ${f.en}` },
    targets: target ? cells : [],
    evidence: {
      expected,
      found,
      difference,
      formula: f,
    },
  };
}
