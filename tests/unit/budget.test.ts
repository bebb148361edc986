/**
 * The time budget covers reading the page, extraction and the rules, and is checked inside long loops.
 * No timing assertions: a budget that expires after a given number of checks makes every stage
 * reproducible, and a 5 MB page with a tiny real budget must say it is partial and why.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { auditDocument, auditSource, auditText, toResult } from '../../lib/audit';
import { type Budget, OutOfTime } from '../../lib/budget';
import { formatText } from '../../lib/export/text';
import { blocksFromDocument, blocksFromText } from '../../lib/extract/blocks';
import { buildGrid } from '../../lib/extract/grid';
import { AuditResult } from '../../lib/model/schema';
import { RULES } from '../../lib/rules/index';
import type { Rule } from '../../lib/rules/types';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { reportText } from '../fixtures/report-text';
import { byRule, parse, show } from '../helpers';

/** A budget that runs out after `checks` calls of expired() (Infinity: never), counting the calls. */
function countdown(checks: number): Budget & { calls: number } {
  const b = {
    ms: 50,
    calls: 0,
    expired() {
      b.calls++;
      return b.calls > checks;
    },
    elapsed: () => 0,
  };
  return b;
}

const PARA =
  '本局坚持以公开为常态、不公开为例外，持续深化政务公开，围绕重点领域主动公开政府信息，回应社会关切，提升公开质量和实效。';

/** A report of about 5 MB: the usual tables and sections, with thousands of narrative paragraphs. */
function fiveMegabytePage(): string {
  const paras = Array.from({ length: 22000 }, (_, i) => `（${i}）${PARA}`);
  const html = reportPage({
    t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4] },
    extra: { 1: paras.slice(0, 11000), 5: paras.slice(11000) },
  });
  expect(Buffer.byteLength(html)).toBeGreaterThan(5 * 2 ** 20 * 0.95);
  return html;
}

const broken = () => reportPage({ t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4] } });
const NOW = { now: '2026-11-22' };

describe('a 5 MB page', () => {
  let doc: Document;
  beforeAll(() => {
    doc = parse(fiveMegabytePage());
  }, 60_000);
  it('under a tiny budget is partial and says why: not read to its end, no rule ran, no false alarm', () => {
    const full = blocksFromDocument(doc).blocks.length;
    const out = auditDocument(doc, null, { ...NOW, budgetMs: 1 });
    const cov = out.coverage;
    expect(cov.partial).toBe(true);
    expect(cov.stopped).toMatchObject({ reason: 'time', stage: 'read', budgetMs: 1 });
    expect(cov.stopped?.blocksRead).toBeLessThan(full);
    expect(Object.values(cov.rules).every((s) => s === 'skipped-time')).toBe(true);
    expect(Object.values(cov.tables).every((s) => s === 'not-applicable')).toBe(true);
    // the title names a report: "not fully read", not "not a report"
    expect(out.report.isReport).toBe(true);
    expect(out.report.reason).toContain('time budget (1 ms) ran out');
    expect(out.findings.map((f) => f.ruleId)).toEqual(['audit-partial']);
    const msg = out.findings[0]?.message;
    expect(msg?.zh).toContain('超出时间预算（1 毫秒）');
    expect(msg?.zh).toContain('页面未读完');
    expect(msg?.en).toContain('not read to its end');
    expect(AuditResult.safeParse(toResult(out)).success).toBe(true);
    expect(formatText('big.html', toResult(out), 'zh')).toContain('时间预算：1 毫秒，读取页面时用完');
  });
  it('with time enough is read to its end: section 6 is found, nothing is "missing"', () => {
    const out = auditDocument(doc, null, { ...NOW, budgetMs: 120_000 });
    expect(out.coverage.partial, show(out.findings)).toBe(false);
    expect(out.coverage.sectionsFound).toEqual([1, 2, 3, 4, 5, 6]);
    expect(byRule(out, 'section-missing'), show(out.findings)).toEqual([]);
    expect(byRule(out, 't2-row-total')).toHaveLength(1);
  });
});

describe('a page longer than the block limit', () => {
  it('is cut and says so; no rule runs on the part read (a section past the cut is not "missing")', () => {
    const src = blocksFromDocument(parse(broken()), null, undefined, 12);
    expect(src.cut).toBe('size');
    expect(src.blocks).toHaveLength(12);
    const out = auditSource(src, NOW);
    expect(out.coverage.stopped).toMatchObject({ reason: 'size', stage: 'read', blocksRead: 12 });
    expect(out.findings.map((f) => f.ruleId)).toEqual(['audit-partial']);
    expect(out.findings[0]?.message.zh).toContain('页面过长');
    expect(out.report.isReport).toBe(true);
    expect(formatText('long.html', toResult(out), 'zh')).toContain('页面过长，未读完');
    const text = blocksFromText(reportText({ style: 'pdf' }), undefined, 5);
    expect(text.cut).toBe('size');
    expect(text.blocks).toHaveLength(5);
  });
  it('a page of exactly the limit is not cut', () => {
    const all = blocksFromDocument(parse(broken()));
    const src = blocksFromDocument(parse(broken()), null, undefined, all.blocks.length);
    expect(src.cut).toBeUndefined();
    expect(src.blocks).toHaveLength(all.blocks.length);
  });
});

describe('every stage keeps to the budget', () => {
  it('the DOM walk stops where the time ran out', () => {
    const doc = parse(broken());
    const all = blocksFromDocument(doc);
    expect(all.cut).toBeUndefined();
    const part = blocksFromDocument(doc, null, countdown(10));
    expect(part.cut).toBe('time');
    expect(part.blocks.length).toBeLessThan(all.blocks.length);
  });
  it('a table grid stops between rows', () => {
    const doc = parse(`<table>${'<tr><td>1</td><td>2</td></tr>'.repeat(100)}</table>`);
    const table = doc.querySelector('table') as Element;
    expect(buildGrid(table).slots).toHaveLength(100);
    const cut = buildGrid(table, countdown(20));
    expect(cut.truncated).toBe(true);
    expect(cut.slots).toHaveLength(20);
  });
  it('out of time after reading, before tables and sections are built: no rule runs', () => {
    const doc = parse(broken());
    const probe = countdown(Number.POSITIVE_INFINITY);
    const src = blocksFromDocument(doc, null, probe);
    const out = auditSource(src, NOW, countdown(0));
    expect(out.coverage.stopped).toMatchObject({ stage: 'extract', blocksRead: src.blocks.length });
    expect(out.findings.map((f) => f.ruleId)).toEqual(['audit-partial']);
    expect(out.findings[0]?.message.zh).toContain('表格和章节未能全部识别');
  });
  it('out of time among the rules: the ones that ran keep their findings, the rest are listed', () => {
    const doc = parse(broken());
    // count the checks a full audit makes, then give a budget that runs out half-way through the rules
    const probe = countdown(Number.POSITIVE_INFINITY);
    const src = blocksFromDocument(doc, null, probe);
    auditSource(src, NOW, probe);
    const atRules = (() => {
      const p = countdown(Number.POSITIVE_INFINITY);
      auditSource(blocksFromDocument(doc, null, p), { ...NOW, rules: [] }, p);
      return p.calls;
    })();
    expect(probe.calls).toBeGreaterThan(atRules + 10);
    const limit = atRules + Math.floor((probe.calls - atRules) / 2);
    const b = countdown(limit);
    const out = auditSource(blocksFromDocument(doc, null, b), NOW, b);
    const st = Object.values(out.coverage.rules);
    expect(out.coverage.stopped?.stage).toBe('rules');
    expect(st).toContain('ran');
    expect(st).toContain('skipped-time');
    expect(st).not.toContain('failed');
    // the sum rules come first: they ran and found the planted error
    expect(out.coverage.rules['t2-row-total']).toBe('ran');
    expect(byRule(out, 't2-row-total'), show(out.findings)).toHaveLength(1);
    const skipped = st.filter((s) => s === 'skipped-time').length;
    expect(byRule(out, 'audit-partial')[0]?.message.zh).toContain(`${skipped} 项检查未运行`);
  });
  it('a rule walking the page stops inside its loop and is listed as skipped, its findings dropped', () => {
    const seen: number[] = [];
    const walker: Rule = {
      ...(RULES[0] as Rule),
      id: 'test-walker',
      check(ctx) {
        for (const b of ctx.narrative()) seen.push(b.index);
        return [{ message: { zh: '走完', en: 'walked' }, targets: [{ type: 'page' }] }];
      },
    };
    const src = blocksFromDocument(parse(broken()));
    const p = countdown(Number.POSITIVE_INFINITY);
    auditSource(src, { ...NOW, rules: [] }, p); // the checks extraction makes
    const b = countdown(p.calls + 5);
    const out = auditSource(src, { ...NOW, rules: [walker] }, b);
    expect(out.coverage.rules['test-walker']).toBe('skipped-time');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(src.blocks.length);
    expect(byRule(out, 'test-walker')).toEqual([]);
    expect(out.coverage.stopped?.stage).toBe('rules');
  });
  it('OutOfTime thrown by a rule is never reported as a rule failure', () => {
    const thrower: Rule = {
      ...(RULES[0] as Rule),
      id: 'test-thrower',
      check() {
        throw new OutOfTime();
      },
    };
    const out = auditSource(blocksFromDocument(parse(broken())), { ...NOW, rules: [thrower] });
    expect(out.coverage.rules['test-thrower']).toBe('skipped-time');
    expect(out.findings.some((f) => f.id === 'test-thrower:failed')).toBe(false);
  });
  it('text input keeps to the budget too', () => {
    const out = auditText(reportText({ style: 'pdf' }), { ...NOW, budgetMs: 0 });
    expect(out.coverage.stopped?.stage).toBe('read');
    expect(out.report.isReport).toBe(false); // no title to go by: not judged
    expect(out.report.reason).toContain('not judged');
  });
  it('with time to spare nothing is marked', () => {
    const out = auditDocument(parse(broken()), null, NOW);
    expect(out.coverage.partial).toBe(false);
    expect(out.coverage.stopped).toBeUndefined();
    expect(byRule(out, 'audit-partial')).toEqual([]);
  });
});

describe('odd budgets', () => {
  it('no budget, or not a number: the result stays valid', () => {
    const cut = blocksFromDocument(parse(broken()), null, undefined, 12);
    const unlimited = auditSource(cut, { ...NOW, budgetMs: Number.POSITIVE_INFINITY });
    expect(unlimited.coverage.stopped).toMatchObject({ reason: 'size', budgetMs: null });
    const nan = auditDocument(parse(broken()), null, { ...NOW, budgetMs: Number.NaN });
    expect(nan.coverage.stopped).toMatchObject({ reason: 'time', stage: 'read', budgetMs: null });
    for (const out of [unlimited, nan]) {
      const result = toResult(out);
      expect(AuditResult.safeParse(result).success).toBe(true);
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    }
    const full = auditDocument(parse(broken()), null, { ...NOW, budgetMs: Number.POSITIVE_INFINITY });
    expect(full.coverage.partial).toBe(false);
    expect(byRule(full, 't2-row-total')).toHaveLength(1);
  });
});
