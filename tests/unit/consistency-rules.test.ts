import { describe, expect, it } from 'vitest';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { auditHtml, byRule, show } from '../helpers';

const overview = (s: string) => ({ bodies: { 1: ['2024年，本局认真贯彻条例。', s] } });

describe('narrative-applications', () => {
  it('"共收到申请2件" while table 2 says 3: a warning pointing at the words and the cell', () => {
    const out = auditHtml(
      reportPage({ t2: simpleT2(3), ...overview('（二）依申请公开。2024年共收到政府信息公开申请2件。') }),
    );
    const f = byRule(out, 'narrative-applications');
    expect(f, show(out.findings)).toHaveLength(1);
    expect(f[0]?.severity).toBe('warning');
    expect(f[0]?.targets.map((t) => t.type)).toEqual(['text', 'cell']);
    expect(f[0]?.evidence).toMatchObject({ expected: 3, found: 2 });
  });
  it('"未收到…申请" while the table has applications', () => {
    const out = auditHtml(
      reportPage({ t2: simpleT2(1), ...overview('（二）依申请公开。本年度未收到政府信息公开申请。') }),
    );
    expect(byRule(out, 'narrative-applications')).toHaveLength(1);
  });
  it('silent when the figure matches, including scopes that count carried-over requests', () => {
    for (const s of [
      '（二）依申请公开。2024年共收到政府信息公开申请3件。',
      '（二）依申请公开。全年共办理政府信息公开申请4件（含上年结转1件）。',
      '（二）依申请公开。共收到3件次的依申请公开政府信息申请。',
    ]) {
      const out = auditHtml(reportPage({ t2: simpleT2(3, 1, 0), ...overview(s) }));
      expect(byRule(out, 'narrative-applications'), s).toEqual([]);
    }
  });
  it('other counts in the text (网络问政, 信息条数) are not taken for applications', () => {
    const out = auditHtml(
      reportPage({ t2: simpleT2(3), ...overview('全年受理网络问政182件，发布信息249条。') }),
    );
    expect(byRule(out, 'narrative-applications')).toEqual([]);
  });
  it('not checked when table 2 cannot be read', () => {
    const out = auditHtml(
      reportPage({ t2: { new: ['', '', '', '', '', '', ''] }, ...overview('共收到政府信息公开申请2件。') }),
    );
    expect(byRule(out, 'narrative-applications')).toEqual([]);
  });
});

describe('narrative-review-litigation', () => {
  it('"被申请行政复议1件" while table 3 counts none', () => {
    const out = auditHtml(reportPage(overview('2024年因政府信息公开被申请行政复议1件，提起行政诉讼0件。')));
    const f = byRule(out, 'narrative-review-litigation');
    expect(f).toHaveLength(1);
    expect(f[0]?.targets[1]).toMatchObject({ key: 't3:data:rv_total' });
  });
  it('"未发生…复议、诉讼" while table 3 counts a lawsuit', () => {
    const t3 = [0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0];
    const out = auditHtml(
      reportPage({ t3, ...overview('本年度未发生因政府信息公开引起的行政复议、行政诉讼。') }),
    );
    expect(byRule(out, 'narrative-review-litigation').map((f) => f.evidence?.expected)).toEqual([1]);
  });
  it('reviews and lawsuits that are not about disclosure are not compared with table 3', () => {
    const out = auditHtml(reportPage(overview('全年办理行政复议案件35件，行政诉讼应诉12起。')));
    expect(byRule(out, 'narrative-review-litigation')).toEqual([]);
  });

  it('silent when text and table agree', () => {
    const t3 = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const out = auditHtml(
      reportPage({ t3, ...overview('因政府信息公开被申请行政复议1件，提起行政诉讼0件。') }),
    );
    expect(byRule(out, 'narrative-review-litigation')).toEqual([]);
  });
});
