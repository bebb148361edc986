/**
 * The local store of audited reports (issue: beyond one page): one snapshot per URL, found again by body
 * and year for the cross-year rules and by host for the column views. Adapters: memory (tests), IndexedDB
 * (extension), SQLite through WASM (command line). Nothing leaves the machine.
 */
import { type ReportSnapshot, ReportSnapshot as SnapshotSchema } from './snapshot';

export interface SnapshotStore {
  put(s: ReportSnapshot): Promise<void>;
  get(url: string): Promise<ReportSnapshot | null>;
  /** Every snapshot of a body (by agencyKey), newest audit first. */
  byAgency(agencyKey: string): Promise<ReportSnapshot[]>;
  list(): Promise<ReportSnapshot[]>;
  /**
   * Every snapshot on a host (URL host, port included), newest audit first. Optional: a store without an
   * index by host is searched with list().
   */
  byHost?(host: string): Promise<ReportSnapshot[]>;
  remove(urls: string[]): Promise<void>;
  clear(): Promise<void>;
  /** Get ready for the first question (open the database); optional. */
  warm?(): Promise<void>;
}

/** Keep only what parses: a store written by an older version never breaks an audit. */
export function parseSnapshot(raw: unknown): ReportSnapshot | null {
  const p = SnapshotSchema.safeParse(raw);
  return p.success ? p.data : null;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/**
 * The same body's report of the year before `year`: by agency, else (titles that name no body) the
 * single report of that year on the same host. Never a guess between two candidates.
 */
export async function findPrevious(
  store: SnapshotStore,
  me: { url: string; year: number | null; agencyKey: string | null },
): Promise<ReportSnapshot | null> {
  if (me.year === null) return null;
  const want = me.year - 1;
  const pick = (c: ReportSnapshot[]) => {
    const urls = new Set(c.map((s) => s.url));
    return urls.size === 1 ? (c[0] ?? null) : null;
  };
  if (me.agencyKey) {
    const mine = (await store.byAgency(me.agencyKey)).filter((s) => s.year === want && s.url !== me.url);
    if (mine.length > 0) return pick(mine);
  }
  const host = hostOf(me.url);
  const onHost = store.byHost ? await store.byHost(host) : await store.list();
  const same = onHost.filter(
    (s) =>
      s.year === want &&
      s.url !== me.url &&
      hostOf(s.url) === host &&
      (s.agencyKey === null || me.agencyKey === null),
  );
  return pick(same);
}

export class MemorySnapshotStore implements SnapshotStore {
  private readonly data = new Map<string, ReportSnapshot>();
  async put(s: ReportSnapshot): Promise<void> {
    this.data.set(s.url, structuredClone(s));
  }
  async get(url: string): Promise<ReportSnapshot | null> {
    const s = this.data.get(url);
    return s ? structuredClone(s) : null;
  }
  async byAgency(agencyKey: string): Promise<ReportSnapshot[]> {
    return (await this.list()).filter((s) => s.agencyKey === agencyKey);
  }
  async byHost(host: string): Promise<ReportSnapshot[]> {
    return (await this.list()).filter((s) => hostOf(s.url) === host);
  }
  async list(): Promise<ReportSnapshot[]> {
    return [...this.data.values()]
      .map((s) => structuredClone(s))
      .sort((a, b) => b.auditedAt.localeCompare(a.auditedAt));
  }
  async remove(urls: string[]): Promise<void> {
    for (const u of urls) this.data.delete(u);
  }
  async clear(): Promise<void> {
    this.data.clear();
  }
}
