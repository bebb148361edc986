/**
 * Audit with the store: read and extract under the audit's time budget, look up the same body's
 * previous-year report, run every rule (the cross-year ones included), and keep this report's snapshot for
 * the years after. Never throws for bad input (a store that fails is passed over: the audit goes on alone).
 */
import { type AuditOptions, type AuditOutput, auditExtracted, DEFAULT_BUDGET_MS, unreadable } from '../audit';
import { type Budget, startBudget } from '../budget';
import type { SourceDoc } from '../extract/blocks';
import { type Extracted, extract } from '../extract/index';
import { snapshotOf } from './from-audit';
import { agencyKey, type ReportSnapshot } from './snapshot';
import { findPrevious, type SnapshotStore } from './store';

export async function auditWithStore(
  read: (budget: Budget) => SourceDoc,
  url: string,
  store: SnapshotStore | null,
  opts: AuditOptions = {},
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
  let previous: ReportSnapshot | null = null;
  if (store && ex.report.isReport) {
    try {
      previous = await findPrevious(store, {
        url,
        year: ex.report.reportYear,
        agencyKey: agencyKey(ex.report.agency),
      });
    } catch {
      // an unreadable store: audit without the previous year
    }
  }
  const out = auditExtracted(ex, { ...opts, previous }, time);
  if (store && out.report.isReport && !out.coverage.partial) {
    try {
      await store.put(snapshotOf(out, url));
    } catch {
      // nothing kept; the audit itself stands
    }
  }
  return out;
}
