import rule from '../../../lib/rules/content/contact-postcode';
import { reportPage } from '../../fixtures/report-html';
import { reportText } from '../../fixtures/report-text';
import { ruleTester } from '../../rule-tester';

const PERIOD = '本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。';

ruleTester(rule, {
  valid: [
    { name: 'six digits', html: reportPage({ intro: `${PERIOD}联系电话：0533-3611001，邮编：256111。` }) },
    { name: 'six full-width digits', html: reportPage({ intro: `${PERIOD}邮政编码：２５６１１１。` }) },
    { name: 'Word text', text: reportText({ style: 'word' }) },
  ],
  invalid: [
    {
      name: 'a 7-digit postcode',
      html: reportPage({ intro: `${PERIOD}联系电话：0533-3611001，邮编：2561114。` }),
      findings: [
        {
          key: 'b3:58',
          severity: 'error',
          message: '邮编“2561114”为 7 位，应为 6 位。',
          targets: [
            {
              type: 'text',
              block: 3,
              start: 58,
              end: 65,
              excerpt: '-3611001，邮编：2561114。',
              words: '2561114',
            },
          ],
          evidence: { expected: 6, found: 7, quote: '邮编:2561114' },
        },
      ],
    },
    {
      name: 'a 5-digit postcode after 邮政编码为',
      html: reportPage({ intro: `${PERIOD}邮政编码为25611，电话：0533-3611001。` }),
      findings: [
        {
          key: 'b3:42',
          severity: 'error',
          message: '邮编“25611”为 5 位，应为 6 位。',
          targets: [
            {
              type: 'text',
              block: 3,
              start: 42,
              end: 47,
              excerpt: '2月31日止。邮政编码为25611，电话：0533-361',
              words: '25611',
            },
          ],
          evidence: { expected: 6, found: 5, quote: '邮政编码为25611' },
        },
      ],
    },
    {
      name: 'Word text: a 7-digit postcode',
      text: reportText({
        style: 'word',
        intro: `${PERIOD}如有疑问请与本镇党政办公室联系（地址：宏大路1号；邮编：2561114；电话：0533-3611001）。`,
      }),
      findings: [
        {
          key: 'b1:65',
          severity: 'error',
          message: '邮编“2561114”为 7 位，应为 6 位。',
          targets: [
            {
              type: 'text',
              block: 1,
              start: 65,
              end: 72,
              excerpt: '地址：宏大路1号；邮编：2561114；电话：0533-361',
              words: '2561114',
            },
          ],
          evidence: { expected: 6, found: 7, quote: '邮编:2561114' },
        },
      ],
    },
  ],
});
