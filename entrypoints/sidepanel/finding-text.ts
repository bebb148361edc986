/** One finding as plain text (copied from the side panel): number, severity, title, message, place, basis, fix. */
import { locatorText } from '@/lib/export/text';
import type { Finding, Lang } from '@/lib/model/schema';
import { SEVERITY_KEY, t } from '../shared/i18n';

export function findingText(f: Finding, n: number | undefined, lang: Lang, url: string): string {
  const lines = [`${n ?? '·'}. [${t(lang, SEVERITY_KEY[f.severity])}] ${f.title[lang]}`, f.message[lang]];
  const formula = f.evidence?.formula?.[lang];
  if (formula && !f.message[lang].includes(formula)) lines.push(formula);
  const first = f.targets[0];
  if (first) lines.push(`${t(lang, 'where')}: ${locatorText(first, lang)}`);
  lines.push(`${t(lang, 'basis')}: ${f.basis[lang]}`, `${t(lang, 'fix')}: ${f.fix[lang]}`, url);
  return lines.join('\n');
}
