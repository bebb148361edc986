/**
 * Background: inject the engine where a report was detected or the user asks (popup button, context menu,
 * keyboard shortcut), keep each tab's result, draw the badge, run detection on the sites the user added.
 */

import browser, { type Runtime } from 'webextension-polyfill';
import { StoreFullError } from '@/lib/issues/store';
import {
  type AuditTabReply,
  type CaptureReply,
  type ListReply,
  type Shot,
  TabState,
  ToBackground,
} from '@/lib/messages';
import { parseSettings, SETTINGS_KEY } from '@/lib/settings';
import { badgeFor } from '@/lib/summary';
import { captureFinding, captureFull, captureVisible, type Target } from './shared/capture';
import { t } from './shared/i18n';
import { addPageFindings } from './shared/issue-store';

const ENGINE = '/content-scripts/engine.js';
const DETECTOR = '/detector.js';
const USER_SITES_ID = 'nianbao-user-sites';
const key = (tabId: number) => `tab:${tabId}`;

async function inject(tabId: number, frameId: number, forced: boolean): Promise<AuditTabReply> {
  try {
    const target = { tabId, frameIds: [frameId] };
    if (forced) {
      await browser.scripting.executeScript({
        target,
        func: () => {
          (globalThis as unknown as { __nianbaoForced?: boolean }).__nianbaoForced = true;
        },
      });
    }
    await browser.scripting.executeScript({ target, files: [ENGINE] });
    return { ok: true };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

async function saveState(tabId: number, state: TabState): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  const badge = badgeFor(state.result);
  await Promise.all([
    action.setBadgeText({ tabId, text: state.error ? '!' : badge.text }),
    action.setBadgeBackgroundColor({ tabId, color: state.error ? '#d93025' : badge.color }),
    browser.storage.session.set({ [key(tabId)]: state }),
  ]).catch(() => undefined);
}

async function syncUserSites(): Promise<void> {
  const settings = parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  try {
    await browser.scripting.unregisterContentScripts({ ids: [USER_SITES_ID] }).catch(() => undefined);
    const granted: string[] = [];
    for (const origin of settings.sites) {
      if (await browser.permissions.contains({ origins: [origin] })) granted.push(origin);
    }
    if (granted.length === 0) return;
    await browser.scripting.registerContentScripts([
      {
        id: USER_SITES_ID,
        matches: granted,
        js: [DETECTOR],
        runAt: 'document_idle',
        allFrames: true,
        persistAcrossSessions: true,
      },
    ]);
  } catch (err) {
    console.warn('[年报巡检] user sites', err);
  }
}

async function targetOf(tabId: number): Promise<{ target: Target; state: TabState | null }> {
  const tab = await browser.tabs.get(tabId);
  const parsed = TabState.safeParse((await browser.storage.session.get(key(tabId)))[key(tabId)]);
  const state = parsed.success ? parsed.data : null;
  return {
    target: {
      tabId,
      windowId: tab.windowId ?? browser.windows.WINDOW_ID_CURRENT,
      frameId: state?.frameId ?? 0,
      url: state?.url ?? tab.url ?? '',
      title: state?.result?.report.title ?? tab.title ?? '',
    },
    state,
  };
}

function captureError(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  // Chrome: "Either the '<all_urls>' or 'activeTab' permission is required."
  return /activeTab|all_urls|permission/i.test(msg) ? t('zh', 'needActiveTab') : msg;
}

async function capture(
  tabId: number,
  mode: 'visible' | 'full' | 'finding',
  findingId?: string,
): Promise<CaptureReply> {
  try {
    const { target } = await targetOf(tabId);
    const shots =
      mode === 'full'
        ? await captureFull(target)
        : mode === 'finding' && findingId
          ? await captureFinding(target, findingId)
          : await captureVisible(target);
    return { ok: true, shots };
  } catch (err) {
    return { ok: false, shots: [], error: captureError(err) };
  }
}

/** Capture and add findings of the tab to the issue list, with the screenshot as evidence. */
async function captureToList(
  tabId: number,
  mode: 'visible' | 'finding',
  findingId?: string,
): Promise<ListReply> {
  const { state } = await targetOf(tabId);
  const result = state?.result;
  if (!result) return { ok: false, added: 0, error: t('zh', 'notAudited') };
  const shot = await capture(tabId, mode, findingId);
  const first: Shot | undefined = shot.shots[0];
  if (!shot.ok || !first) return { ok: false, added: 0, error: shot.error };
  try {
    const settings = parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
    const findings = findingId ? result.findings.filter((f) => f.id === findingId) : result.findings;
    return { ok: true, added: await addPageFindings(state, findings, settings, first) };
  } catch (err) {
    return { ok: false, added: 0, error: err instanceof StoreFullError ? err.message : String(err) };
  }
}

async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    const parsed = ToBackground.safeParse(raw);
    if (!parsed.success) return undefined;
    const msg = parsed.data;
    switch (msg.type) {
      case 'get-result':
        return browser.storage.session.get(key(msg.tabId)).then((v) => v[key(msg.tabId)] ?? null);
      case 'audit-tab':
        return inject(msg.tabId, 0, true);
      case 'capture':
        return capture(msg.tabId, msg.mode, msg.findingId);
      case 'capture-finding-to-list': {
        const tabId = sender.tab?.id;
        return tabId === undefined ? undefined : captureToList(tabId, 'finding', msg.findingId);
      }
      case 'report-detected': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return undefined;
        return inject(tabId, sender.frameId ?? 0, false).then(() => undefined);
      }
      case 'audit-done':
      case 'audit-failed': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return undefined;
        const frameId = sender.frameId ?? 0;
        const state: TabState =
          msg.type === 'audit-done'
            ? { url: msg.url, frameId, result: msg.result, order: msg.order, error: null }
            : { url: msg.url, frameId, result: null, order: [], error: msg.error };
        return browser.storage.session.get(key(tabId)).then(async (v) => {
          // a frame without a report never replaces the frame that has one
          const prev = v[key(tabId)] as TabState | undefined;
          if (prev?.result?.report.isReport && prev.frameId !== frameId && !state.result?.report.isReport)
            return;
          await saveState(tabId, state);
        });
      }
    }
  });

  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status === 'loading' && info.url) {
      const action = browser.action ?? browser.browserAction;
      void action.setBadgeText({ tabId, text: '' });
      void browser.storage.session.remove(key(tabId));
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(key(tabId)));

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: 'audit-page',
        title: t('zh', 'auditThisPage'),
        contexts: ['page', 'frame', 'selection'],
      }),
    );
    void syncUserSites();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'audit-page' && tab?.id !== undefined)
      void inject(tab.id, info.frameId ?? 0, true);
  });
  browser.commands.onCommand.addListener((command) => {
    void activeTabId().then((id) => {
      if (id === null) return;
      if (command === 'audit-page') void inject(id, 0, true);
      if (command === 'capture-to-list') void captureToList(id, 'visible');
    });
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[SETTINGS_KEY]) void syncUserSites();
  });
});
