import { expect } from 'vitest';
import rule from '../../../lib/rules/section/section-table-missing';
import { reportPage } from '../../fixtures/report-html';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'all three tables present', html: reportPage({}) },
    {
      name: 'a table given as an image is not a missing table',
      html: reportPage({ t2AsImage: true }),
      also: (out) => expect(out.coverage.tables.t2).toBe('image'),
    },
    {
      name: 'a missing section is reported as such, not as a missing table',
      html: reportPage({ headings: { 2: null }, omitTables: [2], bodies: { 2: [] } }),
    },
  ],
  invalid: [
    {
      name: 'section 2 without table 1',
      html: reportPage({ omitTables: [2] }),
      findings: [
        {
          key: 't1',
          severity: 'warning',
          message: '第二部分中未找到表一（主动公开政府信息情况）；如在附件中，请人工核对。',
          targets: [{ type: 'section', section: 2, block: 11 }],
        },
      ],
    },
    {
      name: 'sections 3 and 4 without tables 2 and 3',
      html: reportPage({ omitTables: [3, 4] }),
      findings: [
        {
          key: 't2',
          severity: 'warning',
          message: '第三部分中未找到表二（收到和处理政府信息公开申请情况）；如在附件中，请人工核对。',
          targets: [{ type: 'section', section: 3, block: 13 }],
        },
        {
          key: 't3',
          severity: 'warning',
          message: '第四部分中未找到表三（行政复议、行政诉讼情况）；如在附件中，请人工核对。',
          targets: [{ type: 'section', section: 4, block: 14 }],
        },
      ],
    },
  ],
});
