/**
 * Shared by the cross-year rules: how the previous report is named in messages, and the link to it.
 */
import type { I18nText } from '../model/schema';
import type { ReportSnapshot } from './snapshot';

/** "2023 年度报告（http://…）" / "the 2023 report (http://…)". */
export function previousName(prev: ReportSnapshot): I18nText {
  const y = prev.year ?? '上一';
  return {
    zh: `${y}年度报告（${prev.url}）`,
    en: `the ${prev.year ?? 'previous'} report (${prev.url})`,
  };
}

/** The previous report is the same body's report of the year before this one. */
export function isPreviousOf(prev: ReportSnapshot, year: number | null, agencyKey: string | null): boolean {
  if (year === null || prev.year !== year - 1) return false;
  return prev.agencyKey === null || agencyKey === null || prev.agencyKey === agencyKey;
}
