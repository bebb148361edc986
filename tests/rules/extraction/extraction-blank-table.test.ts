import { expect } from 'vitest';
import rule from '../../../lib/rules/extraction/extraction-blank-table';
import { reportPage, simpleT2, T2_ROW_IDS_2021 as T2_ALL } from '../../fixtures/report-html';
import { reportText } from '../../fixtures/report-text';
import { ruleTester } from '../../rule-tester';

const blank = ['', '', '', '', '', '', ''];

ruleTester(rule, {
  valid: [
    { name: 'tables with figures', html: reportPage({ t2: simpleT2(3) }) },
    {
      name: 'a few blank cells among figures',
      html: reportPage({ t2: { ...simpleT2(4), new: [4, '', '', '', '', '', 4] } }),
    },
    {
      name: 'PDF rows that lost cells are not blank',
      text: reportText({ style: 'pdf', lostCells: { new: 1 } }),
    },
  ],
  invalid: [
    {
      name: 'wholly blank tables 2 and 3',
      html: reportPage({
        t2: Object.fromEntries(T2_ALL.map((k) => [k, blank])),
        t3: Array(15).fill(''),
      }),
      findings: [
        {
          key: 't2',
          severity: 'warning',
          message: '表二（依申请公开）的 175 个数据单元格全部为空（或为“/”），无法核验。',
          targets: [{ type: 'section', section: 3, block: 13 }],
        },
        {
          key: 't3',
          severity: 'warning',
          message: '表三（复议诉讼）的 15 个数据单元格全部为空（或为“/”），无法核验。',
          targets: [{ type: 'section', section: 4, block: 15 }],
        },
      ],
      also: (out) => expect(out.coverage.tables.t3).toBe('blank'),
    },
    {
      name: 'a Word table nobody filled in',
      text: reportText({ style: 'word', blankTables: true }),
      findings: [
        {
          key: 't2',
          severity: 'warning',
          message: '表二（依申请公开）的 175 个数据单元格全部为空（或为“/”），无法核验。',
          targets: [{ type: 'section', section: 3, block: 30 }],
        },
        {
          key: 't3',
          severity: 'warning',
          message: '表三（复议诉讼）的 15 个数据单元格全部为空（或为“/”），无法核验。',
          targets: [{ type: 'section', section: 4, block: 73 }],
        },
      ],
      also: (out) => expect(out.findings.filter((f) => f.category === 'sum')).toEqual([]),
    },
  ],
});
