import { describe, expect, it } from 'vitest';
import { reportPage, type Shape, simpleT2 } from '../fixtures/report-html';
import { auditHtml, problems, show } from '../helpers';

describe('clean reports in the CMS shapes found on government sites', () => {
  const shapes: Shape[] = ['trs', 'hanweb', 'platform', 'plain'];
  for (const shape of shapes) {
    it(`${shape}: recognised, facts read, no error or warning`, () => {
      const out = auditHtml(
        reportPage({ shape, t2: simpleT2(3, 1, 1), t3: [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }),
      );
      expect(out.report.isReport).toBe(true);
      expect(out.report.reportYear).toBe(2024);
      expect(out.report.agency).toBe('示例县市场监督管理局');
      expect(out.report.bodyKind).toBe('department');
      expect(out.report.publishedAt).toBe('2025-01-20');
      expect(out.coverage.tables).toEqual({ t1: 'read', t2: 'read', t3: 'read' });
      expect(out.coverage.sectionsFound).toEqual([1, 2, 3, 4, 5, 6]);
      expect(problems(out), show(problems(out))).toEqual([]);
    });
  }

  it('reads the attribute table of 信息公开 platforms (索引号, 生成日期)', () => {
    const out = auditHtml(reportPage({ shape: 'platform', published: '2025-01-10' }));
    expect(out.report.indexNumber).toBe('11330100MB0000000X/2025-00012');
    expect(out.report.publishedAt).toBe('2025-01-10');
    expect(out.report.publishedSource).toBe('attribute-table');
  });

  it('flattened merges, a table split after a page break and full-width digits still add up', () => {
    for (const spec of [
      { flattenMerges: true },
      { splitT2Before: 'u2' },
      { splitT2Before: 'n4', flattenMerges: true },
      { fullWidthDigits: true },
    ]) {
      const out = auditHtml(reportPage({ ...spec, t2: simpleT2(12, 2, 3) }));
      const t2 = out.report.tables.find((t) => t.kind === 't2');
      expect(t2?.rows.filter((r) => r.id !== '?').length, JSON.stringify(spec)).toBe(25);
      expect(t2?.rows.some((r) => r.lostCells)).toBe(false);
      expect(out.extracted.cellEls.get('t2:new:np')).toBeDefined();
      expect(problems(out), `${JSON.stringify(spec)}\n${show(problems(out))}`).toEqual([]);
      expect(out.coverage.cells.numeric).toBeGreaterThanOrEqual(175 + 15);
    }
  });

  it('a split table is joined: the continuation part counts as the same table', () => {
    const out = auditHtml(reportPage({ splitT2Before: 'r1', t2: simpleT2(5) }));
    const t2 = out.report.tables.find((t) => t.kind === 't2');
    expect(t2?.parts).toBe(2);
    expect(t2?.rows.find((r) => r.id === 'forward')?.cells.map((c) => c.value)).toEqual([
      0, 0, 0, 0, 0, 0, 0,
    ]);
  });

  it('every value keeps a reference to its element', () => {
    const out = auditHtml(reportPage({ t2: simpleT2(7) }));
    const el = out.extracted.cellEls.get('t2:new:total');
    expect(el?.textContent?.trim()).toBe('7');
  });
});
