/**
 * The extension's store of audited reports: IndexedDB (through idb), one object store keyed by URL with
 * indexes on the body and on the host, so the previous year is found without reading (and checking) every
 * snapshot: a store filled by column runs holds thousands. Each record is the snapshot plus its host.
 */
import { type IDBPDatabase, openDB } from 'idb';
import type { ReportSnapshot } from './snapshot';
import { hostOf, parseSnapshot, type SnapshotStore } from './store';

const DB = 'nianbao-reports';
const STORE = 'reports';
/** 1: by URL and body; 2: the host index (records written by version 1 get their host on upgrade). */
const VERSION = 2;

export class IdbSnapshotStore implements SnapshotStore {
  private db: Promise<IDBPDatabase> | null = null;
  constructor(private readonly name = DB) {}

  private open(): Promise<IDBPDatabase> {
    this.db ??= openDB(this.name, VERSION, {
      async upgrade(db, oldVersion, _newVersion, tx) {
        if (oldVersion < 1) {
          const s = db.createObjectStore(STORE, { keyPath: 'url' });
          s.createIndex('agency', 'agencyKey');
        }
        if (oldVersion < 2) {
          const s = tx.objectStore(STORE);
          s.createIndex('host', 'host');
          for (let c = await s.openCursor(); c; c = await c.continue()) {
            const row = c.value as { url?: unknown };
            if (typeof row.url === 'string') await c.update({ ...row, host: hostOf(row.url) });
          }
        }
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

  /** Open the database ahead of the first question (the background does it when a report is detected). */
  async warm(): Promise<void> {
    await this.open();
  }
  async put(s: ReportSnapshot): Promise<void> {
    await (await this.open()).put(STORE, { ...s, host: hostOf(s.url) });
  }
  async get(url: string): Promise<ReportSnapshot | null> {
    return parseSnapshot(await (await this.open()).get(STORE, url));
  }
  async byAgency(agencyKey: string): Promise<ReportSnapshot[]> {
    return IdbSnapshotStore.valid(await (await this.open()).getAllFromIndex(STORE, 'agency', agencyKey));
  }
  async byHost(host: string): Promise<ReportSnapshot[]> {
    return IdbSnapshotStore.valid(await (await this.open()).getAllFromIndex(STORE, 'host', host));
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
