/**
 * Audit with the store: extract, look up the same body's previous-year report, run every rule (the
 * cross-year ones included), and keep this report's snapshot for the years after.
 */
import { type AuditOptions, type AuditOutput, auditExtracted } from '../audit';
import type { SourceDoc } from '../extract/blocks';
import { extract } from '../extract/index';
import { snapshotOf } from './from-audit';
import { agencyKey } from './snapshot';
import { findPrevious, type SnapshotStore } from './store';

export async function auditWithStore(
  src: SourceDoc,
  url: string,
  store: SnapshotStore | null,
  opts: AuditOptions = {},
): Promise<AuditOutput> {
  const ex = extract(src);
  const previous =
    store && ex.report.isReport
      ? await findPrevious(store, { url, year: ex.report.reportYear, agencyKey: agencyKey(ex.report.agency) })
      : null;
  const out = auditExtracted(ex, { ...opts, previous });
  if (store && out.report.isReport) await store.put(snapshotOf(out, url));
  return out;
}
