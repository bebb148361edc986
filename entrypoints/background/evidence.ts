/**
 * The background's evidence flow over the capturer: captioned close-ups of findings, "add all" as one
 * close-up per finding (or per group sharing a table region) each added with its own image, capture
 * failures said on the page where the user is looking, and the markup page's jobs (a captured image waiting
 * to be marked up, then added to the list: the background stays the only writer of the list).
 */
import type { Browser } from 'webextension-polyfill';
import { type CaptionLine, captionLines } from '@/lib/evidence/caption';
import {
  ENGINE,
  type ListReply,
  MarkupJob,
  notify,
  type PagesDirection,
  type Shot,
  type TabState,
} from '@/lib/messages';
import type { RequestOf } from '@/lib/messages-engine';
import type { Settings } from '@/lib/settings';
import { t } from '../shared/i18n';
import type { Capturer, CloseUpShot, Target } from './capture';

const MARKUP_PREFIX = 'markup:';

export interface EvidenceDeps {
  api: Browser;
  capturer: Capturer;
  state(tabId: number): Promise<TabState | null>;
  target(tabId: number, frameId?: number): Promise<{ target: Target; state: TabState | null }>;
  settings(): Promise<Settings>;
  add(tabId: number, findingIds: string[] | null, shot?: Shot): Promise<ListReply>;
  /** The findings 忽略 (ignored) on the tab's page: "add all" leaves them out. */
  ignored(tabId: number): Promise<Set<string>>;
  broadcast<K extends keyof PagesDirection & string>(type: K, req: RequestOf<PagesDirection, K>): void;
  /**
   * Close-ups the tab makes itself (the viewer cuts them from the PDF pages it drew); null when the tab is
   * not the viewer or cannot (then the tab is captured); throws when the viewer failed.
   */
  ownCloseUps?(tabId: number, ids: string[]): Promise<CloseUpShot[] | null>;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A capture error in words the user can act on (Chrome: "Either the '<all_urls>' or 'activeTab' permission…"). */
export function captureError(err: unknown, lang: Settings['lang'] = 'zh'): string {
  const msg = errorText(err);
  return /activeTab|all_urls|permission/i.test(msg) ? t(lang, 'needActiveTab') : msg;
}

export function createEvidence(d: EvidenceDeps) {
  /** The caption lines of a close-up: the findings' numbers as on the page, the tab's URL, inspector. */
  async function captionFor(
    state: TabState,
    url: string,
  ): Promise<(ids: string[], when: Date) => CaptionLine[]> {
    const s = await d.settings();
    const num = new Map(state.order.map((id, i) => [id, i + 1]));
    const byId = new Map((state.result?.findings ?? []).map((f) => [f.id, f]));
    return (ids, when) =>
      captionLines({
        lang: s.lang,
        // the number the page shows, which the entry keeps as 页面标注号 (none is made up)
        findings: ids.flatMap((id) => {
          const f = byId.get(id);
          return f ? [{ n: num.get(id) ?? null, finding: f }] : [];
        }),
        url,
        when,
        inspector: s.inspector,
      });
  }

  /** Say it on the page too (a toast in the overlay): the user may be looking at the page, not the popup. */
  function tell(target: Target, text: string): void {
    notify(ENGINE, 'show-toast', { text }, (msg) =>
      d.api.tabs.sendMessage(target.tabId, msg, { frameId: target.frameId }),
    );
  }

  async function closeUps(
    tabId: number,
    ids: string[] | null,
    frameId?: number,
    progress?: (done: number, total: number) => void,
  ): Promise<{ ok: true; shots: CloseUpShot[] } | { ok: false; error: string }> {
    const { target, state } = await d.target(tabId, frameId);
    if (!state?.result) return { ok: false, error: t('zh', 'notAudited') };
    const wanted = ids ?? state.result.findings.map((f) => f.id);
    try {
      const own = (await d.ownCloseUps?.(tabId, wanted)) ?? null;
      if (own) {
        progress?.(own.length, own.length);
        return { ok: true, shots: own };
      }
      const caption = await captionFor(state, target.url);
      return { ok: true, shots: await d.capturer.closeUps(target, wanted, caption, progress) };
    } catch (err) {
      const s = await d.settings();
      const error = captureError(err, s.lang);
      tell(target, t(s.lang, 'captureFailed', error));
      return { ok: false, error };
    }
  }

  /** One close-up per finding (or group), each added to the list with its own image. */
  async function eachToList(tabId: number, ids: string[] | null, frameId?: number): Promise<ListReply> {
    let wanted = ids;
    let skipped = 0;
    if (!ids) {
      // "add all": what the inspector ignored on the page stays out (and the reply says how many)
      const state = await d.state(tabId);
      const ignored = await d.ignored(tabId);
      const all = (state?.result?.findings ?? []).map((f) => f.id);
      wanted = all.filter((id) => !ignored.has(id));
      skipped = all.length - wanted.length;
      if (state?.result && wanted.length === 0) return { ok: true, added: 0, skipped };
    }
    const r = await eachNow(tabId, wanted, frameId);
    return skipped ? { ...r, skipped } : r;
  }

  async function eachNow(tabId: number, ids: string[] | null, frameId?: number): Promise<ListReply> {
    const shots = await closeUps(tabId, ids, frameId, (done, total) =>
      d.broadcast('capture-progress', { tabId, done, total }),
    );
    if (!shots.ok) return { ok: false, added: 0, error: shots.error };
    let added = 0;
    for (const shot of shots.shots) {
      const { ids: group, ...image } = shot;
      const r = await d.add(tabId, group, image);
      if (!r.ok) return { ok: false, added, ...(r.error ? { error: r.error } : {}) };
      added += r.added;
    }
    return { ok: true, added };
  }

  async function markupOpen(tabId: number, findingIds: string[] | null, shot: Shot) {
    const { target } = await d.target(tabId);
    const token = crypto.randomUUID();
    const job: MarkupJob = { tabId, findingIds, shot, pageUrl: target.url, pageTitle: target.title };
    try {
      await d.api.storage.session.set({ [MARKUP_PREFIX + token]: job });
      await d.api.tabs.create({ url: d.api.runtime.getURL(`/markup.html?token=${token}`) });
      return { ok: true };
    } catch (err) {
      return { ok: false, error: errorText(err) };
    }
  }

  async function markupGet(token: string): Promise<MarkupJob | null> {
    const key = MARKUP_PREFIX + token;
    const parsed = MarkupJob.safeParse((await d.api.storage.session.get(key))[key]);
    return parsed.success ? parsed.data : null;
  }

  async function markupSave(token: string, annotated: string, plain?: string): Promise<ListReply> {
    const job = await markupGet(token);
    if (!job) return { ok: false, added: 0, error: t('zh', 'markupGone') };
    // the findings are the tab's: once it shows another page they are not this image's any more
    const now = await d.state(job.tabId);
    if (now?.url !== job.pageUrl) return { ok: false, added: 0, error: t('zh', 'markupPageLeft') };
    const r = await d.add(job.tabId, job.findingIds, { ...job.shot, annotated, ...(plain ? { plain } : {}) });
    if (r.ok) await d.api.storage.session.remove(MARKUP_PREFIX + token);
    return r;
  }

  /** The card's 「特写并标注」: a close-up of one finding, opened in the markup page. */
  async function closeUpToMarkup(tabId: number, findingId: string, frameId?: number) {
    const r = await closeUps(tabId, [findingId], frameId);
    const shot = r.ok ? r.shots[0] : undefined;
    if (!r.ok || !shot) return { ok: false, error: r.ok ? t('zh', 'notAudited') : r.error };
    const { ids, ...image } = shot;
    return markupOpen(tabId, ids, image);
  }

  return { closeUps, eachToList, closeUpToMarkup, markupOpen, markupGet, markupSave, tell };
}
