import rule from '../../../lib/rules/sum/t2-subtotal';
import { reportPage, simpleT2 } from '../../fixtures/report-html';
import { reportText } from '../../fixtures/report-text';
import { ruleTester } from '../../rule-tester';
import { t2SubtotalCells } from '../cells';

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
    { name: 'results add up to （七）', html: reportPage({ t2: simpleT2(9, 2, 3) }) },
    {
      name: 'the 2019 layout counts （六） as one leaf',
      html: reportPage({
        year: 2020,
        template: '2019',
        t2: { ...simpleT2(2), open: [1, 0, 0, 0, 0, 0, 1], o: [1, 0, 0, 0, 0, 0, 1] },
      }),
    },
    {
      name: 'a table split after a page break and flattened merges',
      html: reportPage({ splitT2Before: 'n4', flattenMerges: true, t2: simpleT2(12, 2, 3) }),
    },
    { name: 'PDF text that adds up', text: reportText({ style: 'pdf' }) },
  ],
  invalid: [
    {
      name: 'the columns where （七）总计 ≠ the sum of the leaf rows',
      html: reportPage({
        t2: {
          ...simpleT2(4),
          open: [3, 0, 0, 0, 0, 0, 3],
          u1: [1, 0, 0, 0, 0, 0, 1],
          r2: [1, 0, 0, 0, 0, 0, 1],
        },
      }),
      findings: [
        {
          key: 't2:subtotal:np',
          severity: 'error',
          message: '“自然人”列：（七）总计 4 ≠ （一） 3 + （四）1 1 + （五）2 1（其余各项为 0） = 5，差 1',
          targets: t2SubtotalCells('np'),
          evidence: {
            expected: 5,
            found: 4,
            difference: -1,
            formula: {
              zh: '（七）总计 4 ≠ （一） 3 + （四）1 1 + （五）2 1（其余各项为 0） = 5，差 1',
              en: '(7) total 4 ≠ (1) 3 + (4).1 1 + (5).2 1 (all other terms 0) = 5, difference 1',
            },
          },
        },
        {
          key: 't2:subtotal:total',
          severity: 'error',
          message: '“总计”列：（七）总计 4 ≠ （一） 3 + （四）1 1 + （五）2 1（其余各项为 0） = 5，差 1',
          targets: t2SubtotalCells('total'),
          evidence: {
            expected: 5,
            found: 4,
            difference: -1,
            formula: {
              zh: '（七）总计 4 ≠ （一） 3 + （四）1 1 + （五）2 1（其余各项为 0） = 5，差 1',
              en: '(7) total 4 ≠ (1) 3 + (4).1 1 + (5).2 1 (all other terms 0) = 5, difference 1',
            },
          },
        },
      ],
    },
    {
      name: 'the 2019 layout: （六） counted once',
      html: reportPage({
        year: 2020,
        template: '2019',
        t2: { ...simpleT2(2), open: [1, 0, 0, 0, 0, 0, 1], o: [2, 0, 0, 0, 0, 0, 2] },
      }),
      findings: [
        {
          key: 't2:subtotal:np',
          severity: 'error',
          message: '“自然人”列：（七）总计 2 ≠ （一） 1 + （六） 2（其余各项为 0） = 3，差 1',
          targets: t2SubtotalCells('np', '2019'),
          evidence: {
            expected: 3,
            found: 2,
            difference: -1,
            formula: {
              zh: '（七）总计 2 ≠ （一） 1 + （六） 2（其余各项为 0） = 3，差 1',
              en: '(7) total 2 ≠ (1) 1 + (6) 2 (all other terms 0) = 3, difference 1',
            },
          },
        },
        {
          key: 't2:subtotal:total',
          severity: 'error',
          message: '“总计”列：（七）总计 2 ≠ （一） 1 + （六） 2（其余各项为 0） = 3，差 1',
          targets: t2SubtotalCells('total', '2019'),
          evidence: {
            expected: 3,
            found: 2,
            difference: -1,
            formula: {
              zh: '（七）总计 2 ≠ （一） 1 + （六） 2（其余各项为 0） = 3，差 1',
              en: '(7) total 2 ≠ (1) 1 + (6) 2 (all other terms 0) = 3, difference 1',
            },
          },
        },
      ],
    },
  ],
});
