/** Dates as each language writes them: 2026年12月1日 in Chinese, 2026-12-01 (ISO) in English. */
import type { Lang } from '@/lib/model/schema';

export function formatDate(lang: Lang, d: Date): string {
  const y = d.getFullYear();
  const m = d.getMonth() + 1;
  const day = d.getDate();
  if (lang === 'zh') return `${y}年${m}月${day}日`;
  return `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
