import { numeralZh, TABLES, tableOfSection } from '../../format';
import { defineRule, type RuleFinding, zhEn } from '../types';

export default defineRule({
  id: 'extraction-image-table',
  category: 'extraction',
  severity: 'info',
  title: zhEn('统计表为图片，无法核验', 'Table given as an image: not verifiable'),
  basis: zhEn('图片中的数字无法自动读取', 'Figures in an image cannot be read automatically'),
  fix: zhEn(
    '请人工核对图片中的数字；建议以网页表格形式发布统计表。',
    'Check the image by hand; tables are better published as HTML tables.',
  ),
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const n of ctx.report.imageTables) {
      const kind = tableOfSection(n);
      const name = kind ? TABLES[kind].name : { zh: `第${n}部分表格`, en: `Section ${n} table` };
      out.push({
        key: String(n),
        message: zhEn(
          `第${numeralZh(n)}部分的${name.zh}以图片发布，其中数字未核验。`,
          `${name.en} in section ${n} is an image; its figures were not checked.`,
        ),
        targets: [ctx.sectionLoc(n)],
      });
    }
    return out;
  },
});
