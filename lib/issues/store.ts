/**
 * The issue list store: entries in a key-value storage (extension storage), images in a blob store
 * (IndexedDB). Bounded: past MAX_ENTRIES, or when the storage refuses, adding fails with a clear message.
 * Adapters make it run the same in the extension and in tests.
 */
import type { AuditResult, Finding } from '../model/schema';
import { locationText } from './location';
import { IssueEntry, IssueList, type IssueStatus, type PageInfo } from './model';

export const ISSUES_KEY = 'issues';
export const MAX_ENTRIES = 2000;

export interface KeyValue {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export interface BlobStore {
  put(key: string, blob: Blob): Promise<void>;
  get(key: string): Promise<Blob | null>;
  delete(key: string): Promise<void>;
}

export class StoreFullError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreFullError';
  }
}

export function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return 'local';
  }
}

function ymd(d: Date): string {
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
}

/** Same page, ignoring the fragment. */
export function samePage(a: string, b: string): boolean {
  return a.replace(/#.*$/, '') === b.replace(/#.*$/, '');
}

export interface RecheckSummary {
  fixed: IssueEntry[];
  present: IssueEntry[];
  /** Findings on the page now that are not in the list. */
  fresh: Finding[];
}

export class IssueStore {
  constructor(
    private readonly kv: KeyValue,
    private readonly blobs: BlobStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(): Promise<IssueEntry[]> {
    const parsed = IssueList.safeParse(await this.kv.get(ISSUES_KEY));
    return parsed.success ? parsed.data : [];
  }

  private async save(entries: IssueEntry[]): Promise<void> {
    try {
      await this.kv.set(ISSUES_KEY, entries);
    } catch (err) {
      throw new StoreFullError(
        `问题清单无法保存（${err instanceof Error ? err.message : String(err)}）：存储空间已满，请先导出并删除部分条目。`,
      );
    }
  }

  /** Next 问题编号 for a site on a day: site-YYYYMMDD-n, never reused. */
  private nextId(entries: IssueEntry[], site: string, day: string): string {
    const prefix = `${site}-${day}-`;
    let max = 0;
    for (const e of entries)
      if (e.id.startsWith(prefix)) max = Math.max(max, Number(e.id.slice(prefix.length)) || 0);
    return `${prefix}${max + 1}`;
  }

  /**
   * Add findings of a page (those already in the list for the same page are skipped). The screenshot, when
   * given, is stored once and referenced by every entry added with it.
   */
  async add(
    page: PageInfo,
    findings: Finding[],
    opts: {
      inspector: string;
      lang?: 'zh' | 'en';
      screenshot?: { name: string; annotated: Blob; plain?: Blob };
    } = {
      inspector: '',
    },
  ): Promise<IssueEntry[]> {
    const lang = opts.lang ?? 'zh';
    const entries = await this.list();
    const fresh = findings.filter(
      (f) => !entries.some((e) => e.findingId === f.id && samePage(e.pageUrl, page.url)),
    );
    if (fresh.length === 0) return [];
    if (entries.length + fresh.length > MAX_ENTRIES) {
      throw new StoreFullError(
        `问题清单最多 ${MAX_ENTRIES} 条，现有 ${entries.length} 条：请先导出并删除已处理的条目。`,
      );
    }
    const when = this.now();
    const site = siteOf(page.url);
    const imageKeys: string[] = [];
    if (opts.screenshot) {
      const base = `${site}-${when.getTime()}`;
      try {
        await this.blobs.put(`${base}-annotated`, opts.screenshot.annotated);
        imageKeys.push(`${base}-annotated`);
        if (opts.screenshot.plain) {
          await this.blobs.put(`${base}-plain`, opts.screenshot.plain);
          imageKeys.push(`${base}-plain`);
        }
      } catch (err) {
        throw new StoreFullError(
          `截图无法保存（${err instanceof Error ? err.message : String(err)}）：存储空间不足。`,
        );
      }
    }
    const added: IssueEntry[] = [];
    for (const f of fresh) {
      const entry: IssueEntry = {
        id: this.nextId([...entries, ...added], site, ymd(when)),
        findingId: f.id,
        ruleId: f.ruleId,
        category: f.category,
        severity: f.severity,
        siteName: page.siteName || site,
        pageTitle: page.title,
        pageUrl: page.url,
        agency: page.agency,
        reportYear: page.reportYear,
        location: locationText(f.targets[0]),
        type: f.title[lang],
        description: f.message[lang],
        basis: f.basis[lang],
        fix: f.fix[lang],
        screenshot: opts.screenshot?.name ?? null,
        imageKeys,
        foundAt: when.toISOString(),
        inspector: opts.inspector,
        status: 'open',
        recheck: null,
        note: '',
      };
      added.push(IssueEntry.parse(entry));
    }
    await this.save([...entries, ...added]);
    return added;
  }

  async update(
    id: string,
    patch: Partial<Pick<IssueEntry, 'status' | 'note' | 'recheck'>>,
  ): Promise<IssueEntry | null> {
    const entries = await this.list();
    const i = entries.findIndex((e) => e.id === id);
    const cur = entries[i];
    if (!cur) return null;
    const next = IssueEntry.parse({ ...cur, ...patch });
    entries[i] = next;
    await this.save(entries);
    return next;
  }

  async setStatus(id: string, status: IssueStatus): Promise<IssueEntry | null> {
    return this.update(id, { status });
  }

  async remove(ids: string[]): Promise<void> {
    const entries = await this.list();
    const gone = entries.filter((e) => ids.includes(e.id));
    const kept = entries.filter((e) => !ids.includes(e.id));
    await this.save(kept);
    // images no entry refers to any more
    const still = new Set(kept.flatMap((e) => e.imageKeys));
    for (const key of new Set(gone.flatMap((e) => e.imageKeys)))
      if (!still.has(key)) await this.blobs.delete(key);
  }

  async image(key: string): Promise<Blob | null> {
    return this.blobs.get(key);
  }

  /** Entries recorded for this page. */
  async forPage(url: string): Promise<IssueEntry[]> {
    return (await this.list()).filter((e) => samePage(e.pageUrl, url));
  }

  /** Compare the page's current audit with its entries; record the re-check on each entry. */
  async recheck(url: string, result: AuditResult): Promise<RecheckSummary> {
    const entries = await this.list();
    const current = new Set(result.findings.map((f) => f.id));
    const at = this.now().toISOString();
    const fixed: IssueEntry[] = [];
    const present: IssueEntry[] = [];
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i] as IssueEntry;
      if (!samePage(e.pageUrl, url)) continue;
      const r = current.has(e.findingId) ? 'present' : 'fixed';
      const next = { ...e, recheck: { result: r, at } } as IssueEntry;
      entries[i] = next;
      (r === 'fixed' ? fixed : present).push(next);
    }
    if (fixed.length + present.length > 0) await this.save(entries);
    const known = new Set([...fixed, ...present].map((e) => e.findingId));
    return { fixed, present, fresh: result.findings.filter((f) => !known.has(f.id)) };
  }
}

/** In-memory adapters (tests, and a fallback when IndexedDB is unavailable). */
export class MemoryKeyValue implements KeyValue {
  readonly data = new Map<string, unknown>();
  async get(key: string): Promise<unknown> {
    return structuredClone(this.data.get(key));
  }
  async set(key: string, value: unknown): Promise<void> {
    this.data.set(key, structuredClone(value));
  }
}

export class MemoryBlobs implements BlobStore {
  readonly data = new Map<string, Blob>();
  async put(key: string, blob: Blob): Promise<void> {
    this.data.set(key, blob);
  }
  async get(key: string): Promise<Blob | null> {
    return this.data.get(key) ?? null;
  }
  async delete(key: string): Promise<void> {
    this.data.delete(key);
  }
}
