/**
 * What every export of the issue list shares: the columns inspectors hand over (问题清单), in their order,
 * names and times as they print, the images' file names, the summary per reporting body and the grouping by
 * report.
 */
import { CATEGORIES, type Category, SEVERITIES, type Severity } from '../../model/enums';
import { type IssueEntry, REVIEW_ZH, STATUS_ZH } from '../model';

export const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
export const CATEGORY_ZH: Record<Category, string> = {
  sum: '合计',
  section: '章节',
  year: '年份与时限',
  template: '格式版本',
  consistency: '正文与表格',
  history: '跨年度',
  content: '内容',
  extraction: '无法核验',
};
const RECHECK_ZH = { fixed: '已整改', present: '仍存在' } as const;

export interface Column {
  key: string;
  header: string;
  /** Width in characters (XLSX) */
  width: number;
  value: (e: IssueEntry) => string;
}

export const COLUMNS: Column[] = [
  { key: 'id', header: '问题编号', width: 14, value: (e) => e.id },
  { key: 'mark', header: '页面标注号', width: 6, value: (e) => (e.mark === null ? '' : String(e.mark)) },
  { key: 'region', header: '地区', width: 10, value: (e) => e.region },
  { key: 'siteName', header: '网站名称', width: 12, value: (e) => e.siteName },
  { key: 'agency', header: '单位名称', width: 14, value: (e) => e.agency ?? '' },
  { key: 'columnName', header: '栏目名称', width: 10, value: (e) => e.columnName ?? '' },
  {
    key: 'reportYear',
    header: '报告年度',
    width: 6,
    value: (e) => (e.reportYear ? String(e.reportYear) : ''),
  },
  { key: 'pageTitle', header: '页面标题', width: 18, value: (e) => e.pageTitle },
  { key: 'pageUrl', header: '页面地址', width: 16, value: (e) => e.pageUrl },
  { key: 'location', header: '位置', width: 18, value: (e) => e.location },
  { key: 'type', header: '问题类型', width: 14, value: (e) => e.type },
  { key: 'severity', header: '严重程度', width: 6, value: (e) => SEVERITY_ZH[e.severity] },
  { key: 'description', header: '问题描述', width: 32, value: (e) => e.description },
  { key: 'evidence', header: '证据（算式或引文）', width: 20, value: (e) => e.evidence },
  { key: 'basis', header: '依据', width: 20, value: (e) => e.basis },
  { key: 'fix', header: '整改建议', width: 20, value: (e) => e.fix },
  { key: 'screenshot', header: '截图', width: 12, value: (e) => e.screenshot ?? '' },
  { key: 'foundAt', header: '发现时间', width: 11, value: (e) => formatTime(e.foundAt) },
  { key: 'inspector', header: '检查人', width: 7, value: (e) => e.inspector },
  { key: 'status', header: '整改状态', width: 8, value: (e) => STATUS_ZH[e.status] },
  { key: 'deadline', header: '整改时限', width: 10, value: (e) => e.deadline ?? '' },
  { key: 'review', header: '复核状态', width: 8, value: (e) => REVIEW_ZH[e.review] },
  { key: 'verdict', header: '页面判定', width: 12, value: (e) => verdictText(e) },
  {
    key: 'recheck',
    header: '复查结果',
    width: 12,
    value: (e) => (e.recheck ? `${RECHECK_ZH[e.recheck.result]}（${formatTime(e.recheck.at)}）` : ''),
  },
  { key: 'note', header: '备注', width: 14, value: (e) => e.note },
];

/** 页面判定 as it prints: 「误报：理由」, 「忽略」, or '' when the page has no decision on the finding. */
export function verdictText(e: IssueEntry): string {
  if (!e.verdict) return '';
  const kind = e.verdict.kind === 'false-positive' ? '误报' : '忽略';
  return e.verdict.reason ? `${kind}：${e.verdict.reason}` : kind;
}

export function column(key: string): Column {
  const c = COLUMNS.find((x) => x.key === key);
  if (!c) throw new Error(`no column ${key}`);
  return c;
}

export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The first `max` characters of a string, counted in code points: an emoji is never cut in half. */
export function cutCodePoints(s: string, max: number): string {
  let out = '';
  let n = 0;
  for (const ch of s) {
    if (n++ >= max) break;
    out += ch;
  }
  return out;
}

/** A file name that carries the site, the report and the time. */
export function screenshotName(url: string, title: string, when: Date, kind = ''): string {
  let site = 'page';
  try {
    site = new URL(url).hostname;
  } catch {
    // keep the default
  }
  const clean = (s: string) =>
    s
      .replace(/[\\/:*?"<>|#%&{}$!'@+`=\s]+/g, '')
      .replace(/[.]+$/, '')
      .replace(/[\u0000-\u001f\u007f]/g, '');
  const short = (s: string) => cutCodePoints(clean(s), 40);
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${when.getFullYear()}${p(when.getMonth() + 1)}${p(when.getDate())}-${p(when.getHours())}${p(when.getMinutes())}${p(when.getSeconds())}`;
  return `${[short(site), short(title) || 'report', stamp, kind].filter(Boolean).join('_')}.png`;
}

/** Name of each stored image in exports: the annotated one under the entry's screenshot name. */
export function imageFileName(entry: IssueEntry, key: string): string {
  const base = entry.screenshot ?? `${entry.id}.png`;
  return key.endsWith('-plain') ? base.replace(/\.png$/, '_原图.png') : base;
}

/** The entry's images as paths inside the ZIP (images/…), the annotated one first. */
export function imagePaths(entry: IssueEntry): string[] {
  return entry.imageKeys.map((k) => `images/${imageFileName(entry, k)}`);
}

/** The key of the entry's close-up (the annotated image), if it has one. */
export function closeUpKey(entry: IssueEntry): string | undefined {
  return entry.imageKeys.find((k) => !k.endsWith('-plain')) ?? entry.imageKeys[0];
}

/** One reporting body's counts: by severity and by category. */
export interface BodySummary {
  body: string;
  sites: string[];
  reports: number;
  total: number;
  severity: Record<Severity, number>;
  category: Partial<Record<Category, number>>;
}

/** The reporting body of an entry: its agency, else the site's name. */
export function bodyOf(e: IssueEntry): string {
  return e.agency ?? e.siteName;
}

export function summarize(entries: IssueEntry[]): BodySummary[] {
  const out = new Map<string, BodySummary & { urls: Set<string> }>();
  for (const e of entries) {
    const body = bodyOf(e);
    let s = out.get(body);
    if (!s) {
      s = {
        body,
        sites: [],
        reports: 0,
        total: 0,
        severity: { error: 0, warning: 0, info: 0 },
        category: {},
        urls: new Set(),
      };
      out.set(body, s);
    }
    if (!s.sites.includes(e.siteName)) s.sites.push(e.siteName);
    s.urls.add(pageKey(e.pageUrl));
    s.reports = s.urls.size;
    s.total++;
    s.severity[e.severity]++;
    s.category[e.category] = (s.category[e.category] ?? 0) + 1;
  }
  return [...out.values()]
    .map(({ urls: _urls, ...s }) => s)
    .sort((a, b) => b.severity.error - a.severity.error || b.total - a.total || (a.body < b.body ? -1 : 1));
}

/** Categories that occur in the entries, in the engine's order. */
export function categoriesIn(entries: IssueEntry[]): Category[] {
  const seen = new Set(entries.map((e) => e.category));
  return CATEGORIES.filter((c) => seen.has(c));
}

export { SEVERITIES };

function pageKey(url: string): string {
  return url.replace(/#.*$/, '');
}

/** The entries of one report page, most severe first. */
export interface ReportGroup {
  url: string;
  title: string;
  siteName: string;
  agency: string | null;
  reportYear: number | null;
  columnName: string | null;
  entries: IssueEntry[];
}

const SEV_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function groupByReport(entries: IssueEntry[]): ReportGroup[] {
  const groups = new Map<string, ReportGroup>();
  for (const e of entries) {
    const key = pageKey(e.pageUrl);
    let g = groups.get(key);
    if (!g) {
      g = {
        url: e.pageUrl,
        title: e.pageTitle,
        siteName: e.siteName,
        agency: e.agency,
        reportYear: e.reportYear,
        columnName: e.columnName,
        entries: [],
      };
      groups.set(key, g);
    }
    g.entries.push(e);
  }
  for (const g of groups.values())
    g.entries.sort((a, b) => SEV_ORDER[a.severity] - SEV_ORDER[b.severity] || (a.id < b.id ? -1 : 1));
  return [...groups.values()].sort(
    (a, b) => bodyKey(a).localeCompare(bodyKey(b), 'zh') || (a.reportYear ?? 0) - (b.reportYear ?? 0),
  );
}

function bodyKey(g: ReportGroup): string {
  return g.agency ?? g.siteName;
}

/** What the cover of a report says: how many, which sites and regions, who inspected. */
export interface Scope {
  entries: number;
  reports: number;
  bodies: number;
  sites: string[];
  regions: string[];
  inspectors: string[];
  years: number[];
}

export function scopeOf(entries: IssueEntry[]): Scope {
  const uniq = <T>(xs: T[]) => [...new Set(xs)].filter((x) => x !== '' && x !== null) as T[];
  return {
    entries: entries.length,
    reports: new Set(entries.map((e) => pageKey(e.pageUrl))).size,
    bodies: new Set(entries.map(bodyOf)).size,
    sites: uniq(entries.map((e) => e.siteName)),
    regions: uniq(entries.map((e) => e.region)),
    inspectors: uniq(entries.map((e) => e.inspector)),
    years: uniq(entries.map((e) => e.reportYear ?? 0))
      .filter((y) => y > 0)
      .sort(),
  };
}
