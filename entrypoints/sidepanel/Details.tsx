/**
 * The selected finding in the side panel: its arithmetic (expected, found, difference, formula), the cells
 * involved, basis and fix; 误报 / 忽略 with a reason (kept by the background for this page), copy as text,
 * add to the issue list (plain, or with its captioned close-up), show on the page.
 */
import { useState } from 'preact/hooks';
import type { Dismissal } from '@/lib/dismissals';
import { locatorText } from '@/lib/export/text';
import type { Finding, Lang } from '@/lib/model/schema';
import { plainNumber } from '@/lib/text/normalize';
import { SEVERITY_KEY, t } from '../shared/i18n';

export interface DetailActions {
  focus(f: Finding): void;
  add(f: Finding): void;
  /** 特写截图并加入清单: the background's close-up of this one finding, added to the list with it. */
  capture(f: Finding): void;
  copy(f: Finding): void;
  dismiss(f: Finding, d: Dismissal | null): void;
}

export function Details({
  f,
  n,
  lang,
  dismissal,
  on,
}: {
  f: Finding;
  n: number | undefined;
  lang: Lang;
  dismissal: Dismissal | undefined;
  on: DetailActions;
}) {
  const [reason, setReason] = useState(dismissal?.reason ?? '');
  const e = f.evidence;
  const figures: Array<[string, number]> = [];
  if (e?.expected !== undefined) figures.push([t(lang, 'expected'), e.expected]);
  if (e?.found !== undefined) figures.push([t(lang, 'found'), e.found]);
  if (e?.difference !== undefined) figures.push([t(lang, 'difference'), e.difference]);
  const decide = (kind: Dismissal['kind']) =>
    on.dismiss(f, { kind, reason: reason.trim(), at: new Date().toISOString() });
  return (
    <section class={`details ${f.severity}`} aria-labelledby="details-title" data-finding-id={f.id}>
      <h2 id="details-title">
        <span class="sev">{t(lang, SEVERITY_KEY[f.severity])}</span> {n ?? '·'}. {f.title[lang]}
      </h2>
      <p class="msg">{f.message[lang]}</p>
      {e?.formula && !f.message[lang].includes(e.formula[lang]) && <p class="formula">{e.formula[lang]}</p>}
      <dl>
        {figures.length > 0 && (
          <>
            <dt>{t(lang, 'arithmetic')}</dt>
            <dd data-field="figures">
              {figures.map(([k, v]) => `${k} ${plainNumber(v)}`).join(lang === 'zh' ? '，' : ', ')}
            </dd>
          </>
        )}
        <dt>{t(lang, 'cells')}</dt>
        <dd>
          <ul class="cells">
            {f.targets.map((loc, i) => (
              <li key={`${i}-${loc.type}`}>{locatorText(loc, lang)}</li>
            ))}
          </ul>
        </dd>
        <dt>{t(lang, 'basis')}</dt>
        <dd>{f.basis[lang]}</dd>
        <dt>{t(lang, 'fix')}</dt>
        <dd>{f.fix[lang]}</dd>
      </dl>
      <div class="row">
        <button type="button" data-action="show" onClick={() => on.focus(f)}>
          {t(lang, 'showOnPage')}
        </button>
        <button type="button" data-action="copy" onClick={() => on.copy(f)}>
          {t(lang, 'copyText')}
        </button>
        <button type="button" class="primary" data-action="add" onClick={() => on.add(f)}>
          {t(lang, 'addOne')}
        </button>
        <button type="button" data-action="capture" onClick={() => on.capture(f)}>
          {t(lang, 'captureToList')}
        </button>
      </div>
      <div class="dismiss">
        <label>
          {t(lang, 'dismissReason')}
          <input
            type="text"
            value={reason}
            data-field="reason"
            onInput={(ev) => setReason((ev.target as HTMLInputElement).value)}
          />
        </label>
        <div class="row">
          <button type="button" data-action="false-positive" onClick={() => decide('false-positive')}>
            {t(lang, 'falsePositive')}
          </button>
          <button type="button" data-action="ignore" onClick={() => decide('ignored')}>
            {t(lang, 'ignore')}
          </button>
          {dismissal && (
            <button type="button" class="link" data-action="undo" onClick={() => on.dismiss(f, null)}>
              {t(lang, 'undoDismiss')}
            </button>
          )}
        </div>
        {dismissal && (
          <p class="muted" data-dismissed={dismissal.kind}>
            {t(lang, dismissal.kind === 'false-positive' ? 'markedFalsePositive' : 'markedIgnored')}
            {dismissal.reason ? `：${dismissal.reason}` : ''}
          </p>
        )}
      </div>
    </section>
  );
}
