/**
 * The viewer's audit of a file with the store of audited reports, as pages get it: the same body's
 * previous-year report from the background's store (the column view's store messages, through
 * RemoteSnapshotStore) for the cross-year rules, and the file's own snapshot kept for next year's report
 * when the caller says so. A store that does not answer only means no previous year; never throws for bad
 * input (lib/history/with-store.ts).
 */
import type { AuditOutput } from '@/lib/audit';
import type { SourceDoc } from '@/lib/extract/blocks';
import { agencyKey } from '@/lib/history/snapshot';
import { findPrevious, type SnapshotStore } from '@/lib/history/store';
import { auditAcrossYears, snapshotToKeep } from '@/lib/history/with-store';

export interface FileAuditOptions {
  store: SnapshotStore | null;
  /** Whether this audit's snapshot goes into the store (a whole report only, see snapshotToKeep). */
  keep: (out: AuditOutput) => boolean;
  now?: string;
}

export async function auditFile(src: SourceDoc, url: string, o: FileAuditOptions): Promise<AuditOutput> {
  const store = o.store;
  const out = await auditAcrossYears(
    () => src,
    store
      ? (ex) =>
          findPrevious(store, { url, year: ex.report.reportYear, agencyKey: agencyKey(ex.report.agency) })
      : null,
    o.now ? { now: o.now } : {},
    src.kind,
  );
  const snapshot = store && o.keep(out) ? snapshotToKeep(out, url) : null;
  if (store && snapshot) await store.put(snapshot).catch(() => undefined);
  return out;
}
