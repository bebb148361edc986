/**
 * One report's findings (chosen in the table), cross-year ones first with a link to the other year's report;
 * the inspector ticks findings and adds them to the issue list (the background writes it). Below, the
 * column's own findings: missing, overdue, late, twice listed. Page text is shown as text, never as HTML.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ColumnFinding } from '@/lib/column/analyze';
import type { Finding, Lang } from '@/lib/model/schema';
import { SEVERITY_KEY, t } from '../shared/i18n';
import { ask } from '../shared/messaging';
import type { Row } from './session';

const isWeb = (s: string | undefined): s is string => !!s && /^https?:\/\//i.test(s);

function FindingItem(props: { f: Finding; lang: Lang; on: boolean; toggle: (on: boolean) => void }) {
  const { f, lang } = props;
  const other = f.category === 'history' && isWeb(f.evidence?.quote) ? f.evidence.quote : null;
  return (
    <li class={f.severity} data-rule={f.ruleId} data-category={f.category}>
      <label>
        <input
          type="checkbox"
          checked={props.on}
          onChange={(e) => props.toggle((e.target as HTMLInputElement).checked)}
        />
        <strong>
          {t(lang, SEVERITY_KEY[f.severity])} · {f.title[lang]}
        </strong>
      </label>
      <p>{f.message[lang]}</p>
      {other && (
        <p>
          <a href={other} target="_blank" rel="noopener noreferrer" data-action="open-previous">
            {t(lang, 'colOpenOther')}
          </a>
        </p>
      )}
    </li>
  );
}

export function Details({ row, lang, onNote }: { row: Row; lang: Lang; onNote: (s: string) => void }) {
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new report starts with nothing ticked
  useEffect(() => setPicked(new Set()), [row.url]);
  const r = row.result;
  const findings = r
    ? [...r.findings].sort((a, b) => Number(b.category === 'history') - Number(a.category === 'history'))
    : [];

  const add = async () => {
    if (!r) return;
    setBusy(true);
    const reply = await ask('issues-add-report', {
      report: {
        url: row.url,
        title: r.report.title ?? row.entry.title,
        siteName: r.report.siteName ?? '',
        agency: r.report.agency ?? row.entry.agency,
        reportYear: r.report.reportYear ?? row.entry.year,
      },
      findings: findings.filter((f) => picked.has(f.id)),
    }).catch((err: unknown) => ({
      ok: false,
      added: 0,
      error: err instanceof Error ? err.message : String(err),
    }));
    setBusy(false);
    onNote(reply.ok ? t(lang, 'addedToList', String(reply.added)) : (reply.error ?? ''));
  };

  return (
    <section class="details" data-url={row.url}>
      <h2>
        <a href={row.url} target="_blank" rel="noopener noreferrer">
          {r?.report.title ?? row.entry.title}
        </a>
      </h2>
      {row.error && <p class="notice">{t(lang, 'colNotAudited', row.error)}</p>}
      {r && !r.report.isReport && <p class="muted">{t(lang, 'colNotReport')}</p>}
      {r?.coverage.partial && <p class="notice">{t(lang, 'partialAudit')}</p>}
      {r && findings.length === 0 && <p class="muted">{t(lang, 'noFindings')}</p>}
      {findings.length > 0 && (
        <>
          <div class="row">
            <button
              type="button"
              class="link"
              onClick={() => setPicked(new Set(findings.map((f) => f.id)))}
              data-action="pick-all"
            >
              {t(lang, 'colPickAll')}
            </button>
            <button
              type="button"
              class="primary"
              disabled={busy || picked.size === 0}
              onClick={() => void add()}
              data-action="add-chosen"
            >
              {t(lang, 'colAddChosen', String(picked.size))}
            </button>
          </div>
          <ul class="findings">
            {findings.map((f) => (
              <FindingItem
                key={f.id}
                f={f}
                lang={lang}
                on={picked.has(f.id)}
                toggle={(on) =>
                  setPicked((p) => {
                    const next = new Set(p);
                    if (on) next.add(f.id);
                    else next.delete(f.id);
                    return next;
                  })
                }
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function ColumnFindings({ findings, lang }: { findings: ColumnFinding[]; lang: Lang }) {
  return (
    <section class="column-findings">
      <h2>{t(lang, 'colFindings', String(findings.length))}</h2>
      {findings.length === 0 && <p class="muted">{t(lang, 'colNoFindings')}</p>}
      <ul class="findings">
        {findings.map((f) => (
          <li
            key={f.id}
            class={f.severity}
            data-kind={f.kind}
            data-year={f.year}
            data-agency={f.agency ?? ''}
          >
            <strong>
              {t(lang, SEVERITY_KEY[f.severity])} · {f.title[lang]}
            </strong>
            <p>{f.message[lang]}</p>
            <p class="muted">
              {t(lang, 'basis')}：{f.basis[lang]}
              <br />
              {t(lang, 'fix')}：{f.fix[lang]}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
