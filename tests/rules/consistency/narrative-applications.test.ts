import rule from '../../../lib/rules/consistency/narrative-applications';
import { reportPage, simpleT2 } from '../../fixtures/report-html';
import { reportText } from '../../fixtures/report-text';
import { ruleTester } from '../../rule-tester';
import { t2 } from '../cells';

const overview = (s: string) => ({ bodies: { 1: ['2024年，本局认真贯彻条例。', s] } });
const t2one = { new: [1, 0, 0, 0, 0, 0, 1], open: [1, 0, 0, 0, 0, 0, 1], total: [1, 0, 0, 0, 0, 0, 1] };

ruleTester(rule, {
  valid: [
    {
      name: 'the figure matches',
      html: reportPage({
        t2: simpleT2(3, 1, 0),
        ...overview('（二）依申请公开。2024年共收到政府信息公开申请3件。'),
      }),
    },
    {
      name: 'a figure that counts carried-over requests',
      html: reportPage({
        t2: simpleT2(3, 1, 0),
        ...overview('（二）依申请公开。全年共办理政府信息公开申请4件（含上年结转1件）。'),
      }),
    },
    {
      name: '“3件次的依申请公开政府信息申请”',
      html: reportPage({
        t2: simpleT2(3, 1, 0),
        ...overview('（二）依申请公开。共收到3件次的依申请公开政府信息申请。'),
      }),
    },
    {
      name: 'other counts (网络问政, 信息条数) are not applications',
      html: reportPage({ t2: simpleT2(3), ...overview('全年受理网络问政182件，发布信息249条。') }),
    },
    {
      name: 'not checked when table 2 cannot be read',
      html: reportPage({
        t2: { new: ['', '', '', '', '', '', ''] },
        ...overview('共收到政府信息公开申请2件。'),
      }),
    },
    {
      name: 'Word text where the figure matches',
      text: reportText({
        style: 'word',
        t2: t2one,
        bodies: { 1: ['2024年，共收到1件次的依申请公开政府信息申请。'] },
      }),
    },
  ],
  invalid: [
    {
      name: '“共收到申请2件” while table 2 says 3',
      html: reportPage({
        t2: simpleT2(3),
        ...overview('（二）依申请公开。2024年共收到政府信息公开申请2件。'),
      }),
      findings: [
        {
          key: 'b6:15',
          severity: 'warning',
          message: '正文称“收到政府信息公开申请2件”（2 件），表二“本年新收”总计为 3 件，差 1。',
          targets: [
            {
              type: 'text',
              block: 6,
              start: 15,
              end: 27,
              excerpt: '依申请公开。2024年共收到政府信息公开申请2件。',
              words: '收到政府信息公开申请2件',
            },
            t2('new', 'total'),
          ],
          evidence: { expected: 3, found: 2, difference: -1, quote: '2024年共收到政府信息公开申请2件。' },
        },
      ],
    },
    {
      name: '“未收到…申请” while the table has applications',
      html: reportPage({ t2: simpleT2(1), ...overview('（二）依申请公开。本年度未收到政府信息公开申请。') }),
      findings: [
        {
          key: 'b6:12',
          severity: 'warning',
          message: '正文称“未收到政府信息公开申请”（0 件），表二“本年新收”总计为 1 件，差 1。',
          targets: [
            {
              type: 'text',
              block: 6,
              start: 12,
              end: 23,
              excerpt: '（二）依申请公开。本年度未收到政府信息公开申请。',
              words: '未收到政府信息公开申请',
            },
            t2('new', 'total'),
          ],
          evidence: { expected: 1, found: 0, difference: -1, quote: '本年度未收到政府信息公开申请。' },
        },
      ],
    },
    {
      name: 'Word text: “未收到…申请” against 1',
      text: reportText({ style: 'word', t2: t2one }),
      findings: [
        {
          key: 'b5:16',
          severity: 'warning',
          message: '正文称“未收到政府信息公开申请”（0 件），表二“本年新收”总计为 1 件，差 1。',
          targets: [
            {
              type: 'text',
              block: 5,
              start: 16,
              end: 27,
              excerpt: '申请公开方面。2024年未收到政府信息公开申请。2024年因政府信息公',
              words: '未收到政府信息公开申请',
            },
            t2('new', 'total'),
          ],
          evidence: { expected: 1, found: 0, difference: -1, quote: '2024年未收到政府信息公开申请。' },
        },
      ],
    },
  ],
});
