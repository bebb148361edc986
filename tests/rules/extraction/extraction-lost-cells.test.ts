import { expect } from 'vitest';
import rule from '../../../lib/rules/extraction/extraction-lost-cells';
import { reportPage } from '../../fixtures/report-html';
import { reportText } from '../../fixtures/report-text';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'PDF text with every cell', text: reportText({ style: 'pdf' }) },
    { name: 'an HTML page', html: reportPage({}) },
  ],
  invalid: [
    {
      name: 'PDF rows that lost cells are not verifiable, never a sum error',
      text: reportText({ style: 'pdf', lostCells: { new: 1, n1: 2, n2: 2, total: 1 } }),
      findings: [
        {
          key: 't2',
          severity: 'info',
          message:
            '表二（依申请公开）有 4 行的数值个数不是 7 个（一、本年新收政府信息公开申请数量、（三）1.属于国家秘密、（三）2.其他法律行政法规禁止公开、（七）总计），无法确定各数所属列，这些行未参与核算。',
          targets: [{ type: 'section', section: 3, block: 24 }],
        },
      ],
      also: (out) => {
        expect(out.findings.filter((f) => f.category === 'sum')).toEqual([]);
        expect(out.coverage.tables.t2).toBe('partial');
      },
    },
  ],
});
