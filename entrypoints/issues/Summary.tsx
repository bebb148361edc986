/** The per-body summary above the list: counts by severity (and reports), of the entries shown. */
import { summarize } from '@/lib/issues/export';
import type { IssueEntry } from '@/lib/issues/model';
import type { Lang } from '@/lib/model/schema';
import { t } from '../shared/i18n';
import { severityLabel } from './labels';

export function Summary({
  entries,
  lang,
  onBody,
}: {
  entries: IssueEntry[];
  lang: Lang;
  onBody: (body: string) => void;
}) {
  const rows = summarize(entries);
  if (rows.length === 0) return null;
  return (
    <details class="summary">
      <summary>
        {t(lang, 'mgrSummary')}（{rows.length}）
      </summary>
      <table>
        <thead>
          <tr>
            <th>{t(lang, 'mgrColBody')}</th>
            <th>{t(lang, 'mgrColSite')}</th>
            <th>{t(lang, 'mgrColReports')}</th>
            <th>{severityLabel(lang, 'error')}</th>
            <th>{severityLabel(lang, 'warning')}</th>
            <th>{severityLabel(lang, 'info')}</th>
            <th>{t(lang, 'mgrColTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.body}>
              <td>
                <button type="button" class="link" onClick={() => onBody(r.body)}>
                  {r.body}
                </button>
              </td>
              <td>{r.sites.join('、')}</td>
              <td class="n">{r.reports}</td>
              <td class="n">{r.severity.error}</td>
              <td class="n">{r.severity.warning}</td>
              <td class="n">{r.severity.info}</td>
              <td class="n">{r.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
