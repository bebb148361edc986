import rule from '../../../lib/rules/content/contact-missing';
import { reportPage } from '../../fixtures/report-html';
import { reportText } from '../../fixtures/report-text';
import { ruleTester } from '../../rule-tester';
import { NEWS_PAGE } from '../pages';

const PERIOD = '本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。';

ruleTester(rule, {
  valid: [
    { name: 'address, postcode and phone given', html: reportPage({}) },
    { name: 'an e-mail address only', html: reportPage({ intro: `${PERIOD}联系邮箱：gk@example.gov.cn。` }) },
    { name: 'a bare number with area code', html: reportPage({ intro: `${PERIOD}咨询请拨0533-3611001。` }) },
    { name: 'Word text', text: reportText({ style: 'word' }) },
    { name: 'not a report', html: NEWS_PAGE, status: 'not-applicable' },
  ],
  invalid: [
    {
      name: 'no contact details at all',
      html: reportPage({ intro: PERIOD }),
      findings: [
        {
          key: 'contact',
          severity: 'warning',
          message: '全文未见联系电话或其他联系方式。',
          targets: [{ type: 'page' }],
        },
      ],
    },
  ],
});
