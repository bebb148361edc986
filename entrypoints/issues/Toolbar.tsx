/** Filters (statuses, severity, site, body, search), the export that says what it exports, and bulk changes. */
import { useState } from 'preact/hooks';
import type { IssueStatus, ReviewStatus } from '@/lib/issues/model';
import type { Lang } from '@/lib/model/schema';
import { t } from '../shared/i18n';
import { Choice } from './Choice';
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
        <Choice
          value={filters.status}
          options={STATUSES}
          label={(v) => statusLabel(lang, v)}
          none={t(lang, 'mgrAllStatus')}
          aria={t(lang, 'mgrFixStatus')}
          onPick={(status) => setFilters({ ...filters, status })}
        />
        <Choice
          value={filters.review}
          options={REVIEWS}
          label={(v) => reviewLabel(lang, v)}
          none={t(lang, 'mgrAllReview')}
          aria={t(lang, 'mgrReviewStatus')}
          onPick={(review) => setFilters({ ...filters, review })}
        />
        <Choice
          value={filters.severity}
          options={SEVERITIES}
          label={(v) => severityLabel(lang, v)}
          none={t(lang, 'mgrAllSeverity')}
          aria={t(lang, 'mgrColSeverity')}
          onPick={(severity) => setFilters({ ...filters, severity })}
        />
        <Choice
          value={filters.site}
          options={sites}
          label={(v) => v}
          none={t(lang, 'mgrAllSites')}
          aria={t(lang, 'mgrColSite')}
          onPick={(site) => setFilters({ ...filters, site })}
        />
        <Choice
          value={filters.body}
          options={bodies}
          label={(v) => v}
          none={t(lang, 'mgrAllBodies')}
          aria={t(lang, 'mgrColBody')}
          onPick={(body) => setFilters({ ...filters, body })}
        />
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
            <Choice
              value=""
              options={STATUSES}
              label={(v) => statusLabel(lang, v)}
              none={t(lang, 'mgrSetStatus')}
              aria={t(lang, 'mgrSetStatus')}
              action="bulk-status"
              reset
              onPick={(status) => status && onBulk({ status })}
            />
            <Choice
              value=""
              options={REVIEWS}
              label={(v) => reviewLabel(lang, v)}
              none={t(lang, 'mgrSetReview')}
              aria={t(lang, 'mgrSetReview')}
              action="bulk-review"
              reset
              onPick={(review) => review && onBulk({ review })}
            />
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
