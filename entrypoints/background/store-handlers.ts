/**
 * The background's answers about the store of audited reports (lib/history): the engine's previous-year
 * look-up and keep, the options page's list and clear, and the column view's and viewer's SnapshotStore over
 * messages. The background is the store's only writer: every kept report gets its time and its body's key
 * here, whoever sent it.
 */
import { agencyKey, type ReportSnapshot } from '@/lib/history/snapshot';
import { findPrevious, type SnapshotStore } from '@/lib/history/store';
import type { BackgroundDirection, Handlers } from '@/lib/messages';

type StoreMessages =
  | 'history-previous'
  | 'history-keep'
  | 'store-list'
  | 'store-clear'
  | 'store-get'
  | 'store-put'
  | 'store-by-agency'
  | 'store-snapshots'
  | 'store-remove';

/** A page of the web (not a file, data: or extension page): the only URLs the store keeps. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** A snapshot without the audit kept beside it (a column run keeps it there to resume). */
function withoutEntry(s: ReportSnapshot): ReportSnapshot {
  const { entry: _entry, ...rest } = s;
  return rest;
}

export function storeHandlers(
  snapshots: SnapshotStore,
  now: () => Date,
  changed: () => void,
): Pick<Handlers<BackgroundDirection>, StoreMessages> {
  /** Keep a report: the time is the background's, the body's key is derived again from its name. */
  const keep = async (s: ReportSnapshot): Promise<null> => {
    await snapshots.put({ ...s, auditedAt: now().toISOString(), agencyKey: agencyKey(s.agency) });
    changed();
    return null;
  };
  return {
    'history-previous': async (req, from) => {
      if (from.origin !== 'content' || !isWebUrl(from.url)) return null;
      try {
        return await findPrevious(snapshots, { url: from.url, year: req.year, agencyKey: req.agencyKey });
      } catch {
        return null; // an unreadable store: the audit goes on without the previous year
      }
    },
    // a content script keeps only its own page: the URL is the sender's
    'history-keep': (req, from) =>
      from.origin !== 'content' || !isWebUrl(from.url) ? null : keep({ ...req.snapshot, url: from.url }),
    'store-list': async () =>
      (await snapshots.list()).map((s) => ({
        url: s.url,
        title: s.title,
        agency: s.agency,
        year: s.year,
        publishedAt: s.publishedAt,
        auditedAt: s.auditedAt,
        counts: s.counts,
      })),
    'store-clear': async () => {
      await snapshots.clear();
      changed();
      return null;
    },
    'store-get': (req) => snapshots.get(req.url),
    'store-put': (req) => (isWebUrl(req.snapshot.url) ? keep(req.snapshot) : null),
    // the previous-year look-up needs no kept audit (`entry`): leave it out of these answers
    'store-by-agency': async (req) => (await snapshots.byAgency(req.agencyKey)).map(withoutEntry),
    'store-snapshots': async () => (await snapshots.list()).map(withoutEntry),
    'store-remove': async (req) => {
      await snapshots.remove(req.urls);
      changed();
      return null;
    },
  };
}
