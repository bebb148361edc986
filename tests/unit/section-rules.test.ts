import { describe, expect, it } from 'vitest';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { auditHtml, byRule, show } from '../helpers';

describe('section-missing', () => {
  it('fires for a missing section, anchored where it should stand', () => {
    const out = auditHtml(reportPage({ headings: { 5: null }, bodies: { 5: [] } }));
    const f = byRule(out, 'section-missing');
    expect(f, show(out.findings)).toHaveLength(1);
    expect(f[0]?.targets[0]).toMatchObject({ type: 'section', section: 5 });
    const six = out.report.sections.find((s) => s.canonical === 6);
    expect(f[0]?.targets[0]).toMatchObject({ block: six?.block });
  });
  it('a lost heading whose table is present is a warning, not an error', () => {
    const out = auditHtml(reportPage({ headings: { 3: null } }));
    expect(byRule(out, 'section-missing')[0]?.severity).toBe('warning');
  });
  it('is silent when all six are there', () => {
    expect(byRule(auditHtml(reportPage({})), 'section-missing')).toEqual([]);
  });
});

describe('section-duplicate / section-numbering / section-order', () => {
  it('a repeated heading is a duplicate', () => {
    const out = auditHtml(reportPage({ extra: { 1: ['一、总体情况'] } }));
    expect(byRule(out, 'section-duplicate')).toHaveLength(1);
  });
  it('a misnumbered heading names the expected number', () => {
    const out = auditHtml(reportPage({ headings: { 4: '五、政府信息公开行政复议、行政诉讼情况' } }));
    const f = byRule(out, 'section-numbering');
    expect(f).toHaveLength(1);
    expect(f[0]?.evidence).toMatchObject({ expected: 4, found: 5 });
  });
  it('a heading that lost its ordinal is a warning', () => {
    const out = auditHtml(reportPage({ headings: { 3: '收到和处理政府信息公开申请情况' } }));
    const f = byRule(out, 'section-numbering');
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(byRule(out, 'section-missing')).toEqual([]);
  });
  it('a stray top-level heading that takes the next section’s number is flagged', () => {
    const out = auditHtml(reportPage({ extra: { 1: ['二、下步工作计划', '一是加强培训。'] } }));
    const f = byRule(out, 'section-numbering');
    expect(f).toHaveLength(1);
    expect(f[0]?.message.zh).toContain('二、下步工作计划');
  });
  it('numbered lists inside a section are not headings', () => {
    const out = auditHtml(
      reportPage({ extra: { 5: ['一、加强组织领导', '二、强化队伍建设', '三、完善制度'] } }),
    );
    expect(byRule(out, 'section-numbering')).toEqual([]);
    expect(byRule(out, 'section-duplicate')).toEqual([]);
  });
  it('table 2 row labels (一、本年新收 … 四、结转下年度) are never section headings', () => {
    const out = auditHtml(reportPage({ t2: simpleT2(2), flattenMerges: true }));
    expect(out.report.sections.map((s) => s.canonical)).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('sections out of order', () => {
    const page = reportPage({ headings: { 5: '六、其他需要报告的事项', 6: '五、存在的主要问题及改进情况' } });
    const out = auditHtml(page);
    expect(byRule(out, 'section-order')).toHaveLength(1);
  });
});

describe('section-five-last-year', () => {
  it('fires when section 5 only covers this year', () => {
    const out = auditHtml(
      reportPage({ bodies: { 5: ['本年度存在的问题：信息更新不及时。下一步将加强管理。'] } }),
    );
    expect(byRule(out, 'section-five-last-year')).toHaveLength(1);
  });
  it('is silent when last year’s problems are accounted for', () => {
    expect(byRule(auditHtml(reportPage({})), 'section-five-last-year')).toEqual([]);
    const out = auditHtml(
      reportPage({ bodies: { 5: ['（一）上年度问题整改情况。已完成整改。', '（二）存在问题。'] } }),
    );
    expect(byRule(out, 'section-five-last-year')).toEqual([]);
  });
});

describe('section-six-items', () => {
  it('a bare 无 is an error', () => {
    const out = auditHtml(reportPage({ bodies: { 6: ['无'] } }));
    const f = byRule(out, 'section-six-items');
    expect(f.map((x) => x.severity)).toEqual(['error']);
  });
  it('names the items that are missing', () => {
    const out = auditHtml(reportPage({ bodies: { 6: ['本年度未收取信息处理费。'] } }));
    const f = byRule(out, 'section-six-items');
    expect(f[0]?.severity).toBe('warning');
    expect(f[0]?.message.zh).toContain('建议');
    expect(f[0]?.message.zh).not.toContain('信息处理费收取情况');
  });
  it('is silent when all four items are reported', () => {
    expect(byRule(auditHtml(reportPage({})), 'section-six-items')).toEqual([]);
  });
});

describe('section-table-missing and image tables', () => {
  it('a table given as an image is not verifiable (info), not a missing table', () => {
    const out = auditHtml(reportPage({ t2AsImage: true }));
    expect(byRule(out, 'extraction-image-table')).toHaveLength(1);
    expect(byRule(out, 'section-table-missing')).toEqual([]);
    expect(out.coverage.tables.t2).toBe('image');
  });
  it('a section without its table is flagged', () => {
    const out = auditHtml(reportPage({ omitTables: [2] }));
    expect(byRule(out, 'section-table-missing').map((f) => f.id)).toEqual(['section-table-missing:t1']);
  });
});

describe('section-six-items and the closing signature', () => {
  it('a bare 无 right before the date line is still read as the body', () => {
    const out = auditHtml(
      reportPage({ bodies: { 6: ['无'] } }).replace(/<p align="right">示例县市场监督管理局<\/p>/, ''),
    );
    expect(byRule(out, 'section-six-items')[0]?.message.zh).toContain('仅写“无”');
  });
});
