/** Filters (statuses, severity, site, body, search), the export that says what it exports, and bulk changes. */
import { useState } from 'preact/hooks';
import { IssueStatus, ReviewStatus } from '@/lib/issues/model';
import { Severity } from '@/lib/model/enums';
import type { Lang } from '@/lib/model/schema';
import { t } from '../shared/i18n';
import { FORMATS, type Format } from './download';
import type { Filters } from './filters';
import { REVIEWS, reviewLabel, SEVERITIES, STATUSES, severityLabel, statusLabel } from './labels';

export function exportLabel(lang: Lang, shown: number, total: number, filtered: boolean): string {
  return filtered
    ? t(lang, 'mgrExportFiltered', String(shown), String(total))
    : t(lang, 'mgrExportAll', String(total));
}

export function Toolbar({
  lang,
  filters,
  setFilters,
  sites,
  bodies,
  shownCount,
  totalCount,
  filtered,
  selectedCount,
  onExport,
  onBulk,
  onRemove,
}: {
  lang: Lang;
  filters: Filters;
  setFilters: (f: Filters) => void;
  sites: string[];
  bodies: string[];
  shownCount: number;
  totalCount: number;
  filtered: boolean;
  selectedCount: number;
  onExport: (format: Format) => void;
  onBulk: (patch: { status?: IssueStatus; review?: ReviewStatus }) => void;
  onRemove: () => void;
}) {
  const [format, setFormat] = useState<Format['id']>('zip');
  const value = (e: Event) => (e.target as HTMLSelectElement | HTMLInputElement).value;
  const chosen = FORMATS.find((f) => f.id === format) ?? FORMATS[0];
  return (
    <div class="toolbar">
      <div class="filters">
        <select
          value={filters.status}
          onChange={(e) => {
            const s = IssueStatus.safeParse(value(e));
            setFilters({ ...filters, status: s.success ? s.data : '' });
          }}
          aria-label={t(lang, 'mgrFixStatus')}
        >
          <option value="">{t(lang, 'mgrAllStatus')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(lang, s)}
            </option>
          ))}
        </select>
        <select
          value={filters.review}
          onChange={(e) => {
            const s = ReviewStatus.safeParse(value(e));
            setFilters({ ...filters, review: s.success ? s.data : '' });
          }}
          aria-label={t(lang, 'mgrReviewStatus')}
        >
          <option value="">{t(lang, 'mgrAllReview')}</option>
          {REVIEWS.map((s) => (
            <option key={s} value={s}>
              {reviewLabel(lang, s)}
            </option>
          ))}
        </select>
        <select
          value={filters.severity}
          onChange={(e) => {
            const s = Severity.safeParse(value(e));
            setFilters({ ...filters, severity: s.success ? s.data : '' });
          }}
          aria-label={t(lang, 'mgrColSeverity')}
        >
          <option value="">{t(lang, 'mgrAllSeverity')}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {severityLabel(lang, s)}
            </option>
          ))}
        </select>
        <select
          value={filters.site}
          onChange={(e) => setFilters({ ...filters, site: value(e) })}
          aria-label={t(lang, 'mgrColSite')}
        >
          <option value="">{t(lang, 'mgrAllSites')}</option>
          {sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <select
          value={filters.body}
          onChange={(e) => setFilters({ ...filters, body: value(e) })}
          aria-label={t(lang, 'mgrColBody')}
        >
          <option value="">{t(lang, 'mgrAllBodies')}</option>
          {bodies.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <input
          type="search"
          placeholder={t(lang, 'mgrSearch')}
          aria-label={t(lang, 'mgrSearch')}
          value={filters.q}
          onInput={(e) => setFilters({ ...filters, q: value(e) })}
        />
      </div>
      <div class="actions">
        {selectedCount > 0 && (
          <span class="bulk">
            <span class="chip">{t(lang, 'mgrSelected', String(selectedCount))}</span>
            <select
              value=""
              aria-label={t(lang, 'mgrSetStatus')}
              data-action="bulk-status"
              onChange={(e) => {
                const s = IssueStatus.safeParse(value(e));
                if (s.success) onBulk({ status: s.data });
                (e.target as HTMLSelectElement).value = '';
              }}
            >
              <option value="">{t(lang, 'mgrSetStatus')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(lang, s)}
                </option>
              ))}
            </select>
            <select
              value=""
              aria-label={t(lang, 'mgrSetReview')}
              data-action="bulk-review"
              onChange={(e) => {
                const s = ReviewStatus.safeParse(value(e));
                if (s.success) onBulk({ review: s.data });
                (e.target as HTMLSelectElement).value = '';
              }}
            >
              <option value="">{t(lang, 'mgrSetReview')}</option>
              {REVIEWS.map((s) => (
                <option key={s} value={s}>
                  {reviewLabel(lang, s)}
                </option>
              ))}
            </select>
            <button type="button" class="danger" onClick={onRemove}>
              {t(lang, 'mgrDelete')}
            </button>
          </span>
        )}
        <span class="spacer" />
        <select
          value={format}
          aria-label={t(lang, 'mgrFormat')}
          onChange={(e) => {
            const f = FORMATS.find((x) => x.id === value(e));
            if (f) setFormat(f.id);
          }}
        >
          {FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.id === 'zip' ? t(lang, 'mgrZipLabel') : f.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          class="primary"
          data-action="export"
          onClick={() => chosen && onExport(chosen)}
          disabled={shownCount === 0}
        >
          {exportLabel(lang, shownCount, totalCount, filtered)}
        </button>
      </div>
    </div>
  );
}
