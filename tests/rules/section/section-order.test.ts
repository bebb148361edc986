import rule from '../../../lib/rules/section/section-order';
import { reportPage } from '../../fixtures/report-html';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'sections in order', html: reportPage({}) },
    {
      name: 'a missing section does not put the rest out of order',
      html: reportPage({ headings: { 5: null }, bodies: { 5: [] } }),
    },
  ],
  invalid: [
    {
      name: 'sections 5 and 6 swapped',
      html: reportPage({ headings: { 5: '六、其他需要报告的事项', 6: '五、存在的主要问题及改进情况' } }),
      findings: [
        {
          key: 'b20',
          severity: 'error',
          message: '“五、存在的主要问题及改进情况”出现在“六、其他需要报告的事项”之后。',
          targets: [{ type: 'section', section: 5, block: 20 }],
        },
      ],
    },
  ],
});
