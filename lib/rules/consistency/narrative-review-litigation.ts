import type { Cell } from '../../model/schema';
import { caseStatements } from '../../text/statements';
import { exactSum, fmt } from '../arith';
import { defineRule, type RuleFinding, zhEn } from '../types';

export default defineRule({
  id: 'narrative-review-litigation',
  category: 'consistency',
  severity: 'warning',
  title: zhEn('正文复议、诉讼数与表三不一致', 'Narrative review/litigation count differs from table 3'),
  basis: zhEn('年报正文与统计表应一致', 'The narrative and the tables must agree'),
  fix: zhEn(
    '核对正文所述的行政复议、行政诉讼件数与表三总计，改正其中错误的一处。',
    'Check the counts in the text against table 3’s totals and correct the wrong one.',
  ),
  check(ctx) {
    const get = (id: string) => ctx.cell('t3', 'data', id);
    const num = (c: Cell | undefined) => (c && c.kind === 'number' ? c.value : null);
    const rv = get('rv_total');
    const ld = get('ld_total');
    const lr = get('lr_total');
    const out: RuleFinding[] = [];
    const scope = [...ctx.sectionBlocks(1), ...ctx.sectionBlocks(4)];
    const blocks = scope.length > 0 ? scope : ctx.narrative();
    const section4 = new Set(ctx.sectionBlocks(4).map((b) => b.index));
    const kinds = [
      { kind: 'review' as const, cells: [rv], zh: '行政复议', en: 'administrative reviews' },
      { kind: 'litigation' as const, cells: [ld, lr], zh: '行政诉讼', en: 'lawsuits' },
    ];
    for (const k of kinds) {
      const vals = k.cells.map(num);
      if (vals.some((v) => v === null)) continue;
      const table = exactSum(vals as number[]);
      if (table === null) continue; // past exact arithmetic: not verifiable
      for (const s of caseStatements(blocks, k.kind, section4)) {
        const diff = exactSum([s.value], [table]);
        if (diff === null || diff === 0) continue;
        out.push({
          key: `${k.kind}:b${s.block.index}:${s.start}`,
          message: zhEn(
            `正文称“${s.quote}”（${s.value} 件），表三${k.zh}总计为 ${fmt(table)} 件，差 ${fmt(Math.abs(diff))}。`,
            `The text says “${s.quote}” (${s.value}); table 3 counts ${fmt(table)} ${k.en}, difference ${fmt(Math.abs(diff))}.`,
          ),
          targets: [
            ctx.textLoc(s.block, s.start, s.end),
            ...k.cells.filter((c): c is Cell => !!c).map((c) => ctx.cellLoc('t3', c)),
          ],
          evidence: { expected: table, found: s.value, difference: diff, quote: s.sentence },
        });
      }
    }
    return out;
  },
});
