import { describe, expect, it } from 'vitest';
import { looksLikeReport } from '../../lib/detect/quick';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { auditHtml, parse } from '../helpers';

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
      expect(out.report).toBeDefined();
    }
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
    expect(out.findings.some((f) => f.ruleId === 'audit-partial')).toBe(true);
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
