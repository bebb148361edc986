import { NUMERALS_ZH, sectionName } from '../../format/sections';
import { defineRule, type RuleFinding, zhEn } from '../types';

export default defineRule({
  id: 'section-numbering',
  category: 'section',
  severity: 'error',
  title: zhEn('章节序号错误', 'Section misnumbered'),
  basis: zhEn('年报格式：六个部分依次编号为一至六', 'Format: the six parts are numbered 一 to 六 in order'),
  fix: zhEn(
    '按“一、总体情况”至“六、其他需要报告的事项”的顺序改正序号。',
    'Renumber the headings 一 to 六 as in the format.',
  ),
  check(ctx) {
    const out: RuleFinding[] = [];
    const canonicalOrdinals = new Set(
      ctx.report.sections.filter((s) => s.canonical > 0).map((s) => s.ordinal),
    );
    for (const s of ctx.report.sections) {
      const loc = { type: 'section' as const, section: s.canonical, block: s.block };
      if (s.canonical === 0) {
        const clash = s.ordinal !== null && canonicalOrdinals.has(s.ordinal);
        out.push({
          key: `b${s.block}`,
          message: zhEn(
            `多出的一级标题“${s.title}”占用了序号“${NUMERALS_ZH[s.ordinal ?? 0] ?? ''}、”${clash ? '，与正式章节重号' : ''}。`,
            `An extra top-level heading “${s.title}” takes number ${s.ordinal}${clash ? ', the same as a required section' : ''}.`,
          ),
          targets: [loc],
          fix: zhEn(
            '将其内容并入“五、存在的主要问题及改进情况”等相应部分，或改为下一级标题。',
            'Move its content into the matching section (e.g. 五) or make it a sub-heading.',
          ),
        });
        continue;
      }
      const name = sectionName(s.canonical);
      if (s.ordinal === null) {
        out.push({
          key: `b${s.block}`,
          severity: 'warning',
          message: zhEn(
            `标题“${s.title}”缺少序号，应为“${name.zh}”。`,
            `Heading “${s.title}” has lost its number; it should read “${name.zh}”.`,
          ),
          targets: [loc],
        });
      } else if (s.ordinal !== s.canonical) {
        out.push({
          key: `b${s.block}`,
          message: zhEn(
            `标题“${s.title}”的序号为“${NUMERALS_ZH[s.ordinal] ?? s.ordinal}”，按格式应为“${NUMERALS_ZH[s.canonical]}”。`,
            `Heading “${s.title}” is numbered ${s.ordinal}; the format numbers it ${s.canonical}.`,
          ),
          targets: [loc],
          evidence: { expected: s.canonical, found: s.ordinal },
        });
      }
    }
    return out;
  },
});
