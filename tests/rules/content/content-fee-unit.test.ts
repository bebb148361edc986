import rule from '../../../lib/rules/content/content-fee-unit';
import { reportPage } from '../../fixtures/report-html';
import { ruleTester } from '../../rule-tester';
import { t1 } from '../cells';

ruleTester(rule, {
  valid: [
    { name: 'a fee in 万元', html: reportPage({ t1: { fee: '0.12' } }) },
    { name: 'a fee of 0', html: reportPage({}) },
    { name: '“万元” written in the cell', html: reportPage({ t1: { fee: '0.12万元' } }) },
  ],
  invalid: [
    {
      name: '“元” in the fee cell',
      html: reportPage({ t1: { fee: '1200元' } }),
      findings: [
        {
          key: 't1:fee:v1',
          severity: 'warning',
          message: '行政事业性收费金额写作“1200元”：单位应为万元，单元格内写“元”疑为单位错误。',
          targets: [t1('fee', 'v1')],
          evidence: { quote: '1200元' },
        },
      ],
    },
  ],
});
