import rule from '../../../lib/rules/section/section-duplicate';
import { reportPage } from '../../fixtures/report-html';
import { reportText } from '../../fixtures/report-text';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'each section once', html: reportPage({}) },
    {
      name: 'numbered lists inside a section are not headings',
      html: reportPage({ extra: { 5: ['一、加强组织领导', '二、强化队伍建设', '三、完善制度'] } }),
    },
  ],
  invalid: [
    {
      name: 'a repeated heading',
      html: reportPage({ extra: { 1: ['一、总体情况'] } }),
      findings: [
        {
          key: 'b11',
          severity: 'error',
          message: '“一、总体情况”出现了不止一次（“一、总体情况”）。',
          targets: [{ type: 'section', section: 1, block: 11 }],
        },
      ],
    },
    {
      name: 'PDF text with the first heading twice',
      text: reportText({ style: 'pdf', year: 2025, headings: { 1: '一、总体情况\n一、总体情况' } }),
      findings: [
        {
          key: 'b3',
          severity: 'error',
          message: '“一、总体情况”出现了不止一次（“一、总体情况”）。',
          targets: [{ type: 'section', section: 1, block: 3 }],
        },
      ],
    },
  ],
});
