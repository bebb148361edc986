import { defineRule, zhEn } from '../types';

const ITEMS = [
  { re: /信息处理费|处理费|收费/, zh: '信息处理费收取情况', en: 'information-processing fees' },
  {
    re: /建议|提案/,
    zh: '人大代表建议和政协提案办理结果公开情况',
    en: 'deputies’ suggestions and CPPCC proposals',
  },
  {
    re: /工作要点|要点/,
    zh: '落实上级年度政务公开工作要点情况',
    en: 'implementation of the annual work points',
  },
  { re: /创新/, zh: '政务公开工作创新情况', en: 'innovation in disclosure work' },
];

export default defineRule({
  id: 'section-six-items',
  category: 'section',
  severity: 'warning',
  title: zhEn('第六部分缺少应报告事项', 'Section 6 lacks required items'),
  basis: zhEn(
    '年报格式第六部分；《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）要求报告信息处理费收取情况',
    'Format part 6; 国办函〔2020〕109号 requires reporting information-processing fees',
  ),
  fix: zhEn(
    '至少报告：信息处理费收取情况、建议提案办理结果公开情况、落实上级年度政务公开工作要点情况、政务公开工作创新情况。',
    'Report at least: processing fees, suggestions and proposals, the annual work points, innovation.',
  ),
  check(ctx) {
    if (ctx.sections(6).length === 0) return [];
    // the closing signature (agency name, date) follows section 6: it is not its content
    const agency = ctx.report.agency;
    const blocks = ctx.sectionBlocks(6);
    const sig = ctx.report.signature?.block ?? Number.POSITIVE_INFINITY;
    const text = blocks
      .filter((b) => {
        if (b.index >= sig) return false;
        if (b.index < sig - 1) return true;
        const isName =
          b.text === agency ||
          (b.text.length <= 30 && /(政府|局|委员会|委|办公室|办|镇|乡|街道|办事处|中心)$/.test(b.text));
        return !isName;
      })
      .map((b) => b.text)
      .join('\n');
    const bare = text.replace(/[\s。.！!；;、，,]/g, '');
    if (bare === '' || /^(本(单位|机关|年度)?)?(暂)?无(其他需要报告的事项)?$/.test(bare)) {
      return [
        {
          key: 'bare',
          severity: 'error',
          message: zhEn(
            `第六部分仅写“${bare || '（空）'}”，遗漏了信息处理费等必须报告的事项。`,
            `Section 6 only says “${bare || '(empty)'}”, leaving out required items such as processing fees.`,
          ),
          targets: [ctx.sectionLoc(6)],
        },
      ];
    }
    const missing = ITEMS.filter((i) => !i.re.test(text));
    if (missing.length === 0) return [];
    return [
      {
        key: 'items',
        message: zhEn(
          `第六部分未见：${missing.map((m) => m.zh).join('；')}。`,
          `Section 6 does not cover: ${missing.map((m) => m.en).join('; ')}.`,
        ),
        targets: [ctx.sectionLoc(6)],
      },
    ];
  },
});
