import rule from '../../../lib/rules/content/content-enumeration-gap';
import { reportPage } from '../../fixtures/report-html';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'a complete list across paragraphs',
      html: reportPage({ extra: { 1: ['一是完善制度。', '二是加强培训。', '三是强化监督。'] } }),
    },
    {
      name: '“统一是” is not an item',
      html: reportPage({ extra: { 1: ['一是完善制度。标准统一是关键。三项工作同步推进。'] } }),
    },
    {
      name: 'a new list in each section',
      html: reportPage({
        extra: { 1: ['一是完善制度。二是加强培训。'], 5: ['一是更新不及时。二是解读不足。'] },
      }),
    },
  ],
  invalid: [
    {
      name: '一是…三是 without 二是',
      html: reportPage({ extra: { 1: ['一是完善制度。三是强化监督。'] } }),
      findings: [
        {
          key: 'b11:7',
          severity: 'warning',
          message: '列举从“一是”跳到“三是”，缺少“二是”。',
          targets: [
            {
              type: 'text',
              block: 11,
              start: 7,
              end: 9,
              excerpt: '一是完善制度。三是强化监督。',
              words: '三是',
            },
          ],
          evidence: { expected: 2, found: 3 },
        },
      ],
    },
    {
      name: 'two items skipped',
      html: reportPage({ extra: { 5: ['一是更新不及时；四是培训较少。'] } }),
      findings: [
        {
          key: 'b20:8',
          severity: 'warning',
          message: '列举从“一是”跳到“四是”，缺少“二是、三是”。',
          targets: [
            {
              type: 'text',
              block: 20,
              start: 8,
              end: 10,
              excerpt: '一是更新不及时；四是培训较少。',
              words: '四是',
            },
          ],
          evidence: { expected: 2, found: 4 },
        },
      ],
    },
  ],
});
