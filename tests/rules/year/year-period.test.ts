import rule from '../../../lib/rules/year/year-period';
import { reportPage } from '../../fixtures/report-html';
import { reportText } from '../../fixtures/report-text';
import { ruleTester } from '../../rule-tester';
import { NEWS_PAGE } from '../pages';

const intro = (period: string) =>
  `本报告所列数据的统计期限${period}。如对本报告有疑问，请与本局联系（邮编：100000，电话：010-12345678）。`;

ruleTester(rule, {
  valid: [
    { name: 'the period is the report year', html: reportPage({}) },
    { name: 'Word text with the right period', text: reportText({ style: 'word' }) },
    {
      name: 'malformed dates are left to year-malformed-date',
      html: reportPage({ intro: intro('自20241月1日起至2024年12月32日止') }),
    },
    { name: 'not a report', html: NEWS_PAGE, status: 'not-applicable' },
  ],
  invalid: [
    {
      name: 'the period is the previous year',
      html: reportPage({ intro: intro('自2023年1月1日起至2023年12月31日止') }),
      findings: [
        {
          key: 'mismatch',
          severity: 'error',
          message:
            '统计期限为 2023-01-01 至 2023-12-31，而报告年度为 2024 年（应为 2024-01-01 至 2024-12-31）。',
          targets: [
            {
              type: 'text',
              block: 3,
              start: 3,
              end: 36,
              excerpt: '本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。如对本报告有疑问，请与',
              words: '所列数据的统计期限自2023年1月1日起至2023年12月31日止',
            },
          ],
          evidence: { quote: '所列数据的统计期限自2023年1月1日起至2023年12月31日止' },
        },
      ],
    },
    {
      name: 'the period ends early',
      html: reportPage({ intro: intro('自2024年1月1日起至2024年11月30日止') }),
      findings: [
        {
          key: 'mismatch',
          severity: 'error',
          message:
            '统计期限为 2024-01-01 至 2024-11-30，而报告年度为 2024 年（应为 2024-01-01 至 2024-12-31）。',
          targets: [
            {
              type: 'text',
              block: 3,
              start: 3,
              end: 36,
              excerpt: '本报告所列数据的统计期限自2024年1月1日起至2024年11月30日止。如对本报告有疑问，请与',
              words: '所列数据的统计期限自2024年1月1日起至2024年11月30日止',
            },
          ],
          evidence: { quote: '所列数据的统计期限自2024年1月1日起至2024年11月30日止' },
        },
      ],
    },
    {
      name: 'no period stated: a warning at the first section',
      html: reportPage({ intro: null }),
      findings: [
        {
          key: 'absent',
          severity: 'warning',
          fix: '在导语中写明统计期限。',
          message: '正文未写明统计期限（如“本报告所列数据的统计期限自…起至…止”）。',
          targets: [{ type: 'section', section: 1, block: 3 }],
        },
      ],
    },
    {
      name: 'PDF text without a period',
      text: reportText({ style: 'pdf', year: 2025, intro: null }),
      findings: [
        {
          key: 'absent',
          severity: 'warning',
          fix: '在导语中写明统计期限。',
          message: '正文未写明统计期限（如“本报告所列数据的统计期限自…起至…止”）。',
          targets: [{ type: 'section', section: 1, block: 1 }],
        },
      ],
    },
  ],
});
