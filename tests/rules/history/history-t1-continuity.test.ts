import rule from '../../../lib/rules/history/history-t1-continuity';
import { PREV_URL, previousYear, thisYear } from '../../fixtures/history';
import { ruleTester } from '../../rule-tester';
import { t1 } from '../cells';

const prev = previousYear({ t1: { gz: [0, 0, 0], gf: [2, 0, 7] } });

ruleTester(rule, {
  valid: [
    { name: '7 + 3 − 1 = 9 in force', html: thisYear({ t1: { gf: [3, 1, 9] } }), previous: prev },
    { name: 'no previous report: not applicable', html: thisYear(), status: 'not-applicable' },
    {
      name: 'a "/" in force is not compared',
      html: thisYear({ t1: { gf: [3, 1, '/'] } }),
      previous: prev,
    },
  ],
  invalid: [
    {
      name: '7 + 3 − 1 = 9 but 12 in force: a warning with the arithmetic and the three cells',
      html: thisYear({ t1: { gf: [3, 1, 12] } }),
      previous: prev,
      findings: [
        {
          key: 't1:gf:v3',
          severity: 'warning',
          message: `行政规范性文件现行有效 12 ≠ 2023年度报告（${PREV_URL}）现行有效 7 + 本年制发 3 − 本年废止 1 = 9，差 3`,
          targets: [t1('gf', 'v3'), t1('gf', 'v1'), t1('gf', 'v2')],
          evidence: {
            expected: 9,
            found: 12,
            difference: 3,
            quote: PREV_URL,
          },
        },
      ],
    },
    {
      name: 'the report speaks of a clean-up: info',
      html: thisYear({ t1: { gf: [3, 1, 12] }, extra: { 2: ['本年度开展行政规范性文件集中清理。'] } }),
      previous: prev,
      findings: [
        {
          key: 't1:gf:v3',
          severity: 'info',
          message: `行政规范性文件现行有效 12 ≠ 2023年度报告（${PREV_URL}）现行有效 7 + 本年制发 3 − 本年废止 1 = 9，差 3（正文提到清理或废止，差异可能由此而来）`,
          targets: [t1('gf', 'v3'), t1('gf', 'v1'), t1('gf', 'v2')],
          evidence: {
            expected: 9,
            found: 12,
            difference: 3,
            quote: PREV_URL,
          },
        },
      ],
    },
    {
      name: 'a region-wide report: info',
      html: thisYear({ agency: '示例县人民政府', t1: { gf: [3, 1, 12] } }),
      previous: previousYear({ agency: '示例县人民政府', t1: { gf: [2, 0, 7] } }),
      findings: [
        {
          key: 't1:gf:v3',
          severity: 'info',
          message: `行政规范性文件现行有效 12 ≠ 2023年度报告（${PREV_URL}）现行有效 7 + 本年制发 3 − 本年废止 1 = 9，差 3（本级政府年报汇总全区数据，口径可能不同）`,
          targets: [t1('gf', 'v3'), t1('gf', 'v1'), t1('gf', 'v2')],
          evidence: {
            expected: 9,
            found: 12,
            difference: 3,
            quote: PREV_URL,
          },
        },
      ],
    },
  ],
});
