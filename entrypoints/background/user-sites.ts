/** Detection on the sites the user added (options page): the detector registered for the granted ones. */
import type { Browser } from 'webextension-polyfill';
import type { Settings } from '@/lib/settings';

const USER_SITES_ID = 'nianbao-user-sites';
const DETECTOR = '/detector.js';

export async function syncUserSites(api: Browser, settings: Settings): Promise<void> {
  try {
    await api.scripting.unregisterContentScripts({ ids: [USER_SITES_ID] }).catch(() => undefined);
    const granted: string[] = [];
    for (const origin of settings.sites) {
      if (await api.permissions.contains({ origins: [origin] })) granted.push(origin);
    }
    if (granted.length === 0) return;
    await api.scripting.registerContentScripts([
      {
        id: USER_SITES_ID,
        matches: granted,
        js: [DETECTOR],
        runAt: 'document_start',
        allFrames: true,
        persistAcrossSessions: true,
      },
    ]);
  } catch (err) {
    console.warn('[年报巡检] user sites', err);
  }
}
