/**
 * 误报 / 忽略: a finding the user judged a false alarm, or chose to ignore, with the reason, remembered per
 * page (by URL without its fragment) so the side panel shows it again on the next visit. The background
 * keeps them (storage key `dismissed:<url>`); the finding itself is never changed.
 */
import { z } from 'zod/mini';

export const Dismissal = z.object({
  kind: z.enum(['false-positive', 'ignored']),
  reason: z.string(),
  /** ISO time of the decision. */
  at: z.string(),
});
export type Dismissal = z.infer<typeof Dismissal>;

export const Dismissals = z.record(z.string(), Dismissal);
export type Dismissals = z.infer<typeof Dismissals>;

/** The storage key of a page's dismissals: its URL without the fragment. */
export function dismissalKey(url: string): string {
  return `dismissed:${url.replace(/#.*$/, '')}`;
}

/** Stored data → dismissals, dropping anything that does not parse (never throws). */
export function parseDismissals(raw: unknown): Dismissals {
  const out: Dismissals = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [id, v] of Object.entries(raw)) {
    const d = Dismissal.safeParse(v);
    if (d.success) out[id] = d.data;
  }
  return out;
}
