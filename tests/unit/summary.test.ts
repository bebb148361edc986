import { describe, expect, it } from 'vitest';
import { toResult } from '../../lib/audit';
import { isClean, uncheckedParts } from '../../lib/summary';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { auditHtml } from '../helpers';

describe('clean only when everything was read', () => {
  it('a complete, consistent report is clean', () => {
    const r = toResult(auditHtml(reportPage({ t2: simpleT2(4) })));
    expect(uncheckedParts(r)).toEqual([]);
    expect(isClean(r)).toBe(true);
  });

  it('a table read in part is named, and the page is not clean even without a finding', () => {
    const r = toResult(
      auditHtml(reportPage({ t2: { ...simpleT2(2), new: [2, '/', '/', '/', '/', '/', 2] } })),
    );
    expect(uncheckedParts(r).map((u) => u.zh)).toContain('表二（依申请公开）部分数字未核算');
    expect(isClean({ ...r, findings: [] })).toBe(false);
  });

  it('missing tables and sections are listed', () => {
    const r = toResult(auditHtml(reportPage({ omitTables: [3], headings: { 6: null } })));
    const zh = uncheckedParts(r).map((u) => u.zh);
    expect(zh).toContain('未找到表二（依申请公开）'); // omitTables names the section the table sits in
    expect(zh.some((s) => s.startsWith('未找到第') && s.includes('六'))).toBe(true);
    expect(isClean({ ...r, findings: [] })).toBe(false);
  });

  it('a page that is not a report has nothing unchecked and is never clean', () => {
    const r = toResult(auditHtml('<html><body><p>新闻</p></body></html>'));
    expect(uncheckedParts(r)).toEqual([]);
    expect(isClean(r)).toBe(false);
  });
});
