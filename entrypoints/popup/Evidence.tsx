/**
 * Evidence in the popup: capture the visible area or the whole page (annotated and plain copies), download
 * or copy each image, add the page's findings to the issue list with it; re-check a page already listed.
 */

import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { RecheckSummary } from '@/lib/issues/store';
import { CaptureReply, type Shot, type TabState } from '@/lib/messages';
import type { Lang } from '@/lib/model/schema';
import type { Settings } from '@/lib/settings';
import { t } from '../shared/i18n';
import { addPageFindings as addToList, dataUrlToBlob, issueStore } from '../shared/issue-store';

export async function captureShots(
  tabId: number,
  mode: 'visible' | 'full' | 'finding',
  findingId?: string,
): Promise<CaptureReply> {
  const raw = await browser.runtime.sendMessage({
    type: 'capture',
    tabId,
    mode,
    ...(findingId ? { findingId } : {}),
  });
  const parsed = CaptureReply.safeParse(raw);
  return parsed.success ? parsed.data : { ok: false, shots: [], error: 'no reply' };
}

function ShotView({ shot, lang, index, count }: { shot: Shot; lang: Lang; index: number; count: number }) {
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
        </button>
      </span>
    </li>
  );
}

export function Evidence({ tabId, state, settings }: { tabId: number; state: TabState; settings: Settings }) {
  const lang = settings.lang;
  const [shots, setShots] = useState<Shot[]>([]);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [recheck, setRecheck] = useState<RecheckSummary | null>(null);
  const result = state.result;

  useEffect(() => {
    if (!result?.report.isReport) return;
    void (async () => {
      const store = issueStore();
      if ((await store.forPage(state.url)).length === 0) return;
      setRecheck(await store.recheck(state.url, result));
    })();
  }, [state]);

  const capture = async (mode: 'visible' | 'full') => {
    setBusy(true);
    setNote(t(lang, 'capturing'));
    const reply = await captureShots(tabId, mode);
    setBusy(false);
    setNote(reply.ok ? null : t(lang, 'captureFailed', reply.error ?? ''));
    if (reply.ok) setShots(reply.shots);
  };

  const addAll = async () => {
    if (!result) return;
    setBusy(true);
    try {
      const n = await addToList(state, result.findings, settings, shots[0]);
      setNote(t(lang, 'addedToList', String(n)));
    } catch (err) {
      setNote(err instanceof Error ? err.message : String(err));
    }
    setBusy(false);
  };

  return (
    <section class="evidence">
      <h2>{t(lang, 'issueList')}</h2>
      {recheck && (
        <p
          class="recheck"
          data-recheck={`${recheck.fixed.length}/${recheck.present.length}/${recheck.fresh.length}`}
        >
          {t(lang, 'recheckDone', new Date().toLocaleDateString())}：
          <span class="fixed">{t(lang, 'recheckFixed', String(recheck.fixed.length))}</span>，
          <span class="present">{t(lang, 'recheckPresent', String(recheck.present.length))}</span>，
          <span class="fresh">{t(lang, 'recheckNew', String(recheck.fresh.length))}</span>
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
            <ShotView key={s.name} shot={s} lang={lang} index={i} count={shots.length} />
          ))}
        </ul>
      )}
    </section>
  );
}
