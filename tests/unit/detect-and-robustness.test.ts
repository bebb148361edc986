import { describe, expect, it } from 'vitest';
import { looksLikeReport } from '../../lib/detect/quick';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { auditHtml, byRule, parse } from '../helpers';

const page = (title: string, body: string) =>
  `<html><head><title>${title}</title></head><body>${body}</body></html>`;

describe('look-alikes are not reports', () => {
  const cases: Array<[string, string]> = [
    [
      '年报栏目列表页',
      page(
        '政府信息公开年报',
        '<ul><li><a>示例县2024年政府信息公开工作年度报告</a></li><li><a>示例县2023年政府信息公开工作年度报告</a></li><li><a>示例县城关镇2024年政府信息公开工作年度报告</a></li></ul>',
      ),
    ],
    [
      '关于年报的新闻',
      page(
        '我县发布2024年政府信息公开工作年度报告',
        '<h1>我县发布2024年政府信息公开工作年度报告</h1><p>近日，示例县人民政府发布了2024年政府信息公开工作年度报告，报告分为总体情况、主动公开等六部分。</p>',
      ),
    ],
    [
      '政府信息公开指南',
      page(
        '示例县市场监督管理局政府信息公开指南',
        '<h1>政府信息公开指南</h1><p>一、主动公开</p><p>（一）公开范围</p><p>二、依申请公开</p><p>（一）申请的提出</p><p>三、监督和救济</p>',
      ),
    ],
    [
      '预决算',
      page(
        '示例县市场监督管理局2024年部门决算',
        '<h1>2024年部门决算</h1><table><tr><td>项目</td><td>合计</td></tr><tr><td>一般公共预算财政拨款收入</td><td>1200.5</td></tr></table>',
      ),
    ],
  ];
  for (const [name, html] of cases) {
    it(name, () => {
      const out = auditHtml(html, { now: '2025-02-01' });
      expect(out.report.isReport, out.report.reason).toBe(false);
      expect(out.findings).toEqual([]);
    });
  }
  it('the cheap detector reads only title, meta and first headings', () => {
    expect(looksLikeReport(parse(reportPage({})))).toBe(true);
    expect(looksLikeReport(parse(cases[2]?.[1] ?? ''))).toBe(false);
  });
});

describe('bad input never breaks the engine', () => {
  it('hostile text in cells stays text', () => {
    const t2 = { ...simpleT2(1), new: ['<img src=x onerror=alert(1)>', 0, 0, 0, 0, 0, 1] };
    const out = auditHtml(reportPage({ t2 }));
    const cell = out.report.tables.find((t) => t.kind === 't2')?.rows[0]?.cells[0];
    expect(cell?.kind).toBe('text');
    expect(cell?.raw).toBe('<img src=x onerror=alert(1)>');
  });
  it('malformed HTML, nested and giant tables, empty documents', () => {
    const giant = `<table>${'<tr><td>1</td><td colspan="9999">2</td><td rowspan="0">3</td></tr>'.repeat(3000)}</table>`;
    const nested =
      '<table><tr><td><table><tr><td><table><tr><td>一、总体情况</td></tr></table></td></tr></table></td></tr></table>';
    for (const html of [
      '',
      '<html',
      '<table><tr><td>',
      giant,
      nested,
      '<p>二、主动公开政府信息情况<table><tr><td rowspan="-3" colspan="abc">x',
    ]) {
      const out = auditHtml(html);
      // read, not given up on: no page here is a report, and none failed to be read
      expect(out.report.isReport, html.slice(0, 40)).toBe(false);
      expect(out.report.reason, html.slice(0, 40)).not.toContain('could not be read');
      expect(byRule(out, 'audit-unreadable')).toEqual([]);
    }
    // the valid part of a page is read: the giant table is a grid cut at the limits, the layout tables
    // around the innermost one are descended into
    const doc = (body: string) => `<html><body>${body}</body></html>`;
    const g = auditHtml(doc(giant)).extracted.blocks.find((b) => b.kind === 'table');
    expect(g?.kind === 'table' && g.grid.truncated && g.grid.slots.length === 2000).toBe(true);
    const inner = auditHtml(doc(nested)).extracted.blocks;
    expect(inner.map((b) => `${b.kind}:${b.kind === 'image' ? '' : b.text}`)).toEqual(['table:一、总体情况']);
    // a report followed by broken markup is still audited, its defect still found
    const broken = `${reportPage({ t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4] } })}${giant}<table><tr><td rowspan="-3" colspan="abc">x`;
    const out = auditHtml(broken);
    expect(out.report.isReport).toBe(true);
    expect(byRule(out, 't2-row-total')).toHaveLength(1);
  });
  it('a report inside layout tables is still read', () => {
    const out = auditHtml(reportPage({ shape: 'hanweb', t2: simpleT2(2) }));
    expect(out.report.isReport).toBe(true);
    expect(out.coverage.tables.t2).toBe('read');
  });
  it('a rule that throws becomes an info finding; the audit goes on', async () => {
    const { auditDocument } = await import('../../lib/audit');
    const { RULES } = await import('../../lib/rules/index');
    const boom = {
      ...RULES[0],
      id: 'boom',
      check: () => {
        throw new Error('kaput');
      },
    } as (typeof RULES)[number];
    const out = auditDocument(parse(reportPage({})), null, { rules: [boom, ...RULES] });
    expect(out.findings.find((f) => f.ruleId === 'boom')?.severity).toBe('info');
    expect(out.coverage.rules.boom).toBe('failed');
    expect(out.coverage.rules['t2-row-total']).toBe('ran');
  });
  it('a budget that runs out gives a partial result that says so', () => {
    const out = auditHtml(reportPage({}), { budgetMs: -1 });
    expect(out.coverage.partial).toBe(true);
    expect(out.coverage.stopped?.stage).toBe('read');
    expect(byRule(out, 'audit-partial')).toHaveLength(1);
    // what was read still counts: the title names a report, so it is "not fully read", not "not a report"
    expect(out.report.isReport).toBe(true);
    expect(out.report.title).toContain('2024年政府信息公开工作年度报告');
    expect(byRule(out, 'audit-unreadable')).toEqual([]);
  });
});

describe('deep pages', () => {
  const page = reportPage({ t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4] } });
  const nest = (depth: number) =>
    page
      .replace('<div class="TRS_Editor">', `${'<div>'.repeat(depth)}<div class="TRS_Editor">`)
      .replace('<div class="footer">', `${'</div>'.repeat(depth)}<div class="footer">`);
  const summary = (out: ReturnType<typeof auditHtml>) =>
    out.findings.map((f) => `${f.id} ${f.message.zh}`).sort();
  const flat = auditHtml(page);

  for (const depth of [6000, 20000]) {
    it(`a report nested ${depth} divs deep is still a report, with the same findings as flat`, () => {
      const html = nest(depth);
      const out = auditHtml(html);
      expect(out.report.isReport, out.report.reason).toBe(true);
      expect(summary(out)).toEqual(summary(flat));
      expect(byRule(out, 't2-row-total')).toHaveLength(1);
      expect(out.coverage.tables).toEqual(flat.coverage.tables);
      expect(looksLikeReport(parse(html))).toBe(true);
    });
  }
  it('a table cell nested 20,000 elements deep still gives its figure', async () => {
    const { cellText } = await import('../../lib/extract/grid');
    const { elementText } = await import('../../lib/extract/dom-utils');
    const deep = `<table><tr><td>${'<span>'.repeat(20000)}<p>1</p><p>2</p>${'</span>'.repeat(20000)}</td></tr></table>`;
    const td = parse(deep).querySelector('td') as Element;
    expect(cellText(td).replace(/\s+/g, ' ').trim()).toBe('1 2');
    expect(elementText(td).replace(/\s+/g, ' ').trim()).toBe('1 2');
  });
});

describe('rule metadata', () => {
  it('every rule has an id, category, severity, bilingual title, basis and fix', async () => {
    const { RULES } = await import('../../lib/rules/index');
    expect(RULES.length).toBeGreaterThanOrEqual(30);
    const ids = new Set<string>();
    for (const r of RULES) {
      expect(ids.has(r.id), r.id).toBe(false);
      ids.add(r.id);
      for (const t of [r.title, r.basis, r.fix]) {
        expect(t.zh.length, r.id).toBeGreaterThan(1);
        expect(t.en.length, r.id).toBeGreaterThan(1);
      }
    }
  });
  it('results validate against the zod schema', async () => {
    const { AuditResult } = await import('../../lib/model/schema');
    const { toResult } = await import('../../lib/audit');
    const out = auditHtml(reportPage({ t2: { ...simpleT2(1), new: [2, 0, 0, 0, 0, 0, 1] } }));
    expect(AuditResult.safeParse(toResult(out)).success).toBe(true);
  });
});

describe('cell text', () => {
  it('figures in separate paragraphs of one cell are not run together', async () => {
    const { cellText } = await import('../../lib/extract/grid');
    const doc = parse(
      '<table><tr><td><p>1</p><p>2</p></td><td><p><span>3</span></p></td><td>商业<br>企业</td></tr></table>',
    );
    const tds = Array.from(doc.querySelectorAll('td'));
    expect(tds.map((td) => cellText(td).replace(/\s+/g, ' ').trim())).toEqual(['1 2', '3', '商业 企业']);
  });
});
