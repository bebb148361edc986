/**
 * On a 年报 column page (a list of report links, lib/column/list.ts readColumnPage), one button: 审核整个栏目,
 * which opens the column view (column.html?url=…) in a tab. The page is read as it stands in the tab (its
 * HTML, parsed here, inert), so nothing is fetched for it.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { readColumnPage } from '@/lib/column/list';
import type { Lang } from '@/lib/model/schema';
import { t } from '../shared/i18n';

/** The tab's top page, if it is a report column: its URL and how many reports it lists. */
async function columnOf(tabId: number): Promise<{ url: string; count: number } | null> {
  const [got] = await browser.scripting.executeScript({
    target: { tabId },
    func: () => ({ url: location.href, html: document.documentElement.outerHTML }),
  });
  const page = got?.result as { url?: unknown; html?: unknown } | undefined;
  if (typeof page?.url !== 'string' || typeof page.html !== 'string' || !/^https?:/i.test(page.url))
    return null;
  const doc = new DOMParser().parseFromString(page.html, 'text/html');
  const col = readColumnPage(doc, page.url);
  return col.isColumn ? { url: page.url, count: col.entries.length } : null;
}

export function ColumnAction({ tabId, lang }: { tabId: number | null; lang: Lang }) {
  const [column, setColumn] = useState<{ url: string; count: number } | null>(null);
  useEffect(() => {
    if (tabId === null) return;
    void columnOf(tabId)
      .catch(() => null)
      .then(setColumn);
  }, [tabId]);
  if (!column) return null;
  const open = () =>
    void browser.tabs.create({
      url: browser.runtime.getURL(`/column.html?url=${encodeURIComponent(column.url)}`),
    });
  return (
    <section class="column-action">
      <p class="muted">{t(lang, 'colColumnHint', String(column.count))}</p>
      <button type="button" class="primary" onClick={open} data-action="audit-column">
        {t(lang, 'colAuditColumn')}
      </button>
    </section>
  );
}
