/**
 * Options: language, the sites where detection runs (adding one asks for that host permission),
 * which categories and severities the overlay and popup show, the inspector's name; the store of audited
 * reports (list, clear).
 */

import '../shared/zod-jitless';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Lang } from '@/lib/model/schema';
import { DEFAULT_SETTINGS, type Settings, sitePattern } from '@/lib/settings';
import { CATEGORY_KEY, SEVERITY_KEY, t } from '../shared/i18n';
import { ask } from '../shared/messaging';
import { StoreList } from './StoreList';
import '../shared/base.css';
import './style.css';

function toggle<T>(list: T[], item: T, on: boolean): T[] {
  return on ? [...new Set([...list, item])] : list.filter((x) => x !== item);
}

function Options() {
  const [s, setS] = useState<Settings | null>(null);
  const [site, setSite] = useState('');
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    void ask('get-settings', {})
      .catch(() => DEFAULT_SETTINGS)
      .then(setS);
  }, []);
  if (!s) return null;
  const lang: Lang = s.lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t(lang, 'optionsTitle');

  // the background stores the settings and tells every context
  const save = async (next: Settings) => {
    setS(next);
    try {
      setS(await ask('set-settings', { settings: next }));
      setNote(t(next.lang, 'saved'));
    } catch (err) {
      setNote(err instanceof Error ? err.message : String(err));
    }
  };

  const addSite = async (e: Event) => {
    e.preventDefault();
    const pattern = sitePattern(site);
    if (!pattern) {
      setNote(t(lang, 'siteInvalid'));
      return;
    }
    // must run in the click's user gesture
    const granted = await browser.permissions.request({ origins: [pattern] }).catch(() => false);
    if (!granted) {
      setNote(t(lang, 'permissionDenied'));
      return;
    }
    setSite('');
    await save({ ...s, sites: [...new Set([...s.sites, pattern])] });
  };

  const removeSite = async (pattern: string) => {
    await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
    await save({ ...s, sites: s.sites.filter((x) => x !== pattern) });
  };

  return (
    <main>
      <h1>{t(lang, 'optionsTitle')}</h1>
      <fieldset>
        <legend>{t(lang, 'language')}</legend>
        {(['zh', 'en'] as const).map((l) => (
          <label key={l}>
            <input
              type="radio"
              name="lang"
              checked={lang === l}
              onChange={() => void save({ ...s, lang: l })}
            />
            {t(lang, l === 'zh' ? 'langZh' : 'langEn')}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t(lang, 'sites')}</legend>
        <p class="help">{t(lang, 'sitesHelp')}</p>
        <ul class="sites">
          <li>
            {siteText('*://*.gov.cn/*', lang)} <code class="muted">*://*.gov.cn/*</code>
          </li>
          {s.sites.map((p) => (
            <li key={p}>
              {siteText(p, lang)} <code class="muted">{p}</code>{' '}
              <button type="button" onClick={() => void removeSite(p)}>
                {t(lang, 'removeSite')}
              </button>
            </li>
          ))}
        </ul>
        <form onSubmit={(e) => void addSite(e)}>
          <input
            type="text"
            aria-label={t(lang, 'sitePlaceholder')}
            value={site}
            placeholder={t(lang, 'sitePlaceholder')}
            onInput={(e) => setSite((e.target as HTMLInputElement).value)}
          />
          <button type="submit">{t(lang, 'addSite')}</button>
        </form>
      </fieldset>
      <fieldset>
        <legend>{t(lang, 'showCategories')}</legend>
        {DEFAULT_SETTINGS.categories.map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              checked={s.categories.includes(c)}
              onChange={(e) =>
                void save({
                  ...s,
                  categories: toggle(s.categories, c, (e.target as HTMLInputElement).checked),
                })
              }
            />
            {t(lang, CATEGORY_KEY[c])}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t(lang, 'showSeverities')}</legend>
        {DEFAULT_SETTINGS.severities.map((v) => (
          <label key={v}>
            <input
              type="checkbox"
              checked={s.severities.includes(v)}
              onChange={(e) =>
                void save({
                  ...s,
                  severities: toggle(s.severities, v, (e.target as HTMLInputElement).checked),
                })
              }
            />
            {t(lang, SEVERITY_KEY[v])}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t(lang, 'inspector')}</legend>
        <input
          type="text"
          aria-label={t(lang, 'inspector')}
          value={s.inspector}
          onChange={(e) => void save({ ...s, inspector: (e.target as HTMLInputElement).value.trim() })}
        />
        <p class="help">{t(lang, 'inspectorHelp')}</p>
      </fieldset>
      <StoreList lang={lang} />
      <p class="note" role="status">
        {note}
      </p>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Options />, root);

/** A match pattern as people say it: 「gov.cn 下的所有网站」, 「www.example.org」, 「example.org 及其子域名」. */
function siteText(pattern: string, lang: 'zh' | 'en'): string {
  const host = /^\*:\/\/([^/]+)\/\*$/.exec(pattern)?.[1];
  if (!host) return pattern;
  if (host.startsWith('*.')) {
    const base = host.slice(2);
    return lang === 'zh' ? `${base} 下的所有网站` : `every site under ${base}`;
  }
  return host;
}
