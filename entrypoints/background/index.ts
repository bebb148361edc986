/**
 * Background entrypoint, thin: the work is in ./app.ts (testable with fakeBrowser); here the browser's
 * menus, shortcut and install events are wired to it.
 */
import '../shared/zod-jitless';
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { openSidePanel } from '../shared/side-panel';
import { createBackground } from './app';

export default defineBackground(() => {
  const bg = createBackground(browser);
  bg.listen();

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: 'audit-page',
        title: t('zh', 'auditThisPage'),
        contexts: ['page', 'frame', 'selection'],
      }),
    );
    void bg.syncUserSites();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'audit-page' && tab?.id !== undefined)
      void bg.inject(tab.id, info.frameId ?? 0, true);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    // the side panel opens only within the shortcut's gesture: before any await
    if (command === 'open-side-panel') {
      void openSidePanel(tab?.id ?? null, tab?.windowId);
      return;
    }
    void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => {
      if (active?.id === undefined) return;
      if (command === 'audit-page') void bg.inject(active.id, 0, true);
      if (command === 'capture-to-list') void bg.captureEachToList(active.id);
    });
  });
});
