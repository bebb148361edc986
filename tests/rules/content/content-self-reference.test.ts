import rule from '../../../lib/rules/content/content-self-reference';
import { reportPage } from '../../fixtures/report-html';
import { ruleTester } from '../../rule-tester';

const town = '示例县城关镇人民政府';

ruleTester(rule, {
  valid: [
    {
      name: '“我镇” in a township report',
      html: reportPage({ agency: town, extra: { 5: ['我镇将加强培训。'] } }),
    },
    {
      name: '“我局” and “处理” in a bureau’s report',
      html: reportPage({ extra: { 5: ['我局将加强培训，做好信息处理工作。'] } }),
    },
    {
      name: '“我处理” is not a self-reference',
      html: reportPage({ agency: town, extra: { 5: ['由我处理的申请均已办结。'] } }),
    },
  ],
  invalid: [
    {
      name: '“我处” in a township report',
      html: reportPage({ agency: town, extra: { 5: ['把政府信息公开贯穿于我处工作的全过程。'] } }),
      findings: [
        {
          key: 'b20:10',
          severity: 'warning',
          message: '报告机关为“示例县城关镇人民政府”，正文却自称“我处”：疑似照抄其他机关的报告。',
          targets: [
            {
              type: 'text',
              block: 20,
              start: 10,
              end: 12,
              excerpt: '把政府信息公开贯穿于我处工作的全过程。',
              words: '我处',
            },
          ],
          evidence: { quote: '把政府信息公开贯穿于我处工作的全过程。' },
        },
      ],
    },
    {
      name: '“我镇” in a bureau’s report',
      html: reportPage({ extra: { 1: ['我镇持续推进政务公开。'] } }),
      findings: [
        {
          key: 'b11:0',
          severity: 'warning',
          message: '报告机关为“示例县市场监督管理局”，正文却自称“我镇”：疑似照抄其他机关的报告。',
          targets: [
            { type: 'text', block: 11, start: 0, end: 2, excerpt: '我镇持续推进政务公开。', words: '我镇' },
          ],
          evidence: { quote: '我镇持续推进政务公开。' },
        },
      ],
    },
  ],
});
