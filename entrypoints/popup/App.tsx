/**
 * The popup (also shown as a full tab: popup.html?tabId=N): this page's status, counts by severity and
 * category, findings grouped by category with their arithmetic, filters, what was and was not checked.
 * Clicking a finding scrolls the page to it and flashes it.
 */

import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { numeralZh } from '@/lib/format/sections';
import { AuditTabReply, TabState } from '@/lib/messages';
import { CATEGORIES, SEVERITIES } from '@/lib/model/enums';
import type { Finding, Severity } from '@/lib/model/schema';
import { parseSettings, SETTINGS_KEY, type Settings } from '@/lib/settings';
import { CATEGORY_KEY, type MessageKey, SEVERITY_KEY, t } from '../shared/i18n';
import { addPageFindings as addToList } from '../shared/issue-store';
import { captureShots, Evidence } from './Evidence';

const KIND_KEY: Record<string, MessageKey> = {
  township: 'kindTownship',
  department: 'kindDepartment',
  government: 'kindGovernment',
  unknown: 'kindUnknown',
};
const TABLE_KEY: Record<string, MessageKey> = {
  read: 'tableRead',
  partial: 'tablePartial',
  blank: 'tableBlank',
  image: 'tableImage',
  missing: 'tableMissing',
  'not-applicable': 'tableNa',
};

async function targetTab(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function loadState(tabId: number): Promise<TabState | null> {
  const parsed = TabState.safeParse(await browser.runtime.sendMessage({ type: 'get-result', tabId }));
  return parsed.success ? parsed.data : null;
}

export function App() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [state, setState] = useState<TabState | null | undefined>(undefined);
  const [settings, setSettings] = useState<Settings>(parseSettings({}));
  const [severities, setSeverities] = useState<Severity[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const lang = settings.lang;
  const full = new URLSearchParams(location.search).has('tabId');

  useEffect(() => {
    void (async () => {
      const stored = await browser.storage.local
        .get(SETTINGS_KEY)
        .catch(() => ({}) as Record<string, unknown>);
      const s = parseSettings(stored[SETTINGS_KEY]);
      setSettings(s);
      document.documentElement.lang = s.lang === 'zh' ? 'zh-CN' : 'en';
      const id = await targetTab();
      setTabId(id);
      setState(id === null ? null : await loadState(id));
    })();
    const onChange = (_changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session')
        void targetTab().then((id) => (id === null ? undefined : loadState(id).then(setState)));
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  const result = state?.result ?? null;
  const shownSev = severities ?? settings.severities;
  const numbers = useMemo(() => new Map((state?.order ?? []).map((id, i) => [id, i + 1])), [state]);
  const findings = useMemo(() => {
    const fs = (result?.findings ?? []).filter((f) => settings.categories.includes(f.category));
    return fs.sort((a, b) => (numbers.get(a.id) ?? 1e9) - (numbers.get(b.id) ?? 1e9));
  }, [result, settings, numbers]);
  const counts = useMemo(() => {
    const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of findings) c[f.severity]++;
    return c;
  }, [findings]);

  const audit = async () => {
    if (tabId === null) return;
    setBusy(true);
    setNotice(null);
    const reply = AuditTabReply.safeParse(await browser.runtime.sendMessage({ type: 'audit-tab', tabId }));
    if (!reply.success || !reply.data.ok) {
      setNotice(t(lang, 'cannotAudit'));
      setBusy(false);
      return;
    }
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 150));
      const s = await loadState(tabId);
      if (s?.result || s?.error) {
        setState(s);
        break;
      }
    }
    setBusy(false);
  };

  const addOne = async (f: Finding) => {
    if (!state) return;
    try {
      setNotice(t(lang, 'addedToList', String(await addToList(state, [f], settings))));
    } catch (err) {
      setNotice(err instanceof Error ? err.message : String(err));
    }
  };

  const closeUp = async (f: Finding) => {
    if (!state || tabId === null) return;
    setNotice(t(lang, 'capturing'));
    const reply = await captureShots(tabId, 'finding', f.id);
    if (!reply.ok || !reply.shots[0]) {
      setNotice(t(lang, 'captureFailed', reply.error ?? ''));
      return;
    }
    try {
      setNotice(t(lang, 'addedToList', String(await addToList(state, [f], settings, reply.shots[0]))));
    } catch (err) {
      setNotice(err instanceof Error ? err.message : String(err));
    }
  };

  const focus = (f: Finding) => {
    if (tabId === null) return;
    void browser.tabs
      .sendMessage(tabId, { type: 'focus-finding', id: f.id }, { frameId: state?.frameId ?? 0 })
      .catch(() => undefined);
  };

  if (state === undefined) return <main class="muted">{t(lang, 'loading')}</main>;

  const header = (
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
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t(lang, 'settings')}
        </button>
      </nav>
    </header>
  );

  if (!result) {
    return (
      <main class={full ? 'full' : ''}>
        {header}
        <p class="muted" data-state={state?.error ? 'error' : 'none'}>
          {state?.error ? t(lang, 'auditFailed', state.error) : t(lang, 'notAudited')}
        </p>
        <button
          type="button"
          class="primary"
          disabled={busy}
          onClick={() => void audit()}
          data-action="audit"
        >
          {t(lang, 'auditThisPage')}
        </button>
        {notice && <p class="notice">{notice}</p>}
      </main>
    );
  }

  const r = result.report;
  const cov = result.coverage;
  const notVerifiable = cov.cells.blank + cov.cells.na + cov.cells.text + cov.cells.missing;
  const visible = findings.filter((f) => shownSev.includes(f.severity));
  const byCat = CATEGORIES.map((c) => [c, visible.filter((f) => f.category === c)] as const).filter(
    ([, fs]) => fs.length,
  );

  return (
    <main class={full ? 'full' : ''}>
      {header}
      <section class="status" data-is-report={String(r.isReport)}>
        {!r.isReport && (
          <p class="muted">
            {t(lang, 'notReport')}{' '}
            <button
              type="button"
              class="link"
              disabled={busy}
              onClick={() => void audit()}
              data-action="audit"
            >
              {t(lang, 'auditAnyway')}
            </button>
          </p>
        )}
        {r.title && <p class="title">{r.title}</p>}
        <dl class="facts">
          <dt>{t(lang, 'agency')}</dt>
          <dd>{r.agency ?? t(lang, 'unknown')}</dd>
          <dt>{t(lang, 'year')}</dt>
          <dd>{r.reportYear ?? t(lang, 'unknown')}</dd>
          <dt>{t(lang, 'bodyKind')}</dt>
          <dd>{t(lang, KIND_KEY[r.bodyKind] ?? 'kindUnknown')}</dd>
          <dt>{t(lang, 'published')}</dt>
          <dd>{r.publishedAt ?? t(lang, 'unknown')}</dd>
        </dl>
      </section>
      <section class="counts" aria-label={t(lang, 'filter')}>
        {SEVERITIES.map((s) => (
          <button
            type="button"
            key={s}
            class={`count ${s}${shownSev.includes(s) ? ' on' : ''}`}
            aria-pressed={shownSev.includes(s)}
            data-severity={s}
            onClick={() =>
              setSeverities(shownSev.includes(s) ? shownSev.filter((x) => x !== s) : [...shownSev, s])
            }
          >
            {t(lang, SEVERITY_KEY[s])} <b>{counts[s]}</b>
          </button>
        ))}
      </section>
      {cov.partial && <p class="notice">{t(lang, 'partialAudit')}</p>}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <section class="findings">
        {byCat.length === 0 && (
          <p class="muted">{findings.length ? t(lang, 'noneShown') : t(lang, 'noFindings')}</p>
        )}
        {byCat.map(([cat, fs]) => (
          <div class="group" key={cat} data-category={cat}>
            <h2>
              {t(lang, CATEGORY_KEY[cat])} <span class="n">{fs.length}</span>
            </h2>
            <ul>
              {fs.map((f) => (
                <li key={f.id} class="finding-row">
                  <button
                    type="button"
                    class={`finding ${f.severity}`}
                    data-finding-id={f.id}
                    data-rule={f.ruleId}
                    data-category={f.category}
                    data-severity={f.severity}
                    onClick={() => focus(f)}
                  >
                    <span class="num">{numbers.get(f.id) ?? '·'}</span>
                    <span class="body">
                      <span class="ftitle">{f.title[lang]}</span>
                      <span class="msg">{f.evidence?.formula?.[lang] ?? f.message[lang]}</span>
                    </span>
                  </button>
                  <span class="row-actions">
                    <button
                      type="button"
                      class="link"
                      title={t(lang, 'addOne')}
                      data-action="add-one"
                      onClick={() => void addOne(f)}
                    >
                      ＋
                    </button>
                    <button
                      type="button"
                      class="link"
                      title={t(lang, 'captureFinding')}
                      data-action="closeup"
                      onClick={() => void closeUp(f)}
                    >
                      {t(lang, 'captureFinding')}
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      {tabId !== null && state && <Evidence tabId={tabId} state={state} settings={settings} />}
      <section class="coverage">
        <h2>{t(lang, 'coverage')}</h2>
        <dl class="facts">
          <dt>{t(lang, 'tables')}</dt>
          <dd>
            {(['t1', 't2', 't3'] as const).map((k, i) => (
              <span key={k} class={`table-state ${cov.tables[k]}`}>
                {t(lang, (['table1', 'table2', 'table3'] as const)[i] as MessageKey)}{' '}
                {t(lang, TABLE_KEY[cov.tables[k]] ?? 'tableNa')}
              </span>
            ))}
          </dd>
          <dt>{t(lang, 'sectionsFound')}</dt>
          <dd>{cov.sectionsFound.map((n) => numeralZh(n)).join('、') || '—'}</dd>
          <dt>{t(lang, 'cellsNotVerifiable')}</dt>
          <dd>{notVerifiable}</dd>
        </dl>
        <button type="button" disabled={busy} onClick={() => void audit()} data-action="reaudit">
          {t(lang, 'reaudit')}
        </button>
      </section>
    </main>
  );
}
