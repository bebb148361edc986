/**
 * The store of audited reports, as the background keeps it: every report (agency, year, address, when
 * audited, counts) and 清空. Follows the background's store-changed broadcast.
 */
import { useEffect, useState } from 'preact/hooks';
import type { StoreEntry } from '@/lib/messages';
import type { Lang } from '@/lib/model/schema';
import { t } from '../shared/i18n';
import { ask, listenToBackground } from '../shared/messaging';

export function StoreList({ lang }: { lang: Lang }) {
  const [entries, setEntries] = useState<StoreEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () =>
      void ask('store-list', {}).then(
        (list) => {
          setEntries(list);
          setError(null);
        },
        (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
      );
    load();
    return listenToBackground({
      'store-changed': () => {
        load();
        return null;
      },
    });
  }, []);
  const clear = async () => {
    if (!confirm(t(lang, 'storeClearConfirm', String(entries?.length ?? 0)))) return;
    await ask('store-clear', {}).catch((err: unknown) =>
      setError(err instanceof Error ? err.message : String(err)),
    );
  };
  return (
    <fieldset class="store" data-count={entries?.length ?? ''}>
      <legend>{t(lang, 'storeTitle')}</legend>
      <p class="help">{t(lang, 'storeHelp')}</p>
      {error && <p class="note">{error}</p>}
      {entries && entries.length === 0 && <p class="muted">{t(lang, 'storeEmpty')}</p>}
      {entries && entries.length > 0 && (
        <>
          <p>
            {t(lang, 'storeCount', String(entries.length))}{' '}
            <button type="button" onClick={() => void clear()} data-action="store-clear">
              {t(lang, 'storeClear')}
            </button>
          </p>
          <table class="store-list">
            <thead>
              <tr>
                <th>{t(lang, 'agency')}</th>
                <th>{t(lang, 'year')}</th>
                <th>URL</th>
                <th>{t(lang, 'storeAudited')}</th>
                <th>{t(lang, 'storeCounts')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.url} data-url={e.url}>
                  <td>{e.agency ?? '—'}</td>
                  <td>{e.year ?? '—'}</td>
                  <td>
                    <a href={e.url} target="_blank" rel="noopener noreferrer" title={e.title ?? ''}>
                      {e.url}
                    </a>
                  </td>
                  <td>{new Date(e.auditedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')}</td>
                  <td>
                    {e.counts.error} / {e.counts.warning} / {e.counts.info}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </fieldset>
  );
}
