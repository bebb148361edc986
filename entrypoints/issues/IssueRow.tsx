/** One row of the manager's table: the entry's columns, its statuses, deadline and note edited through the background. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { formatTime } from '@/lib/issues/export';
import type { IssueEntry, IssueStatus, ReviewStatus } from '@/lib/issues/model';
import type { Lang } from '@/lib/model/schema';
import { t } from '../shared/i18n';
import { Choice } from './Choice';
import { REVIEWS, reviewLabel, STATUSES, severityLabel, statusLabel } from './labels';
import { Thumb } from './Thumb';

export interface RowActions {
  select: (id: string, on: boolean) => void;
  patch: (
    id: string,
    patch: { status?: IssueStatus; review?: ReviewStatus; note?: string; deadline?: string | null },
  ) => void;
  view: (id: string) => void;
}

/** Long text cut to three lines, with 更多 / 收起. */
function Clamp({ text, lang, children }: { text: string; lang: Lang; children?: ComponentChildren }) {
  const [open, setOpen] = useState(false);
  const long = text.length > 90 || children !== undefined;
  return (
    <div>
      <div class={open ? 'clamp open' : 'clamp'}>{text}</div>
      {open && children}
      {long && (
        <button type="button" class="more" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? t(lang, 'mgrLess') : t(lang, 'mgrMore')}
        </button>
      )}
    </div>
  );
}

export function IssueRow({
  e,
  lang,
  selected,
  actions,
}: {
  e: IssueEntry;
  lang: Lang;
  selected: boolean;
  actions: RowActions;
}) {
  const recheck = e.recheck
    ? `${t(lang, e.recheck.result === 'fixed' ? 'mgrRecheckFixed' : 'mgrRecheckPresent')} ${formatTime(e.recheck.at)}`
    : '';
  return (
    <tr data-issue-id={e.id} class={e.severity}>
      <td>
        <input
          type="checkbox"
          aria-label={t(lang, 'mgrSelectRow', e.id)}
          checked={selected}
          onChange={(ev) => actions.select(e.id, (ev.target as HTMLInputElement).checked)}
        />
      </td>
      <td class="mono id">
        {e.id}
        {e.mark !== null && (
          <div class="small muted" data-field="mark">
            {t(lang, 'mgrMark', String(e.mark))}
          </div>
        )}
      </td>
      <td class="body">
        <div class="strong">{e.agency ?? e.siteName}</div>
        <div class="muted small">
          {[e.region, e.reportYear ? t(lang, 'mgrYear', String(e.reportYear)) : '', e.columnName ?? '']
            .filter(Boolean)
            .join(' · ')}
        </div>
        <a href={e.pageUrl} target="_blank" rel="noreferrer" class="small clamp2" title={e.pageUrl}>
          {e.pageTitle || e.pageUrl}
        </a>
        <div class="muted small">{e.siteName}</div>
      </td>
      <td class="loc">
        <Clamp text={e.location} lang={lang} />
      </td>
      <td class="type">{e.type}</td>
      <td class="sevcell">
        <span class={`sev ${e.severity}`}>{severityLabel(lang, e.severity)}</span>
      </td>
      <td class="desc">
        <Clamp text={e.description} lang={lang}>
          {e.evidence && (
            <p class="small">
              <b>{t(lang, 'mgrEvidence')}</b>：{e.evidence}
            </p>
          )}
          <p class="small">
            <b>{t(lang, 'basis')}</b>：{e.basis}
          </p>
          <p class="small">
            <b>{t(lang, 'fix')}</b>：{e.fix}
          </p>
        </Clamp>
      </td>
      <td class="thumbcell">
        <Thumb entry={e} label={t(lang, 'mgrViewImage', e.id)} onOpen={() => actions.view(e.id)} />
      </td>
      <td class="status">
        {e.verdict && (
          <div class="small" data-field="verdict" data-verdict={e.verdict.kind} title={e.verdict.at}>
            {t(
              lang,
              'mgrVerdict',
              [
                t(lang, e.verdict.kind === 'false-positive' ? 'verdictFalsePositive' : 'verdictIgnored'),
                e.verdict.reason,
              ]
                .filter(Boolean)
                .join(lang === 'zh' ? '：' : ': '),
            )}
          </div>
        )}
        <Choice
          value={e.status}
          options={STATUSES}
          label={(v) => statusLabel(lang, v)}
          aria={t(lang, 'mgrFixStatus')}
          onPick={(status) => status && actions.patch(e.id, { status })}
        />
        <Choice
          value={e.review}
          options={REVIEWS}
          label={(v) => reviewLabel(lang, v)}
          aria={t(lang, 'mgrReviewStatus')}
          onPick={(review) => review && actions.patch(e.id, { review })}
        />
        <input
          type="date"
          value={e.deadline ?? ''}
          aria-label={t(lang, 'mgrDeadline')}
          title={t(lang, 'mgrDeadline')}
          onChange={(ev) => {
            const v = (ev.target as HTMLInputElement).value;
            actions.patch(e.id, { deadline: /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null });
          }}
        />
      </td>
      <td class="found small">
        {formatTime(e.foundAt)}
        {e.inspector && <div>{e.inspector}</div>}
        {recheck && <div class="muted">{recheck}</div>}
      </td>
      <td class="note">
        <textarea
          rows={2}
          value={e.note}
          aria-label={t(lang, 'mgrColNote')}
          onChange={(ev) => actions.patch(e.id, { note: (ev.target as HTMLTextAreaElement).value })}
        />
      </td>
    </tr>
  );
}
