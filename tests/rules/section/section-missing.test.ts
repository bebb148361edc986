import { expect } from 'vitest';
import rule from '../../../lib/rules/section/section-missing';
import { reportPage, simpleT2 } from '../../fixtures/report-html';
import { reportText } from '../../fixtures/report-text';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'a heading that lost its ordinal is still found',
      html: reportPage({ headings: { 3: '收到和处理政府信息公开申请情况' } }),
    },
    { name: 'all six sections', html: reportPage({}) },
    {
      name: 'a heading behind a byte that did not decode (U+FFFD) is still found',
      html: reportPage({ headings: { 2: '\ufffd二、主动公开政府信息情况' } }),
    },
    { name: 'all six in Word text', text: reportText({ style: 'word' }) },
    {
      name: 'table 2 row labels (一、本年新收 … 四、结转下年度) are never taken for sections',
      html: reportPage({ t2: simpleT2(2), flattenMerges: true }),
      also: (out) => expect(out.report.sections.map((s) => s.canonical)).toEqual([1, 2, 3, 4, 5, 6]),
    },
  ],
  invalid: [
    {
      name: 'a missing section, anchored where it should stand (at section 6)',
      html: reportPage({ headings: { 5: null }, bodies: { 5: [] } }),
      findings: [
        {
          key: '5',
          severity: 'error',
          message: '未找到“五、存在的主要问题及改进情况”部分。',
          targets: [{ type: 'section', section: 5, block: 17 }],
        },
      ],
      also: (out) => expect(out.report.sections.find((s) => s.canonical === 6)?.block).toBe(17),
    },
    {
      name: 'a lost heading whose table is present is a warning',
      html: reportPage({ headings: { 3: null } }),
      findings: [
        {
          key: '3',
          severity: 'warning',
          message: '未找到“三、收到和处理政府信息公开申请情况”的标题（其表格存在），标题缺失或被改写。',
          targets: [{ type: 'section', section: 3, block: 14 }],
        },
      ],
    },
    {
      name: 'the last section missing: no section after it to anchor on',
      html: reportPage({ headings: { 6: null }, bodies: { 6: [] }, signature: null }),
      findings: [
        {
          key: '6',
          severity: 'error',
          message: '未找到“六、其他需要报告的事项”部分。',
          targets: [{ type: 'section', section: 6, block: null }],
        },
      ],
    },
  ],
});
