import rule from '../../../lib/rules/sum/t2-balance';
import { reportPage, simpleT2 } from '../../fixtures/report-html';
import { reportText } from '../../fixtures/report-text';
import { ruleTester } from '../../rule-tester';
import { t2 } from '../cells';

ruleTester(rule, {
  valid: [
    {
      name: 'every row adds up, with legal persons in several columns',
      html: reportPage({
        t2: {
          ...simpleT2(0),
          new: [3, 2, 0, 0, 0, 1, 6],
          open: [3, 2, 0, 0, 0, 1, 6],
          total: [3, 2, 0, 0, 0, 1, 6],
        },
      }),
    },
    { name: 'received + carried = handled + carried forward', html: reportPage({ t2: simpleT2(9, 2, 3) }) },
    {
      name: 'the 2019 layout balances',
      html: reportPage({
        year: 2020,
        template: '2019',
        t2: { ...simpleT2(2), open: [1, 0, 0, 0, 0, 0, 1], o: [1, 0, 0, 0, 0, 0, 1] },
      }),
    },
    { name: 'Word text that balances', text: reportText({ style: 'word' }) },
  ],
  invalid: [
    {
      name: 'per column, 一 + 二 ≠ （七） + 四, pointing first at （七）',
      html: reportPage({ t2: { ...simpleT2(3), carried: [1, 0, 0, 0, 0, 0, 1] } }),
      findings: [
        {
          key: 't2:balance:np',
          severity: 'error',
          message: '“自然人”列：一 3 + 二 1 = 4 ≠ （七） 3 + 四 0 = 3，差 1',
          targets: [t2('total', 'np'), t2('forward', 'np'), t2('new', 'np'), t2('carried', 'np')],
          evidence: {
            expected: 3,
            found: 4,
            difference: 1,
            formula: {
              zh: '一 3 + 二 1 = 4 ≠ （七） 3 + 四 0 = 3，差 1',
              en: 'I 3 + II 1 = 4 ≠ (7) 3 + IV 0 = 3, difference 1',
            },
          },
        },
        {
          key: 't2:balance:total',
          severity: 'error',
          message: '“总计”列：一 3 + 二 1 = 4 ≠ （七） 3 + 四 0 = 3，差 1',
          targets: [t2('total', 'total'), t2('forward', 'total'), t2('new', 'total'), t2('carried', 'total')],
          evidence: {
            expected: 3,
            found: 4,
            difference: 1,
            formula: {
              zh: '一 3 + 二 1 = 4 ≠ （七） 3 + 四 0 = 3，差 1',
              en: 'I 3 + II 1 = 4 ≠ (7) 3 + IV 0 = 3, difference 1',
            },
          },
        },
      ],
    },
    {
      name: 'a blank row elsewhere leaves the all-figures 总计 column checked',
      html: reportPage({ t2: { ...simpleT2(4), new: [4, '', '', '', '', '', 5] } }),
      findings: [
        {
          key: 't2:balance:total',
          severity: 'error',
          message: '“总计”列：一 5 + 二 0 = 5 ≠ （七） 4 + 四 0 = 4，差 1',
          targets: [t2('total', 'total'), t2('forward', 'total'), t2('new', 'total'), t2('carried', 'total')],
          evidence: {
            expected: 4,
            found: 5,
            difference: 1,
            formula: {
              zh: '一 5 + 二 0 = 5 ≠ （七） 4 + 四 0 = 4，差 1',
              en: 'I 5 + II 0 = 5 ≠ (7) 4 + IV 0 = 4, difference 1',
            },
          },
        },
      ],
    },
  ],
});
