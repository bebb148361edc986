import browser from 'webextension-polyfill';
import type { Lang } from '@/lib/model/schema';
import { t } from '../shared/i18n';
import { openSidePanel } from '../shared/side-panel';

/** Title, "open in a tab" (when shown as the toolbar popup) and the settings link. */
export function Header({ lang, tabId, full }: { lang: Lang; tabId: number | null; full: boolean }) {
  return (
    <header>
      <h1>{t(lang, 'extName')}</h1>
      <nav>
        {!full && tabId !== null && (
          <button
            type="button"
            class="link"
            onClick={() =>
              void browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tabId=${tabId}`) })
            }
          >
            {t(lang, 'openInTab')}
          </button>
        )}
        <button
          type="button"
          class="link"
          data-action="open-side-panel"
          onClick={() => void openSidePanel(tabId).then((ok) => ok && !full && window.close())}
        >
          {t(lang, 'openSidePanel')}
        </button>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t(lang, 'settings')}
        </button>
      </nav>
    </header>
  );
}
