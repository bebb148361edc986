/**
 * Evidence in the popup: capture the visible area or the whole page (annotated and plain copies), download
 * or copy each image, add the page's findings to the issue list with it; re-check a page already listed.
 */

import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { CaptureReply, RecheckCounts, Shot, TabState } from '@/lib/messages';
import type { Lang } from '@/lib/model/schema';
import { formatDate } from '../shared/date';
import { t } from '../shared/i18n';
import { dataUrlToBlob } from '../shared/issue-store';
import { ask, listenToBackground } from '../shared/messaging';

function captureShots(tabId: number, mode: 'visible' | 'full'): Promise<CaptureReply> {
  return ask('capture', { tabId, mode }).catch((err: unknown) => ({
    ok: false,
    shots: [],
    error: err instanceof Error ? err.message : String(err),
  }));
}

function ShotView({
  shot,
  lang,
  index,
  count,
  onMarkup,
}: {
  shot: Shot;
  lang: Lang;
  index: number;
  count: number;
  onMarkup: (shot: Shot) => void;
}) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    const blob = await dataUrlToBlob(shot.annotated);
    await navigator.clipboard.write([new ClipboardItem({ [blob.type]: blob })]);
    setCopied(true);
  };
  return (
    <li class="shot">
      <a href={shot.annotated} download={shot.name} title={shot.name}>
        <img src={shot.annotated} alt={shot.name} />
      </a>
      <span class="shot-actions">
        {count > 1 && <span class="muted">{t(lang, 'parts', String(index + 1), String(count))} </span>}
        <a href={shot.annotated} download={shot.name} data-action="download">
          {t(lang, 'download')}（{t(lang, 'annotated')}）
        </a>{' '}
        <a href={shot.plain} download={shot.plainName}>
          {t(lang, 'plain')}
        </a>{' '}
        <button type="button" class="link" onClick={() => void copy()}>
          {copied ? t(lang, 'copied') : t(lang, 'copy')}
        </button>{' '}
        <button type="button" class="link" data-action="markup" onClick={() => onMarkup(shot)}>
          {t(lang, 'markup')}
        </button>
      </span>
    </li>
  );
}

export function Evidence({ tabId, state, lang }: { tabId: number; state: TabState; lang: Lang }) {
  const [shots, setShots] = useState<Shot[]>([]);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [recheck, setRecheck] = useState<RecheckCounts | null>(null);
  const result = state.result;

  // re-check whenever the tab's audit changes (a re-audit after the page was corrected)
  useEffect(() => {
    if (!result?.report.isReport) return;
    void ask('issues-recheck', { tabId })
      .then(setRecheck)
      .catch(() => undefined);
  }, [tabId, result]);

  const capture = async (mode: 'visible' | 'full') => {
    setBusy(true);
    setNote(t(lang, 'capturing'));
    const reply = await captureShots(tabId, mode);
    setBusy(false);
    setNote(reply.ok ? null : t(lang, 'captureFailed', reply.error ?? ''));
    if (reply.ok) setShots(reply.shots);
  };

  // progress of "add all": one close-up per finding
  useEffect(
    () =>
      listenToBackground({
        'capture-progress': (req) => {
          if (req.tabId === tabId) setNote(t(lang, 'captureProgress', String(req.done), String(req.total)));
          return null;
        },
      }),
    [tabId, lang],
  );

  const addAll = async () => {
    if (!result) return;
    setBusy(true);
    setNote(t(lang, 'capturing'));
    const reply = await ask('capture-each-to-list', { tabId, findingIds: null }).catch((err: unknown) => ({
      ok: false,
      added: 0,
      error: err instanceof Error ? err.message : String(err),
    }));
    const skipped = 'skipped' in reply && reply.skipped ? reply.skipped : 0;
    setNote(
      reply.ok
        ? t(lang, 'addedToList', String(reply.added)) +
            (skipped ? `；${t(lang, 'skippedIgnored', String(skipped))}` : '')
        : t(lang, 'captureFailed', reply.error ?? ''),
    );
    setBusy(false);
  };

  const markup = async (shot: Shot) => {
    const reply = await ask('markup-open', { tabId, findingIds: null, shot }).catch(() => null);
    if (!reply?.ok) setNote(t(lang, 'captureFailed', reply?.error ?? ''));
  };

  return (
    <section class="evidence">
      <h2>{t(lang, 'issueList')}</h2>
      {recheck && (
        <p class="recheck" data-recheck={`${recheck.fixed}/${recheck.present}/${recheck.fresh}`}>
          {t(lang, 'recheckDone', formatDate(lang, new Date()))}：
          <span class="fixed">{t(lang, 'recheckFixed', String(recheck.fixed))}</span>，
          <span class="present">{t(lang, 'recheckPresent', String(recheck.present))}</span>，
          <span class="fresh">{t(lang, 'recheckNew', String(recheck.fresh))}</span>
        </p>
      )}
      <div class="row">
        <button
          type="button"
          disabled={busy}
          onClick={() => void capture('visible')}
          data-action="capture-visible"
        >
          {t(lang, 'captureVisible')}
        </button>
        <button type="button" disabled={busy} onClick={() => void capture('full')} data-action="capture-full">
          {t(lang, 'captureFull')}
        </button>
        <button
          type="button"
          class="primary"
          disabled={busy || !result?.findings.length}
          onClick={() => void addAll()}
          data-action="add-all"
        >
          {t(lang, 'addAll')}
        </button>
        <button
          type="button"
          class="link"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/issues.html') })}
        >
          {t(lang, 'openIssueList')}
        </button>
      </div>
      {note && (
        <p class="notice" role="status">
          {note}
        </p>
      )}
      {shots.length > 0 && (
        <ul class="shots">
          {shots.map((s, i) => (
            <ShotView
              key={s.name}
              shot={s}
              lang={lang}
              index={i}
              count={shots.length}
              onMarkup={(x) => void markup(x)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
