/**
 * The command line's store of audited reports: one SQLite database file (sql.js, WASM: installs from the
 * registry alone), written back after every change. Default path: $XDG_CACHE_HOME/nianbao-inspector/reports.sqlite.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import initSqlJs, { type Database } from 'sql.js';
import type { ReportSnapshot } from '../lib/history/snapshot';
import { parseSnapshot, type SnapshotStore } from '../lib/history/store';

export function defaultStorePath(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'nianbao-inspector', 'reports.sqlite');
}

export class SqliteSnapshotStore implements SnapshotStore {
  private constructor(
    private readonly db: Database,
    private readonly path: string,
  ) {}

  static async open(path: string): Promise<SqliteSnapshotStore> {
    const SQL = await initSqlJs();
    let bytes: Uint8Array | undefined;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    let db: Database;
    try {
      db = new SQL.Database(bytes);
      db.exec('SELECT count(*) FROM sqlite_master');
    } catch {
      throw new Error(`不是有效的审核记录库：${path} / not a report store`);
    }
    db.exec(`CREATE TABLE IF NOT EXISTS reports (
      url TEXT PRIMARY KEY, agency_key TEXT, year INTEGER, audited_at TEXT NOT NULL, snapshot TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS reports_agency ON reports (agency_key, year);`);
    return new SqliteSnapshotStore(db, path);
  }

  private async flush(): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    await writeFile(tmp, this.db.export());
    await rename(tmp, this.path);
  }

  private rows(sql: string, params: Array<string | number | null> = []): ReportSnapshot[] {
    const st = this.db.prepare(sql);
    const out: ReportSnapshot[] = [];
    try {
      st.bind(params);
      while (st.step()) {
        const raw = st.getAsObject().snapshot;
        const s = typeof raw === 'string' ? parseSnapshot(JSON.parse(raw)) : null;
        if (s) out.push(s);
      }
    } finally {
      st.free();
    }
    return out;
  }

  async put(s: ReportSnapshot): Promise<void> {
    this.db.run(
      'INSERT OR REPLACE INTO reports (url, agency_key, year, audited_at, snapshot) VALUES (?, ?, ?, ?, ?)',
      [s.url, s.agencyKey, s.year, s.auditedAt, JSON.stringify(s)],
    );
    await this.flush();
  }
  async get(url: string): Promise<ReportSnapshot | null> {
    return this.rows('SELECT snapshot FROM reports WHERE url = ?', [url])[0] ?? null;
  }
  async byAgency(agencyKey: string): Promise<ReportSnapshot[]> {
    return this.rows('SELECT snapshot FROM reports WHERE agency_key = ? ORDER BY audited_at DESC', [
      agencyKey,
    ]);
  }
  async list(): Promise<ReportSnapshot[]> {
    return this.rows('SELECT snapshot FROM reports ORDER BY audited_at DESC');
  }
  async remove(urls: string[]): Promise<void> {
    for (const u of urls) this.db.run('DELETE FROM reports WHERE url = ?', [u]);
    await this.flush();
  }
  async clear(): Promise<void> {
    this.db.run('DELETE FROM reports');
    await this.flush();
  }
  close(): void {
    this.db.close();
  }
}
