import { describe, expect, it } from 'vitest';
import { reportPage } from '../fixtures/report-html';
import { auditHtml, byRule, show } from '../helpers';

const intro = (period: string) =>
  `本报告所列数据的统计期限${period}。如对本报告有疑问，请与本局联系（邮编：100000，电话：010-12345678）。`;

describe('year-period', () => {
  it('fires when the period is not the report year', () => {
    const out = auditHtml(reportPage({ intro: intro('自2023年1月1日起至2023年12月31日止') }));
    const f = byRule(out, 'year-period');
    expect(f, show(out.findings)).toHaveLength(1);
    expect(f[0]?.severity).toBe('error');
    expect(f[0]?.targets[0]?.type).toBe('text');
  });
  it('warns when no period is stated, silent when it is right', () => {
    expect(byRule(auditHtml(reportPage({ intro: null })), 'year-period')[0]?.severity).toBe('warning');
    expect(byRule(auditHtml(reportPage({})), 'year-period')).toEqual([]);
  });
});

describe('year-malformed-date', () => {
  it('fires on "20241月1日" and impossible dates', () => {
    const out = auditHtml(reportPage({ intro: intro('自20241月1日起至2024年12月32日止') }));
    const f = byRule(out, 'year-malformed-date');
    expect(f.map((x) => x.evidence?.quote)).toEqual(['20241月1日', '2024年12月32日']);
  });
  it('is silent on well-formed dates', () => {
    expect(byRule(auditHtml(reportPage({})), 'year-malformed-date')).toEqual([]);
  });
});

describe('year-publication', () => {
  it('a department publishing after 31 January is late (error) with the days counted', () => {
    const out = auditHtml(reportPage({ published: '2025-02-15' }));
    const f = byRule(out, 'year-publication');
    expect(f[0]?.severity).toBe('error');
    expect(f[0]?.evidence).toMatchObject({ difference: 15 });
    expect(f[0]?.message.zh).toContain('2025-01-31');
  });
  it('a township: warning after 31 January, error after 31 March', () => {
    const town = { agency: '示例县城关镇人民政府' };
    expect(
      byRule(auditHtml(reportPage({ ...town, published: '2025-02-15' })), 'year-publication')[0]?.severity,
    ).toBe('warning');
    expect(
      byRule(auditHtml(reportPage({ ...town, published: '2025-04-02' })), 'year-publication')[0]?.severity,
    ).toBe('error');
  });
  it('a government’s region-wide report is due 31 March', () => {
    const gov = { agency: '示例县人民政府', title: '示例县人民政府2024年政府信息公开工作年度报告' };
    expect(byRule(auditHtml(reportPage({ ...gov, published: '2025-03-20' })), 'year-publication')).toEqual(
      [],
    );
    expect(
      byRule(auditHtml(reportPage({ ...gov, published: '2025-04-01' })), 'year-publication'),
    ).toHaveLength(1);
  });
  it('published before the year ended: error', () => {
    expect(
      byRule(auditHtml(reportPage({ published: '2024-12-30', signature: null })), 'year-publication')[0]
        ?.message.zh,
    ).toContain('早于');
  });
  it('reports before 2019: 31 March for everyone', () => {
    expect(
      byRule(auditHtml(reportPage({ year: 2017, published: '2018-03-10' })), 'year-publication'),
    ).toEqual([]);
  });
  it('no date on the page: info, not a guess', () => {
    const f = byRule(auditHtml(reportPage({ published: null })), 'year-publication');
    expect(f.map((x) => x.severity)).toEqual(['info']);
  });
  it('a date in the URL is used only as a last resort and only warns', () => {
    const out = auditHtml(
      reportPage({ published: null, shape: 'plain' }),
      {},
      'http://www.example.gov.cn/ndbg/202502/t20250215_1.html',
    );
    expect(out.report.publishedSource).toBe('url');
    expect(byRule(out, 'year-publication')[0]?.severity).toBe('warning');
  });
});

describe('year-signature', () => {
  it('a signature before the year ended, or after publication', () => {
    expect(byRule(auditHtml(reportPage({ signature: '2024年12月1日' })), 'year-signature')[0]?.severity).toBe(
      'error',
    );
    expect(
      byRule(
        auditHtml(reportPage({ signature: '2025年1月25日', published: '2025-01-20' })),
        'year-signature',
      ),
    ).toHaveLength(1);
    expect(byRule(auditHtml(reportPage({})), 'year-signature')).toEqual([]);
  });
});

describe('year-narrative-stale and year-section-five', () => {
  it('an overview that speaks only of last year is a stale copy', () => {
    const out = auditHtml(
      reportPage({
        bodies: { 1: ['2023年，本局认真贯彻条例。', '（一）主动公开。2023年主动公开信息100条。'] },
      }),
    );
    const f = byRule(out, 'year-narrative-stale');
    expect(f).toHaveLength(1);
    expect(f[0]?.targets).toHaveLength(2);
  });
  it('section 5 naming a year two back is flagged', () => {
    const out = auditHtml(
      reportPage({
        bodies: { 5: ['（一）2022年度存在问题改进情况。已整改。', '（二）2023年度存在的主要问题。'] },
      }),
    );
    expect(byRule(out, 'year-section-five').map((f) => f.evidence?.found)).toEqual([2022]);
  });
  it('silent on a report that speaks of its own year', () => {
    const out = auditHtml(reportPage({}));
    expect(byRule(out, 'year-narrative-stale')).toEqual([]);
    expect(byRule(out, 'year-section-five')).toEqual([]);
  });
});

describe('year-index-number', () => {
  it('info when the index number’s year is not the year after the report year', () => {
    const page = reportPage({ shape: 'platform' }).replace('/2025-00012', '/2023-00012');
    expect(byRule(auditHtml(page), 'year-index-number')[0]?.severity).toBe('info');
    expect(byRule(auditHtml(reportPage({ shape: 'platform' })), 'year-index-number')).toEqual([]);
  });
});

describe('year-column-stale (column pages, relative to --now)', () => {
  const list = (years: number[]) =>
    `<html><head><meta name="ColumnName" content="政府信息公开年报"><title>政府信息公开年报</title></head><body><ul>${years
      .map(
        (y) =>
          `<li><a href="/${y}.html">示例县${y}年政府信息公开工作年度报告</a><span>${y + 1}-01-20</span></li>`,
      )
      .join('')}</ul></body></html>`;
  it('fires when the newest listed report is older than last year after 31 March', () => {
    const out = auditHtml(list([2022, 2023, 2024]), { now: '2026-05-01' });
    expect(out.report.isReport).toBe(false);
    expect(byRule(out, 'year-column-stale')).toHaveLength(1);
  });
  it('is silent before the deadline and when up to date', () => {
    expect(byRule(auditHtml(list([2023, 2024]), { now: '2026-02-01' }), 'year-column-stale')).toEqual([]);
    expect(byRule(auditHtml(list([2024, 2025]), { now: '2026-05-01' }), 'year-column-stale')).toEqual([]);
  });
});
