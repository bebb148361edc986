import { sectionName } from '../../format/sections';
import { defineRule, type RuleFinding, zhEn } from '../types';

export default defineRule({
  id: 'section-duplicate',
  category: 'section',
  severity: 'error',
  title: zhEn('章节重复', 'Section repeated'),
  basis: zhEn('年报格式：六个部分按序各出现一次', 'Format: the six parts appear once each, in order'),
  fix: zhEn(
    '删除重复的标题，或合并重复的内容。',
    'Remove the repeated heading or merge the repeated content.',
  ),
  check(ctx) {
    const out: RuleFinding[] = [];
    const seen = new Set<number>();
    for (const s of ctx.report.sections) {
      if (s.canonical === 0) continue;
      if (seen.has(s.canonical)) {
        const name = sectionName(s.canonical);
        out.push({
          key: `b${s.block}`,
          message: zhEn(
            `“${name.zh}”出现了不止一次（“${s.title}”）。`,
            `“${name.en}” appears more than once (“${s.title}”).`,
          ),
          targets: [{ type: 'section', section: s.canonical, block: s.block }],
        });
      }
      seen.add(s.canonical);
    }
    return out;
  },
});
