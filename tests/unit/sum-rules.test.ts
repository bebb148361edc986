import { describe, expect, it } from 'vitest';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { auditHtml, byRule, show } from '../helpers';

describe('t2-row-total', () => {
  it('fires on the row whose total is not the sum of its columns, with the arithmetic', () => {
    const t2 = { ...simpleT2(5), new: [3, 2, 0, 0, 0, 0, 6] };
    const out = auditHtml(reportPage({ t2 }));
    const f = byRule(out, 't2-row-total');
    expect(f, show(out.findings)).toHaveLength(1);
    expect(f[0]?.severity).toBe('error');
    expect(f[0]?.targets[0]).toMatchObject({ type: 'cell', key: 't2:new:total' });
    expect(f[0]?.targets.map((t) => (t.type === 'cell' ? t.key : ''))).toContain('t2:new:biz');
    expect(f[0]?.evidence).toMatchObject({ expected: 5, found: 6, difference: 1 });
    expect(f[0]?.message.zh).toContain('总计 6 ≠ 自然人 3 + 商业企业 2');
    expect(f[0]?.message.zh).toContain('差 1');
    expect(f[0]?.message.en).toContain('difference 1');
  });
  it('stays silent when every row adds up', () => {
    const out = auditHtml(
      reportPage({
        t2: {
          ...simpleT2(0),
          new: [3, 2, 0, 0, 0, 1, 6],
          open: [3, 2, 0, 0, 0, 1, 6],
          total: [3, 2, 0, 0, 0, 1, 6],
        },
      }),
    );
    expect(byRule(out, 't2-row-total')).toEqual([]);
    expect(byRule(out, 't2-subtotal')).toEqual([]);
    expect(byRule(out, 't2-balance')).toEqual([]);
  });
});

describe('t2-subtotal', () => {
  it('names the column where （七）总计 ≠ the sum of the leaf rows', () => {
    const t2 = {
      ...simpleT2(4),
      open: [3, 0, 0, 0, 0, 0, 3],
      u1: [1, 0, 0, 0, 0, 0, 1],
      r2: [1, 0, 0, 0, 0, 0, 1],
    };
    // leaves sum to 5 in 自然人 and 总计, （七） says 4
    const out = auditHtml(reportPage({ t2 }));
    const f = byRule(out, 't2-subtotal');
    expect(f.map((x) => x.targets[0]?.type === 'cell' && x.targets[0].key).sort()).toEqual([
      't2:total:np',
      't2:total:total',
    ]);
    expect(f[0]?.evidence).toMatchObject({ found: 4, expected: 5, difference: -1 });
    expect(f[0]?.message.zh).toMatch(/（七）总计 4 ≠ .*（一） 3.*（四）1 1.*（五）2 1/);
  });
  it('counts （六） as one leaf in the 2019 layout', () => {
    const t2 = { ...simpleT2(2), open: [1, 0, 0, 0, 0, 0, 1], o: [1, 0, 0, 0, 0, 0, 1] };
    const out = auditHtml(reportPage({ year: 2020, template: '2019', t2 }));
    expect(byRule(out, 't2-subtotal'), show(out.findings)).toEqual([]);
    expect(byRule(out, 't2-balance')).toEqual([]);
  });
});

describe('t2-balance', () => {
  it('fires per column when 一 + 二 ≠ （七） + 四, pointing first at （七）', () => {
    const t2 = { ...simpleT2(3), carried: [1, 0, 0, 0, 0, 0, 1] }; // 3 + 1 ≠ 3 + 0
    const out = auditHtml(reportPage({ t2 }));
    const f = byRule(out, 't2-balance');
    expect(f).toHaveLength(2);
    expect(f[0]?.targets[0]).toMatchObject({ key: 't2:total:np' });
    expect(f[0]?.message.zh).toContain('一 3 + 二 1 = 4 ≠ （七） 3 + 四 0 = 3，差 1');
  });
});

describe('t2-bounds', () => {
  it('fires on negative or fractional counts and on carried-forward above received + carried', () => {
    const t2 = {
      ...simpleT2(0),
      new: [-1, 0, 0, 0, 0, 0, -1],
      open: [0.5, 0, 0, 0, 0, 0, 0.5],
      forward: [2, 0, 0, 0, 0, 0, 2],
    };
    const out = auditHtml(reportPage({ t2 }));
    const f = byRule(out, 't2-bounds');
    const keys = f.map((x) => x.targets[0]?.type === 'cell' && x.targets[0].key);
    expect(keys).toContain('t2:new:np');
    expect(keys).toContain('t2:open:np');
    expect(keys).toContain('t2:forward:np');
  });
  it('is silent on ordinary counts', () => {
    expect(byRule(auditHtml(reportPage({ t2: simpleT2(9, 2, 3) })), 't2-bounds')).toEqual([]);
  });
});

describe('t3-totals', () => {
  it('fires per group where total ≠ upheld + corrected + other + pending', () => {
    const t3 = [1, 1, 0, 0, 3, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1];
    const out = auditHtml(reportPage({ t3 }));
    const f = byRule(out, 't3-totals');
    expect(f).toHaveLength(1);
    expect(f[0]?.targets[0]).toMatchObject({ key: 't3:data:rv_total' });
    expect(f[0]?.evidence).toMatchObject({ found: 3, expected: 2, difference: 1 });
  });
  it('is silent when all three groups add up', () => {
    const out = auditHtml(reportPage({ t3: [1, 1, 0, 1, 3, 0, 2, 0, 0, 2, 1, 0, 0, 0, 1] }));
    expect(byRule(out, 't3-totals')).toEqual([]);
  });
});

describe('blank and "/" cells', () => {
  it('are never a sum error: the checks over them are reported as not verifiable', () => {
    const t2 = {
      ...simpleT2(4),
      new: [4, '', '', '', '', '', 4],
      open: [4, '/', '/', '/', '/', '/', 4],
      total: [4, '—', '—', '—', '—', '—', 4],
    };
    const out = auditHtml(reportPage({ t2 }));
    expect(out.findings.filter((f) => f.category === 'sum')).toEqual([]);
    const f = byRule(out, 'extraction-unverifiable-sums');
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('info');
    expect(f[0]?.message.zh).toContain('若按 0 计，这些核算均成立');
  });
  it('a sum that would fail even with blanks read as 0 is raised for review, not as an error', () => {
    const t2 = { ...simpleT2(4), new: [4, '', '', '', '', '', 5] };
    const out = auditHtml(reportPage({ t2 }));
    expect(byRule(out, 't2-row-total')).toEqual([]);
    // the 总计 column itself is all figures: its balance is checked, and fails (5 + 0 ≠ 4 + 0)
    expect(byRule(out, 't2-balance').map((f) => f.id)).toEqual(['t2-balance:t2:balance:total']);
    expect(byRule(out, 'extraction-unverifiable-sums')[0]?.severity).toBe('warning');
  });
  it('a wholly blank table is flagged as having no figures', () => {
    const blank = ['', '', '', '', '', '', ''];
    const t2 = Object.fromEntries(
      ['new', 'carried', 'open', 'partial', 'total', 'forward'].map((k) => [k, blank]),
    );
    const out = auditHtml(reportPage({ t2, t3: Array(15).fill('') }));
    expect(byRule(out, 'extraction-blank-table').map((f) => f.id)).toContain('extraction-blank-table:t3');
    expect(out.coverage.tables.t3).toBe('blank');
  });
});
