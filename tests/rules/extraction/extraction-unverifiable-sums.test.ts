import { expect } from 'vitest';
import rule from '../../../lib/rules/extraction/extraction-unverifiable-sums';
import { reportPage, simpleT2 } from '../../fixtures/report-html';
import { reportText } from '../../fixtures/report-text';
import { ruleTester } from '../../rule-tester';
import { t2, t3 } from '../cells';

ruleTester(rule, {
  valid: [
    { name: 'every cell a figure', html: reportPage({ t2: simpleT2(3) }) },
    {
      name: 'only lost cells: left to extraction-lost-cells',
      text: reportText({ style: 'pdf', lostCells: { new: 1 } }),
    },
  ],
  invalid: [
    {
      name: 'blank and “/” cells that would add up as 0: info',
      html: reportPage({
        t2: {
          ...simpleT2(4),
          new: [4, '', '', '', '', '', 4],
          open: [4, '/', '/', '/', '/', '/', 4],
          total: [4, '—', '—', '—', '—', '—', 4],
        },
      }),
      findings: [
        {
          key: 't2',
          severity: 'info',
          message:
            '表二（依申请公开）共 39 项勾稽核算中有 13 项含非数字单元格（空白 5 格、“/”或“—” 10 格），无法核验；若按 0 计，这些核算均成立。',
          targets: [
            t2('new', 'biz'),
            t2('new', 'sci'),
            t2('new', 'ngo'),
            t2('new', 'law'),
            t2('new', 'oth'),
            t2('open', 'biz'),
            t2('open', 'sci'),
            t2('open', 'ngo'),
            t2('open', 'law'),
            t2('open', 'oth'),
            t2('total', 'biz'),
            t2('total', 'sci'),
            t2('total', 'ngo'),
            t2('total', 'law'),
            t2('total', 'oth'),
          ],
        },
      ],
      also: (out) => expect(out.findings.filter((f) => f.category === 'sum')).toEqual([]),
    },
    {
      name: 'a sum that fails even with blanks read as 0: a warning for review, not an error',
      html: reportPage({ t2: { ...simpleT2(4), new: [4, '', '', '', '', '', 5] } }),
      findings: [
        {
          key: 't2',
          severity: 'warning',
          message:
            '表二（依申请公开）共 39 项勾稽核算中有 6 项含非数字单元格（空白 5 格），无法核验；即使按 0 计，部分核算也不成立，请人工复核。',
          targets: [t2('new', 'biz'), t2('new', 'sci'), t2('new', 'ngo'), t2('new', 'law'), t2('new', 'oth')],
        },
      ],
      also: (out) => {
        expect(out.findings.filter((f) => f.ruleId === 't2-row-total')).toEqual([]);
        // the 总计 column itself is all figures: its balance is checked, and fails (5 + 0 ≠ 4 + 0)
        expect(out.findings.filter((f) => f.ruleId === 't2-balance').map((f) => f.id)).toEqual([
          't2-balance:t2:balance:total',
        ]);
      },
    },
    {
      name: 'a blank cell in table 3',
      html: reportPage({ t3: [1, 0, 0, '', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }),
      findings: [
        {
          key: 't3',
          severity: 'info',
          message:
            '表三（复议诉讼）共 3 项勾稽核算中有 1 项含非数字单元格（空白 1 格），无法核验；若按 0 计，这些核算均成立。',
          targets: [t3('rv', 'pending')],
        },
      ],
    },
  ],
});
