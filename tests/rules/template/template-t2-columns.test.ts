import { expect } from 'vitest';
import rule from '../../../lib/rules/template/template-t2-columns';
import { reportPage, simpleT2 } from '../../fixtures/report-html';
import { mergedLegalColumns } from '../../fixtures/t2-shapes';
import { ruleTester } from '../../rule-tester';

const merged = mergedLegalColumns(reportPage({ t2: simpleT2(12, 2, 3) }));

ruleTester(rule, {
  valid: [
    { name: 'the format’s seven columns', html: reportPage({ t2: simpleT2(12, 2, 3) }) },
    {
      name: 'flattened merges (the header in plain cells)',
      html: reportPage({ flattenMerges: true, t2: simpleT2(12, 2, 3) }),
    },
    {
      name: 'one column removed is template-structure’s finding, not this one',
      html: reportPage({})
        .replace(
          '<td valign="center"><p class="MsoNormal" align="center"><span style="font-family:仿宋_GB2312">科研机构</span></p></td>',
          '',
        )
        .replace(/<td><p class="MsoNormal">科研<br>机构<\/p><\/td>/, '<td></td>'),
    },
  ],
  invalid: [
    {
      name: 'the five 法人或其他组织 columns merged into one',
      html: merged,
      findings: [
        {
          key: 'columns',
          severity: 'warning',
          message:
            '表二列数与格式不符：表头有 3 个数据列（自然人、法人或其他组织、总计），格式为 7 列（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）；各数无法对应到格式的列，表二未核算。',
          targets: [{ type: 'section', section: 3, block: 13 }],
        },
      ],
      also: (out) => {
        // never "read": the figures are there but not placed, and no other rule guesses at them
        expect(out.coverage.tables.t2).toBe('partial');
        expect(out.findings.map((f) => f.ruleId)).toEqual(['template-t2-columns']);
        const t2 = out.report.tables.find((t) => t.kind === 't2');
        expect(t2?.rows.length).toBeGreaterThan(20);
        expect(t2?.rows.every((r) => r.lostCells && r.cells.every((c) => c.kind === 'missing'))).toBe(true);
      },
    },
  ],
});
