import { NUMERAL_CLASS, NUMERALS_ZH } from '../../format/sections';
import { parseCount } from '../../text/normalize';
import { defineRule, type RuleFinding, zhEn } from '../types';

const ITEM_RE = new RegExp(`(${NUMERAL_CLASS})是`, 'g');

/** "一是…三是" without 二是: a sentence lost in editing. */
export default defineRule({
  id: 'content-enumeration-gap',
  category: 'content',
  severity: 'warning',
  title: zhEn('列举序号不连续', 'Enumeration skips a number'),
  basis: zhEn('年报内容应完整、规范', 'The report must be complete and clean'),
  fix: zhEn('补上缺少的一项，或改正序号。', 'Restore the missing item or fix the numbering.'),
  check(ctx) {
    const out: RuleFinding[] = [];
    const narrative = ctx.narrative();
    const bounds = ctx.report.sections.map((s) => s.block);
    // runs are followed within a section (items may stand in separate paragraphs)
    let prev = 0;
    let curSection = -1;
    for (const b of narrative) {
      const sec = bounds.filter((x) => x <= b.index).length;
      if (sec !== curSection) {
        curSection = sec;
        prev = 0;
      }
      for (const m of b.text.matchAll(ITEM_RE)) {
        const n = parseCount(m[1] ?? '') ?? 0;
        const before = b.text.slice(Math.max(0, (m.index ?? 0) - 1), m.index ?? 0);
        if (before && /[\u4e00-\u9fa5]/.test(before) && !/[，。；：、]/.test(before)) {
          // "统一是", "唯一是": not an enumeration
          if (!/^(总|主要|分别|具体)$/.test(before)) continue;
        }
        if (n === 1) prev = 1;
        else if (prev > 0 && n === prev + 1) prev = n;
        else if (prev > 0 && n > prev + 1) {
          const i = m.index ?? 0;
          const missing = Array.from(
            { length: n - prev - 1 },
            (_, k) => `${NUMERALS_ZH[prev + k + 1]}是`,
          ).join('、');
          out.push({
            message: zhEn(
              `列举从“${NUMERALS_ZH[prev]}是”跳到“${m[0]}”，缺少“${missing}”。`,
              `The list jumps from item ${prev} to item ${n}; “${missing}” is missing.`,
            ),
            targets: [ctx.textLoc(b, i, i + m[0].length)],
            evidence: { expected: prev + 1, found: n },
          });
          prev = n;
        }
      }
    }
    return out;
  },
});
