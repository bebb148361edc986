import rule from '../../../lib/rules/section/section-five-last-year';
import { reportPage } from '../../fixtures/report-html';
import { reportText } from '../../fixtures/report-text';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'last year’s problems accounted for by year', html: reportPage({}) },
    {
      name: 'last year’s problems accounted for as 上年度',
      html: reportPage({ bodies: { 5: ['（一）上年度问题整改情况。已完成整改。', '（二）存在问题。'] } }),
    },
    { name: 'Word text', text: reportText({ style: 'word' }) },
  ],
  invalid: [
    {
      name: 'section 5 only covers this year',
      html: reportPage({ bodies: { 5: ['本年度存在的问题：信息更新不及时。下一步将加强管理。'] } }),
      findings: [
        {
          key: 'last-year',
          severity: 'warning',
          message: '第五部分未提及2023年度（上一年度）存在问题的整改情况，只写了本年度问题。',
          targets: [{ type: 'section', section: 5, block: 17 }],
        },
      ],
    },
    {
      name: 'section 5 is empty',
      html: reportPage({ bodies: { 5: [] } }),
      findings: [
        {
          key: 'empty',
          severity: 'error',
          message: '第五部分没有内容。',
          targets: [{ type: 'section', section: 5, block: 17 }],
        },
      ],
    },
    {
      name: 'PDF text: only this year’s problems',
      text: reportText({
        style: 'pdf',
        year: 2025,
        bodies: { 5: ['（一）存在的问题', '一是信息更新不及时。', '针对上述问题，我乡已采取整改措施。'] },
      }),
      findings: [
        {
          key: 'last-year',
          severity: 'warning',
          message: '第五部分未提及2024年度（上一年度）存在问题的整改情况，只写了本年度问题。',
          targets: [{ type: 'section', section: 5, block: 58 }],
        },
      ],
    },
  ],
});
