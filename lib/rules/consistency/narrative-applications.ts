import { applicationStatements } from '../../text/statements';
import { exactSum, fmt } from '../arith';
import { defineRule, type RuleFinding, zhEn } from '../types';

export default defineRule({
  id: 'narrative-applications',
  category: 'consistency',
  severity: 'warning',
  title: zhEn('正文申请数与表二不一致', 'Narrative request count differs from table 2'),
  basis: zhEn('年报正文与统计表应一致', 'The narrative and the tables must agree'),
  fix: zhEn(
    '核对正文所述的申请件数与表二“本年新收”（或办理总数），改正其中错误的一处。',
    'Check the count in the text against table 2 (received, or total handled) and correct the wrong one.',
  ),
  check(ctx) {
    const nw = ctx.cell('t2', 'new', 'total');
    if (nw?.kind !== 'number' || nw.value === null) return [];
    const carried = ctx.cell('t2', 'carried', 'total');
    const handled = ctx.cell('t2', 'total', 'total');
    const accepted = new Set<number>([nw.value]);
    const withCarried =
      carried?.kind === 'number' && carried.value !== null ? exactSum([nw.value, carried.value]) : null;
    if (withCarried !== null) accepted.add(withCarried);
    if (handled?.kind === 'number' && handled.value !== null) accepted.add(handled.value);
    const scope = [...ctx.sectionBlocks(1), ...ctx.sectionBlocks(3)];
    const blocks = scope.length > 0 ? scope : ctx.narrative();
    const out: RuleFinding[] = [];
    const others = [...accepted].filter((v) => v !== nw.value);
    for (const s of applicationStatements(blocks)) {
      const diff = exactSum([s.value], [nw.value]);
      if (accepted.has(s.value) || diff === null) continue;
      out.push({
        message: zhEn(
          `正文称“${s.quote}”（${s.value} 件），表二“本年新收”总计为 ${fmt(nw.value)} 件${accepted.size > 1 ? `（含结转或按办理总数计为 ${others.map(fmt).join('/')} 件）` : ''}，差 ${fmt(Math.abs(diff))}。`,
          `The text says “${s.quote}” (${s.value}); table 2 “received this year” totals ${fmt(nw.value)}${accepted.size > 1 ? ` (${others.map(fmt).join('/')} counting carried-over or all handled)` : ''}, difference ${fmt(Math.abs(diff))}.`,
        ),
        targets: [ctx.textLoc(s.block, s.start, s.end), ctx.cellLoc('t2', nw)],
        evidence: { expected: nw.value, found: s.value, difference: diff, quote: s.sentence },
      });
    }
    return out;
  },
});
