import rule from '../../../lib/rules/section/section-six-items';
import { reportPage } from '../../fixtures/report-html';
import { reportText } from '../../fixtures/report-text';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'all four items reported', html: reportPage({}) },
    { name: 'Word text with all four items', text: reportText({ style: 'word' }) },
  ],
  invalid: [
    {
      name: 'a bare 无 is an error',
      html: reportPage({ bodies: { 6: ['无'] } }),
      findings: [
        {
          key: 'bare',
          severity: 'error',
          message: '第六部分仅写“无”，遗漏了信息处理费等必须报告的事项。',
          targets: [{ type: 'section', section: 6, block: 20 }],
        },
      ],
    },
    {
      name: 'a bare 无 right before the date line (no agency line) is still read as the body',
      html: reportPage({ bodies: { 6: ['无'] } }).replace(/<p align="right">示例县市场监督管理局<\/p>/, ''),
      findings: [
        {
          key: 'bare',
          severity: 'error',
          message: '第六部分仅写“无”，遗漏了信息处理费等必须报告的事项。',
          targets: [{ type: 'section', section: 6, block: 20 }],
        },
      ],
    },
    {
      name: 'names the items that are missing, not the one reported',
      html: reportPage({ bodies: { 6: ['本年度未收取信息处理费。'] } }),
      findings: [
        {
          key: 'items',
          severity: 'warning',
          message:
            '第六部分未见：人大代表建议和政协提案办理结果公开情况；落实上级年度政务公开工作要点情况；政务公开工作创新情况。',
          targets: [{ type: 'section', section: 6, block: 20 }],
        },
      ],
    },
    {
      name: 'Word text: a bare 无',
      text: reportText({ style: 'word', bodies: { 6: ['无'] } }),
      findings: [
        {
          key: 'bare',
          severity: 'error',
          message: '第六部分仅写“无”，遗漏了信息处理费等必须报告的事项。',
          targets: [{ type: 'section', section: 6, block: 299 }],
        },
      ],
    },
  ],
});
