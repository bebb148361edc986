/**
 * UI strings from the extension's _locales (WXT's i18n files), switchable at run time: the language is a
 * user setting, not the browser's, so both dictionaries are bundled and looked up here.
 */
import en from '@/assets/public/_locales/en/messages.json';
import zh from '@/assets/public/_locales/zh_CN/messages.json';
import type { Category, Lang, Severity } from '@/lib/model/schema';
import type { OverlayStrings } from '@/lib/overlay/overlay';

export type MessageKey = keyof typeof zh;

const DICTS: Record<Lang, Record<string, { message: string }>> = { zh, en };

export function t(lang: Lang, key: MessageKey, ...subs: string[]): string {
  const raw = DICTS[lang][key]?.message ?? zh[key]?.message ?? key;
  return raw.replace(/\$(\d)/g, (_, i: string) => subs[Number(i) - 1] ?? '');
}

export function overlayStrings(lang: Lang): OverlayStrings {
  return {
    app: t(lang, 'extName'),
    severity: { error: t(lang, 'sevError'), warning: t(lang, 'sevWarning'), info: t(lang, 'sevInfo') },
    basis: t(lang, 'basis'),
    fix: t(lang, 'fix'),
    next: t(lang, 'next'),
    prev: t(lang, 'prev'),
    close: t(lang, 'close'),
    collapse: t(lang, 'collapse'),
    expand: t(lang, 'expand'),
    hide: t(lang, 'hide'),
    noFindings: t(lang, 'noFindings'),
    where: t(lang, 'where'),
    here: t(lang, 'chipHere', '$1'),
    hiddenBySettings: t(lang, 'chipHiddenBySettings', '$1', '$2'),
    notChecked: t(lang, 'chipNotChecked', '$1'),
    showMarks: t(lang, 'showMarks'),
    pageLevel: t(lang, 'chipPageLevel'),
  };
}

export const SEVERITY_KEY: Record<Severity, MessageKey> = {
  error: 'sevError',
  warning: 'sevWarning',
  info: 'sevInfo',
};
export const CATEGORY_KEY: Record<Category, MessageKey> = {
  sum: 'catSum',
  section: 'catSection',
  year: 'catYear',
  template: 'catTemplate',
  consistency: 'catConsistency',
  history: 'catHistory',
  content: 'catContent',
  extraction: 'catExtraction',
};
