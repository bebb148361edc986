/**
 * Turns a failed arithmetic check into a finding: the cell at fault first, then every cell involved,
 * with expected, found and the difference.
 */
import { formula, type SumCheck } from './arith';
import type { RuleContext } from './context';
import type { RuleFinding } from './types';

const UNSURE = {
  position: {
    zh: '（这些数值按其在行中的位置归入各列，原文未画表格线，可能错位；请对照原文核对）',
    en: '(these values were put in their columns by their position on the line, with no table rules drawn, and may be misplaced; check against the original)',
  },
  ocr: {
    zh: '（这些数值来自文字识别（OCR），可能有误读或错位；请对照原文核对）',
    en: '(these values come from OCR and may be misread or misplaced; check against the original)',
  },
} as const;

export function sumFinding(ctx: RuleContext, check: SumCheck, lead: { zh: string; en: string }): RuleFinding {
  const target = check.left[0];
  const cells = [...check.left, ...check.right].map((t) => ctx.cellLoc(check.table, t.cell));
  const f = formula(check);
  // only called for mismatches, which carry all three figures, exact (lib/rules/arith.ts)
  const found = check.leftValue ?? 0;
  const expected = check.rightValue ?? 0;
  const difference = check.difference ?? 0;
  // a value put in its column by its position on the line (no drawn rules) or read by OCR may sit in the
  // wrong cell: then the failed sum is a warning that says how the values were read
  const placements = [...check.left, ...check.right].map((t) => t.cell.placement);
  const how = placements.includes('ocr')
    ? UNSURE.ocr
    : placements.includes('position')
      ? UNSURE.position
      : null;
  return {
    key: check.id,
    ...(how ? { severity: 'warning' as const } : {}),
    message: how
      ? { zh: `${lead.zh}：${f.zh}。${how.zh}`, en: `${lead.en}: ${f.en}. ${how.en}` }
      : { zh: `${lead.zh}：${f.zh}`, en: `${lead.en}: ${f.en}` },
    targets: target ? cells : [],
    evidence: {
      expected,
      found,
      difference,
      formula: f,
    },
  };
}
