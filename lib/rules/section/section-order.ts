import { sectionName } from '../../format/sections';
import { defineRule, type RuleFinding, zhEn } from '../types';

export default defineRule({
  id: 'section-order',
  category: 'section',
  severity: 'error',
  title: zhEn('章节顺序错误', 'Sections out of order'),
  basis: zhEn('年报格式：六个部分按一至六的顺序排列', 'Format: the six parts follow each other in order'),
  fix: zhEn('按年报格式调整章节顺序。', 'Reorder the sections as in the format.'),
  check(ctx) {
    const out: RuleFinding[] = [];
    let maxSeen = 0;
    const firsts = new Set<number>();
    for (const s of ctx.report.sections) {
      if (s.canonical === 0 || firsts.has(s.canonical)) continue;
      firsts.add(s.canonical);
      if (s.canonical < maxSeen) {
        const a = sectionName(s.canonical);
        const b = sectionName(maxSeen);
        out.push({
          key: `b${s.block}`,
          message: zhEn(`“${a.zh}”出现在“${b.zh}”之后。`, `“${a.en}” comes after “${b.en}”.`),
          targets: [{ type: 'section', section: s.canonical, block: s.block }],
        });
      }
      maxSeen = Math.max(maxSeen, s.canonical);
    }
    return out;
  },
});
