import rule from '../../../lib/rules/sum/t2-bounds';
import { reportPage, simpleT2 } from '../../fixtures/report-html';
import { ruleTester } from '../../rule-tester';
import { t2 } from '../cells';

ruleTester(rule, {
  valid: [
    { name: 'ordinary counts', html: reportPage({ t2: simpleT2(9, 2, 3) }) },
    { name: 'carried forward equal to received + carried', html: reportPage({ t2: simpleT2(2, 1, 3) }) },
  ],
  invalid: [
    {
      name: 'a negative and a fractional count in result rows',
      html: reportPage({
        t2: { ...simpleT2(1), open: [-1, 0, 0, 0, 0, 0, -1], partial: [2, 0, 0, 0, 0, 0.5, 2.5] },
      }),
      findings: [
        {
          key: 't2:open:np',
          severity: 'error',
          message: '件数应为非负整数，此处为“-1”。',
          targets: [t2('open', 'np')],
          evidence: { found: -1 },
        },
        {
          key: 't2:open:total',
          severity: 'error',
          message: '件数应为非负整数，此处为“-1”。',
          targets: [t2('open', 'total')],
          evidence: { found: -1 },
        },
        {
          key: 't2:partial:oth',
          severity: 'error',
          message: '件数应为非负整数，此处为“0.5”。',
          targets: [t2('partial', 'oth')],
          evidence: { found: 0.5 },
        },
        {
          key: 't2:partial:total',
          severity: 'error',
          message: '件数应为非负整数，此处为“2.5”。',
          targets: [t2('partial', 'total')],
          evidence: { found: 2.5 },
        },
      ],
    },
    {
      name: 'carried forward above received + carried over',
      html: reportPage({
        t2: { ...simpleT2(0), carried: [1, 0, 0, 0, 0, 0, 1], forward: [2, 0, 0, 0, 0, 0, 2] },
      }),
      findings: [
        {
          key: 'forward:np',
          severity: 'error',
          message: '“自然人”列结转下年度 2 大于本年新收 0 + 上年结转 1 = 1。',
          targets: [t2('forward', 'np'), t2('new', 'np'), t2('carried', 'np')],
          evidence: { expected: 1, found: 2, difference: 1 },
        },
        {
          key: 'forward:total',
          severity: 'error',
          message: '“总计”列结转下年度 2 大于本年新收 0 + 上年结转 1 = 1。',
          targets: [t2('forward', 'total'), t2('new', 'total'), t2('carried', 'total')],
          evidence: { expected: 1, found: 2, difference: 1 },
        },
      ],
    },
    {
      name: 'negative and fractional counts, carried forward above received + carried',
      html: reportPage({
        t2: {
          ...simpleT2(0),
          new: [-1, 0, 0, 0, 0, 0, -1],
          open: [0.5, 0, 0, 0, 0, 0, 0.5],
          forward: [2, 0, 0, 0, 0, 0, 2],
        },
      }),
      findings: [
        {
          key: 't2:new:np',
          severity: 'error',
          message: '件数应为非负整数，此处为“-1”。',
          targets: [t2('new', 'np')],
          evidence: { found: -1 },
        },
        {
          key: 't2:new:total',
          severity: 'error',
          message: '件数应为非负整数，此处为“-1”。',
          targets: [t2('new', 'total')],
          evidence: { found: -1 },
        },
        {
          key: 't2:open:np',
          severity: 'error',
          message: '件数应为非负整数，此处为“0.5”。',
          targets: [t2('open', 'np')],
          evidence: { found: 0.5 },
        },
        {
          key: 't2:open:total',
          severity: 'error',
          message: '件数应为非负整数，此处为“0.5”。',
          targets: [t2('open', 'total')],
          evidence: { found: 0.5 },
        },
        {
          key: 'forward:np',
          severity: 'error',
          message: '“自然人”列结转下年度 2 大于本年新收 -1 + 上年结转 0 = -1。',
          targets: [t2('forward', 'np'), t2('new', 'np'), t2('carried', 'np')],
          evidence: { expected: -1, found: 2, difference: 3 },
        },
        {
          key: 'forward:total',
          severity: 'error',
          message: '“总计”列结转下年度 2 大于本年新收 -1 + 上年结转 0 = -1。',
          targets: [t2('forward', 'total'), t2('new', 'total'), t2('carried', 'total')],
          evidence: { expected: -1, found: 2, difference: 3 },
        },
      ],
    },
  ],
});
