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

/** What the previous-year look-up needs of a report: its year and the body that published it. */
export interface ReportIdentity {
  year: number;
  agency: string | null;
}

/** The same body's previous-year report, or null. */
export type PreviousLookup = (id: ReportIdentity, budget: Budget) => Promise<ReportSnapshot | null>;

/** Longest wait for an answer that comes from elsewhere (the background, a store), whatever the budget leaves. */
export const PREVIOUS_WAIT_MS = 500;

/** The promise's value, or `fallback` when it fails or has not settled within `ms`. */
export function within<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), Math.max(0, ms));
  });
  return Promise.race([p.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

/** A look-up by year and body key that waits no longer than PREVIOUS_WAIT_MS and what is left of the budget. */
export function boundedLookup(
  find: (year: number, agencyKey: string | null) => Promise<ReportSnapshot | null>,
): PreviousLookup {
  return (id, time) => {
    const left = Number.isFinite(time.ms) ? time.ms - time.elapsed() : PREVIOUS_WAIT_MS;
    return within(find(id.year, agencyKey(id.agency)), Math.min(PREVIOUS_WAIT_MS, left), null);
  };
}

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
  const id: ReportIdentity = { year: ex.report.reportYear, agency: ex.report.agency };
  let previous: Promise<ReportSnapshot | null>;
  try {
    previous = lookup(id, time).catch(() => null);
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
    ? (id) => findPrevious(store, { url, year: id.year, agencyKey: agencyKey(id.agency) })
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
