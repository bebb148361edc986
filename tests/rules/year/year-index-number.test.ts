import rule from '../../../lib/rules/year/year-index-number';
import { reportPage } from '../../fixtures/report-html';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'the index number carries the year after the report year',
      html: reportPage({ shape: 'platform' }),
    },
    { name: 'no index number', html: reportPage({ shape: 'trs' }) },
  ],
  invalid: [
    {
      name: 'the index number’s year is not the year after the report year',
      html: reportPage({ shape: 'platform' }).replace('/2025-00012', '/2023-00012'),
      findings: [
        {
          key: 'year',
          severity: 'info',
          message: '索引号 11330100MB0000000X/2023-00012 的年份为 2023，而 2024 年度报告通常在 2025 年发布。',
          targets: [{ type: 'page' }],
          evidence: { expected: 2025, found: 2023 },
        },
      ],
    },
  ],
});
