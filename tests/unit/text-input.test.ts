import { describe, expect, it } from 'vitest';
import { reportText } from '../fixtures/report-text';
import { auditTxt, byRule, problems, show } from '../helpers';

describe('plain text from Word and PDF (one cell per line / tab-separated rows)', () => {
  for (const style of ['word', 'pdf'] as const) {
    it(`${style}: a clean report reads all three tables and raises nothing`, () => {
      const out = auditTxt(reportText({ style }));
      expect(out.report.isReport).toBe(true);
      expect(out.report.reportYear).toBe(2024);
      expect(out.report.bodyKind).toBe('township');
      expect(out.coverage.tables).toEqual({ t1: 'read', t2: 'read', t3: 'read' });
      const t2 = out.report.tables.find((t) => t.kind === 't2');
      expect(t2?.rows.map((r) => r.id)).toHaveLength(25);
      expect(problems(out), show(problems(out))).toEqual([]);
    });
    it(`${style}: a broken sum is found and located on its line`, () => {
      const t2 = { new: [2, 0, 0, 0, 0, 0, 2], open: [2, 0, 0, 0, 0, 0, 2], total: [2, 0, 0, 0, 0, 0, 3] };
      const out = auditTxt(reportText({ style, t2 }));
      const f = byRule(out, 't2-row-total');
      expect(f.map((x) => x.targets[0]?.type === 'cell' && x.targets[0].key)).toEqual(['t2:total:total']);
      expect(out.extracted.cellTokens.get('t2:total:total')).toBeDefined();
    });
  }

  it('table-2 row labels that look like headings (一、本年新收 … 四、结转下年度) are not sections', () => {
    const out = auditTxt(reportText({ style: 'word' }));
    expect(out.report.sections.map((s) => s.canonical)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('PDF rows that lost cells are not verifiable, never a sum error', () => {
    const out = auditTxt(reportText({ style: 'pdf', lostCells: { new: 1, n1: 2, n2: 2, total: 1 } }));
    expect(out.findings.filter((f) => f.category === 'sum')).toEqual([]);
    const f = byRule(out, 'extraction-lost-cells');
    expect(f).toHaveLength(1);
    expect(f[0]?.message.zh).toContain('4 行');
    expect(out.coverage.tables.t2).toBe('partial');
  });

  it('a Word table nobody filled in: no figures, flagged, no sum error', () => {
    const out = auditTxt(reportText({ style: 'word', blankTables: true }));
    expect(out.findings.filter((f) => f.category === 'sum')).toEqual([]);
    expect(byRule(out, 'extraction-blank-table').length).toBeGreaterThanOrEqual(2);
  });

  it('seed-like defects: no title, lost ordinal, 7-digit postcode, phone without area code, bookmark, bare 无', () => {
    const out = auditTxt(
      reportText({
        style: 'word',
        title: null,
        leadingBookmark: true,
        headings: { 3: '收到和处理政府信息公开申请情况' },
        intro:
          '本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。如有疑问请与本镇党政办公室联系（地址：宏大路1号；邮编：2561114；电话：3611001）。',
        bodies: { 6: ['无'] },
      }),
    );
    expect(out.report.yearSource).toBe('period');
    const ids = out.findings.map((f) => f.ruleId);
    for (const r of [
      'section-numbering',
      'contact-postcode',
      'contact-phone',
      'content-conversion-artefact',
      'section-six-items',
      'extraction-year-unknown',
    ]) {
      expect(ids, r).toContain(r);
    }
    expect(out.findings.filter((f) => f.category === 'sum')).toEqual([]);
  });

  it('seed-like defects: duplicated 一, stray 二、下步工作计划, section 5 without last year', () => {
    const out = auditTxt(
      reportText({
        style: 'pdf',
        year: 2025,
        intro: null,
        headings: { 1: '一、总体情况\n一、总体情况' },
        bodies: {
          1: [
            '(一) 主动公开：2025 年主动公开各类信息 253 条',
            '二、下步工作计划',
            '一是提升思想认识。二是加大投入力度。',
          ],
          5: ['（一）存在的问题', '一是信息更新不及时。', '针对上述问题，我乡已采取整改措施。'],
        },
      }),
    );
    const ids = out.findings.map((f) => `${f.ruleId}/${f.severity}`);
    expect(ids).toContain('section-duplicate/error');
    expect(ids).toContain('section-numbering/error');
    expect(ids).toContain('section-five-last-year/warning');
    expect(ids).toContain('year-period/warning');
  });

  it('narrative figures are checked against the tables in text input too', () => {
    const t2 = { new: [1, 0, 0, 0, 0, 0, 1], open: [1, 0, 0, 0, 0, 0, 1], total: [1, 0, 0, 0, 0, 0, 1] };
    const ok = auditTxt(
      reportText({ style: 'word', t2, bodies: { 1: ['2024年，共收到1件次的依申请公开政府信息申请。'] } }),
    );
    expect(byRule(ok, 'narrative-applications')).toEqual([]);
    const bad = auditTxt(reportText({ style: 'word', t2 }));
    expect(byRule(bad, 'narrative-applications')).toHaveLength(1); // "未收到…申请" vs 1
  });
});
