/**
 * User settings (options page), shared by every extension context. Stored in extension storage under
 * SETTINGS_KEY; anything unreadable falls back to the defaults.
 */
import { z } from 'zod/mini';
import { CATEGORIES, Category, Lang, SEVERITIES, Severity } from './model/enums';

export const SETTINGS_KEY = 'settings';

export const Settings = z.object({
  lang: Lang,
  /** Extra sites where detection runs, as match patterns ("*://www.example.org/*"). */
  sites: z.array(z.string()),
  categories: z.array(Category),
  severities: z.array(Severity),
  inspector: z.string(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  lang: 'zh',
  sites: [],
  categories: [...CATEGORIES],
  severities: [...SEVERITIES],
  inspector: '',
};

export function parseSettings(raw: unknown): Settings {
  const r = Settings.safeParse(raw);
  return r.success ? r.data : { ...DEFAULT_SETTINGS, ...(typeof raw === 'object' && raw ? pick(raw) : {}) };
}

function pick(raw: object): Partial<Settings> {
  const out: Partial<Settings> = {};
  for (const k of Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>) {
    const field = Settings.shape[k];
    const v = (raw as Record<string, unknown>)[k];
    if (field.safeParse(v).success) Object.assign(out, { [k]: v });
  }
  return out;
}

/** "www.example.org", "https://example.org/path" → "*://www.example.org/*"; null when not a host. */
export function sitePattern(input: string): string | null {
  const s = input
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/[/?#].*$/, '')
    .toLowerCase();
  if (!/^(\*\.)?([a-z0-9-]+\.)+[a-z0-9-]{2,}(:\d+)?$/.test(s)) return null;
  return `*://${s.replace(/:\d+$/, '')}/*`;
}
