import browser, { type Runtime } from 'webextension-polyfill';
import { Message, type TabState } from '@/lib/messages';
import { badgeFor } from '@/lib/summary';

/** Per-tab audit results, kept in session storage so the popup can read them after the worker sleeps. */
const key = (tabId: number) => `tab:${tabId}`;

export default defineBackground(() => {
  const action = browser.action ?? browser.browserAction;

  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    const parsed = Message.safeParse(raw);
    if (!parsed.success) return undefined;
    const msg = parsed.data;
    if (msg.type === 'get-result') {
      return browser.storage.session.get(key(msg.tabId)).then((v) => v[key(msg.tabId)] ?? null);
    }
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId) return undefined;
    if (msg.type === 'audit-done' || msg.type === 'audit-failed') {
      const state: TabState =
        msg.type === 'audit-done'
          ? { url: msg.url, result: msg.result, error: null }
          : { url: msg.url, result: null, error: msg.error };
      const badge = badgeFor(state.result);
      void action.setBadgeText({ tabId, text: state.error ? '!' : badge.text });
      void action.setBadgeBackgroundColor({ tabId, color: state.error ? '#d93025' : badge.color });
      return browser.storage.session.set({ [key(tabId)]: state }).then(() => true);
    }
    return undefined;
  });

  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status === 'loading' && info.url) {
      void action.setBadgeText({ tabId, text: '' });
      void browser.storage.session.remove(key(tabId));
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(key(tabId)));
});
