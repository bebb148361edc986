/**
 * Turns a failed arithmetic check into a finding: the cell at fault first, then every cell involved,
 * with expected, found and the difference. A check over values read from a picture (cell.ocr) is never
 * an error: it is a warning that says so, and names the values read with low confidence.
 */
import type { Cell } from '../model/schema';
import { formula, type SumCheck } from './arith';
import type { RuleContext } from './context';
import type { RuleFinding } from './types';

export function sumFinding(ctx: RuleContext, check: SumCheck, lead: { zh: string; en: string }): RuleFinding {
  const target = check.left[0];
  const cells = [...check.left, ...check.right].map((t) => ctx.cellLoc(check.table, t.cell));
  const f = formula(check);
  const found = check.leftValue ?? 0;
  const expected = check.rightValue ?? 0;
  const terms = [...check.left, ...check.right];
  const ocr = terms.some((t) => t.cell.ocr);
  const low = terms.filter((t) => t.cell.ocr?.low);
  // which digit, when the engine says so and the figure has more than one
  const digitZh = (c: Cell) => {
    const g = c.ocr?.lowGlyphs ?? [];
    return c.raw.length > 1 && g.length > 0 ? `（第${g.map((x) => x + 1).join('、')}位）` : '';
  };
  const digitEn = (c: Cell) => {
    const g = c.ocr?.lowGlyphs ?? [];
    return c.raw.length > 1 && g.length > 0 ? ` (digit ${g.map((x) => x + 1).join(', ')})` : '';
  };
  const lowZh =
    low.length > 0
      ? `；其中${low.map((t) => `“${t.zh}”${t.cell.raw}${digitZh(t.cell)}`).join('、')}识别把握不大`
      : '';
  const lowEn =
    low.length > 0
      ? `; read with low confidence: ${low.map((t) => `${t.en} ${t.cell.raw}${digitEn(t.cell)}`).join(', ')}`
      : '';
  return {
    key: check.id,
    ...(ocr ? { severity: 'warning' as const } : {}),
    message: ocr
      ? {
          zh: `按图片识别结果，${lead.zh}：${f.zh}${lowZh}；请对照原图核实。`,
          en: `As read from the picture by OCR, ${lead.en}: ${f.en}${lowEn}; check against the picture.`,
        }
      : { zh: `${lead.zh}：${f.zh}`, en: `${lead.en}: ${f.en}` },
    targets: target ? cells : [],
    evidence: {
      expected,
      found,
      difference: Math.round((found - expected) * 1e6) / 1e6,
      formula: f,
    },
  };
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
