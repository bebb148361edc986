import rule from '../../../lib/rules/year/year-section-five';
import { reportPage } from '../../fixtures/report-html';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'section 5 names last year and this year', html: reportPage({}) },
    {
      name: 'section 5 names next year’s plans',
      html: reportPage({ extra: { 5: ['2025年将继续加强培训。'] } }),
    },
  ],
  invalid: [
    {
      name: 'section 5 naming a year two back',
      html: reportPage({
        bodies: { 5: ['（一）2022年度存在问题改进情况。已整改。', '（二）2023年度存在的主要问题。'] },
      }),
      findings: [
        {
          key: 'b18:3',
          severity: 'warning',
          message: '第五部分提到 2022 年；报告年度为 2024 年，上年度应为 2023 年：疑似沿用旧报告。',
          targets: [
            {
              type: 'text',
              block: 18,
              start: 3,
              end: 8,
              excerpt: '（一）2022年度存在问题改进情况。已整',
              words: '2022年',
            },
          ],
          evidence: { expected: 2023, found: 2022 },
        },
      ],
    },
  ],
});
