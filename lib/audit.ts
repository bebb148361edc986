/**
 * audit: read the page, extract the report and run every rule under one time budget. The deadline is
 * checked inside the long loops (DOM walk, table grids, the text blocks rules walk); past it, what was not
 * done is listed in the coverage (stage, rules skipped) and the result says it is partial. A rule that
 * throws, or that returns a figure no number can hold, becomes an info finding. Never throws for bad input.
 */

import { type Budget, OutOfTime, startBudget } from './budget';
import { parseYmd, type Ymd } from './detect/meta';
import { blocksFromDocument, blocksFromText, type SourceDoc } from './extract/blocks';
import { type Extracted, extract } from './extract/index';
import { TABLES } from './format/tables';
import type { ReportSnapshot } from './history/snapshot';
import type { AuditResult, Coverage, Finding } from './model/schema';
import { createContext, type RuleContext } from './rules/context';
import { RULES } from './rules/index';
import type { Rule, RuleFinding } from './rules/types';
import { plainNumber } from './text/normalize';

export interface AuditOptions {
  /** Today's date for rules relative to today (YYYY-MM-DD); default: the real date. */
  now?: string;
  /** Time budget in ms for reading the page, extraction and all rules (default 2000). */
  budgetMs?: number;
  /** Rules to run (default: all). */
  rules?: readonly Rule[];
  /** The same body's previous-year report, for the cross-year rules. */
  previous?: ReportSnapshot | null;
}

export interface AuditOutput extends AuditResult {
  /** Not serialisable: the extraction with its element references, for the overlay. */
  extracted: Extracted;
}

function today(): Ymd {
  const d = new Date();
  return { y: d.getFullYear(), m: d.getMonth() + 1, d: d.getDate() };
}

export const DEFAULT_BUDGET_MS = 2000;

/** A figure evidence may hold: a safe integer or a finite decimal (never Infinity, NaN or a huge integer). */
const isFigure = (n: number | undefined): boolean =>
  n === undefined || Number.isSafeInteger(n) || (Number.isFinite(n) && !Number.isInteger(n));

/** Why a rule's finding cannot be shown as it is, or null when it can. */
function badFinding(f: RuleFinding): string | null {
  const e = f.evidence;
  if (e && !(isFigure(e.expected) && isFigure(e.found) && isFigure(e.difference)))
    return `a figure in its evidence cannot be stated exactly (${[e.expected, e.found, e.difference].map((n) => (n === undefined ? '—' : plainNumber(n, 20))).join(', ')})`;
  return null;
}

function coverageOf(ex: Extracted): Pick<Coverage, 'tables' | 'sectionsFound' | 'cells' | 'readings'> {
  const cells = { numeric: 0, blank: 0, na: 0, text: 0, missing: 0 };
  const tables = {} as Coverage['tables'];
  const readings: NonNullable<Coverage['readings']> = {};
  for (const kind of ['t1', 't2', 't3'] as const) {
    if (ex.stopped) {
      tables[kind] = 'not-applicable'; // not judged: the page was not read, or its tables not built
      continue;
    }
    const t = ex.tables[kind];
    if (!t) {
      tables[kind] = ex.report.imageTables.includes(TABLES[kind].section) ? 'image' : 'missing';
      continue;
    }
    readings[kind] = t.reading ?? (ex.via === 'docx' ? 'docx' : t.source === 'html' ? 'html' : 'text');
    let numeric = 0;
    let all = 0;
    for (const row of t.rows)
      for (const c of row.cells) {
        all++;
        if (c.kind === 'number') {
          cells.numeric++;
          numeric++;
        } else cells[c.kind]++;
      }
    const lost = t.rows.some((r) => r.lostCells);
    tables[kind] =
      all === 0 || (numeric === 0 && !lost) ? 'blank' : lost || numeric < all ? 'partial' : 'read';
  }
  return {
    tables,
    sectionsFound: [...new Set(ex.sections.map((s) => s.canonical).filter((n) => n > 0))].sort(),
    cells,
    readings,
  };
}

export function auditExtracted(ex: Extracted, opts: AuditOptions = {}, budget?: Budget): AuditOutput {
  const time = budget ?? startBudget(opts.budgetMs ?? DEFAULT_BUDGET_MS);
  const run = new RuleRun(ex, opts, time, opts.previous ?? null);
  for (const rule of opts.rules ?? RULES) run.run(rule);
  return run.output();
}

/** Thrown by a rule context's `previous` while the previous year is still being looked up. */
class AwaitingPrevious extends Error {}

/**
 * auditExtracted while the previous year is still being looked up (the engine asks the background): every
 * rule that does not read `previous` runs while the answer is on its way; those that read it run once it
 * is in. The result is the same as auditExtracted's with that previous year, except under time pressure:
 * the rules that waited run last, so when the budget runs out they are the ones skipped.
 */
export async function auditExtractedAwaiting(
  ex: Extracted,
  opts: Omit<AuditOptions, 'previous'>,
  time: Budget,
  previous: Promise<ReportSnapshot | null>,
): Promise<AuditOutput> {
  const run = new RuleRun(ex, opts, time, null, true);
  const later = (opts.rules ?? RULES).filter((rule) => !run.run(rule));
  if (later.length === 0) return run.output(); // no rule asked (no report, out of time): no wait
  run.answer(await previous.catch(() => null));
  for (const rule of later) run.run(rule);
  return run.output();
}

/** One audit's rules: findings and statuses collected rule by rule, in the registry's order at the end. */
class RuleRun {
  private readonly ctx: RuleContext;
  private readonly found: { rank: number; findings: Finding[] }[] = [];
  private readonly status: Coverage['rules'] = {};
  private readonly seen = new Set<string>();
  private readonly rank = new Map<string, number>();
  private partial: boolean;
  private waiting: boolean;
  private previous: ReportSnapshot | null;

  constructor(
    private readonly ex: Extracted,
    opts: AuditOptions,
    private readonly time: Budget,
    previous: ReportSnapshot | null,
    waiting = false,
  ) {
    const now = (opts.now ? parseYmd(opts.now) : null) ?? today();
    this.previous = previous;
    this.waiting = waiting;
    this.partial = !!ex.stopped;
    const ctx = createContext(ex, now, time, previous);
    const self = this;
    Object.defineProperty(ctx, 'previous', {
      get() {
        if (self.waiting) throw new AwaitingPrevious();
        return self.previous;
      },
    });
    this.ctx = ctx;
    for (const [i, r] of (opts.rules ?? RULES).entries()) this.rank.set(r.id, i);
  }

  answer(previous: ReportSnapshot | null): void {
    this.previous = previous;
    this.waiting = false;
  }

  /** Run one rule; false when it needs the previous year, which is not in yet (nothing recorded then). */
  run(rule: Rule): boolean {
    const { ex, ctx, time, status } = this;
    if (ex.stopped) {
      status[rule.id] = 'skipped-time';
      return true;
    }
    if (!ex.report.isReport && !rule.allPages) {
      status[rule.id] = 'not-applicable';
      return true;
    }
    if (time.expired()) {
      status[rule.id] = 'skipped-time';
      this.partial = true;
      return true;
    }
    const findings: Finding[] = [];
    try {
      if (rule.applies && !rule.applies(ctx)) {
        status[rule.id] = 'not-applicable';
        return true;
      }
      const found = rule.check(ctx);
      const bad = found.map(badFinding).find((b) => b !== null);
      if (bad) throw new Error(bad);
      status[rule.id] = 'ran';
      found.forEach((f, i) => {
        const t = f.targets[0];
        const key =
          f.key ??
          (t
            ? t.type === 'cell'
              ? t.key
              : t.type === 'text'
                ? `b${t.block}:${t.start}`
                : t.type
            : String(i));
        let id = `${rule.id}:${key}`;
        for (let n = 2; this.seen.has(id); n++) id = `${rule.id}:${key}#${n}`;
        this.seen.add(id);
        findings.push({
          id,
          ruleId: rule.id,
          category: rule.category,
          severity: f.severity ?? rule.severity,
          title: rule.title,
          message: f.message,
          basis: rule.basis,
          fix: f.fix ?? rule.fix,
          targets: f.targets,
          ...(f.evidence ? { evidence: f.evidence } : {}),
        });
      });
    } catch (err) {
      if (err instanceof AwaitingPrevious) return false;
      if (err instanceof OutOfTime) {
        // stopped inside its walk over the page: its findings so far are dropped, never half-shown
        status[rule.id] = 'skipped-time';
        this.partial = true;
        return true;
      }
      status[rule.id] = 'failed';
      const msg = err instanceof Error ? err.message : String(err);
      findings.length = 0;
      findings.push({
        id: `${rule.id}:failed`,
        ruleId: rule.id,
        category: 'extraction',
        severity: 'info',
        title: rule.title,
        message: {
          zh: `该项检查未能完成（内部错误：${msg}），结果需人工复核。`,
          en: `This check could not complete (internal error: ${msg}); review by hand.`,
        },
        basis: rule.basis,
        fix: { zh: '请人工核对此项。', en: 'Check this item by hand.' },
        targets: [{ type: 'page' }],
      });
    }
    this.found.push({ rank: this.rank.get(rule.id) ?? this.rank.size, findings });
    return true;
  }

  output(): AuditOutput {
    const { ex, time, status, partial } = this;
    const findings = this.found.sort((a, b) => a.rank - b.rank).flatMap((f) => f.findings);
    const stopped: Coverage['stopped'] = partial
      ? {
          reason: ex.stopped?.reason ?? 'time',
          stage: ex.stopped?.stage ?? 'rules',
          budgetMs: Number.isFinite(time.ms) ? time.ms : null,
          blocksRead: ex.blocks.length,
        }
      : undefined;
    if (stopped) findings.push(partialFinding(stopped, status));
    const order = { error: 0, warning: 1, info: 2 };
    findings.sort((a, b) => order[a.severity] - order[b.severity]);
    const coverage: Coverage = {
      ...coverageOf(ex),
      rules: status,
      partial,
      ...(stopped ? { stopped } : {}),
      elapsedMs: Math.round(time.elapsed() * 100) / 100,
    };
    return { report: ex.report, findings, coverage, extracted: ex };
  }
}

/** The finding that says the audit is partial, and what was left out. */
function partialFinding(stopped: NonNullable<Coverage['stopped']>, status: Coverage['rules']): Finding {
  const skipped = Object.values(status).filter((s) => s === 'skipped-time').length;
  const ms = stopped.budgetMs;
  const what =
    stopped.stage === 'read'
      ? {
          zh: `页面未读完（只读取了前 ${stopped.blocksRead} 个段落、表格或图片），全部 ${skipped} 项检查均未运行`,
          en: `the page was not read to its end (only its first ${stopped.blocksRead} paragraphs, tables or images); none of the ${skipped} checks ran`,
        }
      : stopped.stage === 'extract'
        ? {
            zh: `页面已读取，但表格和章节未能全部识别，全部 ${skipped} 项检查均未运行`,
            en: `the page was read but its tables and sections were not all recognised; none of the ${skipped} checks ran`,
          }
        : {
            zh: `${skipped} 项检查未运行（见检查范围中标为“超时跳过”的项）`,
            en: `${skipped} checks did not run (marked skipped-time in the coverage)`,
          };
  const size = stopped.reason === 'size';
  return {
    id: 'audit:partial',
    ruleId: 'audit-partial',
    category: 'extraction',
    severity: 'info',
    title: { zh: '审核未全部完成', en: 'Audit incomplete' },
    message: size
      ? {
          zh: `页面过长：${what.zh}，结果不完整。`,
          en: `The page is too long: ${what.en}; the result is partial.`,
        }
      : {
          zh: `超出时间预算${ms === null ? '' : `（${ms} 毫秒）`}：${what.zh}，结果不完整。`,
          en: `The time budget${ms === null ? '' : ` (${ms} ms)`} ran out: ${what.en}; the result is partial.`,
        },
    basis: { zh: '—', en: '—' },
    fix: size
      ? {
          zh: '请人工核对，或分段保存页面后用命令行审核。',
          en: 'Check it by hand, or save the page in parts and audit them from the command line.',
        }
      : {
          zh: '重新审核本页，或用命令行审核保存的页面。',
          en: 'Audit the page again, or audit a saved copy from the command line.',
        },
    targets: [{ type: 'page' }],
  };
}

/** Audit a source (blocks already built): the budget covers extraction and rules. */
export function auditSource(src: SourceDoc, opts: AuditOptions = {}, budget?: Budget): AuditOutput {
  const time = budget ?? startBudget(opts.budgetMs ?? DEFAULT_BUDGET_MS);
  return auditExtracted(extract(src, time), opts, time);
}

/** When the page itself cannot be read: an empty, non-report result that says why. */
export function unreadable(err: unknown, kind: SourceDoc['kind'], opts: AuditOptions): AuditOutput {
  const empty: SourceDoc = { kind, blocks: [], docTitle: null, meta: {}, url: null, doc: null };
  const out = auditExtracted(extract(empty), opts);
  const msg = err instanceof Error ? err.message : String(err);
  out.report.reason = `the page could not be read: ${msg}`;
  out.findings.push({
    id: 'audit:unreadable',
    ruleId: 'audit-unreadable',
    category: 'extraction',
    severity: 'info',
    title: { zh: '页面无法读取', en: 'Page could not be read' },
    message: {
      zh: `读取页面时出错（${msg}），未能审核。`,
      en: `Reading the page failed (${msg}); nothing was audited.`,
    },
    basis: { zh: '—', en: '—' },
    fix: {
      zh: '保存页面后用命令行审核，或人工核对。',
      en: 'Save the page and audit it from the command line, or check it by hand.',
    },
    targets: [{ type: 'page' }],
  });
  return out;
}

/** Audit a live or parsed document (content script, CLI via a DOM parser). Never throws. */
export function auditDocument(
  doc: Document,
  url: string | null = null,
  opts: AuditOptions = {},
): AuditOutput {
  try {
    const time = startBudget(opts.budgetMs ?? DEFAULT_BUDGET_MS);
    return auditSource(blocksFromDocument(doc, url, time), opts, time);
  } catch (err) {
    return unreadable(err, 'html', opts);
  }
}

/** Audit plain text extracted from Word or PDF. Never throws. */
export function auditText(text: string, opts: AuditOptions = {}): AuditOutput {
  try {
    const time = startBudget(opts.budgetMs ?? DEFAULT_BUDGET_MS);
    return auditSource(blocksFromText(text, time), opts, time);
  } catch (err) {
    return unreadable(err, 'text', opts);
  }
}

/** The serialisable part (for JSON, messaging). */
export function toResult(out: AuditOutput): AuditResult {
  return { report: out.report, findings: out.findings, coverage: out.coverage };
}
