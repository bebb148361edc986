import { describe, expect, it } from 'vitest';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { auditHtml, byRule, problems, show } from '../helpers';

describe('template-2019-labels', () => {
  it('the 2019 template in a 2019/2020 report is correct: no finding', () => {
    for (const year of [2019, 2020]) {
      const out = auditHtml(
        reportPage({ year, template: '2019', t2: { ...simpleT2(1), o: [0, 0, 0, 0, 0, 0, 0] } }),
      );
      expect(
        out.findings.filter((f) => f.category === 'template'),
        show(out.findings),
      ).toEqual([]);
      expect(problems(out).filter((f) => f.category === 'sum')).toEqual([]);
    }
  });
  it('the 2019 template in a 2021-or-later report is an error naming the labels and their cells', () => {
    const out = auditHtml(reportPage({ year: 2023, template: '2019' }));
    const f = byRule(out, 'template-2019-labels');
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('error');
    expect(f[0]?.message.zh).toContain('本年新制作数量');
    expect(f[0]?.message.zh).toContain('政府集中采购');
    const key = f[0]?.targets[0]?.type === 'cell' ? f[0].targets[0].key : '';
    expect(out.extracted.cellEls.get(key)).toBeDefined();
    expect(byRule(out, 'template-2019-single-six')).toHaveLength(1);
  });
  it('only the row name 规范性文件 kept from 2019: a warning', () => {
    const f = byRule(auditHtml(reportPage({ gfLabel: '规范性文件' })), 'template-2019-labels');
    expect(f.map((x) => x.severity)).toEqual(['warning']);
  });
  it('silent on a 2021-format report', () => {
    const out = auditHtml(reportPage({}));
    expect(out.findings.filter((f) => f.category === 'template')).toEqual([]);
  });
});

describe('template-structure', () => {
  it('missing rows of table 2 are listed', () => {
    const page = reportPage({}).replace(/<tr>(?:(?!<tr>).)*?2\.重复申请(?:(?!<\/tr>).)*<\/tr>/s, '');
    const out = auditHtml(page);
    const f = byRule(out, 'template-structure');
    expect(f.map((x) => x.id)).toEqual(['template-structure:rows']);
    expect(f[0]?.message.zh).toContain('重复申请');
  });
  it('a merged-away column is reported', () => {
    const page = reportPage({}).replace(
      '<td valign="center"><p class="MsoNormal" align="center"><span style="font-family:仿宋_GB2312">科研机构</span></p></td>',
      '',
    );
    const out = auditHtml(page.replace(/<td><p class="MsoNormal">科研<br>机构<\/p><\/td>/, '<td></td>'));
    expect(byRule(out, 'template-structure').map((f) => f.id)).toContain('template-structure:columns');
  });
});
