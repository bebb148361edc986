/**
 * A rule tester in the style of ESLint's RuleTester. Per rule: `valid` cases (the rule ran and found
 * nothing) and `invalid` cases that state the rule's findings exactly — key, severity, message, every target
 * (text targets with their offsets, excerpt and the words they must cut out of the block) and the evidence.
 *
 * Every case is audited twice: with only the rule under test and with every rule (the rule's findings must
 * be the same either way, so shared memos cannot change a result). The rule is passed as its module's
 * default export, never by id, so a typo cannot turn a test into a vacuous pass.
 */
import { describe, expect, it } from 'vitest';
import type { AuditOutput } from '../lib/audit';
import type { TextBlock } from '../lib/extract/blocks';
import type { ReportSnapshot } from '../lib/history/snapshot';
import { AuditResult, type Evidence, type Finding, type Locator, type Severity } from '../lib/model/schema';
import { RULES } from '../lib/rules/index';
import type { Rule } from '../lib/rules/types';
import { auditHtml, auditTxt } from './helpers';
import { NEWS_PAGE } from './rules/pages';

/** A text target: the exact locator plus the words that block.text.slice(start, end) must give. */
export interface TextTarget {
  type: 'text';
  block: number;
  start: number;
  end: number;
  excerpt: string;
  words: string;
}
export type ExpectedTarget = Exclude<Locator, { type: 'text' }> | TextTarget;

type TextMatch = string | RegExp;

export interface ExpectedFinding {
  /** The finding id without the rule id: `t2:new:total` for `t2-row-total:t2:new:total`. */
  key: string;
  severity: Severity;
  /** A string is the exact Chinese message; a RegExp must match it; an object checks zh and/or en. */
  message?: TextMatch | { zh?: TextMatch; en?: TextMatch };
  targets: ExpectedTarget[];
  /** The suggested fix (zh) when the finding overrides the rule's; leaving it out asserts the rule's fix. */
  fix?: string;
  /** The exact evidence; leaving it out asserts that the finding has none. */
  evidence?: Evidence;
}

interface CaseBase {
  name: string;
  /** A page (from tests/fixtures/report-html.ts or raw) … */
  html?: string;
  /** … or text extracted from Word / PDF (tests/fixtures/report-text.ts). */
  text?: string;
  url?: string | null;
  /** Today's date, YYYY-MM-DD (default 2026-11-22, as in tests/helpers.ts). */
  now?: string;
  /** Extra assertions on the audit (with all rules). */
  also?: (out: AuditOutput) => void;
  /** The same body's previous-year report (for the cross-year rules), as the store keeps it. */
  previous?: ReportSnapshot;
}

export interface ValidCase extends CaseBase {
  /** What coverage.rules must say for the rule: 'ran' unless stated (e.g. 'not-applicable' off reports). */
  status?: 'ran' | 'not-applicable';
}

export interface InvalidCase extends CaseBase {
  findings: ExpectedFinding[];
}

function run(c: CaseBase, rules?: readonly Rule[]): AuditOutput {
  const opts = {
    ...(c.now ? { now: c.now } : {}),
    ...(rules ? { rules } : {}),
    ...(c.previous ? { previous: c.previous } : {}),
  };
  if ((c.html === undefined) === (c.text === undefined))
    throw new Error(`case “${c.name}”: give html or text`);
  return c.text !== undefined ? auditTxt(c.text, opts) : auditHtml(c.html ?? '', opts, c.url ?? null);
}

/** Audits with the rule alone and with all rules; checks both agree and the output is well-formed. */
function audit(rule: Rule, c: CaseBase): { out: AuditOutput; mine: Finding[] } {
  const alone = run(c, [rule]);
  const all = run(c);
  const mine = all.findings.filter((f) => f.ruleId === rule.id);
  // alone, the audit holds exactly this rule's findings (a rule that failed would show up as 'failed')
  expect(alone.findings, 'the rule alone gives the same findings as within all rules').toEqual(mine);
  expect(alone.coverage.rules[rule.id]).toBe(all.coverage.rules[rule.id]);
  // the serialisable result is valid against the schema
  const parsed = AuditResult.safeParse({
    report: all.report,
    findings: all.findings,
    coverage: all.coverage,
  });
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues).slice(0, 500)).toBe(true);
  for (const f of mine) {
    expect(f.title).toEqual(rule.title);
    expect(f.basis).toEqual(rule.basis);
    expect(f.category).toBe(rule.category);
  }
  return { out: all, mine };
}

/** The rule's actual findings written as an `ExpectedFinding[]`, for failure messages. */
export function asExpected(rule: Rule, out: AuditOutput, fs: Finding[]): string {
  const list = fs.map((f) => ({
    key: f.id.slice(rule.id.length + 1),
    severity: f.severity,
    message: f.message.zh,
    targets: f.targets.map((t) => {
      if (t.type !== 'text') return t;
      const b = out.extracted.blocks[t.block];
      return { ...t, words: b?.kind === 'text' ? b.text.slice(t.start, t.end) : '?' };
    }),
    ...(f.evidence ? { evidence: f.evidence } : {}),
    ...(f.fix.zh !== rule.fix.zh ? { fix: f.fix.zh } : {}),
  }));
  return `actual findings:\n${JSON.stringify(list, null, 2)}`;
}

function matchText(actual: string, want: TextMatch, what: string): void {
  if (typeof want === 'string') expect(actual, what).toBe(want);
  else expect(actual, what).toMatch(want);
}

function checkTarget(out: AuditOutput, got: Locator | undefined, want: ExpectedTarget, where: string): void {
  if (want.type !== 'text') {
    expect(got, where).toEqual(want);
    if (want.type === 'cell') {
      // the cell can be found on the page (HTML) or in the text (Word/PDF), so the overlay can mark it
      const known = out.extracted.cellEls.has(want.key) || out.extracted.cellTokens.has(want.key);
      expect(known, `${where}: cell ${want.key} has an element or a text token`).toBe(true);
    }
    return;
  }
  const { words, ...loc } = want;
  expect(got, where).toEqual(loc);
  const block = out.extracted.blocks[want.block];
  expect(block?.kind, `${where}: block ${want.block} is a text block`).toBe('text');
  const text = (block as TextBlock).text;
  // the offsets cut exactly the quoted words out of the block, and the excerpt shows them in place
  expect(text.slice(want.start, want.end), `${where}: block text [start, end)`).toBe(words);
  const at = want.excerpt.indexOf(words);
  expect(at, `${where}: excerpt contains the words`).toBeGreaterThanOrEqual(0);
  expect(
    text.slice(want.start - at, want.start - at + want.excerpt.length),
    `${where}: excerpt is in place`,
  ).toBe(want.excerpt);
}

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    it('is a registered rule', () => {
      expect(RULES).toContain(rule);
      expect(cases.valid.length, 'at least one valid case').toBeGreaterThan(0);
      expect(cases.invalid.length, 'at least one invalid case').toBeGreaterThan(0);
    });
    // every rule, off reports: not applicable, or (rules for all pages) run and silent on a news article
    it(`valid (automatic): a news page is ${rule.allPages ? 'checked and passes' : 'not applicable'}`, () => {
      const { out, mine } = audit(rule, { name: 'news page', html: NEWS_PAGE });
      expect(out.report.isReport).toBe(false);
      expect(mine, asExpected(rule, out, mine)).toEqual([]);
      expect(out.coverage.rules[rule.id]).toBe(rule.allPages ? 'ran' : 'not-applicable');
    });
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const { out, mine } = audit(rule, c);
        expect(mine, asExpected(rule, out, mine)).toEqual([]);
        expect(out.coverage.rules[rule.id]).toBe(c.status ?? 'ran');
        c.also?.(out);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const { out, mine } = audit(rule, c);
        expect(out.coverage.rules[rule.id]).toBe('ran');
        expect(
          mine.map((f) => f.id),
          asExpected(rule, out, mine),
        ).toEqual(c.findings.map((f) => `${rule.id}:${f.key}`));
        c.findings.forEach((want, i) => {
          const f = mine[i] as Finding;
          const where = `${f.id}`;
          expect(f.severity, `${where}: severity`).toBe(want.severity);
          if (want.message !== undefined) {
            if (typeof want.message === 'string' || want.message instanceof RegExp)
              matchText(f.message.zh, want.message, `${where}: message`);
            else {
              if (want.message.zh !== undefined)
                matchText(f.message.zh, want.message.zh, `${where}: message.zh`);
              if (want.message.en !== undefined)
                matchText(f.message.en, want.message.en, `${where}: message.en`);
            }
          }
          expect(f.message.zh.length > 0 && f.message.en.length > 0, `${where}: zh and en message`).toBe(
            true,
          );
          expect(f.targets.length, `${where}: targets\n${JSON.stringify(f.targets)}`).toBe(
            want.targets.length,
          );
          want.targets.forEach((t, j) => {
            checkTarget(out, f.targets[j], t, `${where} target ${j}`);
          });
          expect(f.evidence, `${where}: evidence`).toEqual(want.evidence);
          if (want.fix === undefined) expect(f.fix, `${where}: the rule's fix`).toEqual(rule.fix);
          else expect(f.fix.zh, `${where}: fix`).toBe(want.fix);
        });
        c.also?.(out);
      });
    }
  });
}
