/**
 * Counts used by the badge, the popup and the CLI, and what an audit could not check: a page is shown as
 * clean (「未发现问题」) only when every table and section was read and every check ran.
 */
import { numeralZh } from './format/sections';
import { TABLE_KINDS, TABLES } from './format/tables';
import type { AuditResult, Severity } from './model/schema';

export function counts(result: AuditResult): Record<Severity, number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) c[f.severity]++;
  return c;
}

/** One part of the report that was not (fully) checked, in both languages. */
export interface Unchecked {
  key: string;
  zh: string;
  en: string;
}

const SECTIONS = [1, 2, 3, 4, 5, 6];

/** What the audit could not check: tables not read in full, sections not found, checks that did not run. */
export function uncheckedParts(result: Pick<AuditResult, 'coverage' | 'report'>): Unchecked[] {
  if (!result.report.isReport) return [];
  const cov = result.coverage;
  const out: Unchecked[] = [];
  if (cov.stopped) {
    out.push(
      cov.stopped.reason === 'size'
        ? { key: 'stopped', zh: '页面过长，未读完', en: 'the page is too long and was not read to its end' }
        : { key: 'stopped', zh: '超出时间预算，审核未完成', en: 'the time budget ran out before the end' },
    );
  }
  for (const kind of TABLE_KINDS) {
    const s = cov.tables[kind];
    const name = TABLES[kind].short;
    const key = `table:${kind}`;
    if (s === 'partial')
      out.push({ key, zh: `${name.zh}部分数字未核算`, en: `${name.en}: not every figure was checked` });
    else if (s === 'blank') out.push({ key, zh: `${name.zh}没有数字`, en: `${name.en} holds no figures` });
    else if (s === 'image')
      out.push({ key, zh: `${name.zh}是图片，未核算`, en: `${name.en} is a picture, not checked` });
    else if (s === 'missing') out.push({ key, zh: `未找到${name.zh}`, en: `${name.en} not found` });
  }
  if (!cov.stopped) {
    const lost = SECTIONS.filter((n) => !cov.sectionsFound.includes(n));
    if (lost.length)
      out.push({
        key: 'sections',
        zh: `未找到第${lost.map((n) => numeralZh(n)).join('、')}部分`,
        en: `section${lost.length > 1 ? 's' : ''} ${lost.join(', ')} not found`,
      });
  }
  const skipped = Object.values(cov.rules).filter((s) => s === 'skipped-time').length;
  if (skipped && !cov.stopped)
    out.push({
      key: 'rules',
      zh: `${skipped} 项检查未运行（超时）`,
      en: `${skipped} checks did not run (time)`,
    });
  return out;
}

/** Clean: a report with no finding, every table and section read and every check run. */
export function isClean(result: Pick<AuditResult, 'coverage' | 'report' | 'findings'>): boolean {
  return result.report.isReport && result.findings.length === 0 && uncheckedParts(result).length === 0;
}

/** Badge text and colour: errors on red, warnings on amber, ✓ on green, ? when not fully read. */
export function badgeFor(result: AuditResult | null): { text: string; color: string } {
  if (!result?.report.isReport) return { text: '', color: '#000000' };
  const c = counts(result);
  if (c.error > 0) return { text: String(c.error), color: '#d93025' };
  if (c.warning > 0) return { text: String(c.warning), color: '#b45309' };
  if (uncheckedParts(result).length > 0) return { text: '?', color: '#5f6368' };
  return { text: '✓', color: '#188038' };
}
