/**
 * The engine's audit with the store of audited reports, which the background owns: read and extract the
 * page under the audit's one time budget, ask for the same body's previous-year report, run every rule
 * (the cross-year ones when there is a previous year) under what is left of the budget, and say what to
 * keep. Kept apart from the content script so tests drive it with a parsed document and the background over
 * fakeBrowser. Never throws for bad input; a background that does not answer only means no previous year.
 */
import {
  type AuditOptions,
  type AuditOutput,
  auditExtracted,
  DEFAULT_BUDGET_MS,
  unreadable,
} from '@/lib/audit';
import { type Budget, startBudget } from '@/lib/budget';
import { blocksFromDocument } from '@/lib/extract/blocks';
import { type Extracted, extract } from '@/lib/extract/index';
import { snapshotOf } from '@/lib/history/from-audit';
import { agencyKey, type ReportSnapshot } from '@/lib/history/snapshot';

/** The engine's question to the background (history-previous), for this frame's URL. */
export type PreviousOf = (year: number, agencyKey: string | null) => Promise<ReportSnapshot | null>;

/** Longest wait for the background's answer, whatever is left of the budget. */
export const PREVIOUS_WAIT_MS = 500;

function within<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), Math.max(0, ms));
  });
  return Promise.race([p.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

async function previousFor(ex: Extracted, time: Budget, ask: PreviousOf): Promise<ReportSnapshot | null> {
  const year = ex.report.reportYear;
  if (!ex.report.isReport || year === null || time.expired()) return null;
  const left = Number.isFinite(time.ms) ? time.ms - time.elapsed() : PREVIOUS_WAIT_MS;
  let asked: Promise<ReportSnapshot | null>;
  try {
    asked = ask(year, agencyKey(ex.report.agency));
  } catch {
    return null;
  }
  return within(asked, Math.min(PREVIOUS_WAIT_MS, left), null);
}

/** Audit the document with the previous year the background finds for it. */
export async function auditWithHistory(
  doc: Document,
  url: string,
  ask: PreviousOf,
  opts: Omit<AuditOptions, 'previous'> = {},
): Promise<AuditOutput> {
  const time = startBudget(opts.budgetMs ?? DEFAULT_BUDGET_MS);
  let ex: Extracted;
  try {
    ex = extract(blocksFromDocument(doc, url, time), time);
  } catch (err) {
    return unreadable(err, 'html', opts);
  }
  const previous = await previousFor(ex, time, ask);
  return auditExtracted(ex, { ...opts, previous }, time);
}

/** What the store should keep of this audit: only a whole report (not partial, not a look-alike). */
export function snapshotToKeep(out: AuditOutput, url: string): ReportSnapshot | null {
  if (!out.report.isReport || out.coverage.partial) return null;
  try {
    return snapshotOf(out, url);
  } catch {
    return null;
  }
}

/** The snapshot without its time of audit: two audits of an unchanged page give the same key. */
export function snapshotKey(s: ReportSnapshot): string {
  const { auditedAt: _, ...rest } = s;
  return JSON.stringify(rest);
}
