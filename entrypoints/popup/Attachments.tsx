/**
 * The popup's "附件" section: the report attachments of the tab's page (links, embedded PDFs, or the tab
 * itself showing a file), each with "在审核视图中打开" and, once the viewer audited it, its counts. When the
 * toolbar popup opens on a tab that itself shows a PDF or Word file on a government site, it opens the
 * viewer for it at once.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { viewerUrl } from '@/lib/detect/attachments';
import type { AttachmentsReply } from '@/lib/messages';
import type { Lang } from '@/lib/model/schema';
import { t } from '../shared/i18n';
import { ask, listenToBackground } from '../shared/messaging';

const isGov = (url: string) => {
  try {
    return /(^|\.)gov\.cn$/i.test(new URL(url).hostname);
  } catch {
    return false;
  }
};

export function Attachments({ tabId, lang, full }: { tabId: number; lang: Lang; full: boolean }) {
  const [list, setList] = useState<AttachmentsReply | null>(null);

  useEffect(() => {
    const load = () =>
      void ask('attachments-scan', { tabId })
        .catch(() => null)
        .then((r) => {
          setList(r);
          const self = r?.items[0];
          if (!full && self?.via === 'tab' && !self.result && isGov(self.url)) {
            void browser.tabs
              .create({ url: viewerUrl(browser.runtime.getURL('/'), self.url, null, tabId) })
              .then(() => window.close());
          }
        });
    load();
    return listenToBackground({
      'tab-changed': (req) => {
        if (req.tabId === tabId) load();
        return null;
      },
    });
  }, [tabId, full]);

  if (!list) return null;
  const open = (url: string) =>
    void browser.tabs.create({ url: viewerUrl(browser.runtime.getURL('/'), url, list.page, tabId) });
  return (
    <section class="attachments" data-section="attachments">
      <h2>{t(lang, 'attachments')}</h2>
      {list.items.length === 0 && <p class="muted">{t(lang, 'attachmentNone')}</p>}
      <ul>
        {list.items.map((a) => (
          <li key={a.url} data-attachment={a.url} data-kind={a.kind}>
            <span class="name" title={a.url}>
              {a.via === 'tab' ? `${t(lang, 'attachmentThisTab')}：` : ''}
              {a.name} <span class="muted">({a.kind.toUpperCase()})</span>
            </span>{' '}
            <button type="button" class="link" data-action="open-viewer" onClick={() => open(a.url)}>
              {t(lang, 'attachmentOpen')}
            </button>
            {a.result && (
              <span class="att-result" data-result={JSON.stringify(a.result.counts)}>
                {' '}
                {a.result.error
                  ? t(lang, 'attachmentFailed', a.result.error)
                  : t(
                      lang,
                      'attachmentCounts',
                      String(a.result.counts.error),
                      String(a.result.counts.warning),
                      String(a.result.counts.info),
                    )}
                {a.result.differences > 0 &&
                  ` · ${t(lang, 'attachmentDiffers', String(a.result.differences))}`}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
