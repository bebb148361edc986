/** Filters (status, severity, site, search) and the export and delete buttons. */
import { IssueStatus, STATUS_ZH } from '@/lib/issues/model';
import { Severity } from '@/lib/model/enums';
import { FORMATS } from './download';
import { SEV_ZH, STATUSES } from './IssueRow';

export interface Filters {
  status: IssueStatus | '';
  severity: Severity | '';
  site: string;
  q: string;
}

export function Toolbar({
  filters,
  setFilters,
  sites,
  shownCount,
  selectedCount,
  onZip,
  onExport,
  onRemove,
}: {
  filters: Filters;
  setFilters: (f: Filters) => void;
  sites: string[];
  shownCount: number;
  selectedCount: number;
  onZip: () => void;
  onExport: (format: (typeof FORMATS)[number]) => void;
  onRemove: () => void;
}) {
  const value = (e: Event) => (e.target as HTMLSelectElement | HTMLInputElement).value;
  return (
    <div class="toolbar">
      <select
        value={filters.status}
        onChange={(e) => {
          const s = IssueStatus.safeParse(value(e));
          setFilters({ ...filters, status: s.success ? s.data : '' });
        }}
        aria-label="整改状态"
      >
        <option value="">全部状态</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_ZH[s]}
          </option>
        ))}
      </select>
      <select
        value={filters.severity}
        onChange={(e) => {
          const s = Severity.safeParse(value(e));
          setFilters({ ...filters, severity: s.success ? s.data : '' });
        }}
        aria-label="严重程度"
      >
        <option value="">全部程度</option>
        {(['error', 'warning', 'info'] as const).map((s) => (
          <option key={s} value={s}>
            {SEV_ZH[s]}
          </option>
        ))}
      </select>
      <select
        value={filters.site}
        onChange={(e) => setFilters({ ...filters, site: value(e) })}
        aria-label="网站"
      >
        <option value="">全部网站</option>
        {sites.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <input
        type="search"
        placeholder="搜索编号、标题、描述、备注"
        value={filters.q}
        onInput={(e) => setFilters({ ...filters, q: value(e) })}
      />
      <span class="spacer" />
      <button
        type="button"
        class="primary"
        onClick={onZip}
        data-action="export-zip"
        disabled={shownCount === 0}
      >
        导出 ZIP
      </button>
      {FORMATS.map((f) => (
        <button key={f.label} type="button" onClick={() => onExport(f)} disabled={shownCount === 0}>
          {f.label}
        </button>
      ))}
      <button type="button" class="danger" onClick={onRemove} disabled={selectedCount === 0}>
        删除选中
      </button>
    </div>
  );
}
