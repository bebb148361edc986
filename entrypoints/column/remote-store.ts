/**
 * The column view's SnapshotStore (lib/history/store.ts) over the background's store: the background owns
 * the IndexedDB store, the page asks it through the protocol (store-get, store-put, store-by-agency,
 * store-snapshots, store-remove, store-clear). The transport is injected (browser.runtime.sendMessage in the
 * page, fakeBrowser in tests).
 */
import type { ReportSnapshot } from '@/lib/history/snapshot';
import type { SnapshotStore } from '@/lib/history/store';
import { BACKGROUND, call } from '@/lib/messages';

export type Send = (msg: object) => Promise<unknown>;

export class RemoteSnapshotStore implements SnapshotStore {
  constructor(private readonly send: Send) {}

  async put(s: ReportSnapshot): Promise<void> {
    await call(BACKGROUND, 'store-put', { snapshot: s }, this.send);
  }
  get(url: string): Promise<ReportSnapshot | null> {
    return call(BACKGROUND, 'store-get', { url }, this.send);
  }
  byAgency(agencyKey: string): Promise<ReportSnapshot[]> {
    return call(BACKGROUND, 'store-by-agency', { agencyKey }, this.send);
  }
  list(): Promise<ReportSnapshot[]> {
    return call(BACKGROUND, 'store-snapshots', {}, this.send);
  }
  async remove(urls: string[]): Promise<void> {
    await call(BACKGROUND, 'store-remove', { urls }, this.send);
  }
  async clear(): Promise<void> {
    await call(BACKGROUND, 'store-clear', {}, this.send);
  }
}
