/**
 * Cheap detection for the always-on content script: title, meta tags and the first heading only,
 * never a walk of the whole DOM.
 */
const REPORT_RE = /(政府信息公开|政务公开|信息公开)(工作)?(年度)?(报告|年报)/;
const NOT_REPORT_RE = /指南|预算|决算|目录|解读|图解/;

export function looksLikeReport(doc: Document): boolean {
  const meta = (name: string) => doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? '';
  const candidates = [
    meta('ArticleTitle'),
    doc.title,
    doc.querySelector('h1')?.textContent ?? '',
    doc.querySelector('h2')?.textContent ?? '',
  ];
  return candidates.some((t) => REPORT_RE.test(t) && !NOT_REPORT_RE.test(t));
}
