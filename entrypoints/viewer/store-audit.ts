/**
 * The viewer's audit of a file with the store of audited reports, as pages get it: the same body's
 * previous-year report from the background's store (the column view's store messages, through
 * RemoteSnapshotStore) for the cross-year rules, and the file's own snapshot kept for next year's report
 * when the caller says so and the store holds no other report of the body for that year. A store that does
 * not answer (within PREVIOUS_WAIT_MS) only means no previous year, and the rules keep their time budget;
 * never throws for bad input (lib/history/with-store.ts).
 */
import type { AuditOutput } from '@/lib/audit';
import type { SourceDoc } from '@/lib/extract/blocks';
import type { ReportSnapshot } from '@/lib/history/snapshot';
import { findPrevious, type SnapshotStore } from '@/lib/history/store';
import {
  auditAcrossYears,
  boundedLookup,
  PREVIOUS_WAIT_MS,
  snapshotToKeep,
  within,
} from '@/lib/history/with-store';

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
    store ? boundedLookup((year, key) => findPrevious(store, { url, year, agencyKey: key })) : null,
    o.now ? { now: o.now } : {},
    src.kind,
  );
  const snapshot = store && o.keep(out) ? snapshotToKeep(out, url) : null;
  if (store && snapshot && !(await storedElsewhere(store, snapshot)))
    await store.put(snapshot).catch(() => undefined);
  return out;
}

/**
 * The same body's report of the same year is already kept under another address (its page, or another copy
 * of the file): a second one would leave next year's look-up two candidates, hence none.
 */
async function storedElsewhere(store: SnapshotStore, s: ReportSnapshot): Promise<boolean> {
  if (s.agencyKey === null || s.year === null) return false;
  const key = s.agencyKey;
  const same = await within(
    store.byAgency(key).then((all) => all.some((x) => x.year === s.year && x.url !== s.url)),
    PREVIOUS_WAIT_MS,
    true,
  );
  return same;
}
