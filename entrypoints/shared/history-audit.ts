/**
 * The engine's audit with the store of audited reports, which the background owns: read and extract the
 * page under the audit's one time budget, ask for the same body's previous-year report, run every rule
 * (the cross-year ones when there is a previous year) under what is left of the budget, and say what to
 * keep. Kept apart from the content script so tests drive it with a parsed document and the background over
 * fakeBrowser. Never throws for bad input; a background that does not answer only means no previous year.
 */
import type { AuditOptions, AuditOutput } from '@/lib/audit';
import type { Budget } from '@/lib/budget';
import { blocksFromDocument } from '@/lib/extract/blocks';
import type { Extracted } from '@/lib/extract/index';
import { agencyKey, type ReportSnapshot } from '@/lib/history/snapshot';
import { auditAcrossYears } from '@/lib/history/with-store';

export { snapshotToKeep } from '@/lib/history/with-store';

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

/** Ask the background, waiting no longer than the budget (and PREVIOUS_WAIT_MS) allows. */
function askWithin(ask: PreviousOf) {
  return async (ex: Extracted, time: Budget): Promise<ReportSnapshot | null> => {
    const year = ex.report.reportYear;
    if (year === null) return null;
    const left = Number.isFinite(time.ms) ? time.ms - time.elapsed() : PREVIOUS_WAIT_MS;
    return within(ask(year, agencyKey(ex.report.agency)), Math.min(PREVIOUS_WAIT_MS, left), null);
  };
}

/** Audit the document with the previous year the background finds for it. */
export function auditWithHistory(
  doc: Document,
  url: string,
  ask: PreviousOf,
  opts: Omit<AuditOptions, 'previous'> = {},
  /** Work between extraction and the rules (the tables read from pictures join here). */
  beforeRules?: (ex: Extracted) => Promise<void>,
): Promise<AuditOutput> {
  return auditAcrossYears(
    (time) => blocksFromDocument(doc, url, time),
    askWithin(ask),
    opts,
    'html',
    beforeRules,
  );
}

/** The snapshot without its time of audit: two audits of an unchanged page give the same key. */
export function snapshotKey(s: ReportSnapshot): string {
  const { auditedAt: _, ...rest } = s;
  return JSON.stringify(rest);
}
