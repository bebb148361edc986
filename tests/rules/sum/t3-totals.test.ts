import rule from '../../../lib/rules/sum/t3-totals';
import { reportPage } from '../../fixtures/report-html';
import { reportText } from '../../fixtures/report-text';
import { ruleTester } from '../../rule-tester';
import { t3 } from '../cells';

ruleTester(rule, {
  valid: [
    {
      name: 'all three groups add up',
      html: reportPage({ t3: [1, 1, 0, 1, 3, 0, 2, 0, 0, 2, 1, 0, 0, 0, 1] }),
    },
    {
      name: 'Word text that adds up',
      text: reportText({ style: 'word', t3: [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0] }),
    },
    {
      name: 'a blank group is not verifiable, not an error',
      html: reportPage({ t3: [1, 0, 0, 0, 1, '', '', '', '', 2, 0, 0, 0, 0, 0] }),
    },
  ],
  invalid: [
    {
      name: 'the group where total ≠ upheld + corrected + other + pending',
      html: reportPage({ t3: [1, 1, 0, 0, 3, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1] }),
      findings: [
        {
          key: 't3:rv',
          severity: 'error',
          message: '“行政复议”组：总计 3 ≠ 结果维持 1 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 2，差 1',
          targets: [
            t3('rv', 'total'),
            t3('rv', 'keep'),
            t3('rv', 'fix'),
            t3('rv', 'other'),
            t3('rv', 'pending'),
          ],
          evidence: {
            expected: 2,
            found: 3,
            difference: 1,
            formula: {
              zh: '总计 3 ≠ 结果维持 1 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 2，差 1',
              en: 'total 3 ≠ upheld 1 + corrected 1 + other 0 + pending 0 = 2, difference 1',
            },
          },
        },
      ],
    },
    {
      name: 'PDF text: two groups',
      text: reportText({ style: 'pdf', t3: [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2] }),
      findings: [
        {
          key: 't3:ld',
          severity: 'error',
          message:
            '“行政诉讼·未经复议直接起诉”组：总计 0 ≠ 结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 0 = 1，差 1',
          targets: [
            t3('ld', 'total'),
            t3('ld', 'keep'),
            t3('ld', 'fix'),
            t3('ld', 'other'),
            t3('ld', 'pending'),
          ],
          evidence: {
            expected: 1,
            found: 0,
            difference: -1,
            formula: {
              zh: '总计 0 ≠ 结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 0 = 1，差 1',
              en: 'total 0 ≠ upheld 1 + corrected 0 + other 0 + pending 0 = 1, difference 1',
            },
          },
        },
        {
          key: 't3:lr',
          severity: 'error',
          message:
            '“行政诉讼·复议后起诉”组：总计 2 ≠ 结果维持 0 + 结果纠正 0 + 其他结果 0 + 尚未审结 0 = 0，差 2',
          targets: [
            t3('lr', 'total'),
            t3('lr', 'keep'),
            t3('lr', 'fix'),
            t3('lr', 'other'),
            t3('lr', 'pending'),
          ],
          evidence: {
            expected: 0,
            found: 2,
            difference: 2,
            formula: {
              zh: '总计 2 ≠ 结果维持 0 + 结果纠正 0 + 其他结果 0 + 尚未审结 0 = 0，差 2',
              en: 'total 2 ≠ upheld 0 + corrected 0 + other 0 + pending 0 = 0, difference 2',
            },
          },
        },
      ],
    },
  ],
});
