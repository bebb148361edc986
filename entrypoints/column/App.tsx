/**
 * The column view (column.html?url=<column URL>[&now=YYYY-MM-DD]): the column's reports per body × year as
 * of a date (present, missing, overdue, late, twice, out of order) with the column's findings; 全部审核 audits
 * every listed report in the page (runColumn, polite fetching, the background's store: resumable), fills the
 * table with each report's result and offers its findings, cross-year ones included, for the issue list.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ColumnAnalysis } from '@/lib/column/analyze';
import type { ColumnCrawl } from '@/lib/column/crawl';
import { CancelledError } from '@/lib/column/polite';
import type { Fetched } from '@/lib/column/run';
import { ymdString } from '@/lib/detect/meta';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { t } from '../shared/i18n';
import { ask, listenToBackground } from '../shared/messaging';
import { ColumnFindings, Details } from './Details';
import { ExportButtons } from './Export';
import { Grid } from './Grid';
import { makeLoader } from './load';
import { RemoteSnapshotStore } from './remote-store';
import { asOf, auditColumn, listColumn, type Row } from './session';

type Phase = 'permission' | 'listing' | 'listed' | 'running' | 'done' | 'cancelled' | 'failed';

const params = new URLSearchParams(location.search);
const START = params.get('url') ?? '';
const NOW = params.get('now');

function originPattern(url: string): string | null {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? `${u.protocol}//${u.hostname}/*` : null;
  } catch {
    return null;
  }
}

export function App() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [phase, setPhase] = useState<Phase>('listing');
  const [crawl, setCrawl] = useState<ColumnCrawl | null>(null);
  const [analysis, setAnalysis] = useState<ColumnAnalysis | null>(null);
  const [rows, setRows] = useState<Map<string, Row>>(new Map());
  const [progress, setProgress] = useState({ done: 0, total: 0, what: '' });
  const [chosen, setChosen] = useState<string | null>(null);
  const [resume, setResume] = useState(true);
  const [note, setNote] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const pages = useRef(new Map<string, Fetched>());
  const lang = settings.lang;
  const now = useMemo(() => asOf(NOW), []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t(lang, 'colTitle')} · ${t(lang, 'extName')}`;
  }, [lang]);

  const list = async () => {
    setPhase('listing');
    setNote(null);
    const ctl = new AbortController();
    // the list pages are kept, so that 全部审核 does not fetch them again
    const { getDoc, keep } = makeLoader(ctl.signal, pages.current);
    try {
      const got = await listColumn(
        START,
        async (url) => {
          const g = await getDoc(url);
          keep(url, g);
          return g;
        },
        now,
        (done, known) => setProgress({ done, total: known, what: '' }),
      );
      setCrawl(got.crawl);
      setAnalysis(got.analysis);
      setPhase('listed');
    } catch (err) {
      setNote(err instanceof Error ? err.message : String(err));
      setPhase('failed');
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, on open
  useEffect(() => {
    void ask('get-settings', {})
      .catch(() => DEFAULT_SETTINGS)
      .then(setSettings);
    const stop = listenToBackground({
      'settings-changed': (req) => {
        setSettings(req.settings);
        return null;
      },
    });
    const pattern = originPattern(START);
    if (!pattern) {
      setNote(t(DEFAULT_SETTINGS.lang, 'colBadUrl'));
      setPhase('failed');
      return stop;
    }
    void browser.permissions
      .contains({ origins: [pattern] })
      .catch(() => false)
      .then((ok) => (ok ? list() : setPhase('permission')));
    return stop;
  }, []);

  const allow = async () => {
    const pattern = originPattern(START);
    // must run in the click's user gesture
    const ok = pattern ? await browser.permissions.request({ origins: [pattern] }).catch(() => false) : false;
    if (ok) await list();
    else setNote(t(lang, 'permissionDenied'));
  };

  const runAll = async () => {
    const ctl = new AbortController();
    abort.current = ctl;
    setPhase('running');
    setNote(null);
    setRows(new Map());
    const { getDoc } = makeLoader(ctl.signal, pages.current);
    const store = new RemoteSnapshotStore((msg) => browser.runtime.sendMessage(msg));
    try {
      const run = await auditColumn(START, getDoc, store, {
        now: ymdString(now),
        resume,
        signal: ctl.signal,
        onProgress: (p) => setProgress({ done: p.done, total: p.total, what: p.what }),
        onRow: (row) => setRows((m) => new Map(m).set(row.entry.url, row)),
      });
      setCrawl(run.crawl);
      setAnalysis(run.analysis);
      setPhase('done');
    } catch (err) {
      if (err instanceof CancelledError || ctl.signal.aborted) setPhase('cancelled');
      else {
        setNote(err instanceof Error ? err.message : String(err));
        setPhase('failed');
      }
    } finally {
      abort.current = null;
    }
  };

  const chosenRow = chosen ? (rows.get(chosen) ?? null) : null;
  const running = phase === 'running';

  return (
    <main data-phase={phase}>
      <header>
        <h1>{t(lang, 'colTitle')}</h1>
        <p class="muted">
          {originPattern(START) ? (
            <a href={START} target="_blank" rel="noopener noreferrer">
              {crawl?.columnName ?? START}
            </a>
          ) : (
            START
          )}{' '}
          · {t(lang, 'colAsOf', ymdString(now))}
          {crawl && ` · ${t(lang, 'colListed', String(crawl.pages.length), String(crawl.entries.length))}`}
          {crawl?.truncated && ` · ${t(lang, 'colTruncated')}`}
        </p>
      </header>
      {phase === 'permission' && (
        <p>
          {t(lang, 'colNeedPermission')}{' '}
          <button type="button" class="primary" onClick={() => void allow()} data-action="allow">
            {t(lang, 'colAllow')}
          </button>
        </p>
      )}
      {phase === 'listing' && <p class="muted">{t(lang, 'colReading')}</p>}
      {crawl && !crawl.isColumn && <p class="notice">{t(lang, 'colNotColumn')}</p>}
      {crawl && crawl.failed.length > 0 && (
        <ul class="failed">
          {crawl.failed.map((f) => (
            <li key={f.url}>{t(lang, 'colPageFailed', f.url, f.error)}</li>
          ))}
        </ul>
      )}
      {analysis && crawl?.isColumn && (
        <>
          <section class="actions">
            <button
              type="button"
              class="primary"
              disabled={running || crawl.entries.length === 0}
              onClick={() => void runAll()}
              data-action="audit-all"
            >
              {t(lang, 'colAuditAll')}
            </button>
            <button
              type="button"
              disabled={!running}
              onClick={() => abort.current?.abort()}
              data-action="cancel"
            >
              {t(lang, 'colCancel')}
            </button>
            <label>
              <input
                type="checkbox"
                checked={resume}
                disabled={running}
                onChange={(e) => setResume((e.target as HTMLInputElement).checked)}
              />
              {t(lang, 'colResume')}
            </label>
            {rows.size > 0 && !running && <ExportButtons rows={rows} analysis={analysis} lang={lang} />}
          </section>
          {(running || phase === 'done' || phase === 'cancelled') && (
            <section
              class="progress"
              data-done={progress.done}
              data-total={progress.total}
              aria-live="polite"
            >
              <progress value={progress.done} max={Math.max(1, progress.total)} />
              <span>
                {progress.done} / {progress.total}
              </span>
              <span class="what">
                {phase === 'cancelled'
                  ? t(lang, 'colCancelled')
                  : phase === 'done'
                    ? t(lang, 'colDone')
                    : progress.what}
              </span>
            </section>
          )}
          <Grid
            analysis={analysis}
            entries={crawl.entries}
            rows={rows}
            lang={lang}
            chosen={chosen}
            onChoose={setChosen}
          />
          {chosenRow && <Details row={chosenRow} lang={lang} onNote={setNote} />}
          <ColumnFindings findings={analysis.findings} lang={lang} />
        </>
      )}
      {note && (
        <p class="notice" role="status">
          {note}
        </p>
      )}
    </main>
  );
}
