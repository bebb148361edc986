/**
 * The side panel: the active tab's findings (numbered as on the page), filters (a severity: show only, the
 * page follows; a category), the selected finding's details, 误报 / 忽略 with a reason, copy, add to the
 * issue list; clicking a finding scrolls the page to its mark. It follows the active tab (or ?tabId=N) and
 * the background's broadcasts; everything it changes, the background or the engine does.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Dismissal, Dismissals } from '@/lib/dismissals';
import type { ListReply, TabState, ViewState } from '@/lib/messages';
import { CATEGORIES, SEVERITIES } from '@/lib/model/enums';
import type { Category, Severity } from '@/lib/model/schema';
import { numbersFromOrder } from '@/lib/overlay/numbers';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { uncheckedParts } from '@/lib/summary';
import { CATEGORY_KEY, SEVERITY_KEY, t } from '../shared/i18n';
import { ask, askEngine, listenToBackground } from '../shared/messaging';
import { type DetailActions, Details } from './Details';
import { findingText } from './finding-text';

/**
 * What an add to the list did, in words. A click in the side panel does not grant activeTab (only the
 * toolbar icon, the context menu and the shortcuts do), so a capture refused for it says how to allow it.
 */
function listNotice(lang: Settings['lang'], r: ListReply, captured = false): string {
  if (!r.ok) {
    const error = r.error ?? '';
    return captured && error === t(lang, 'needActiveTab')
      ? t(lang, 'panelNeedActiveTab')
      : captured
        ? t(lang, 'captureFailed', error)
        : error;
  }
  return t(lang, 'addedToList', String(r.added));
}

async function activeTab(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function usePanelData() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [state, setState] = useState<TabState | null | undefined>(undefined);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [dismissed, setDismissed] = useState<Dismissals>({});
  useEffect(() => {
    let id: number | null = null;
    const load = async (tab: number | null) => {
      id = tab;
      // a slow answer for the tab before must not land under this one: both answers first, then one update
      const [result, dismissals] =
        tab === null
          ? [null, {}]
          : await Promise.all([
              ask('get-result', { tabId: tab }).catch(() => null),
              ask('dismissals-get', { tabId: tab }).catch(() => ({})),
            ]);
      if (id !== tab) return;
      setTabId(tab);
      setState(result);
      setDismissed(dismissals);
    };
    void (async () => {
      const s = await ask('get-settings', {}).catch(() => DEFAULT_SETTINGS);
      setSettings(s);
      document.documentElement.lang = s.lang === 'zh' ? 'zh-CN' : 'en';
      await load(await activeTab());
    })();
    const fixed = new URLSearchParams(location.search).has('tabId');
    const onActivated = (info: { tabId: number }) => {
      if (!fixed) void load(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    const stop = listenToBackground({
      'tab-changed': (req) => {
        if (req.tabId === id) void load(req.tabId);
        return null;
      },
      'settings-changed': (req) => {
        setSettings(req.settings);
        return null;
      },
    });
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      stop();
    };
  }, []);
  return { tabId, state, settings, dismissed, setDismissed };
}

export function App() {
  const { tabId, state, settings, dismissed, setDismissed } = usePanelData();
  const lang = settings.lang;
  const [only, setOnly] = useState<Severity | null>(null);
  const [category, setCategory] = useState<Category | ''>('');
  const [selected, setSelected] = useState<string | null>(null);
  const [view, setView] = useState<ViewState | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const result = state?.result ?? null;
  const frameId = state?.frameId ?? 0;
  const numbers = useMemo(() => numbersFromOrder(state?.order ?? []), [state]);
  const all = useMemo(
    () =>
      (result?.findings ?? [])
        .filter((f) => settings.categories.includes(f.category))
        .sort((a, b) => (numbers.get(a.id) ?? 1e9) - (numbers.get(b.id) ?? 1e9)),
    [result, settings, numbers],
  );
  const shown = all.filter(
    (f) =>
      (only ? f.severity === only : settings.severities.includes(f.severity)) &&
      (!category || f.category === category),
  );
  const current = all.find((f) => f.id === selected) ?? null;

  useEffect(() => {
    if (tabId === null || !result) return;
    void askEngine(tabId, frameId, 'set-view', {})
      .then((v) => {
        setView(v);
        setOnly(v.only?.length === 1 ? (v.only[0] ?? null) : null);
      })
      .catch(() => setView(null));
  }, [tabId, frameId, result]);

  const changeView = (change: { only?: Severity[] | null; hidden?: boolean }) => {
    if (tabId !== null)
      void askEngine(tabId, frameId, 'set-view', change)
        .then(setView)
        .catch(() => undefined);
  };
  const actions: DetailActions = {
    focus: (f) => {
      if (tabId !== null) void askEngine(tabId, frameId, 'focus-finding', { id: f.id }).catch(() => false);
    },
    add: (f) => {
      if (tabId === null) return;
      void ask('issues-add', { tabId, findingIds: [f.id] })
        .then((r) => setNotice(listNotice(lang, r)))
        .catch(() => setNotice(t(lang, 'captureFailed', '')));
    },
    capture: (f) => {
      if (tabId === null) return;
      setNotice(t(lang, 'capturing'));
      void ask('capture-to-list', { tabId, mode: 'finding', findingId: f.id })
        .then((r) => setNotice(listNotice(lang, r, true)))
        .catch((err) => setNotice(t(lang, 'captureFailed', String(err))));
    },
    copy: (f) => {
      void navigator.clipboard
        .writeText(findingText(f, numbers.get(f.id), lang, state?.url ?? ''))
        .then(() => setNotice(t(lang, 'copied')))
        .catch(() => setNotice(t(lang, 'copyFailed')));
    },
    dismiss: (f, d: Dismissal | null) => {
      if (tabId !== null)
        void ask('dismissals-set', { tabId, findingId: f.id, dismissal: d })
          .then(setDismissed)
          .catch(() => undefined);
    },
  };

  if (state === undefined) return <main class="muted">{t(lang, 'loading')}</main>;
  if (!result)
    return (
      <main>
        <h1>{t(lang, 'extName')}</h1>
        <p class="muted">{state?.error ? t(lang, 'auditFailed', state.error) : t(lang, 'notAudited')}</p>
      </main>
    );
  const unchecked = uncheckedParts(result);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of all) counts[f.severity]++;
  return (
    <main>
      <h1>{t(lang, 'extName')}</h1>
      {result.report.title && <p class="title">{result.report.title}</p>}
      {unchecked.length > 0 && (
        <p class="notice unchecked">
          {t(lang, 'notChecked')}
          {unchecked.map((u) => u[lang]).join(lang === 'zh' ? '；' : '; ')}
        </p>
      )}
      {view?.hidden && (
        <p class="notice" data-state="marks-hidden">
          {t(lang, 'marksHidden')}{' '}
          <button type="button" class="link" onClick={() => changeView({ hidden: false })}>
            {t(lang, 'showMarks')}
          </button>
        </p>
      )}
      <fieldset class="filters">
        <legend>{t(lang, 'filter')}</legend>
        {SEVERITIES.map((s) => (
          <button
            type="button"
            key={s}
            class={`count ${s}`}
            data-severity={s}
            aria-pressed={only === s}
            title={only === s ? t(lang, 'showAll') : t(lang, 'showOnly', t(lang, SEVERITY_KEY[s]))}
            onClick={() => {
              const next = only === s ? null : s;
              setOnly(next);
              changeView({ only: next ? [next] : null });
            }}
          >
            {t(lang, SEVERITY_KEY[s])} <b>{counts[s]}</b>
          </button>
        ))}
        <label>
          {t(lang, 'category')}{' '}
          <select
            value={category}
            data-field="category"
            onChange={(e) => setCategory((e.target as HTMLSelectElement).value as Category | '')}
          >
            <option value="">{t(lang, 'allCategories')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(lang, CATEGORY_KEY[c])}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <ul class="list">
        {shown.map((f) => (
          <li key={f.id}>
            <button
              type="button"
              class={`finding ${f.severity}${f.id === selected ? ' selected' : ''}`}
              data-finding-id={f.id}
              data-severity={f.severity}
              data-dismissed={dismissed[f.id]?.kind ?? ''}
              aria-current={f.id === selected}
              onClick={() => {
                setSelected(f.id);
                actions.focus(f);
              }}
            >
              <span class="num">{numbers.get(f.id) ?? '·'}</span>
              <span class="ftitle">{f.title[lang]}</span>
              {dismissed[f.id] && (
                <span class="tag">
                  {t(lang, dismissed[f.id]?.kind === 'false-positive' ? 'falsePositive' : 'ignore')}
                </span>
              )}
            </button>
          </li>
        ))}
        {shown.length === 0 && (
          <li class="muted">
            {all.length
              ? t(lang, 'noneShown')
              : unchecked.length
                ? t(lang, 'noFindingsButUnchecked')
                : t(lang, 'noFindings')}
          </li>
        )}
      </ul>
      {current && (
        <Details
          key={current.id}
          f={current}
          n={numbers.get(current.id)}
          lang={lang}
          dismissal={dismissed[current.id]}
          on={actions}
        />
      )}
    </main>
  );
}
