/**
 * Open the side panel for a tab: chrome.sidePanel in Chromium (within the user's gesture: call it before
 * any await), sidebarAction in Firefox. Resolves false where neither exists or the browser refuses.
 */
import browser from 'webextension-polyfill';

type SidePanelApi = { open(options: { tabId?: number; windowId?: number }): Promise<void> };

export function openSidePanel(tabId: number | null, windowId?: number): Promise<boolean> {
  const side = (globalThis as unknown as { chrome?: { sidePanel?: SidePanelApi } }).chrome?.sidePanel;
  if (side?.open) {
    const where = tabId !== null ? { tabId } : windowId !== undefined ? { windowId } : null;
    if (!where) return Promise.resolve(false);
    return side.open(where).then(
      () => true,
      () => false,
    );
  }
  const ff = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  return ff
    ? ff.open().then(
        () => true,
        () => false,
      )
    : Promise.resolve(false);
}
