import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { auditExtracted, auditExtractedAwaiting } from '../../lib/audit';
import { startBudget } from '../../lib/budget';
import { blocksFromDocument } from '../../lib/extract/blocks';
import { extract } from '../../lib/extract/index';
import type { ReportSnapshot } from '../../lib/history/snapshot';
import type { Rule } from '../../lib/rules/types';
import { previousYear, thisYear } from '../fixtures/history';
import { simpleT2 } from '../fixtures/report-html';

function extracted(html: string) {
  const { document } = parseHTML(html);
  const time = startBudget(Number.POSITIVE_INFINITY);
  return extract(blocksFromDocument(document as unknown as Document, null, time), time);
}

// last year carried 2 forward; this year says 1 was carried over (history-carry-over), and a row total is off
const prev = previousYear({ t2: { ...simpleT2(5), forward: [2, 0, 0, 0, 0, 0, 2] } });
const page = thisYear({
  t2: { ...simpleT2(5), carried: [1, 0, 0, 0, 0, 0, 1], total: [9, 0, 0, 0, 0, 0, 8] },
});
const opts = { now: '2026-11-22' };

/** Spy rules: one that compares with the previous year, one that does not; both warn on the page. */
function spies() {
  const ran: string[] = [];
  const meta = (id: string) => ({
    id,
    category: 'content' as const,
    severity: 'warning' as const,
    title: { zh: id, en: id },
    basis: { zh: '—', en: '—' },
    fix: { zh: '—', en: '—' },
  });
  const finding = (id: string) => ({
    message: { zh: id, en: id },
    targets: [{ type: 'page' as const }],
  });
  const comparing: Rule = {
    ...meta('spy-comparing'),
    check: (ctx) => {
      ran.push(`comparing:${ctx.previous ? 'with' : 'without'}`);
      return [finding('comparing')];
    },
  };
  const alone: Rule = {
    ...meta('spy-alone'),
    check: () => {
      ran.push('alone');
      return [finding('alone')];
    },
  };
  return { ran, rules: [comparing, alone] };
}

describe('auditExtractedAwaiting: the rules run while the previous year is looked up', () => {
  it('a rule that does not read the previous year runs before the answer; findings keep the registry order', async () => {
    const { ran, rules } = spies();
    let answer: (s: ReportSnapshot | null) => void = () => {};
    const pending = new Promise<ReportSnapshot | null>((r) => {
      answer = r;
    });
    const run = auditExtractedAwaiting(extracted(page), { ...opts, rules }, startBudget(2000), pending);
    // the call itself ran every rule it could: the comparing one tried, found no answer yet, and waits
    expect(ran).toEqual(['alone']);
    answer(prev);
    const out = await run;
    expect(ran).toEqual(['alone', 'comparing:with']);
    // same severity: the registry's order (comparing first), not the order they ran in
    expect(out.findings.map((f) => f.ruleId)).toEqual(['spy-comparing', 'spy-alone']);
    const whole = auditExtracted(extracted(page), { ...opts, rules, previous: prev });
    expect(out.findings.map((f) => f.id)).toEqual(whole.findings.map((f) => f.id));
  });

  it('no rule that reads the previous year: no wait for an answer that never comes', async () => {
    const { rules } = spies();
    const never = new Promise<ReportSnapshot | null>(() => {});
    const out = await auditExtractedAwaiting(
      extracted(page),
      { ...opts, rules: rules.slice(1) },
      startBudget(2000),
      never,
    );
    expect(out.findings.map((f) => f.ruleId)).toEqual(['spy-alone']);
  });

  it('gives what auditExtracted gives with that previous year, findings in the same order', async () => {
    const whole = auditExtracted(extracted(page), { ...opts, previous: prev });
    const awaited = await auditExtractedAwaiting(
      extracted(page),
      opts,
      startBudget(2000),
      Promise.resolve(prev),
    );
    expect(whole.findings.some((f) => f.ruleId === 'history-carry-over')).toBe(true);
    expect(whole.findings.some((f) => f.category === 'sum')).toBe(true);
    expect(awaited.findings.map((f) => f.id)).toEqual(whole.findings.map((f) => f.id));
    expect(awaited.coverage.rules).toEqual(whole.coverage.rules);
  });

  it('only the rules that read the previous year wait for it; no answer (or a failed one) means none', async () => {
    let answer: (s: ReportSnapshot | null) => void = () => {};
    const pending = new Promise<ReportSnapshot | null>((r) => {
      answer = r;
    });
    let settled = false;
    const run = auditExtractedAwaiting(extracted(page), opts, startBudget(2000), pending).then((out) => {
      settled = true;
      return out;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    answer(null);
    const out = await run;
    expect(out.findings.some((f) => f.category === 'history')).toBe(false);
    expect(out.coverage.rules['history-carry-over']).toBe('not-applicable');
    expect(out.coverage.rules['t2-row-total']).toBe('ran');
    const failed = await auditExtractedAwaiting(
      extracted(page),
      opts,
      startBudget(2000),
      Promise.reject(new Error('store unreadable')),
    );
    expect(failed.findings.map((f) => f.id)).toEqual(out.findings.map((f) => f.id));
  });
});
