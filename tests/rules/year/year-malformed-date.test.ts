import rule from '../../../lib/rules/year/year-malformed-date';
import { reportPage } from '../../fixtures/report-html';
import { ruleTester } from '../../rule-tester';

const intro = (period: string) =>
  `本报告所列数据的统计期限${period}。如对本报告有疑问，请与本局联系（邮编：100000，电话：010-12345678）。`;

ruleTester(rule, {
  valid: [
    { name: 'well-formed dates', html: reportPage({}) },
    {
      name: '29 February in a leap year',
      html: reportPage({ extra: { 1: ['2024年2月29日召开专题会议。'] } }),
    },
  ],
  invalid: [
    {
      name: '"20241月1日" and an impossible date',
      html: reportPage({ intro: intro('自20241月1日起至2024年12月32日止') }),
      findings: [
        {
          key: 'b3:13',
          severity: 'error',
          message: '“20241月1日”：年份与月份连写，缺少“年”。',
          targets: [
            {
              type: 'text',
              block: 3,
              start: 13,
              end: 21,
              excerpt: '报告所列数据的统计期限自20241月1日起至2024年12月32',
              words: '20241月1日',
            },
          ],
          evidence: { quote: '20241月1日' },
        },
        {
          key: 'b3:23',
          severity: 'error',
          message: '“2024年12月32日”：该日期不存在。',
          targets: [
            {
              type: 'text',
              block: 3,
              start: 23,
              end: 34,
              excerpt: '限自20241月1日起至2024年12月32日止。如对本报告有疑问，请',
              words: '2024年12月32日',
            },
          ],
          evidence: { quote: '2024年12月32日' },
        },
      ],
    },
    {
      name: 'a three-digit year and 29 February in a common year',
      html: reportPage({ extra: { 1: ['202年1月5日印发通知，2023年2月29日召开会议。'] } }),
      findings: [
        {
          key: 'b11:0',
          severity: 'error',
          message: '“202年1月5日”：年份“202”位数不对。',
          targets: [
            {
              type: 'text',
              block: 11,
              start: 0,
              end: 8,
              excerpt: '202年1月5日印发通知，2023年2月',
              words: '202年1月5日',
            },
          ],
          evidence: { quote: '202年1月5日' },
        },
        {
          key: 'b11:13',
          severity: 'error',
          message: '“2023年2月29日”：该日期不存在。',
          targets: [
            {
              type: 'text',
              block: 11,
              start: 13,
              end: 23,
              excerpt: '02年1月5日印发通知，2023年2月29日召开会议。',
              words: '2023年2月29日',
            },
          ],
          evidence: { quote: '2023年2月29日' },
        },
      ],
    },
  ],
});
