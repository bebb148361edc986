import rule from '../../../lib/rules/history/history-carry-over';
import { PREV_URL, previousYear, thisYear } from '../../fixtures/history';
import { reportPage, simpleT2 } from '../../fixtures/report-html';
import { ruleTester } from '../../rule-tester';
import { t2 } from '../cells';

const carried = (n: number) => ({ ...simpleT2(5), carried: [n, 0, 0, 0, 0, 0, n] });
const forward = (n: number) => ({ ...simpleT2(5), forward: [n, 0, 0, 0, 0, 0, n] });
const prev = previousYear({ t2: forward(2) });

ruleTester(rule, {
  valid: [
    { name: 'the carry-over follows on from last year', html: thisYear({ t2: carried(2) }), previous: prev },
    {
      name: 'no previous report: not applicable',
      html: thisYear({ t2: carried(1) }),
      status: 'not-applicable',
    },
    {
      name: 'a report two years back is not the previous year',
      html: reportPage({ year: 2025, t2: carried(1) }),
      previous: prev,
      status: 'not-applicable',
    },
    {
      name: 'another body’s report is not this body’s previous year',
      html: thisYear({ agency: '示例县教育局', t2: carried(1) }),
      previous: prev,
      status: 'not-applicable',
    },
    {
      name: 'a blank carry-over cell is not compared',
      html: thisYear({ t2: { ...simpleT2(5), carried: ['', 0, 0, 0, 0, 0, 2] } }),
      previous: prev,
    },
  ],
  invalid: [
    {
      name: 'this year carries over 1 where last year carried 2 forward: an error per column, naming both',
      html: thisYear({ t2: carried(1) }),
      previous: prev,
      findings: [
        {
          key: 't2:carried:np',
          severity: 'error',
          message: `“二、上年结转”自然人 1 ≠ 2023年度报告（${PREV_URL}）“四、结转下年度继续办理”自然人 2，差 -1`,
          targets: [t2('carried', 'np')],
          evidence: { expected: 2, found: 1, difference: -1, quote: PREV_URL },
        },
        {
          key: 't2:carried:total',
          severity: 'error',
          message: `“二、上年结转”总计 1 ≠ 2023年度报告（${PREV_URL}）“四、结转下年度继续办理”总计 2，差 -1`,
          targets: [t2('carried', 'total')],
          evidence: { expected: 2, found: 1, difference: -1, quote: PREV_URL },
        },
      ],
    },
    {
      name: 'last year’s table was not read whole: a warning that says so',
      html: thisYear({ t2: carried(1) }),
      previous: { ...prev, exact: { ...prev.exact, t2: false } },
      findings: [
        {
          key: 't2:carried:np',
          severity: 'warning',
          message: `“二、上年结转”自然人 1 ≠ 2023年度报告（${PREV_URL}）“四、结转下年度继续办理”自然人 2，差 -1（表格读取不完全确定，请对照原文核实）`,
          targets: [t2('carried', 'np')],
          evidence: { expected: 2, found: 1, difference: -1, quote: PREV_URL },
        },
        {
          key: 't2:carried:total',
          severity: 'warning',
          message: `“二、上年结转”总计 1 ≠ 2023年度报告（${PREV_URL}）“四、结转下年度继续办理”总计 2，差 -1（表格读取不完全确定，请对照原文核实）`,
          targets: [t2('carried', 'total')],
          evidence: { expected: 2, found: 1, difference: -1, quote: PREV_URL },
        },
      ],
    },
  ],
});
