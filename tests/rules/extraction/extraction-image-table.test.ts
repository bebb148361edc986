import { expect } from 'vitest';
import rule from '../../../lib/rules/extraction/extraction-image-table';
import { reportPage } from '../../fixtures/report-html';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'tables given as tables', html: reportPage({}) },
    {
      name: 'an image elsewhere in the report',
      html: reportPage({}).replace(
        '（四）平台建设',
        '<img src="photo.png" alt="" width="400" height="300">（四）平台建设',
      ),
    },
  ],
  invalid: [
    {
      name: 'table 2 given as an image is not verifiable',
      html: reportPage({ t2AsImage: true }),
      findings: [
        {
          key: '3',
          severity: 'info',
          message: '第三部分的表二以图片发布，其中数字未核验。',
          targets: [{ type: 'section', section: 3, block: 13 }],
        },
      ],
      also: (out) => {
        expect(out.coverage.tables.t2).toBe('image');
        expect(
          out.findings.filter((f) => f.ruleId === 'section-table-missing' || f.category === 'sum'),
        ).toEqual([]);
      },
    },
  ],
});
