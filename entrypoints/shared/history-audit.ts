/**
 * The engine's audit with the store of audited reports, which the background owns: read and extract the
 * page under the audit's one time budget, ask for the same body's previous-year report, run every rule
 * (the cross-year ones when there is a previous year) under what is left of the budget, and say what to
 * keep. Kept apart from the content script so tests drive it with a parsed document and the background over
 * fakeBrowser. Never throws for bad input; a background that does not answer only means no previous year.
 */
import type { AuditOptions, AuditOutput } from '@/lib/audit';
import { blocksFromDocument } from '@/lib/extract/blocks';
import type { Extracted } from '@/lib/extract/index';
import type { ReportSnapshot } from '@/lib/history/snapshot';
import { auditAcrossYears, boundedLookup } from '@/lib/history/with-store';

export { snapshotToKeep } from '@/lib/history/with-store';

/** The engine's question to the background (history-previous), for this frame's URL. */
export type PreviousOf = (year: number, agencyKey: string | null) => Promise<ReportSnapshot | null>;

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
    boundedLookup(ask),
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
