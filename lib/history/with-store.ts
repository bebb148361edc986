/**
 * Audit across years, one flow for every shell: read and extract under the audit's time budget, look up the
 * same body's previous-year report, run every rule (the cross-year ones included), and say what to keep.
 * Where the previous year comes from is the caller's: a store (the command line, a column crawl) or the
 * background asked over messages (the extension's engine). Never throws for bad input: a lookup that fails
 * only means no previous year.
 */
import {
  type AuditOptions,
  type AuditOutput,
  auditExtracted,
  auditExtractedAwaiting,
  DEFAULT_BUDGET_MS,
  unreadable,
} from '../audit';
import { type Budget, startBudget } from '../budget';
import type { SourceDoc } from '../extract/blocks';
import { type Extracted, extract } from '../extract/index';
import { snapshotOf } from './from-audit';
import { agencyKey, type ReportSnapshot } from './snapshot';
import { findPrevious, type SnapshotStore } from './store';

/** The same body's previous-year report for an extracted report, or null. */
export type PreviousLookup = (ex: Extracted, budget: Budget) => Promise<ReportSnapshot | null>;

/** Extract, find the previous year, run the rules. */
export async function auditAcrossYears(
  read: (budget: Budget) => SourceDoc,
  lookup: PreviousLookup | null,
  opts: Omit<AuditOptions, 'previous'> = {},
  kind: SourceDoc['kind'] = 'html',
  /** Work between extraction and the rules (the CLI reads tables given as pictures with OCR here). */
  beforeRules?: (ex: Extracted) => Promise<void>,
): Promise<AuditOutput> {
  let time: Budget = startBudget(opts.budgetMs ?? DEFAULT_BUDGET_MS);
  let ex: Extracted;
  try {
    ex = extract(read(time), time);
  } catch (err) {
    return unreadable(err, kind, opts);
  }
  if (beforeRules && !ex.stopped) {
    try {
      await beforeRules(ex);
    } catch {
      // the extra reading failed: the rules run on what extraction gave
    }
    // what beforeRules took (OCR: seconds) is not the rules' time
    time = startBudget(opts.budgetMs ?? DEFAULT_BUDGET_MS);
  }
  if (!lookup || !ex.report.isReport || ex.report.reportYear === null || time.expired())
    return auditExtracted(ex, { ...opts, previous: null }, time);
  // asked now; the rules that do not compare years run while the answer is on its way (an unreadable
  // store or a silent background: audit without the previous year)
  let previous: Promise<ReportSnapshot | null>;
  try {
    previous = lookup(ex, time).catch(() => null);
  } catch {
    previous = Promise.resolve(null);
  }
  return auditExtractedAwaiting(ex, opts, time, previous);
}

/** What the store should keep of an audit: only a whole report (not partial, not a look-alike). */
export function snapshotToKeep(out: AuditOutput, url: string): ReportSnapshot | null {
  if (!out.report.isReport || out.coverage.partial) return null;
  try {
    return snapshotOf(out, url);
  } catch {
    return null;
  }
}

/** Audit with a store at hand: the previous year from it, this report's snapshot into it. */
export async function auditWithStore(
  read: (budget: Budget) => SourceDoc,
  url: string,
  store: SnapshotStore | null,
  opts: AuditOptions = {},
  kind: SourceDoc['kind'] = 'html',
  beforeRules?: (ex: Extracted) => Promise<void>,
): Promise<AuditOutput> {
  const lookup: PreviousLookup | null = store
    ? (ex) => findPrevious(store, { url, year: ex.report.reportYear, agencyKey: agencyKey(ex.report.agency) })
    : null;
  const out = await auditAcrossYears(read, lookup, opts, kind, beforeRules);
  const snapshot = store ? snapshotToKeep(out, url) : null;
  if (store && snapshot) {
    try {
      await store.put(snapshot);
    } catch {
      // nothing kept; the audit itself stands
    }
  }
  return out;
}
