import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { type AuditOutput, auditDocument, auditExtracted, auditText } from '../../lib/audit';
import { compareYmd } from '../../lib/detect/meta';
import { fromModel } from '../../lib/extract/index';
import {
  deadlineFor,
  LABELS_2019,
  LABELS_2021,
  latestDeadline,
  matchT2Row,
  NUMBERED_HEADING_RE,
  numeralZh,
  parseOrdinal,
  SECTION_DEFS,
  sectionName,
  T2_COLUMNS,
  T2_LEAVES_2019,
  T2_LEAVES_2021,
  T2_ROWS,
  T3_COLUMNS,
  TABLE_KINDS,
  TABLES,
  tableOfSection,
} from '../../lib/format';
import { BlockText, Report } from '../../lib/model/schema';
import { reportPage } from '../fixtures/report-html';
import { reportText } from '../fixtures/report-text';
import { auditHtml, auditTxt, parse } from '../helpers';

const NOW = '2025-06-01';
const intro = '本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。电话：010-12345678。';
const SAMPLES = join(__dirname, '..', '..', 'assets', 'samples');

function cases(): Array<[string, AuditOutput, string]> {
  const opts = { now: NOW };
  const out: Array<[string, AuditOutput, string]> = [
    [
      'html with a wrong period, late date, lost heading, a sum error',
      auditHtml(
        reportPage({
          intro,
          published: '2025-02-15',
          headings: { 3: null },
          t2: { new: [1, 0, 0, 0, 0, 0, 2] },
          signature: '2024年11月30日',
        }),
        opts,
      ),
      NOW,
    ],
    [
      'platform page with an attribute table and 索引号',
      auditHtml(reportPage({ shape: 'platform', published: '2025-04-02' }), opts),
      NOW,
    ],
    [
      'pdf text with lost cells',
      auditTxt(reportText({ style: 'pdf', lostCells: { open: 1 }, leadingBookmark: true }), opts),
      NOW,
    ],
  ];
  // the samples, and the column page again two years on (its newest report is then overdue)
  for (const [name, now] of [
    ...readdirSync(SAMPLES)
      .sort()
      .map((n) => [n, NOW] as const),
    ['5-column-list-page.html', '2027-06-01'] as const,
  ]) {
    const text = readFileSync(join(SAMPLES, name), 'utf8');
    out.push([
      `${name} (${now})`,
      name.endsWith('.txt')
        ? auditText(text, { now })
        : auditDocument(parse(text), `http://www.example.gov.cn/${name}`, { now }),
      now,
    ]);
  }
  return out;
}

describe('the Report model is all rules need', () => {
  const all = cases();

  it('the cases exercise the rules that read the moved page facts', () => {
    const ran = new Set(all.flatMap(([, o]) => o.findings.map((f) => f.ruleId)));
    for (const id of [
      'year-period',
      'year-publication',
      'year-signature',
      'year-column-stale',
      't2-row-total',
    ])
      expect(ran, id).toContain(id);
    expect(all.some(([, o]) => o.report.period && o.report.signature && o.report.published)).toBe(true);
  });

  it.each(all)('%s: JSON round trip, then the rules give the same findings', (_name, out, now) => {
    const json = JSON.stringify({ report: out.report, text: out.extracted.text, findings: out.findings });
    const back = JSON.parse(json) as { report: unknown; text: unknown; findings: unknown };
    // nothing is lost in JSON (no Map, Set, element, undefined), and the schemas accept what comes back
    expect(back.report).toEqual(out.report);
    expect(back.text).toEqual(out.extracted.text);
    const report = Report.parse(back.report);
    const text = z.array(BlockText).parse(back.text);
    const again = auditExtracted(fromModel(report, text), { now });
    expect(again.findings).toEqual(back.findings);
    expect({ ...again.coverage, elapsedMs: 0 }).toEqual({ ...out.coverage, elapsedMs: 0 });
  });

  it('keeps the page facts in the model and the elements out of it', () => {
    const out = auditHtml(
      reportPage({ shape: 'platform', intro, published: '2025-01-20', signature: '2025年1月10日' }),
      { now: NOW },
      'http://www.example.gov.cn/art/2025/1/20/art_1.html',
    );
    const r = out.report;
    expect(r.period).toMatchObject({ from: { y: 2023, m: 1, d: 1 }, to: { y: 2023, m: 12, d: 31 } });
    expect(out.extracted.text[r.period?.block ?? -1]?.text).toContain('统计期限');
    expect(r.published).toMatchObject({ date: { y: 2025, m: 1, d: 20 }, source: 'attribute-table' });
    expect(r.signature).toMatchObject({ date: { y: 2025, m: 1, d: 10 } });
    expect(out.extracted.text[r.signature?.block ?? -1]?.text).toBe('2025年1月10日');
    expect(r.indexYear).toBe(2025);
    expect(r.titleBlock).not.toBeNull();
    expect(out.extracted.text[r.titleBlock ?? -1]?.text).toBe(r.title);
    const json = JSON.stringify(r);
    expect(json).not.toMatch(/"(el|segments|node|grid)"/);
    // the DOM references stay beside the model, for the overlay
    expect(out.extracted.cellEls.get('t2:new:total')?.textContent?.trim()).toBe('0');
    const periodBlock = out.extracted.blocks[r.period?.block ?? -1];
    expect(periodBlock?.kind === 'text' && periodBlock.el).toBeTruthy();
  });
});

describe('the column a page stands in', () => {
  // a 年报 column listing a single report: only the column's name tells it is the report column
  const column = (head: string, crumb: string) =>
    `<html><head>${head}<title>列表</title></head><body>${crumb}<ul><li><a href="/2023.html">示例县2023年政府信息公开工作年度报告</a><span>2024-01-20</span></li></ul></body></html>`;
  const stale = (html: string) => {
    const out = auditHtml(html, { now: '2026-05-01' });
    return { name: out.report.columnName, fired: out.findings.some((f) => f.ruleId === 'year-column-stale') };
  };

  it('comes from <meta name="ColumnName">, else from the breadcrumb', () => {
    expect(stale(column('<meta name="ColumnName" content="政府信息公开年报">', ''))).toEqual({
      name: '政府信息公开年报',
      fired: true,
    });
    expect(
      stale(column('', '<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>')),
    ).toEqual({
      name: '政府信息公开年报',
      fired: true,
    });
    // a "当前位置：" label beside a list of links (TRS), and a trailing 正文 crumb
    const links =
      '<div><span>当前位置：</span><ul><li><a href="/">首页</a></li><li><a href="/xxgk/">政府信息公开</a></li><li><a href="/nb/">政府信息公开年报</a></li><li><a href="#">正文</a></li></ul></div>';
    expect(stale(column('', links))).toEqual({ name: '政府信息公开年报', fired: true });
  });

  it('is unknown without either, and a breadcrumb of another column says so', () => {
    expect(stale(column('', '<div>首页 政务公开 政府信息公开年报</div>'))).toEqual({
      name: null,
      fired: false,
    });
    expect(stale(column('', '<div>当前位置：首页 &gt; 政务公开 &gt; 通知公告</div>'))).toEqual({
      name: '通知公告',
      fired: false,
    });
  });
});

describe('lib/format: the national format', () => {
  it('places each table in its section', () => {
    expect(TABLE_KINDS.map((k) => TABLES[k].section)).toEqual([2, 3, 4]);
    for (const k of TABLE_KINDS) {
      expect(tableOfSection(TABLES[k].section)).toBe(k);
      expect(TABLES[k].short.zh.startsWith(TABLES[k].name.zh)).toBe(true);
      expect(TABLES[k].long.zh.startsWith(TABLES[k].name.zh)).toBe(true);
    }
    for (const n of [0, 1, 5, 6, 7]) expect(tableOfSection(n)).toBeUndefined();
  });

  it('has the rows and columns of tables 2 and 3', () => {
    expect(T2_COLUMNS.map((c) => c.id)).toEqual(['np', 'biz', 'sci', 'ngo', 'law', 'oth', 'total']);
    expect(T2_ROWS).toHaveLength(25);
    expect(T2_LEAVES_2021).toHaveLength(21);
    expect(T2_LEAVES_2019).toHaveLength(19);
    expect(T2_LEAVES_2019).toContain('o');
    expect(new Set(T3_COLUMNS.map((c) => c.id)).size).toBe(15);
    expect(T3_COLUMNS[4]?.id).toBe('rv_total');
  });

  it('reads the ambiguous table-2 labels by their neighbours', () => {
    expect(matchT2Row('3.其他', 'o2')?.id).toBe('o3');
    expect(matchT2Row('3.其他', 'n8')).toBeNull();
    expect(matchT2Row('2.其他法律行政法规禁止公开', 'n1')?.id).toBe('n2');
    expect(matchT2Row('（七）总计', 'o3')?.id).toBe('total');
    expect(matchT2Row('总计', 'new')).toBeNull();
  });

  it('numbers the six sections with the numerals it parses', () => {
    expect(SECTION_DEFS.map((d) => d.n)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const d of SECTION_DEFS) {
      const m = NUMBERED_HEADING_RE.exec(d.zh);
      expect(m?.[1]).toBe(numeralZh(d.n));
      expect(parseOrdinal(m?.[1] ?? '')).toBe(d.n);
      // the format's own title is recognised, numbered and bare
      expect(d.match.test(m?.[2] ?? '')).toBe(true);
      expect(d.bare.test(m?.[2] ?? '')).toBe(true);
      expect(sectionName(d.n)).toEqual({ zh: d.zh, en: d.en });
    }
    for (let n = 1; n <= 10; n++) expect(parseOrdinal(numeralZh(n) ?? '')).toBe(n);
    expect(numeralZh(0)).toBeUndefined();
    expect(numeralZh(11)).toBeUndefined();
    expect(parseOrdinal('十二')).toBe(12);
    expect(NUMBERED_HEADING_RE.test('（二）主动公开')).toBe(false);
  });

  it('tells the 2019 labels from the 2021 ones', () => {
    for (const re of LABELS_2021) {
      const label = re.source.replace(/^\^|\$$/g, '');
      expect(
        LABELS_2019.some((l) => l.match.test(label)),
        label,
      ).toBe(false);
    }
    for (const l of LABELS_2019) expect(l.match.test(l.label), l.label).toBe(true);
  });

  it('gives the art. 49 deadlines by body kind and year', () => {
    const ymd = (d: { y: number; m: number; d: number }) => `${d.y}-${d.m}-${d.d}`;
    expect(ymd(deadlineFor(2024, 'department').hard)).toBe('2025-1-31');
    expect(ymd(deadlineFor(2024, 'government').hard)).toBe('2025-3-31');
    const town = deadlineFor(2024, 'township');
    expect([ymd(town.soft), ymd(town.hard)]).toEqual(['2025-1-31', '2025-3-31']);
    expect(ymd(deadlineFor(2018, 'department').soft)).toBe('2019-3-31');
    for (const kind of ['department', 'government', 'township', 'unknown'] as const)
      expect(compareYmd(deadlineFor(2024, kind).hard, latestDeadline(2024))).toBeLessThanOrEqual(0);
    expect(ymd(latestDeadline(2024))).toBe('2025-3-31');
  });
});
