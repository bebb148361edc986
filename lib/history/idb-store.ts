/**
 * The extension's store of audited reports: IndexedDB (through idb), one object store keyed by URL with an
 * index on the body, so the previous year is found without reading every snapshot.
 */
import { type IDBPDatabase, openDB } from 'idb';
import type { ReportSnapshot } from './snapshot';
import { parseSnapshot, type SnapshotStore } from './store';

const DB = 'nianbao-reports';
const STORE = 'reports';

export class IdbSnapshotStore implements SnapshotStore {
  private db: Promise<IDBPDatabase> | null = null;
  constructor(private readonly name = DB) {}

  private open(): Promise<IDBPDatabase> {
    this.db ??= openDB(this.name, 1, {
      upgrade(db) {
        const s = db.createObjectStore(STORE, { keyPath: 'url' });
        s.createIndex('agency', 'agencyKey');
      },
      // a second copy of the extension (a reload) asks for the database: let it have it
      blocking: () => {
        void this.db?.then((d) => d.close());
        this.db = null;
      },
    }).catch((err) => {
      this.db = null;
      throw err;
    });
    return this.db;
  }

  private static valid(rows: unknown[]): ReportSnapshot[] {
    return rows
      .map(parseSnapshot)
      .filter((s): s is ReportSnapshot => s !== null)
      .sort((a, b) => b.auditedAt.localeCompare(a.auditedAt));
  }

  async put(s: ReportSnapshot): Promise<void> {
    await (await this.open()).put(STORE, s);
  }
  async get(url: string): Promise<ReportSnapshot | null> {
    return parseSnapshot(await (await this.open()).get(STORE, url));
  }
  async byAgency(agencyKey: string): Promise<ReportSnapshot[]> {
    return IdbSnapshotStore.valid(await (await this.open()).getAllFromIndex(STORE, 'agency', agencyKey));
  }
  async list(): Promise<ReportSnapshot[]> {
    return IdbSnapshotStore.valid(await (await this.open()).getAll(STORE));
  }
  async remove(urls: string[]): Promise<void> {
    const tx = (await this.open()).transaction(STORE, 'readwrite');
    await Promise.all([...urls.map((u) => tx.store.delete(u)), tx.done]);
  }
  async clear(): Promise<void> {
    await (await this.open()).clear(STORE);
  }
}
