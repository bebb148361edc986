import { sectionName } from '../../format/sections';
import { isPreviousOf, previousName } from '../../history/compare';
import { copiedRuns, jaccard, trigrams } from '../../history/similarity';
import { agencyKey } from '../../history/snapshot';
import type { Locator } from '../../model/schema';
import { defineRule, type RuleFinding, zhEn } from '../types';

/** Likeness above which a section reads as last year's copied (DOMAIN.md §11: genuine 0.03–0.07). */
export const COPY_THRESHOLD = 0.5;
/** Shortest copied passage marked on the page, in compared characters. */
const MIN_PASSAGE = 30;
const MAX_PASSAGES = 20;

/** Sections 一 and 五 against the previous year's: 六's standard items repeat by nature and are left out. */
export default defineRule({
  id: 'history-copied-text',
  category: 'history',
  severity: 'warning',
  title: zhEn('正文与上年报告雷同', 'Text copied from last year’s report'),
  basis: zhEn(
    '年报应如实反映本年度工作；与上年报告雷同是评估中的扣分项（字符三元组相似度，正常年份约为 0.03–0.07）',
    'A report states this year’s work; evaluators penalise copying last year’s (character-trigram likeness; genuine years score 0.03–0.07)',
  ),
  fix: zhEn(
    '按本年度实际情况重写相应部分，尤其是存在的问题和改进措施。',
    'Rewrite the section from this year’s facts, above all the problems and the measures.',
  ),
  applies: (ctx) => !!ctx.previous && isPreviousOf(ctx.previous, ctx.year, agencyKey(ctx.report.agency)),
  check(ctx) {
    const prev = ctx.previous;
    if (!prev) return [];
    const out: RuleFinding[] = [];
    const name = previousName(prev);
    for (const n of [1, 5]) {
      const before = prev.sections[String(n)];
      const blocks = ctx.sectionBlocks(n);
      if (!before || blocks.length === 0) continue;
      const theirs = trigrams(before);
      const mine = trigrams(blocks.map((b) => b.text).join('\n'));
      if (mine.size < 20 || theirs.size < 20) continue;
      const j = jaccard(mine, theirs);
      if (j <= COPY_THRESHOLD) continue;
      const passages: Locator[] = [];
      for (const b of blocks) {
        for (const r of copiedRuns(b.text, theirs, MIN_PASSAGE)) {
          if (passages.length >= MAX_PASSAGES) break;
          passages.push(ctx.textLoc(b, r.start, r.end));
        }
      }
      const pct = Math.round(j * 100);
      const sec = sectionName(n);
      out.push({
        key: `section-${n}`,
        message: zhEn(
          `${sec.zh}与${name.zh}的相似度为 ${pct}%（字符三元组，年份和数字不计），超过 ${COPY_THRESHOLD * 100}%${passages.length ? `；与上年相同的段落 ${passages.length} 处已标出` : ''}。`,
          `${sec.en} is ${pct}% alike ${name.en} (character trigrams, years and figures ignored), above ${COPY_THRESHOLD * 100}%${passages.length ? `; ${passages.length} passages identical to last year’s are marked` : ''}.`,
        ),
        targets: [...passages, ctx.sectionLoc(n)],
        evidence: { expected: COPY_THRESHOLD * 100, found: pct, quote: prev.url },
      });
    }
    return out;
  },
});
