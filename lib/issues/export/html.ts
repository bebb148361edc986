/**
 * The issue list as an HTML document that reads as an inspection report: a cover (scope, sites, date,
 * inspector), a summary table by reporting body and severity, then per report its findings with their
 * close-ups. Print CSS makes "print to PDF" an A4 report. Every value from a page is escaped.
 */
import { type IssueEntry, REVIEW_ZH, STATUS_ZH } from '../model';
import {
  closeUpKey,
  formatTime,
  groupByReport,
  imageFileName,
  type ReportGroup,
  SEVERITY_ZH,
  scopeOf,
  summarize,
  verdictText,
} from './columns';

export const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** An href that stays a link to a web page: http(s) only, else none. */
export function safeHref(url: string): string | null {
  return /^https?:\/\//i.test(url) ? esc(url) : null;
}

export interface HtmlOptions {
  /** The src of an image (default: its path in the ZIP, images/…); null leaves the picture out. */
  imageSrc?: (entry: IssueEntry, key: string) => string | null;
  now?: Date;
}

const CSS = `
body{font:14px/1.6 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#202124;margin:0 auto;max-width:960px;padding:24px}
h1{font-size:24px;margin:0 0 16px}h2{font-size:18px;margin:32px 0 4px;border-bottom:2px solid #1a73e8;padding-bottom:4px}
h3{font-size:15px;margin:0 0 6px}
table{border-collapse:collapse;width:100%;margin:8px 0}td,th{border:1px solid #bbb;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f1f3f4;white-space:nowrap}td.n{text-align:right}
.cover{border:1px solid #dadce0;padding:24px;margin-bottom:24px}.cover th{width:7em}
.meta{color:#5f6368;margin:0 0 12px;word-break:break-all}
.finding{border:1px solid #dadce0;border-left-width:6px;padding:10px 14px;margin:12px 0;break-inside:avoid}
.finding.error{border-left-color:#d93025}.finding.warning{border-left-color:#e37400}.finding.info{border-left-color:#1a73e8}
.sev{color:#fff;border-radius:8px;padding:0 6px;font-size:12px;white-space:nowrap}
.sev.error{background:#d93025}.sev.warning{background:#b06000}.sev.info{background:#1a73e8}
dl{display:grid;grid-template-columns:7em 1fr;gap:2px 10px;margin:0}dt{color:#5f6368}dd{margin:0;word-break:break-word}
figure{margin:8px 0 0}figure img{max-width:100%;border:1px solid #dadce0}figcaption{font-size:12px;color:#5f6368}
@page{size:A4;margin:15mm 12mm}
@media print{body{max-width:none;padding:0;font-size:11pt}.report{break-before:page}a{color:inherit;text-decoration:none}
figure img{max-height:120mm}th{background:#eee !important;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.sev{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

function cover(entries: IssueEntry[], now: Date): string {
  const s = scopeOf(entries);
  const row = (k: string, v: string) => `<tr><th>${k}</th><td>${v}</td></tr>`;
  return `<section class="cover"><h1>政府信息公开工作年度报告检查问题清单</h1><table>
${row('检查范围', `${s.reports} 份报告，${s.bodies} 个单位，共 ${s.entries} 条问题`)}
${s.regions.length ? row('地区', esc(s.regions.join('、'))) : ''}
${row('网站', esc(s.sites.join('、') || '—'))}
${s.years.length ? row('报告年度', s.years.join('、')) : ''}
${row('导出日期', esc(formatTime(now.toISOString())))}
${row('检查人', esc(s.inspectors.join('、') || '—'))}
</table></section>`;
}

function summaryTable(entries: IssueEntry[]): string {
  const rows = summarize(entries);
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + f(r), 0);
  const body = rows
    .map(
      (r) =>
        `<tr><td>${esc(r.body)}</td><td>${esc(r.sites.join('、'))}</td><td class="n">${r.reports}</td><td class="n">${r.severity.error}</td><td class="n">${r.severity.warning}</td><td class="n">${r.severity.info}</td><td class="n">${r.total}</td></tr>`,
    )
    .join('\n');
  return `<section class="summary"><h2>问题汇总</h2><table><thead><tr><th>单位名称</th><th>网站名称</th><th>报告数</th><th>错误</th><th>警告</th><th>提示</th><th>合计</th></tr></thead><tbody>
${body}
<tr><th colspan="2">合计</th><td class="n">${sum((r) => r.reports)}</td><td class="n">${sum((r) => r.severity.error)}</td><td class="n">${sum((r) => r.severity.warning)}</td><td class="n">${sum((r) => r.severity.info)}</td><td class="n">${sum((r) => r.total)}</td></tr>
</tbody></table></section>`;
}

function finding(e: IssueEntry, imageSrc: NonNullable<HtmlOptions['imageSrc']>): string {
  const item = (k: string, v: string) => (v ? `<dt>${k}</dt><dd>${esc(v)}</dd>` : '');
  const status = [
    STATUS_ZH[e.status],
    e.deadline ? `整改时限 ${e.deadline}` : '',
    `复核：${REVIEW_ZH[e.review]}`,
  ]
    .filter(Boolean)
    .join('；');
  const key = closeUpKey(e);
  const src = key ? imageSrc(e, key) : null;
  const plain = e.imageKeys.find((k) => k.endsWith('-plain'));
  const plainSrc = plain ? imageSrc(e, plain) : null;
  const pic = src
    ? `<figure><img src="${esc(src)}" alt="${esc(`${e.id} 截图`)}"><figcaption>${esc(imageFileName(e, key ?? ''))}${plainSrc ? ` · <a href="${esc(plainSrc)}">原图</a>` : ''}</figcaption></figure>`
    : '';
  return `<article class="finding ${e.severity}" id="${esc(e.id)}"><h3><span class="sev ${e.severity}">${SEVERITY_ZH[e.severity]}</span> ${esc(e.type)} <small>${esc(e.id)}</small></h3><dl>
${item('页面标注号', e.mark === null ? '' : `标注 ${e.mark}`)}${item('位置', e.location)}${item('问题描述', e.description)}${item('证据', e.description.includes(e.evidence) ? '' : e.evidence)}${item('依据', e.basis)}${item('整改建议', e.fix)}${item('整改状态', status)}${item('页面判定', verdictText(e))}${item('复查结果', e.recheck ? `${e.recheck.result === 'fixed' ? '已整改' : '仍存在'}（${formatTime(e.recheck.at)}）` : '')}${item('发现时间', `${formatTime(e.foundAt)}${e.inspector ? ` · ${e.inspector}` : ''}`)}${item('备注', e.note)}
</dl>${pic}</article>`;
}

function report(g: ReportGroup, imageSrc: NonNullable<HtmlOptions['imageSrc']>): string {
  const href = safeHref(g.url);
  const facts = [
    g.agency ? `单位名称：${esc(g.agency)}` : '',
    `网站名称：${esc(g.siteName)}`,
    g.columnName ? `栏目：${esc(g.columnName)}` : '',
    g.reportYear ? `报告年度：${g.reportYear}` : '',
    `${g.entries.length} 条问题`,
  ].filter(Boolean);
  return `<section class="report"><h2>${esc(g.title || g.url)}</h2><p class="meta">${facts.join(' ｜ ')}<br>${href ? `<a href="${href}">${esc(g.url)}</a>` : esc(g.url)}</p>
${g.entries.map((e) => finding(e, imageSrc)).join('\n')}
</section>`;
}

export function toHtml(entries: IssueEntry[], opts: HtmlOptions = {}): string {
  const imageSrc = opts.imageSrc ?? ((e, k) => encodeURI(`images/${imageFileName(e, k)}`));
  const now = opts.now ?? new Date();
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>问题清单</title>
<style>${CSS}</style>
</head><body>
${cover(entries, now)}
${summaryTable(entries)}
${groupByReport(entries)
  .map((g) => report(g, imageSrc))
  .join('\n')}
</body></html>
`;
}
