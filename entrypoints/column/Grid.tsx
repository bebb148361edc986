/**
 * The body × year table: each cell says whether the body's report of that year is listed (missing, overdue,
 * not yet due), its list date against the deadline, twice listed, out of order; after 全部审核, the report's
 * result (errors / warnings / not verifiable / clean, cross-year findings). Each listed report opens from
 * its link; "详情" shows its findings below the table.
 */
import type { ColumnAnalysis, ColumnCell } from '@/lib/column/analyze';
import type { ColumnEntry } from '@/lib/column/list';
import type { Lang } from '@/lib/model/schema';
import { t } from '../shared/i18n';
import { outOfOrder, type Row, tally, verdict } from './session';

interface GridProps {
  analysis: ColumnAnalysis;
  entries: ColumnEntry[];
  rows: Map<string, Row>;
  lang: Lang;
  chosen: string | null;
  onChoose: (url: string) => void;
}

function Result({ row, lang }: { row: Row; lang: Lang }) {
  const v = verdict(row);
  if (!row.result) return <span class="verdict failed">{t(lang, 'colFailed')}</span>;
  const n = tally(row.result);
  const text =
    v === 'not-report'
      ? t(lang, 'colNotReport')
      : v === 'clean'
        ? t(lang, 'colClean')
        : v === 'unverifiable'
          ? t(lang, 'colUnverifiable')
          : t(lang, 'colCounts', String(n.error), String(n.warning));
  return (
    <span class={`verdict ${v}`} data-verdict={v} data-history={n.history.length}>
      {text}
      {v !== 'unverifiable' && v !== 'clean' && n.unverifiable && ` · ${t(lang, 'colUnverifiable')}`}
      {n.history.length > 0 && <em class="history"> · {t(lang, 'colHistory', String(n.history.length))}</em>}
      {row.resumed && <span class="muted"> · {t(lang, 'colResumed')}</span>}
    </span>
  );
}

function Cell(props: {
  cell: ColumnCell | undefined;
  kind: string | null;
  disorder: Set<string>;
  rows: Map<string, Row>;
  lang: Lang;
  chosen: string | null;
  onChoose: (url: string) => void;
}) {
  const { cell, kind, rows, lang } = props;
  if (!cell) return <td />;
  const state = cell.state === 'missing' && kind === 'overdue' ? 'overdue' : cell.state;
  if (cell.state !== 'present')
    return (
      <td class={`cell ${state}`} data-state={state} data-year={cell.year}>
        {t(lang, state === 'overdue' ? 'colOverdue' : state === 'missing' ? 'colMissing' : 'colNotDue')}
      </td>
    );
  return (
    <td
      class={`cell present${cell.timeliness === 'late' ? ' late' : ''}`}
      data-state={cell.entries.length > 1 ? 'duplicate' : 'present'}
      data-timeliness={cell.timeliness ?? ''}
      data-year={cell.year}
    >
      {cell.entries.map((e) => {
        const row = rows.get(e.url);
        return (
          <div key={e.url} class={props.chosen === e.url ? 'entry chosen' : 'entry'}>
            <a href={e.url} target="_blank" rel="noopener noreferrer" title={e.title}>
              {e.publishedAt ?? t(lang, 'colNoDate')}
            </a>
            {cell.timeliness === 'late' && <span class="tag late">{t(lang, 'colLate')}</span>}
            {cell.entries.length > 1 && <span class="tag">{t(lang, 'colTwice')}</span>}
            {props.disorder.has(e.url) && <span class="tag">{t(lang, 'colOutOfOrder')}</span>}
            {row && (
              <div>
                <Result row={row} lang={lang} />{' '}
                <button
                  type="button"
                  class="link"
                  onClick={() => props.onChoose(e.url)}
                  data-action="details"
                >
                  {t(lang, 'colDetails')}
                </button>
              </div>
            )}
          </div>
        );
      })}
    </td>
  );
}

export function Grid({ analysis, entries, rows, lang, chosen, onChoose }: GridProps) {
  const kinds = new Map(analysis.findings.map((f) => [`${f.agency ?? ''}:${f.year}`, f.kind]));
  const disorder = outOfOrder(entries);
  return (
    <table class="grid">
      <thead>
        <tr>
          <th>{t(lang, 'colBody')}</th>
          {analysis.years.map((y) => (
            <th key={y}>{y}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {analysis.bodies.map((b) => (
          <tr key={b.agency ?? ''} data-agency={b.agency ?? ''}>
            <th scope="row">{b.agency ?? t(lang, 'colThisColumn')}</th>
            {analysis.years.map((y) => (
              <Cell
                key={y}
                cell={b.cells.find((c) => c.year === y)}
                kind={kinds.get(`${b.agency ?? ''}:${y}`) ?? null}
                disorder={disorder}
                rows={rows}
                lang={lang}
                chosen={chosen}
                onChoose={onChoose}
              />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
