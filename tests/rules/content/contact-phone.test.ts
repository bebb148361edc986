import rule from '../../../lib/rules/content/contact-phone';
import { reportPage } from '../../fixtures/report-html';
import { reportText } from '../../fixtures/report-text';
import { ruleTester } from '../../rule-tester';

const PERIOD = '本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。';

ruleTester(rule, {
  valid: [
    ...['0533-3611001', '(0533)3611001', '13912345678', '12345'].map((p) => ({
      name: `${p} needs no area code`,
      html: reportPage({ intro: `${PERIOD}电话：${p}。` }),
    })),
    { name: 'Word text with an area code', text: reportText({ style: 'word' }) },
  ],
  invalid: [
    {
      name: 'a phone and a fax without area code',
      html: reportPage({ intro: `${PERIOD}电话：3611001；传真：3611008。` }),
      findings: [
        {
          key: 'b3:40',
          severity: 'warning',
          message: '电话“3611001”没有区号。',
          targets: [
            {
              type: 'text',
              block: 3,
              start: 40,
              end: 47,
              excerpt: '年12月31日止。电话：3611001；传真：3611008。',
              words: '3611001',
            },
          ],
          evidence: { quote: '电话:3611001' },
        },
        {
          key: 'b3:51',
          severity: 'warning',
          message: '传真“3611008”没有区号。',
          targets: [
            {
              type: 'text',
              block: 3,
              start: 51,
              end: 58,
              excerpt: '：3611001；传真：3611008。',
              words: '3611008',
            },
          ],
          evidence: { quote: '传真:3611008' },
        },
      ],
    },
    {
      name: 'full-width digits, 8 digits',
      html: reportPage({ intro: `${PERIOD}联系电话为８６１１１１０３。` }),
      findings: [
        {
          key: 'b3:42',
          severity: 'warning',
          message: '联系电话“86111103”没有区号。',
          targets: [
            {
              type: 'text',
              block: 3,
              start: 42,
              end: 50,
              excerpt: '2月31日止。联系电话为８６１１１１０３。',
              words: '８６１１１１０３',
            },
          ],
          evidence: { quote: '联系电话为86111103' },
        },
      ],
    },
    {
      name: 'Word text: a phone without area code',
      text: reportText({
        style: 'word',
        intro: `${PERIOD}如有疑问请与本镇党政办公室联系（地址：宏大路1号；邮编：256111；电话：3611001）。`,
      }),
      findings: [
        {
          key: 'b1:75',
          severity: 'warning',
          message: '电话“3611001”没有区号。',
          targets: [
            {
              type: 'text',
              block: 1,
              start: 75,
              end: 82,
              excerpt: '编：256111；电话：3611001）。',
              words: '3611001',
            },
          ],
          evidence: { quote: '电话:3611001' },
        },
      ],
    },
  ],
});
