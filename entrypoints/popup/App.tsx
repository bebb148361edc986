/**
 * The popup (also shown as a full tab: popup.html?tabId=N): this page's status, counts by severity and
 * category, findings grouped by category with their arithmetic, filters, what was and was not checked.
 * Clicking a finding scrolls the page to it and flashes it. Everything it changes, it asks the background to.
 */

import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ListReply, TabState, ViewState } from '@/lib/messages';
import type { Finding, Lang, Severity } from '@/lib/model/schema';
import { numbersFromOrder } from '@/lib/overlay/numbers';
import { uncheckedParts } from '@/lib/summary';
import { t } from '../shared/i18n';
import { ask, askEngine } from '../shared/messaging';
import { Attachments } from './Attachments';
import { ColumnAction } from './ColumnAction';
import { Evidence } from './Evidence';
import { Coverage, Status } from './Facts';
import { Counts, type FindingActions, FindingList } from './Findings';
import { Header } from './Header';
import { loadState, usePopupData } from './state';

/** How long the popup waits for a forced audit to report before it stops showing "busy". */
const AUDIT_WAIT_MS = 3000;

export function App() {
  const { tabId, state, settings, setState } = usePopupData();
  // "show only" one severity (null: what the settings allow); the page follows
  const [only, setOnly] = useState<Severity | null>(null);
  const [view, setView] = useState<ViewState | null>(null);
  // the tab's address, readable where the extension has the host (gov sites): the detector looked there
  const [tabUrl, setTabUrl] = useState<string | null>(null);
  useEffect(() => {
    if (tabId === null) return;
    void browser.tabs
      .get(tabId)
      .then((tab) => setTabUrl(tab.url ?? null))
      .catch(() => setTabUrl(null));
  }, [tabId]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const lang = settings.lang;
  const full = new URLSearchParams(location.search).has('tabId');

  const result = state?.result ?? null;
  const shownSev = only ? [only] : settings.severities;
  const numbers = useMemo(() => numbersFromOrder(state?.order ?? []), [state]);
  const frameId = state?.frameId ?? 0;

  // what the page shows now (show only, marks hidden): asked of the engine, which owns the page's view
  useEffect(() => {
    if (tabId === null || !state?.result) return;
    void askEngine(tabId, frameId, 'set-view', {})
      .then((v) => {
        setView(v);
        setOnly(v.only?.length === 1 ? (v.only[0] ?? null) : null);
      })
      .catch(() => setView(null));
  }, [tabId, frameId, state]);

  const changeView = (change: { only?: Severity[] | null; hidden?: boolean }) => {
    if (tabId === null) return;
    void askEngine(tabId, frameId, 'set-view', change)
      .then(setView)
      .catch(() => undefined);
  };
  const showOnly = (s: Severity) => {
    const next = only === s ? null : s;
    setOnly(next);
    changeView({ only: next ? [next] : null });
  };
  const findings = useMemo(() => {
    const fs = (result?.findings ?? []).filter((f) => settings.categories.includes(f.category));
    return fs.sort((a, b) => (numbers.get(a.id) ?? 1e9) - (numbers.get(b.id) ?? 1e9));
  }, [result, settings, numbers]);

  const audit = async () => {
    if (tabId === null) return;
    setBusy(true);
    setNotice(null);
    const reply = await ask('audit-tab', { tabId }).catch(() => null);
    if (!reply?.ok) {
      setNotice(t(lang, 'cannotAudit'));
      setBusy(false);
      return;
    }
    // the result arrives with the background's tab-changed broadcast; this catches a missed one
    const until = Date.now() + AUDIT_WAIT_MS;
    while (Date.now() < until) {
      await new Promise((r) => setTimeout(r, 150));
      const s = await loadState(tabId);
      if (s?.result || s?.error) {
        setState(s);
        break;
      }
    }
    setBusy(false);
  };

  const report = (reply: ListReply | null) =>
    setNotice(
      reply?.ok
        ? t(lang, 'addedToList', String(reply.added)) +
            (reply.skipped ? `；${t(lang, 'skippedIgnored', String(reply.skipped))}` : '')
        : (reply?.error ?? t(lang, 'captureFailed', '')),
    );

  const actions: FindingActions = {
    focus: (f: Finding) => {
      if (tabId !== null)
        void askEngine(tabId, state?.frameId ?? 0, 'focus-finding', { id: f.id }).catch(() => false);
    },
    addOne: (f: Finding) => {
      if (tabId !== null)
        void ask('issues-add', { tabId, findingIds: [f.id] })
          .catch(() => null)
          .then(report);
    },
    closeUp: (f: Finding) => {
      if (tabId === null) return;
      setNotice(t(lang, 'capturing'));
      void ask('capture-to-list', { tabId, mode: 'finding', findingId: f.id })
        .catch(() => null)
        .then(report);
    },
  };

  if (state === undefined) return <main class="muted">{t(lang, 'loading')}</main>;
  const header = <Header lang={lang} tabId={tabId} full={full} />;

  if (!result) {
    return (
      <main class={full ? 'full' : ''}>
        {header}
        <p class="muted" data-state={state?.error ? 'error' : 'none'}>
          {state?.error
            ? t(lang, 'auditFailed', state.error)
            : tabUrl && /^https?:\/\/([^/]+\.)?gov\.cn(:\d+)?\//i.test(tabUrl)
              ? t(lang, 'notReportBecause')
              : t(lang, 'notAudited')}
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
        <ColumnAction tabId={tabId} lang={lang} />
        {notice && <p class="notice">{notice}</p>}
        {tabId !== null && <Attachments tabId={tabId} lang={lang} full={full} />}
      </main>
    );
  }

  return (
    <main class={full ? 'full' : ''}>
      {header}
      <Status result={result} lang={lang} busy={busy} onAudit={() => void audit()} />
      {!result.report.isReport && <ColumnAction tabId={tabId} lang={lang} />}
      <Counts findings={findings} shown={shownSev} only={only} lang={lang} onToggle={showOnly} />
      {result.coverage.partial && <p class="notice">{t(lang, 'partialAudit')}</p>}
      <Unchecked result={result} lang={lang} />
      {view?.hidden && (
        <p class="notice" data-state="marks-hidden">
          {t(lang, 'marksHidden')}{' '}
          <button
            type="button"
            class="link"
            data-action="show-marks"
            onClick={() => changeView({ hidden: false })}
          >
            {t(lang, 'showMarks')}
          </button>
        </p>
      )}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {tabId !== null && state && <Evidence tabId={tabId} state={state} lang={lang} />}
      <FindingList
        all={findings}
        visible={findings.filter((f) => shownSev.includes(f.severity))}
        numbers={numbers}
        lang={lang}
        actions={actions}
        unchecked={uncheckedParts(result).length > 0}
      />
      {tabId !== null && <Attachments tabId={tabId} lang={lang} full={full} />}
      <Coverage result={result} lang={lang} busy={busy} onAudit={() => void audit()} />
    </main>
  );
}

/** What could not be checked: the page is never shown as clean while something is on this list. */
function Unchecked({ result, lang }: { result: NonNullable<TabState['result']>; lang: Lang }) {
  const parts = uncheckedParts(result);
  if (!parts.length) return null;
  return (
    <p class="notice unchecked" data-unchecked={parts.map((p) => p.key).join(' ')}>
      {t(lang, 'notChecked')}
      {parts.map((p) => p[lang]).join(lang === 'zh' ? '；' : '; ')}
    </p>
  );
}
