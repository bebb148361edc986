/** What the manager shows: the entries that pass the filters, in the chosen order (pure, no UI). */
import type { IssueEntry, IssueStatus, ReviewStatus } from '@/lib/issues/model';
import type { Severity } from '@/lib/model/schema';

export interface Filters {
  status: IssueStatus | '';
  review: ReviewStatus | '';
  severity: Severity | '';
  site: string;
  body: string;
  q: string;
}

export const NO_FILTERS: Filters = { status: '', review: '', severity: '', site: '', body: '', q: '' };

export type SortKey = 'id' | 'body' | 'severity' | 'foundAt' | 'status' | 'type';
export interface Sort {
  key: SortKey;
  asc: boolean;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const bodyName = (e: IssueEntry) => e.agency ?? e.siteName;

export function isFiltered(f: Filters): boolean {
  return Object.values(f).some((v) => v !== '');
}

export function applyFilters(entries: IssueEntry[], f: Filters, sort: Sort): IssueEntry[] {
  const q = f.q.trim().toLowerCase();
  const list = entries.filter(
    (e) =>
      (!f.status || e.status === f.status) &&
      (!f.review || e.review === f.review) &&
      (!f.severity || e.severity === f.severity) &&
      (!f.site || e.siteName === f.site) &&
      (!f.body || bodyName(e) === f.body) &&
      (!q ||
        [e.id, e.pageTitle, e.description, e.note, e.location, e.type, e.agency ?? '', e.region, e.evidence]
          .join('\n')
          .toLowerCase()
          .includes(q)),
  );
  const val = (e: IssueEntry): string | number =>
    sort.key === 'severity' ? SEVERITY_ORDER[e.severity] : sort.key === 'body' ? bodyName(e) : e[sort.key];
  return list.sort((a, b) => {
    const x = val(a);
    const y = val(b);
    return (x < y ? -1 : x > y ? 1 : 0) * (sort.asc ? 1 : -1);
  });
}
