/**
 * audit: run every rule over an extracted report under a time budget. A rule that throws becomes an
 * extraction finding; a rule not reached in time is listed as skipped and the result says it is partial.
 * Never throws for bad input.
 */

import { parseYmd, type Ymd } from './detect/meta';
import { blocksFromDocument, blocksFromText, type SourceDoc } from './extract/blocks';
import { type Extracted, extract } from './extract/index';
import type { AuditResult, Coverage, Finding, TableKind } from './model/schema';
import { createContext } from './rules/context';
import { RULES } from './rules/index';
import type { Rule } from './rules/types';

export interface AuditOptions {
  /** Today's date for rules relative to today (YYYY-MM-DD); default: the real date. */
  now?: string;
  /** Time budget in ms for all rules (default 2000). */
  budgetMs?: number;
  /** Rules to run (default: all). */
  rules?: readonly Rule[];
}

export interface AuditOutput extends AuditResult {
  /** Not serialisable: the extraction with its element references, for the overlay. */
  extracted: Extracted;
}

function today(): Ymd {
  const d = new Date();
  return { y: d.getFullYear(), m: d.getMonth() + 1, d: d.getDate() };
}

const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

function coverageOf(ex: Extracted): Omit<Coverage, 'rules' | 'partial' | 'elapsedMs'> {
  const cells = { numeric: 0, blank: 0, na: 0, text: 0, missing: 0 };
  const tables = {} as Coverage['tables'];
  const readings: NonNullable<Coverage['readings']> = {};
  const sectionOf: Record<TableKind, number> = { t1: 2, t2: 3, t3: 4 };
  for (const kind of ['t1', 't2', 't3'] as const) {
    const t = ex.tables[kind];
    if (!t) {
      tables[kind] = ex.report.imageTables.includes(sectionOf[kind]) ? 'image' : 'missing';
      continue;
    }
    readings[kind] = t.reading ?? (ex.src.via === 'docx' ? 'docx' : t.source === 'html' ? 'html' : 'text');
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

export function auditExtracted(ex: Extracted, opts: AuditOptions = {}): AuditOutput {
  const started = clock();
  const now = (opts.now ? parseYmd(opts.now) : null) ?? today();
  const ctx = createContext(ex, now);
  const budget = opts.budgetMs ?? 2000;
  const findings: Finding[] = [];
  const status: Coverage['rules'] = {};
  let partial = false;
  const seen = new Set<string>();
  for (const rule of opts.rules ?? RULES) {
    if (!ex.report.isReport && !rule.allPages) {
      status[rule.id] = 'not-applicable';
      continue;
    }
    if (clock() - started > budget) {
      status[rule.id] = 'skipped-time';
      partial = true;
      continue;
    }
    try {
      const found = rule.check(ctx);
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
        for (let n = 2; seen.has(id); n++) id = `${rule.id}:${key}#${n}`;
        seen.add(id);
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
      status[rule.id] = 'failed';
      const msg = err instanceof Error ? err.message : String(err);
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
  }
  if (partial) {
    findings.push({
      id: 'audit:partial',
      ruleId: 'audit-partial',
      category: 'extraction',
      severity: 'info',
      title: { zh: '审核未全部完成', en: 'Audit incomplete' },
      message: {
        zh: `超出时间预算（${budget} 毫秒），部分检查未运行，结果不完整。`,
        en: `The time budget (${budget} ms) ran out; some checks did not run and the result is partial.`,
      },
      basis: { zh: '—', en: '—' },
      fix: {
        zh: '重新审核本页，或用命令行审核保存的页面。',
        en: 'Audit the page again, or audit a saved copy from the command line.',
      },
      targets: [{ type: 'page' }],
    });
  }
  const order = { error: 0, warning: 1, info: 2 };
  findings.sort((a, b) => order[a.severity] - order[b.severity]);
  const coverage: Coverage = {
    ...coverageOf(ex),
    rules: status,
    partial,
    elapsedMs: Math.round((clock() - started) * 100) / 100,
  };
  return { report: ex.report, findings, coverage, extracted: ex };
}

/** Audit a source (blocks already built). */
export function auditSource(src: SourceDoc, opts: AuditOptions = {}): AuditOutput {
  return auditExtracted(extract(src), opts);
}

/** When the page itself cannot be read: an empty, non-report result that says why. */
function unreadable(err: unknown, kind: SourceDoc['kind'], opts: AuditOptions): AuditOutput {
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
    return auditSource(blocksFromDocument(doc, url), opts);
  } catch (err) {
    return unreadable(err, 'html', opts);
  }
}

/** Audit plain text extracted from Word or PDF. Never throws. */
export function auditText(text: string, opts: AuditOptions = {}): AuditOutput {
  try {
    return auditSource(blocksFromText(text), opts);
  } catch (err) {
    return unreadable(err, 'text', opts);
  }
}

/** The serialisable part (for JSON, messaging). */
export function toResult(out: AuditOutput): AuditResult {
  return { report: out.report, findings: out.findings, coverage: out.coverage };
}
