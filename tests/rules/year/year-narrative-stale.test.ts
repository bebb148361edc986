import rule from '../../../lib/rules/year/year-narrative-stale';
import { reportPage } from '../../fixtures/report-html';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'a report that speaks of its own year', html: reportPage({}) },
    {
      name: 'last year named beside this year',
      html: reportPage({ bodies: { 1: ['2024年，本局在2023年工作基础上持续推进公开。'] } }),
    },
  ],
  invalid: [
    {
      name: 'an overview that speaks only of last year',
      html: reportPage({
        bodies: { 1: ['2023年，本局认真贯彻条例。', '（一）主动公开。2023年主动公开信息100条。'] },
      }),
      findings: [
        {
          key: 'stale',
          severity: 'warning',
          message:
            '报告年度为 2024 年，但“总体情况”只提到 2023 年（2 处），未提到 2024 年：疑似沿用上年报告。',
          targets: [
            {
              type: 'text',
              block: 5,
              start: 0,
              end: 5,
              excerpt: '2023年，本局认真贯彻条例。',
              words: '2023年',
            },
            {
              type: 'text',
              block: 6,
              start: 8,
              end: 13,
              excerpt: '（一）主动公开。2023年主动公开信息100条。',
              words: '2023年',
            },
          ],
        },
      ],
    },
  ],
});
