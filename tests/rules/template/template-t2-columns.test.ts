import { expect } from 'vitest';
import rule from '../../../lib/rules/template/template-t2-columns';
import { reportPage, simpleT2 } from '../../fixtures/report-html';
import { ruleTester } from '../../rule-tester';

/**
 * Table 2 with its five 法人或其他组织 columns merged into one: the header says 自然人 | 法人或其他组织 | 总计
 * and every row holds three figures (the middle one the sum of the five).
 */
function mergedLegalColumns(html: string, keep = 3): string {
  const i0 = html.indexOf('申请人情况');
  const i1 = html.indexOf('</table>', i0);
  let t2 = html
    .slice(i0, i1)
    .replace('colspan="7"', `colspan="${keep}"`)
    .replace(/<td([^>]*)colspan="5"([^>]*)>((?:(?!<\/td>).)*法人或其他组织)/s, '<td$1rowspan="2"$2>$3')
    .replace(/<tr><td><p class="MsoNormal">商业<br>企业<\/p><\/td>.*?<\/tr>/s, '<tr></tr>');
  t2 = t2.replace(/((?:<td[^>]*>(?:(?!<\/td>).)*<\/td>\s*){7})<\/tr>/gs, (all, vals: string) => {
    const cells = [...vals.matchAll(/<td[^>]*>((?:(?!<\/td>).)*)<\/td>/gs)].map((x) => x[0]);
    const num = (c: string) => Number(c.replace(/<[^>]+>/g, ''));
    if (cells.length !== 7 || cells.some((c) => Number.isNaN(num(c)))) return all;
    const mid = cells.slice(1, 6).reduce((a, c) => a + num(c), 0);
    return `${cells[0]}<td>${mid}</td>${cells[6]}</tr>`;
  });
  return html.slice(0, i0) + t2 + html.slice(i1);
}

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
