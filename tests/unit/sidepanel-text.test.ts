import { describe, expect, it } from 'vitest';
import { findingText } from '../../entrypoints/sidepanel/finding-text';
import { toResult } from '../../lib/audit';
import { dismissalKey, parseDismissals } from '../../lib/dismissals';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { auditHtml } from '../helpers';

describe('side panel: copy as text, dismissals', () => {
  it('a finding as text: number, severity, title, message, place, basis, fix, address', () => {
    const r = toResult(auditHtml(reportPage({ t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4] } })));
    const f = r.findings.find((x) => x.id === 't2-row-total:t2:rowtotal:new');
    if (!f) throw new Error('fixture lost its finding');
    const text = findingText(f, 7, 'zh', 'http://www.example.gov.cn/ndbg/a.html');
    const lines = text.split('\n');
    expect(lines[0]).toBe(`7. [错误] ${f.title.zh}`);
    expect(text).toContain('总计 4 ≠ 自然人 3');
    expect(text).toContain('一、本年新收政府信息公开申请数量');
    expect(lines.at(-1)).toBe('http://www.example.gov.cn/ndbg/a.html');
  });

  it('dismissals: one key per page (fragment ignored); bad stored data is dropped', () => {
    expect(dismissalKey('http://a.gov.cn/x.html#p2')).toBe('dismissed:http://a.gov.cn/x.html');
    const ok = { kind: 'ignored', reason: '', at: '2026-12-01T00:00:00Z' };
    expect(parseDismissals({ a: ok, b: { kind: 'nope' }, c: 3 })).toEqual({ a: ok });
    expect(parseDismissals('junk')).toEqual({});
  });
});
