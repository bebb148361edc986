import rule from '../../../lib/rules/history/history-contact-changed';
import { PREV_URL, previousYear, thisYear } from '../../fixtures/history';
import { ruleTester } from '../../rule-tester';

const PERIOD = '本报告统计期限自2024年1月1日起至2024年12月31日止。';

ruleTester(rule, {
  valid: [
    { name: 'the same contact data as last year', html: thisYear(), previous: previousYear() },
    { name: 'no previous report: not applicable', html: thisYear(), status: 'not-applicable' },
    {
      name: 'the same phone written another way',
      html: thisYear({
        intro: `${PERIOD}如有疑问请联系（地址：示例县人民路1号，邮编：100000，电话：（010）12345678）。`,
      }),
      previous: previousYear(),
    },
  ],
  invalid: [
    {
      name: 'the address changed and the postcode was dropped (info)',
      html: thisYear({ intro: `${PERIOD}如有疑问请联系（地址：示例县新华路9号，电话：010-12345678）。` }),
      previous: previousYear(),
      findings: [
        {
          key: 'address',
          severity: 'info',
          message: `地址由2023年度报告（${PREV_URL}）的“示例县人民路1号”变为“示例县新华路9号”。`,
          targets: [
            {
              type: 'text',
              block: 3,
              start: 43,
              end: 51,
              excerpt: '。如有疑问请联系（地址：示例县新华路9号，电话：010-1234',
              words: '示例县新华路9号',
            },
          ],
          evidence: {
            quote: '示例县人民路1号',
          },
        },
        {
          key: 'postcode',
          severity: 'info',
          message: `2023年度报告（${PREV_URL}）写有邮编“100000”，本年报告未写邮编。`,
          targets: [
            {
              type: 'page',
            },
          ],
          evidence: {
            quote: '100000',
          },
        },
      ],
    },
  ],
});
