import { expect } from 'vitest';
import rule from '../../../lib/rules/extraction/extraction-year-unknown';
import { reportPage } from '../../fixtures/report-html';
import { reportText } from '../../fixtures/report-text';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'the year is in the title', html: reportPage({}) },
    { name: 'Word text with a title', text: reportText({ style: 'word' }) },
  ],
  invalid: [
    {
      name: 'no title: the year is taken from the period',
      text: reportText({ style: 'word', title: null }),
      findings: [
        {
          key: 'period',
          severity: 'info',
          message: '未找到写明年度的报告标题，报告年度按统计期限取为 2024 年。',
          targets: [{ type: 'page' }],
        },
      ],
      also: (out) => expect(out.report.yearSource).toBe('period'),
    },
    {
      name: 'no title and no period: the year is inferred from the text',
      text: reportText({ style: 'word', title: null, intro: null }),
      findings: [
        {
          key: 'narrative',
          severity: 'info',
          message: '标题和统计期限均未写明年度，按正文推定为 2024 年；年份相关检查以此为准。',
          targets: [{ type: 'page' }],
        },
      ],
    },
    {
      name: 'no year anywhere',
      html: reportPage({
        title: '示例县市场监督管理局政府信息公开工作年度报告',
        intro: null,
        bodies: { 1: ['本局认真贯彻条例。'], 5: ['存在问题：更新不及时。'], 6: ['未收取信息处理费。'] },
        signature: null,
      }),
      findings: [
        {
          key: 'unknown',
          severity: 'info',
          message: '未能确定报告年度，年份和期限相关检查未进行。',
          targets: [{ type: 'page' }],
        },
      ],
    },
  ],
});
