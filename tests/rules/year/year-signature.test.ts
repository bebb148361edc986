import rule from '../../../lib/rules/year/year-signature';
import { reportPage } from '../../fixtures/report-html';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'signed after the year, before publication', html: reportPage({}) },
    { name: 'no signature', html: reportPage({ signature: null }) },
  ],
  invalid: [
    {
      name: 'a signature before the year ended',
      html: reportPage({ signature: '2024年12月1日' }),
      findings: [
        {
          key: 'early',
          severity: 'error',
          message: '落款日期 2024-12-01 早于报告年度 2024 年结束。',
          targets: [
            { type: 'text', block: 26, start: 0, end: 10, excerpt: '2024年12月1日', words: '2024年12月1日' },
          ],
        },
      ],
    },
    {
      name: 'a signature after publication',
      html: reportPage({ signature: '2025年1月25日', published: '2025-01-20' }),
      findings: [
        {
          key: 'after-publication',
          severity: 'warning',
          message: '落款日期 2025-01-25 晚于发布时间 2025-01-20。',
          targets: [
            { type: 'text', block: 26, start: 0, end: 10, excerpt: '2025年1月25日', words: '2025年1月25日' },
          ],
        },
      ],
    },
    {
      name: 'a signature after the deadline and after publication',
      html: reportPage({ signature: '2025年4月10日', published: '2025-01-20' }),
      findings: [
        {
          key: 'late',
          severity: 'warning',
          message: '落款日期 2025-04-10 晚于发布期限 2025-01-31。',
          targets: [
            { type: 'text', block: 26, start: 0, end: 10, excerpt: '2025年4月10日', words: '2025年4月10日' },
          ],
        },
        {
          key: 'after-publication',
          severity: 'warning',
          message: '落款日期 2025-04-10 晚于发布时间 2025-01-20。',
          targets: [
            { type: 'text', block: 26, start: 0, end: 10, excerpt: '2025年4月10日', words: '2025年4月10日' },
          ],
        },
      ],
    },
  ],
});
