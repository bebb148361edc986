/**
 * What the popup shows, as the background answers and broadcasts it: the target tab, its state and the
 * settings. The popup writes nothing itself.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { TabState } from '@/lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { ask, listenToBackground } from '../shared/messaging';

/** popup.html?tabId=N (the popup opened in a tab), else the active tab. */
export async function targetTab(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export function loadState(tabId: number): Promise<TabState | null> {
  return ask('get-result', { tabId }).catch(() => null);
}

export interface PopupData {
  tabId: number | null;
  /** undefined while loading */
  state: TabState | null | undefined;
  settings: Settings;
  setState(state: TabState | null): void;
}

export function usePopupData(): PopupData {
  const [tabId, setTabId] = useState<number | null>(null);
  const [state, setState] = useState<TabState | null | undefined>(undefined);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);

  useEffect(() => {
    let id: number | null = null;
    const apply = (s: Settings) => {
      setSettings(s);
      document.documentElement.lang = s.lang === 'zh' ? 'zh-CN' : 'en';
    };
    void (async () => {
      apply(await ask('get-settings', {}).catch(() => DEFAULT_SETTINGS));
      id = await targetTab();
      setTabId(id);
      setState(id === null ? null : await loadState(id));
    })();
    return listenToBackground({
      'tab-changed': (req) => {
        if (req.tabId === id) void loadState(req.tabId).then(setState);
        return null;
      },
      'settings-changed': (req) => {
        apply(req.settings);
        return null;
      },
    });
  }, []);

  return { tabId, state, settings, setState };
}
