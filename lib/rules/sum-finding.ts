/**
 * Turns a failed arithmetic check into a finding: the cell at fault first, then every cell involved,
 * with expected, found and the difference. A check over values whose place or reading is uncertain is never
 * an error: values read from a picture (cell.ocr) make it a warning that says so and names the values read
 * with low confidence; values put in their column by their position on a line (cell.placement 'position',
 * a PDF without drawn rules, pdftotext -layout) make it a warning that says how they were read.
 */
import type { Cell } from '../model/schema';
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
  const terms = [...check.left, ...check.right];
  const cells = terms.map((t) => ctx.cellLoc(check.table, t.cell));
  const f = formula(check);
  // only called for mismatches, which carry all three figures, exact (lib/rules/arith.ts)
  const found = check.leftValue ?? 0;
  const expected = check.rightValue ?? 0;
  const difference = check.difference ?? 0;
  const evidence = { expected, found, difference, formula: f };
  const base = { key: check.id, targets: target ? cells : [], evidence };
  if (terms.some((t) => t.cell.ocr)) {
    const low = terms.filter((t) => t.cell.ocr?.low);
    // which digit, when the engine says so and the figure has more than one
    const digits = (c: Cell, zh: boolean) => {
      const g = c.ocr?.lowGlyphs ?? [];
      if (c.raw.length <= 1 || g.length === 0) return '';
      return zh ? `（第${g.map((x) => x + 1).join('、')}位）` : ` (digit ${g.map((x) => x + 1).join(', ')})`;
    };
    const lowZh = low.length
      ? `；其中${low.map((t) => `“${t.zh}”${t.cell.raw}${digits(t.cell, true)}`).join('、')}识别把握不大`
      : '';
    const lowEn = low.length
      ? `; read with low confidence: ${low.map((t) => `${t.en} ${t.cell.raw}${digits(t.cell, false)}`).join(', ')}`
      : '';
    return {
      ...base,
      severity: 'warning',
      message: {
        zh: `按图片识别结果，${lead.zh}：${f.zh}${lowZh}；请对照原图核实。`,
        en: `As read from the picture by OCR, ${lead.en}: ${f.en}${lowEn}; check against the picture.`,
      },
    };
  }
  const placements = terms.map((t) => t.cell.placement);
  const how = placements.includes('ocr')
    ? UNSURE.ocr
    : placements.includes('position')
      ? UNSURE.position
      : null;
  if (how)
    return {
      ...base,
      severity: 'warning',
      message: { zh: `${lead.zh}：${f.zh}。${how.zh}`, en: `${lead.en}: ${f.en}. ${how.en}` },
    };
  return { ...base, message: { zh: `${lead.zh}：${f.zh}`, en: `${lead.en}: ${f.en}` } };
}

/**
 * For a finding over cells that are not sums (bounds): when any value was read by OCR, a warning whose
 * message says so. Returns the finding's message and severity.
 */
export function ocrCaveat(
  cells: Array<Cell | undefined>,
  message: { zh: string; en: string },
): { message: { zh: string; en: string }; severity?: 'warning' } {
  if (!cells.some((c) => c?.ocr)) return { message };
  return {
    message: {
      zh: `按图片识别结果，${message.zh.replace(/。$/, '')}；请对照原图核实。`,
      en: `As read from the picture by OCR: ${message.en.replace(/\.$/, '')}; check against the picture.`,
    },
    severity: 'warning',
  };
}
