/**
 * The issue list store: entries in a key-value storage (extension storage), images in a blob store
 * (IndexedDB). Bounded: past MAX_ENTRIES, or when the storage refuses, adding fails with a clear message and
 * leaves nothing behind. One store instance (the background's) owns the list: its operations run one after
 * another, each reading the storage afresh, so concurrent requests never lose an entry. 问题编号 come from a
 * per-prefix counter kept beside the list: never reused, even after the last entry of a prefix is deleted.
 * Adapters (./storage.ts) make it run the same in the extension and in tests.
 */
import { z } from 'zod/mini';
import type { Dismissal, Dismissals } from '../dismissals';
import type { AuditResult, Finding } from '../model/schema';
import { locationText } from './location';
import { IssueEntry, IssueList, type PageInfo } from './model';
import { regionOf, SITE_RANK, type SiteName, type SiteNameSource, siteNameOf } from './site';
import type { BlobStore, KeyValue } from './storage';

export const ISSUES_KEY = 'issues';
/** The last number given per prefix ("site-YYYYMMDD-"). */
export const COUNTERS_KEY = 'issue-counters';
export const MAX_ENTRIES = 2000;
/** The best site name known per host (网站名称 is the same for every page of a host). */
export const SITE_NAMES_KEY = 'issue-site-names';

export interface AddOptions {
  inspector: string;
  lang?: 'zh' | 'en';
  screenshot?: { name: string; annotated: Blob; plain?: Blob };
  /** The findings' numbers on the page (标注 n): the tab's order, finding n's id at n − 1. */
  order?: readonly string[];
  /** The page's 误报 / 忽略 decisions, carried into the entries added. */
  dismissals?: Dismissals;
}

/** 整改状态 after a page verdict: a 误报 marks the entry 误报; taking it back reopens an entry it had marked. */
function statusAfter(cur: IssueEntry, verdict: Dismissal | null): IssueEntry['status'] {
  if (verdict?.kind === 'false-positive') return cur.status === 'open' ? 'false-positive' : cur.status;
  return cur.verdict?.kind === 'false-positive' && cur.status === 'false-positive' ? 'open' : cur.status;
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

const Counters = z.record(z.string(), z.number());
const SiteNames = z.record(
  z.string(),
  z.object({ name: z.string(), source: z.enum(['meta', 'title', 'host']) }),
);

/** The quoted evidence of a finding: its arithmetic, and the words or URL it quotes. */
export function evidenceText(f: Finding, lang: 'zh' | 'en'): string {
  const formula = f.evidence?.formula?.[lang] ?? '';
  const quote = f.evidence?.quote ?? '';
  return [formula, quote && !formula.includes(quote) ? `“${quote}”` : ''].filter(Boolean).join('；');
}

/** What an update may change; a field left out (or undefined) is kept. */
export type IssuePatch = {
  [K in 'status' | 'note' | 'recheck' | 'review' | 'deadline']?: IssueEntry[K] | undefined;
};

export class IssueStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly kv: KeyValue,
    private readonly blobs: BlobStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Run one operation after the ones before it (a failed one does not stop the next). */
  private serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op, op);
    this.queue = run.catch(() => undefined);
    return run;
  }

  list(): Promise<IssueEntry[]> {
    return this.serial(() => this.read());
  }

  private async read(): Promise<IssueEntry[]> {
    const parsed = IssueList.safeParse(await this.kv.get(ISSUES_KEY));
    return parsed.success ? parsed.data : [];
  }

  private async counters(): Promise<Record<string, number>> {
    const parsed = Counters.safeParse(await this.kv.get(COUNTERS_KEY));
    return parsed.success ? parsed.data : {};
  }

  private async siteNames(): Promise<Record<string, SiteName>> {
    const parsed = SiteNames.safeParse(await this.kv.get(SITE_NAMES_KEY));
    return parsed.success ? parsed.data : {};
  }

  /** The name kept for a host, unless the page brings a better one (a name from a stronger source). */
  private bestName(names: Record<string, SiteName>, host: string, found: SiteName): SiteName {
    const kept = names[host];
    if (!kept) return found;
    const rank = (s: SiteNameSource) => SITE_RANK[s];
    return rank(found.source) > rank(kept.source) ? found : kept;
  }

  private async save(
    entries: IssueEntry[],
    counters?: Record<string, number>,
    siteNames?: Record<string, SiteName>,
  ): Promise<void> {
    try {
      await this.kv.set({
        [ISSUES_KEY]: entries,
        ...(counters ? { [COUNTERS_KEY]: counters } : {}),
        ...(siteNames ? { [SITE_NAMES_KEY]: siteNames } : {}),
      });
    } catch (err) {
      throw new StoreFullError(
        `问题清单无法保存（${err instanceof Error ? err.message : String(err)}）：存储空间已满，请先导出并删除部分条目。`,
      );
    }
  }

  /**
   * The last number given for a prefix: the counter, or (lists kept before counters existed) the highest
   * number in the list. One pass over the list.
   */
  private lastNumber(entries: IssueEntry[], counters: Record<string, number>, prefix: string): number {
    let max = counters[prefix] ?? 0;
    for (const e of entries)
      if (e.id.startsWith(prefix)) max = Math.max(max, Number(e.id.slice(prefix.length)) || 0);
    return max;
  }

  /**
   * Add findings of a page (those already in the list for the same page are skipped). The screenshot, when
   * given, is stored once and referenced by every entry added with it.
   */
  add(page: PageInfo, findings: Finding[], opts: AddOptions = { inspector: '' }): Promise<IssueEntry[]> {
    return this.serial(() => this.addNow(page, findings, opts));
  }

  private async addNow(page: PageInfo, findings: Finding[], opts: AddOptions): Promise<IssueEntry[]> {
    const lang = opts.lang ?? 'zh';
    const entries = await this.read();
    // findings already listed for this page, or twice in the call, are added once
    const listed = new Set(entries.filter((e) => samePage(e.pageUrl, page.url)).map((e) => e.findingId));
    const fresh: Finding[] = [];
    for (const f of findings) {
      if (listed.has(f.id)) continue;
      listed.add(f.id);
      fresh.push(f);
    }
    if (fresh.length === 0) return [];
    if (entries.length + fresh.length > MAX_ENTRIES) {
      throw new StoreFullError(
        `问题清单最多 ${MAX_ENTRIES} 条，现有 ${entries.length} 条：请先导出并删除已处理的条目。`,
      );
    }
    const when = this.now();
    const site = siteOf(page.url);
    const prefix = `${site}-${ymd(when)}-`;
    const counters = await this.counters();
    const names = await this.siteNames();
    // lists kept before the map existed: a name their entries carry for the host counts as found on a page
    const older = entries.find((e) => siteOf(e.pageUrl) === site && e.siteName && e.siteName !== site);
    if (!names[site] && older) names[site] = { name: older.siteName, source: 'title' };
    const siteName = this.bestName(
      names,
      site,
      siteNameOf(page.siteName, page.docTitle ?? '', page.title, site),
    );
    const renamed = names[site]?.name !== siteName.name;
    names[site] = siteName;
    // a better name for the host renames the entries already listed for it
    if (renamed)
      for (let i = 0; i < entries.length; i++) {
        const e = entries[i] as IssueEntry;
        if (siteOf(e.pageUrl) === site) entries[i] = { ...e, siteName: siteName.name };
      }
    let n = this.lastNumber(entries, counters, prefix);
    const imageKeys: string[] = [];
    if (opts.screenshot) {
      const base = `${site}-${when.getTime()}-${n + 1}`;
      try {
        await this.blobs.put(`${base}-annotated`, opts.screenshot.annotated);
        imageKeys.push(`${base}-annotated`);
        if (opts.screenshot.plain) {
          await this.blobs.put(`${base}-plain`, opts.screenshot.plain);
          imageKeys.push(`${base}-plain`);
        }
      } catch (err) {
        await this.drop(imageKeys);
        throw new StoreFullError(
          `截图无法保存（${err instanceof Error ? err.message : String(err)}）：存储空间不足。`,
        );
      }
    }
    const added: IssueEntry[] = [];
    const marks = new Map((opts.order ?? []).map((id, i) => [id, i + 1]));
    // exports name image files after the screenshot: a name another image already has gets a suffix
    // (close-ups cut in one batch share their second)
    const shotName = opts.screenshot ? uniqueShotName(opts.screenshot.name, entries, imageKeys[0]) : null;
    for (const f of fresh) {
      n++;
      const verdict = opts.dismissals?.[f.id] ?? null;
      const entry: IssueEntry = {
        id: `${prefix}${n}`,
        findingId: f.id,
        ruleId: f.ruleId,
        category: f.category,
        severity: f.severity,
        siteName: siteName.name,
        pageTitle: page.title,
        pageUrl: page.url,
        agency: page.agency,
        reportYear: page.reportYear,
        location: locationText(f.targets[0]),
        type: f.title[lang],
        description: f.message[lang],
        basis: f.basis[lang],
        fix: f.fix[lang],
        screenshot: shotName,
        imageKeys,
        foundAt: when.toISOString(),
        inspector: opts.inspector,
        status: verdict?.kind === 'false-positive' ? 'false-positive' : 'open',
        recheck: null,
        note: '',
        region: regionOf(page.agency) || regionOf(siteName.source === 'host' ? '' : siteName.name),
        columnName: page.columnName ?? null,
        review: 'pending',
        deadline: null,
        evidence: evidenceText(f, lang),
        mark: marks.get(f.id) ?? null,
        verdict,
      };
      added.push(IssueEntry.parse(entry));
    }
    try {
      await this.save([...entries, ...added], { ...counters, [prefix]: n }, names);
    } catch (err) {
      // a refused save leaves nothing behind
      await this.drop(imageKeys);
      throw err;
    }
    return added;
  }

  private async drop(keys: string[]): Promise<void> {
    for (const key of keys) await this.blobs.delete(key).catch(() => undefined);
  }

  update(id: string, patch: IssuePatch): Promise<IssueEntry | null> {
    return this.serial(() => this.updateNow(id, patch));
  }

  private async updateNow(id: string, patch: IssuePatch): Promise<IssueEntry | null> {
    const entries = await this.read();
    const i = entries.findIndex((e) => e.id === id);
    const cur = entries[i];
    if (!cur) return null;
    // a field given as undefined is left as it is
    const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const next = IssueEntry.parse({ ...cur, ...given });
    entries[i] = next;
    await this.save(entries);
    return next;
  }

  /**
   * The side panel's 误报 / 忽略 (or its undo, null) for a finding of a page: recorded on the entries of that
   * finding already listed for the page. Returns the entries changed.
   */
  setVerdict(url: string, findingId: string, verdict: Dismissal | null): Promise<IssueEntry[]> {
    return this.serial(async () => {
      const entries = await this.read();
      const changed: IssueEntry[] = [];
      for (let i = 0; i < entries.length; i++) {
        const cur = entries[i] as IssueEntry;
        if (cur.findingId !== findingId || !samePage(cur.pageUrl, url)) continue;
        const next = IssueEntry.parse({ ...cur, verdict, status: statusAfter(cur, verdict) });
        entries[i] = next;
        changed.push(next);
      }
      if (changed.length) await this.save(entries);
      return changed;
    });
  }

  /** Apply one patch to several entries at once (bulk status change); returns the entries changed. */
  updateMany(ids: string[], patch: IssuePatch): Promise<IssueEntry[]> {
    return this.serial(async () => {
      const entries = await this.read();
      const wanted = new Set(ids);
      const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const changed: IssueEntry[] = [];
      for (let i = 0; i < entries.length; i++) {
        const cur = entries[i] as IssueEntry;
        if (!wanted.has(cur.id)) continue;
        const next = IssueEntry.parse({ ...cur, ...given });
        entries[i] = next;
        changed.push(next);
      }
      if (changed.length) await this.save(entries);
      return changed;
    });
  }

  remove(ids: string[]): Promise<void> {
    return this.serial(() => this.removeNow(ids));
  }

  private async removeNow(ids: string[]): Promise<void> {
    const entries = await this.read();
    const drop = new Set(ids);
    const gone = entries.filter((e) => drop.has(e.id));
    const kept = entries.filter((e) => !drop.has(e.id));
    if (gone.length === 0) return;
    // the counters keep the numbers of the entries removed: numbers are never reused
    const counters = await this.counters();
    for (const e of gone) {
      const m = /^(.*-)(\d+)$/.exec(e.id);
      if (m?.[1] && m[2]) counters[m[1]] = Math.max(counters[m[1]] ?? 0, Number(m[2]));
    }
    await this.save(kept, counters);
    // images no entry refers to any more
    const still = new Set(kept.flatMap((e) => e.imageKeys));
    for (const key of new Set(gone.flatMap((e) => e.imageKeys)))
      if (!still.has(key)) await this.blobs.delete(key);
  }

  /** Compare the page's current audit with its entries; record the re-check on each entry. */
  recheck(url: string, result: AuditResult): Promise<RecheckSummary> {
    return this.serial(() => this.recheckNow(url, result));
  }

  private async recheckNow(url: string, result: AuditResult): Promise<RecheckSummary> {
    const entries = await this.read();
    const current = new Set(result.findings.map((f) => f.id));
    const at = this.now().toISOString();
    const fixed: IssueEntry[] = [];
    const present: IssueEntry[] = [];
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i] as IssueEntry;
      if (!samePage(e.pageUrl, url)) continue;
      const r = current.has(e.findingId) ? 'present' : 'fixed';
      const next: IssueEntry = { ...e, recheck: { result: r, at } };
      entries[i] = next;
      (r === 'fixed' ? fixed : present).push(next);
    }
    if (fixed.length + present.length > 0) await this.save(entries);
    const known = new Set([...fixed, ...present].map((e) => e.findingId));
    return { fixed, present, fresh: result.findings.filter((f) => !known.has(f.id)) };
  }
}

/** `name`, or `name` with _2, _3 … before .png when an entry with other images already has it. */
export function uniqueShotName(
  name: string,
  entries: readonly IssueEntry[],
  key: string | undefined,
): string {
  const taken = new Set(entries.filter((e) => e.imageKeys[0] !== key).map((e) => e.screenshot));
  if (!taken.has(name)) return name;
  const stem = name.replace(/\.png$/, '');
  for (let i = 2; ; i++) if (!taken.has(`${stem}_${i}.png`)) return `${stem}_${i}.png`;
}
