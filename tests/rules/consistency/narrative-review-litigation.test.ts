import rule from '../../../lib/rules/consistency/narrative-review-litigation';
import { reportPage } from '../../fixtures/report-html';
import { reportText } from '../../fixtures/report-text';
import { ruleTester } from '../../rule-tester';
import { t3 } from '../cells';

const overview = (s: string) => ({ bodies: { 1: ['2024年，本局认真贯彻条例。', s] } });

ruleTester(rule, {
  valid: [
    {
      name: 'text and table agree',
      html: reportPage({
        t3: [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        ...overview('因政府信息公开被申请行政复议1件，提起行政诉讼0件。'),
      }),
    },
    {
      name: 'reviews and lawsuits not about disclosure are not compared',
      html: reportPage(overview('全年办理行政复议案件35件，行政诉讼应诉12起。')),
    },
    { name: 'Word text where text and table agree', text: reportText({ style: 'word' }) },
  ],
  invalid: [
    {
      name: '“被申请行政复议1件” while table 3 counts none',
      html: reportPage(overview('2024年因政府信息公开被申请行政复议1件，提起行政诉讼0件。')),
      findings: [
        {
          key: 'review:b6:15',
          severity: 'warning',
          message: '正文称“行政复议1件”（1 件），表三行政复议总计为 0 件，差 1。',
          targets: [
            {
              type: 'text',
              block: 6,
              start: 15,
              end: 21,
              excerpt: '4年因政府信息公开被申请行政复议1件，提起行政诉讼0件。',
              words: '行政复议1件',
            },
            t3('rv', 'total'),
          ],
          evidence: {
            expected: 0,
            found: 1,
            difference: 1,
            quote: '2024年因政府信息公开被申请行政复议1件,提起行政诉讼0件。',
          },
        },
      ],
    },
    {
      name: '“未发生…复议、诉讼” while table 3 counts a lawsuit',
      html: reportPage({
        t3: [0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0],
        ...overview('本年度未发生因政府信息公开引起的行政复议、行政诉讼。'),
      }),
      findings: [
        {
          key: 'litigation:b6:3',
          severity: 'warning',
          message:
            '正文称“未发生因政府信息公开引起的行政复议、行政诉讼”（0 件），表三行政诉讼总计为 1 件，差 1。',
          targets: [
            {
              type: 'text',
              block: 6,
              start: 3,
              end: 25,
              excerpt: '本年度未发生因政府信息公开引起的行政复议、行政诉讼。',
              words: '未发生因政府信息公开引起的行政复议、行政诉讼',
            },
            t3('ld', 'total'),
            t3('lr', 'total'),
          ],
          evidence: {
            expected: 1,
            found: 0,
            difference: -1,
            quote: '本年度未发生因政府信息公开引起的行政复议、行政诉讼。',
          },
        },
      ],
    },
  ],
});
