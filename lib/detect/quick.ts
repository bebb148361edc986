/**
 * Cheap detection for the always-on content script: title, meta tags and the first heading only,
 * never a walk of the whole DOM.
 */
const REPORT_RE = /(政府信息公开|政务公开|信息公开)(工作)?(年度)?(报告|年报)/;
const NOT_REPORT_RE = /指南|预算|决算|目录|解读|图解/;
/** A report's title names its year; a 年报 column page ("政府信息公开年报") does not. */
const YEAR_RE = /(19|20)\d{2}/;

/** Does one of these titles (meta ArticleTitle, <title>, first headings) name a report of a given year? */
export function namesReport(candidates: readonly string[]): boolean {
  return candidates.some((t) => REPORT_RE.test(t) && YEAR_RE.test(t) && !NOT_REPORT_RE.test(t));
}

export function looksLikeReport(doc: Document): boolean {
  const meta = (name: string) => doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? '';
  return namesReport([
    meta('ArticleTitle'),
    doc.title,
    doc.querySelector('h1')?.textContent ?? '',
    doc.querySelector('h2')?.textContent ?? '',
  ]);
}
