import rule from '../../../lib/rules/content/content-placeholder';
import { reportPage } from '../../fixtures/report-html';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'ordinary text', html: reportPage({}) },
    {
      name: 'figures written in',
      html: reportPage({
        extra: { 1: ['全年主动公开政府信息120条，可在网站下载（http://www.example.gov.cn）。'] },
      }),
    },
  ],
  invalid: [
    {
      name: 'a blank left for the figure and empty download brackets',
      html: reportPage({ extra: { 1: ['全年主动公开政府信息  条，可在网站下载（）。'] } }),
      findings: [
        {
          key: 'b11:9',
          severity: 'warning',
          message: '“息 条”：数字处为空白。',
          targets: [
            {
              type: 'text',
              block: 11,
              start: 9,
              end: 12,
              excerpt: '全年主动公开政府信息 条，可在网站下载（）。',
              words: '息 条',
            },
          ],
          evidence: { quote: '息 条' },
        },
        {
          key: 'b11:17',
          severity: 'warning',
          message: '“下载（）”：括号内的网址为空。',
          targets: [
            {
              type: 'text',
              block: 11,
              start: 17,
              end: 21,
              excerpt: '开政府信息 条，可在网站下载（）。',
              words: '下载（）',
            },
          ],
          evidence: { quote: '下载（）' },
        },
      ],
    },
    {
      name: 'an XX placeholder and a fill-in line',
      html: reportPage({ extra: { 5: ['XX年度存在问题整改情况：____。'] } }),
      findings: [
        {
          key: 'b20:0',
          severity: 'warning',
          message: '“XX年”：模板占位符“XX”未替换。',
          targets: [
            {
              type: 'text',
              block: 20,
              start: 0,
              end: 3,
              excerpt: 'XX年度存在问题整改情况：__',
              words: 'XX年',
            },
          ],
          evidence: { quote: 'XX年' },
        },
        {
          key: 'b20:13',
          severity: 'warning',
          message: '“____”：留有填空横线。',
          targets: [
            {
              type: 'text',
              block: 20,
              start: 13,
              end: 17,
              excerpt: 'X年度存在问题整改情况：____。',
              words: '____',
            },
          ],
          evidence: { quote: '____' },
        },
      ],
    },
  ],
});
