/**
 * The background's work, built over the browser API it is given (the real one, or WXT's fakeBrowser in
 * tests): inject the engine, keep each tab's result, own the issue list and the settings (the only writer of
 * all three), capture screenshots, answer every request of the protocol (lib/messages.ts) and tell open
 * extension pages what changed.
 */
import type { Browser } from 'webextension-polyfill';
import { type Dismissals, dismissalKey, parseDismissals } from '@/lib/dismissals';
import { IdbSnapshotStore } from '@/lib/history/idb-store';
import type { SnapshotStore } from '@/lib/history/store';
import type { PageInfo } from '@/lib/issues/model';
import type { BlobStore } from '@/lib/issues/storage';
import { type AddOptions, IssueStore, StoreFullError } from '@/lib/issues/store';
import {
  type AuditTabReply,
  BACKGROUND,
  type BackgroundDirection,
  type CaptureReply,
  call,
  ENGINE,
  type Handlers,
  handle,
  type ListReply,
  notify,
  PAGES,
  type PagesDirection,
  type Shot,
  type TabState,
  VIEWER,
} from '@/lib/messages';
import type { RequestOf } from '@/lib/messages-engine';
import type { Finding } from '@/lib/model/schema';
import { parseSettings, SETTINGS_KEY, type Settings } from '@/lib/settings';
import { counts } from '@/lib/summary';
import { t } from '../shared/i18n';
import { dataUrlToBlob, evidenceBlobs, LocalKeyValue } from '../shared/issue-store';
import { TabAttachments } from './attachments';
import { auditPageHandler } from './audit-page';
import { Capturer, type Target } from './capture';
import { captureError, createEvidence } from './evidence';
import { type OcrHost, offscreenOcr, samePictureSite } from './ocr-host';
import { isWebUrl, storeHandlers } from './store-handlers';
import { TabStates } from './tabs';
import { syncUserSites } from './user-sites';

const ENGINE_FILE = '/engine.js';

export interface BackgroundOptions {
  blobs?: BlobStore;
  now?: () => Date;
  /** Least time between two screenshots (Chrome allows two a second). */
  captureGapMs?: number;
  /** The store of audited reports (default: IndexedDB, opened on first use). */
  snapshots?: SnapshotStore;
  /** Where table pictures are read with OCR (default: the offscreen document, ./ocr-host.ts). */
  ocr?: OcrHost;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function createBackground(api: Browser, opts: BackgroundOptions = {}) {
  const store = new IssueStore(new LocalKeyValue(api.storage.local), opts.blobs ?? evidenceBlobs(), opts.now);
  const tabs = new TabStates(api);
  const capturer = new Capturer(api, opts.captureGapMs);
  const self = () => ({ id: api.runtime.id, base: api.runtime.getURL('/') });
  const snapshots = opts.snapshots ?? new IdbSnapshotStore();
  const now = opts.now ?? (() => new Date());
  const attachments = new TabAttachments(api);
  const ocr = opts.ocr ?? offscreenOcr(api);

  function broadcast<K extends keyof PagesDirection & string>(type: K, req: RequestOf<PagesDirection, K>) {
    notify(PAGES, type, req, (msg) => api.runtime.sendMessage(msg));
  }

  async function settings(): Promise<Settings> {
    return parseSettings((await api.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  }

  async function saveSettings(next: Settings): Promise<Settings> {
    await api.storage.local.set({ [SETTINGS_KEY]: next });
    broadcast('settings-changed', { settings: next });
    for (const tabId of await tabs.tabs())
      notify(ENGINE, 'settings-changed', { settings: next }, (msg) => api.tabs.sendMessage(tabId, msg));
    void syncUserSites(api, next);
    return next;
  }

  async function inject(tabId: number, frameId: number, forced: boolean): Promise<AuditTabReply> {
    try {
      const target = { tabId, frameIds: [frameId] };
      if (forced) {
        await api.scripting.executeScript({
          target,
          func: () => {
            (globalThis as unknown as { __nianbaoForced?: boolean }).__nianbaoForced = true;
          },
        });
      }
      await api.scripting.executeScript({ target, files: [ENGINE_FILE] });
      return { ok: true };
    } catch (err) {
      return { ok: false, error: errorText(err) };
    }
  }

  async function record(tabId: number, state: TabState): Promise<null> {
    if (await tabs.record(tabId, state)) broadcast('tab-changed', { tabId });
    return null;
  }

  async function targetOf(
    tabId: number,
    frameId?: number,
  ): Promise<{ target: Target; state: TabState | null }> {
    const [tab, state] = await Promise.all([api.tabs.get(tabId), tabs.get(tabId)]);
    return {
      target: {
        tabId,
        windowId: tab.windowId ?? api.windows.WINDOW_ID_CURRENT,
        frameId: frameId ?? state?.frameId ?? 0,
        url: state?.url ?? tab.url ?? '',
        title: state?.result?.report.title ?? tab.title ?? '',
      },
      state,
    };
  }

  async function capture(
    tabId: number,
    mode: 'visible' | 'full' | 'finding',
    findingId?: string,
    frameId?: number,
  ): Promise<CaptureReply> {
    try {
      const { target } = await targetOf(tabId, frameId);
      if (mode === 'finding' && findingId) {
        const r = await evidence.closeUps(tabId, [findingId], frameId);
        return r.ok
          ? { ok: true, shots: r.shots.map(({ ids: _ids, ...shot }) => shot) }
          : { ok: false, shots: [], error: r.error };
      }
      const shots = mode === 'full' ? await capturer.full(target) : await capturer.visible(target);
      return { ok: true, shots };
    } catch (err) {
      return { ok: false, shots: [], error: captureError(err, (await settings()).lang) };
    }
  }

  /** Add findings of an audited tab (all, or those named) to the issue list, with a screenshot as evidence. */
  async function addFindings(tabId: number, findingIds: string[] | null, shot?: Shot): Promise<ListReply> {
    const state = await tabs.get(tabId);
    const r = state?.result;
    if (!state || !r) return { ok: false, added: 0, error: t('zh', 'notAudited') };
    const wanted = findingIds ? new Set(findingIds) : null;
    const { all: verdicts } = await dismissals(tabId);
    // "add all" leaves out what the inspector chose to ignore on the page (and says how many)
    const ignored = (f: Finding) => !wanted && verdicts[f.id]?.kind === 'ignored';
    const picked: Finding[] = wanted ? r.findings.filter((f) => wanted.has(f.id)) : r.findings;
    const findings = picked.filter((f) => !ignored(f));
    const skipped = picked.length - findings.length;
    const page = {
      url: state.url,
      title: r.report.title ?? '',
      siteName: r.report.siteName ?? '',
      // the tab's title often ends with the site's own name ("…_山亭区人民政府"): 网站名称 without SiteName
      docTitle: await api.tabs.get(tabId).then(
        (tab) => tab.title ?? '',
        () => '',
      ),
      agency: r.report.agency,
      reportYear: r.report.reportYear,
      columnName: r.report.columnName,
    };
    const reply = await addToList(page, findings, shot, { order: state.order, dismissals: verdicts });
    return skipped ? { ...reply, skipped } : reply;
  }

  /** Add findings of one report (a tab's, or one the column view audited) to the issue list. */
  async function addToList(
    page: PageInfo,
    findings: Finding[],
    shot?: Shot,
    marks: Pick<AddOptions, 'order' | 'dismissals'> = {},
  ): Promise<ListReply> {
    try {
      const s = await settings();
      const added = await store.add(page, findings, {
        ...marks,
        inspector: s.inspector,
        lang: s.lang,
        ...(shot
          ? {
              screenshot: {
                name: shot.name,
                annotated: await dataUrlToBlob(shot.annotated),
                plain: await dataUrlToBlob(shot.plain),
              },
            }
          : {}),
      });
      if (added.length) broadcast('issues-changed', {});
      return { ok: true, added: added.length };
    } catch (err) {
      return { ok: false, added: 0, error: err instanceof StoreFullError ? err.message : errorText(err) };
    }
  }

  /** Capture and add findings of the tab (all, or one) to the issue list, with the screenshot. */
  async function captureToList(
    tabId: number,
    mode: 'visible' | 'finding',
    findingId?: string,
    frameId?: number,
  ): Promise<ListReply> {
    const state = await tabs.get(tabId);
    if (!state?.result) return { ok: false, added: 0, error: t('zh', 'notAudited') };
    const shot = await capture(tabId, mode, findingId, frameId);
    const first = shot.shots[0];
    if (!shot.ok || !first) return { ok: false, added: 0, error: shot.error };
    return addFindings(tabId, findingId ? [findingId] : null, first);
  }

  const evidence = createEvidence({
    api,
    capturer,
    state: (tabId) => tabs.get(tabId),
    target: targetOf,
    settings,
    add: (tabId, ids, shot) => addFindings(tabId, ids, shot),
    ignored: async (tabId) => {
      const { all } = await dismissals(tabId);
      return new Set(Object.keys(all).filter((id) => all[id]?.kind === 'ignored'));
    },
    broadcast,
    ownCloseUps: async (tabId, ids) => {
      // the extension's viewer cuts a PDF's close-ups from the pages it drew (no screenshot needed)
      const tab = await api.tabs.get(tabId).catch(() => null);
      if (!tab?.url?.startsWith(api.runtime.getURL('/viewer.html'))) return null;
      return call(VIEWER, 'viewer-close-ups', { ids }, (msg) => api.tabs.sendMessage(tabId, msg));
    },
  });

  /** 误报 / 忽略 per page: kept under the tab's page URL (the side panel asks by tab, never by URL). */
  async function dismissals(tabId: number): Promise<{ key: string | null; all: Dismissals }> {
    const state = await tabs.get(tabId);
    if (!state?.url) return { key: null, all: {} };
    const key = dismissalKey(state.url);
    return { key, all: parseDismissals((await api.storage.local.get(key))[key]) };
  }
  const handlers: Handlers<BackgroundDirection> = {
    'report-detected': async (_req, from) => {
      if (from.origin !== 'content') return null;
      // the engine's first question will be for the previous year: open the store while it starts
      void snapshots.warm?.().catch(() => undefined);
      await inject(from.tabId, from.frameId, false);
      return null;
    },
    'audit-page': auditPageHandler(snapshots, now),
    'audit-done': (req, from) =>
      from.origin !== 'content'
        ? null
        : record(from.tabId, {
            url: from.url || req.url,
            frameId: from.frameId,
            result: req.result,
            order: req.order,
            error: null,
          }),
    'audit-failed': (req, from) =>
      from.origin !== 'content'
        ? null
        : record(from.tabId, {
            url: from.url || req.url,
            frameId: from.frameId,
            result: null,
            order: [],
            error: req.error,
          }),
    'capture-finding-to-list': (req, from) =>
      from.origin !== 'content'
        ? { ok: false, added: 0, error: 'refused' }
        : captureToList(from.tabId, 'finding', req.findingId, from.frameId),
    'capture-finding-to-markup': (req, from) =>
      from.origin !== 'content'
        ? { ok: false, error: 'refused' }
        : evidence.closeUpToMarkup(from.tabId, req.findingId, from.frameId),
    'get-settings': () => settings(),
    'get-result': (req) => tabs.get(req.tabId),
    'audit-tab': (req) => inject(req.tabId, 0, true),
    capture: (req) => capture(req.tabId, req.mode, req.findingId),
    'capture-to-list': (req) => captureToList(req.tabId, req.mode, req.findingId),
    'issues-add': (req) => addFindings(req.tabId, req.findingIds, req.shot),
    'capture-each-to-list': (req) => evidence.eachToList(req.tabId, req.findingIds),
    'markup-open': (req) => evidence.markupOpen(req.tabId, req.findingIds, req.shot),
    'markup-get': (req) => evidence.markupGet(req.token),
    'markup-save': (req) => evidence.markupSave(req.token, req.annotated, req.plain),
    'issues-list': () => store.list(),
    'issues-update': async (req) => {
      const next = await store.update(req.id, req.patch);
      if (next) broadcast('issues-changed', {});
      return next;
    },
    'issues-update-many': async (req) => {
      const changed = await store.updateMany(req.ids, req.patch);
      if (changed.length) broadcast('issues-changed', {});
      return { updated: changed.length };
    },
    'issues-remove': async (req) => {
      await store.remove(req.ids);
      broadcast('issues-changed', {});
      return null;
    },
    'issues-recheck': async (req) => {
      const state = await tabs.get(req.tabId);
      if (!state?.result?.report.isReport) return null;
      const r = await store.recheck(state.url, state.result);
      if (r.fixed.length + r.present.length === 0) return null;
      broadcast('issues-changed', {});
      return { fixed: r.fixed.length, present: r.present.length, fresh: r.fresh.length };
    },
    'set-settings': (req) => saveSettings(req.settings),
    'ocr-picture': (req, from) => {
      // a content script asks only for pictures of its own site (never makes the extension fetch elsewhere)
      if (from.origin !== 'content' || !samePictureSite(req.src, from.url))
        return { ok: false, error: 'refused', width: 0, height: 0, skew: 0, cells: [], ms: 0 };
      return ocr(req.src);
    },
    ...storeHandlers(snapshots, now, () => broadcast('store-changed', {})),
    'issues-add-report': (req) =>
      isWebUrl(req.report.url)
        ? addToList(req.report, req.findings)
        : { ok: false, added: 0, error: 'not a web page' },
    'attachments-scan': (req) => attachments.scan(req.tabId),
    'viewer-result': async (req) => {
      await record(req.tabId, {
        url: req.file.url,
        frameId: 0,
        result: req.result,
        order: req.order,
        error: req.error,
      });
      if (req.fromTab !== null && req.fromTab !== req.tabId) {
        const c = req.result ? counts(req.result) : { error: 0, warning: 0, info: 0 };
        await attachments.record(req.fromTab, {
          url: req.file.url,
          isReport: req.result?.report.isReport ?? false,
          counts: c,
          error: req.error,
          differences: req.differences,
          auditedAt: now().toISOString(),
        });
        broadcast('tab-changed', { tabId: req.fromTab });
      }
      return null;
    },
    'dismissals-get': async (req) => (await dismissals(req.tabId)).all,
    'dismissals-set': async (req) => {
      const { key, all } = await dismissals(req.tabId);
      if (!key) return {};
      if (req.dismissal) all[req.findingId] = req.dismissal;
      else delete all[req.findingId];
      await api.storage.local.set({ [key]: all });
      broadcast('tab-changed', { tabId: req.tabId });
      // an entry of this finding already in the issue list carries the decision too
      const url = (await tabs.get(req.tabId))?.url;
      if (url && (await store.setVerdict(url, req.findingId, req.dismissal)).length)
        broadcast('issues-changed', {});
      return all;
    },
  };

  const listener = handle(BACKGROUND, handlers, self);

  return {
    store,
    snapshots,
    tabs,
    listener,
    inject,
    captureToList,
    /** One captioned close-up per finding group of the tab, each added to the list (Alt+Shift+S). */
    captureEachToList: (tabId: number) => evidence.eachToList(tabId, null),
    syncUserSites: async () => syncUserSites(api, await settings()),
    /** Messages and tab events (what tests drive; the entrypoint adds menus and shortcuts). */
    listen(): void {
      api.runtime.onMessage.addListener(listener);
      api.tabs.onUpdated.addListener((tabId, info) => {
        if (info.status === 'loading' && info.url)
          void tabs.clear(tabId, true).then(() => broadcast('tab-changed', { tabId }));
      });
      api.tabs.onRemoved.addListener((tabId) => void tabs.clear(tabId, false));
      // a page's attachment results go with the page
      api.tabs.onUpdated.addListener((tabId, info) => {
        if (info.status === 'loading' && info.url) void attachments.clear(tabId);
      });
      api.tabs.onRemoved.addListener((tabId) => void attachments.clear(tabId));
    },
  };
}
