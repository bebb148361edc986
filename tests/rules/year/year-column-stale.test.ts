import { expect } from 'vitest';
import rule from '../../../lib/rules/year/year-column-stale';
import { reportPage } from '../../fixtures/report-html';
import { ruleTester } from '../../rule-tester';
import { columnPage, NEWS_PAGE } from '../pages';

ruleTester(rule, {
  valid: [
    { name: 'before the deadline', html: columnPage([2023, 2024]), now: '2026-02-01' },
    { name: 'up to date', html: columnPage([2024, 2025]), now: '2026-05-01' },
    { name: 'a report page is not a column', html: reportPage({}), now: '2027-05-01' },
    { name: 'a news page lists no reports', html: NEWS_PAGE, now: '2026-05-01' },
  ],
  invalid: [
    {
      name: 'the newest listed report is older than last year after 31 March',
      html: columnPage([2022, 2023, 2024]),
      now: '2026-05-01',
      findings: [
        {
          key: 'stale',
          severity: 'warning',
          message:
            '栏目中最新的年报为 2024 年度；2025 年度年报应于 2026-03-31 前发布，今天（2026-05-01）仍未见。',
          targets: [{ type: 'page' }],
          evidence: { expected: 2025, found: 2024 },
        },
      ],
      also: (out) => expect(out.report.isReport).toBe(false),
    },
  ],
});
