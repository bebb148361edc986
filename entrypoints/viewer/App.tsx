/**
 * The viewer's bar above the document: the file and the page it came from, a progress indicator while the
 * file is fetched, read and drawn, then the counts and the findings (click: the mark on the document). The
 * document itself is drawn outside Preact (#doc), and its marks by the overlay (lib/overlay), as on pages.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Lang } from '@/lib/model/schema';
import { Overlay } from '@/lib/overlay/overlay';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { counts } from '@/lib/summary';
import { overlayStrings, SEVERITY_KEY, t } from '../shared/i18n';
import { ask } from '../shared/messaging';
import { type Captured, listenForCapture } from './capture';
import { cardActions } from './card-actions';
import { listenAsEngine } from './engine-side';
import { askPermission, canFetch, originPattern } from './fetch-file';
import { paramsOf, runViewer, type Stage } from './run';

const params = paramsOf(location.search);

function Progress({ stage, lang }: { stage: Stage; lang: Lang }) {
  if (stage.stage === 'fetching')
    return (
      <div class="progress" role="status" data-stage="fetching">
        <span>
          {stage.share === null
            ? t(lang, 'viewerFetching')
            : t(lang, 'viewerFetchingShare', String(Math.round(stage.share * 100)))}
        </span>
        <progress {...(stage.share === null ? {} : { value: stage.share, max: 1 })} />
      </div>
    );
  if (stage.stage === 'reading')
    return (
      <div class="progress" role="status" data-stage="reading">
        <span>{t(lang, 'viewerReading')}</span>
        <progress />
      </div>
    );
  if (stage.stage === 'drawing')
    return (
      <div class="progress" role="status" data-stage="drawing">
        <span>{t(lang, 'viewerDrawing', String(stage.done), String(stage.total))}</span>
        <progress value={stage.done} max={stage.total} />
      </div>
    );
  return null;
}

/** Fetch, read, audit and draw the file, then mark it; tells the background the result. */
async function start(
  language: Lang,
  setStage: (s: Stage) => void,
  shown: (o: Overlay, order: string[]) => void,
): Promise<void> {
  if (!params) return;
  const doc = document.getElementById('doc');
  if (!doc) return;
  const done = await runViewer(params, doc, setStage);
  if (!done) return;
  const me = await browser.tabs.getCurrent().catch(() => undefined);
  const tabId = me?.id;
  const o = new Overlay(document, done.out, {
    lang: language,
    strings: overlayStrings(language),
    // the background keeps this tab's audit (viewer-result): findings go to the issue list as on pages, and
    // their close-ups are made here (./capture.ts), asked for by the background
    actions:
      tabId === undefined
        ? []
        : cardActions(
            tabId,
            language,
            () => o,
            () => captured,
          ),
  });
  o.mount();
  // the overlay's stable numbers (order[n − 1] is finding n), the same on the badges, in the list and the popup
  const order = o.order();
  shown(o, order);
  const captured: Captured = {
    extracted: done.out.extracted,
    container: doc,
    findings: done.out.findings,
    order,
    url: done.file.url,
    title: done.out.report.title ?? done.file.name,
    pdf: done.via === 'pdf',
  };
  listenAsEngine(() => o);
  listenForCapture(() => captured);
  // recorded before the first add to the list can need it
  await done.report(order);
}

export function App() {
  const [lang, setLang] = useState<Lang>(DEFAULT_SETTINGS.lang);
  const [stage, setStage] = useState<Stage>({ stage: 'fetching', share: null });
  const overlay = useRef<Overlay | null>(null);
  const [order, setOrder] = useState<string[]>([]);
  const show = useCallback((o: Overlay, ids: string[]) => {
    overlay.current = o;
    setOrder(ids);
  }, []);

  useEffect(() => {
    void (async () => {
      const s = await ask('get-settings', {}).catch(() => DEFAULT_SETTINGS);
      setLang(s.lang);
      document.documentElement.lang = s.lang === 'zh' ? 'zh-CN' : 'en';
      if (!params) return;
      document.title = `${t(s.lang, 'viewerTitle')} · ${params.url}`;
      if (await canFetch(params.url)) await start(s.lang, setStage, show);
      else setStage({ stage: 'permission' });
    })();
    return () => overlay.current?.destroy();
  }, [show]);

  if (!params)
    return (
      <header class="bar">
        <p class="notice">{t(lang, 'viewerBadUrl')}</p>
      </header>
    );

  const allow = async () => {
    if (await askPermission(params.url)) await start(lang, setStage, show);
    else setStage({ stage: 'failed', message: { zh: t('zh', 'viewerDenied'), en: t('en', 'viewerDenied') } });
  };

  const numbers = new Map(order.map((id, i) => [id, i + 1]));
  return (
    <header class="bar" data-stage={stage.stage}>
      <h1>
        {t(lang, 'extName')} · {t(lang, 'viewerTitle')}
      </h1>
      <p class="file">
        <a href={params.url} rel="noreferrer" target="_blank">
          {params.url}
        </a>
        {params.from && (
          <span class="muted">
            {' '}
            {t(lang, 'viewerFrom')}
            {params.from}
          </span>
        )}
      </p>
      <Progress stage={stage} lang={lang} />
      {stage.stage === 'permission' && (
        <p class="notice">
          {t(lang, 'viewerNeedPermission', originPattern(params.url) ?? params.url)}{' '}
          <button type="button" class="primary" data-action="allow" onClick={() => void allow()}>
            {t(lang, 'viewerAllow')}
          </button>
        </p>
      )}
      {stage.stage === 'failed' && (
        <p class="notice failed" role="alert" data-state="failed">
          {stage.message[lang]}
        </p>
      )}
      {stage.stage === 'done' && (
        <div class="result" data-state="done">
          <p>
            <strong>{stage.out.report.title ?? ''}</strong>{' '}
            <span class="muted">{t(lang, 'viewerVia', stage.via.toUpperCase())}</span>
          </p>
          {!stage.out.report.isReport && <p class="notice">{t(lang, 'viewerNotReport')}</p>}
          <p class="counts" data-counts={JSON.stringify(counts(stage.out))}>
            {(() => {
              const c = counts(stage.out);
              return t(lang, 'viewerSummary', String(c.error), String(c.warning), String(c.info));
            })()}
          </p>
          {stage.differences > 0 && (
            <p class="notice">{t(lang, 'viewerDifferences', String(stage.differences))}</p>
          )}
          <ul class="findings">
            {stage.out.findings.map((f) => (
              <li key={f.id} class={f.severity} data-finding={f.id}>
                <button type="button" class="link" onClick={() => overlay.current?.focus(f.id)}>
                  {numbers.has(f.id) ? `${numbers.get(f.id)}. ` : ''}
                  {t(lang, SEVERITY_KEY[f.severity])} · {f.title[lang]}：{f.message[lang]}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </header>
  );
}
