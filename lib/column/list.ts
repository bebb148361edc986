/**
 * 年报 column and 汇总 pages (DOMAIN.md §9, §11): the list of report links with their years and dates, and
 * the column's other list pages (TRS `createPageHTML`, Hanweb datastore records, numbered or "下一页" links).
 * Pure DOM reading: works on the live page, on linkedom in Node, and on a fetched page parsed anywhere.
 */
import { classifyBody, REPORT_TITLE_RE } from '../detect/meta';
import type { BodyKind } from '../model/schema';
import { collapseSpaces, toHalfWidth } from '../text/normalize';

export interface ColumnEntry {
  title: string;
  /** Absolute URL of the report page (or its attachment). */
  url: string;
  /** Report year named by the title, null when the title names none. */
  year: number | null;
  /** Date shown beside the link (YYYY-MM-DD), null when the list shows none. */
  publishedAt: string | null;
  /** Reporting body named by the title, null when the title names only the year (one body's column). */
  agency: string | null;
  bodyKind: BodyKind;
  /** Where the entry was listed (the list page's URL). */
  listedOn: string;
}

export interface ColumnPage {
  /** The page lists annual reports (two or more report links, or a 年报 column name with one). */
  isColumn: boolean;
  reason: string;
  columnName: string | null;
  entries: ColumnEntry[];
  /** Absolute URLs of the column's other list pages that this page names (pagination), in order. */
  pages: string[];
}

const DATE_RES: RegExp[] = [
  /((?:19|20)\d{2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})/,
  /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/,
];

/** A date written in a list row, as YYYY-MM-DD, or null. */
export function dateIn(text: string): string | null {
  const t = toHalfWidth(text);
  for (const re of DATE_RES) {
    const m = re.exec(t);
    if (!m) continue;
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) continue;
    return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return null;
}

/** Year and body named by a report title: "示例县城关镇2024年政府信息公开工作年度报告" → 2024, 示例县城关镇. */
export function titleFacts(title: string): { year: number | null; agency: string | null } {
  const t = toHalfWidth(collapseSpaces(title)).replace(/\s+/g, '');
  const ym = /((?:19|20)\d{2})年(?:度)?/.exec(t);
  const year = ym ? Number(ym[1]) : null;
  let agency: string | null = null;
  if (ym) {
    const before = t
      .slice(0, ym.index)
      .replace(/关于$/, '')
      .replace(/[“”"《》【】[\]]/g, '');
    const after = t
      .slice(ym.index + ym[0].length)
      .replace(REPORT_TITLE_RE, '')
      .replace(/[“”"《》【】[\]（）()]/g, '');
    if (before.length >= 2) agency = before;
    else if (after.length >= 2 && after.length <= 40 && !/^(工作|年度|报告)/.test(after)) agency = after;
  }
  if (agency && (agency.length > 40 || !/[\u4e00-\u9fff]/.test(agency))) agency = null;
  return { year, agency };
}

function absolute(href: string, base: string): string | null {
  try {
    const u = new URL(href, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/** The smallest ancestor that holds the link's row: an <li>, a <tr>, or a block holding one link only. */
function rowOf(a: Element): Element {
  let el: Element = a;
  for (let i = 0; i < 4 && el.parentElement; i++) {
    const p: Element = el.parentElement;
    const tag = p.tagName.toLowerCase();
    if (tag === 'li' || tag === 'tr' || tag === 'dd' || tag === 'dl') return p;
    if (p.querySelectorAll('a').length > 1 || tag === 'body' || tag === 'ul' || tag === 'table') return el;
    el = p;
  }
  return el;
}

interface Link {
  text: string;
  href: string;
  row: string;
}

function linksOf(root: ParentNode): Link[] {
  const out: Link[] = [];
  for (const a of Array.from(root.querySelectorAll('a[href]'))) {
    const text = collapseSpaces(a.getAttribute('title') || a.textContent || '');
    const href = a.getAttribute('href') ?? '';
    out.push({ text, href, row: collapseSpaces(rowOf(a).textContent ?? '') });
  }
  return out;
}

/** Hanweb list pages keep their rows as HTML inside `<script type="text/xml"><record><![CDATA[…]]>`. */
function hanwebRecords(doc: Document): Link[] {
  const out: Link[] = [];
  for (const s of Array.from(doc.querySelectorAll('script'))) {
    const src = s.textContent ?? '';
    if (!src.includes('<record')) continue;
    for (const m of src.matchAll(/<record>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/record>/g)) {
      const html = m[1] ?? '';
      // an inert template: nothing in it runs or loads
      const tpl = doc.createElement('template');
      tpl.innerHTML = html;
      const holder: ParentNode = (tpl as HTMLTemplateElement).content ?? tpl;
      out.push(...linksOf(holder));
    }
  }
  return out;
}

const PAGE_LINK_TEXT = /^(下一页|下页|尾页|末页|上一页|上页|首页|[>»›]|\d{1,3})$/;
const PAGE_HREF = /(?:index|list|default)_\d+\.s?html?$|[?&](?:page|pageNum|pageno|pageIndex|curpage|p)=\d+/i;

/** One key per list page: a directory and its index.html / default.htm are the same page. */
export function pageKey(url: string): string {
  return url.replace(/\/(?:index|default)\.s?html?$/i, '/');
}

/** The column's list pages named by this one (excluding itself), in order. */
export function paginationOf(doc: Document, url: string): string[] {
  const found = new Set<string>();
  const self = absolute(url, url);
  const html = Array.from(doc.querySelectorAll('script'))
    .map((s) => s.textContent ?? '')
    .join('\n');
  // TRS: createPageHTML(countPage, currentPage, "index", "html") (some sites add a container id first)
  for (const m of html.matchAll(/createPageHTML\s*\(([^)]*)\)/g)) {
    const args = (m[1] ?? '').split(',').map((s) => s.trim().replace(/^['"]|['"]$/g, ''));
    const nums = args.filter((a) => /^\d+$/.test(a)).map(Number);
    const words = args.filter((a) => /^[A-Za-z_][\w-]*$/.test(a));
    const count = nums[0] ?? 0;
    const prefix = words.find((w) => w !== 'html' && w !== 'shtml' && w !== 'htm') ?? 'index';
    const ext = words.find((w) => /^s?html?$/.test(w)) ?? 'html';
    for (let i = 0; i < Math.min(count, 500); i++) {
      const page = absolute(i === 0 ? `${prefix}.${ext}` : `${prefix}_${i}.${ext}`, url);
      if (page) found.add(page);
    }
  }
  for (const l of linksOf(doc)) {
    if (!PAGE_LINK_TEXT.test(l.text) && !PAGE_HREF.test(l.href)) continue;
    if (!PAGE_HREF.test(l.href) && !/^(下一页|下页|尾页|末页)$/.test(l.text)) continue;
    const page = absolute(l.href, url);
    if (page) found.add(page);
  }
  const own = self ? pageKey(self) : null;
  const out = new Map<string, string>();
  for (const p of found) if (pageKey(p) !== own && !out.has(pageKey(p))) out.set(pageKey(p), p);
  return [...out.values()];
}

/** Read a column (list) page: its report entries and the other pages of the column. */
export function readColumnPage(doc: Document, url: string): ColumnPage {
  const meta = (name: string) =>
    doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content')?.trim() || null;
  const columnName = meta('ColumnName') ?? meta('columnname');
  const seen = new Set<string>();
  const entries: ColumnEntry[] = [];
  for (const l of [...linksOf(doc), ...hanwebRecords(doc)]) {
    if (l.text.length < 6 || l.text.length > 120 || !REPORT_TITLE_RE.test(l.text)) continue;
    if (/指南|解读|图解|目录|制度|通知|公告|预算|决算|新闻/.test(l.text)) continue;
    const abs = absolute(l.href, url);
    if (!abs || seen.has(abs)) continue;
    seen.add(abs);
    const { year, agency } = titleFacts(l.text);
    // a report link names its year; "政府信息公开年报" alone is the column's own link (breadcrumb, menu)
    if (year === null) continue;
    entries.push({
      title: l.text,
      url: abs,
      year,
      publishedAt: dateIn(l.row.replace(l.text, ' ')),
      agency,
      bodyKind: classifyBody(agency),
      listedOn: url,
    });
  }
  const named = !!columnName && /年报|年度报告/.test(columnName);
  // a report page links its neighbours (上一篇/下一篇) but carries the report's own tables
  const body = doc.body?.textContent ?? '';
  const isReport = /本年新收/.test(body) && /上年结转/.test(body);
  const isColumn = !isReport && (entries.length >= 2 || (named && entries.length >= 1));
  return {
    isColumn,
    reason: isReport
      ? 'the page is a report (its table 2 is on it)'
      : isColumn
        ? `${entries.length} report links${named ? ` in column ${columnName}` : ''}`
        : entries.length === 1
          ? 'one report link only'
          : 'no report links',
    columnName,
    entries,
    pages: paginationOf(doc, url),
  };
}
