/** The issue list as Markdown (page text escaped: it stays text) and as JSON. */
import type { IssueEntry } from '../model';
import { COLUMNS, formatTime, groupByReport, imagePaths, SEVERITY_ZH } from './columns';

export function toJson(entries: IssueEntry[]): string {
  return `${JSON.stringify({ exportedAt: new Date().toISOString(), count: entries.length, issues: entries }, null, 2)}\n`;
}

/**
 * Page text as Markdown text: every character Markdown or HTML would act on is escaped, newlines become
 * spaces (a value stays on its line of the list).
 */
export function mdText(s: string): string {
  return s
    .replace(/\r\n?|\n|\u2028|\u2029/g, ' ')
    .replace(/[\\`*_[\]|~<>&]/g, (c) =>
      c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`,
    );
}

/** A link target that stays one: http(s) URLs only, with spaces and angle brackets percent-encoded. */
function mdUrl(url: string): string | null {
  if (!/^https?:\/\//i.test(url)) return null;
  return url.replace(/[\s<>()\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const SKIP = new Set(['id', 'type', 'pageTitle', 'siteName', 'agency', 'columnName', 'reportYear']);

export function toMarkdown(entries: IssueEntry[]): string {
  const out = [
    `# 问题清单`,
    '',
    `共 ${entries.length} 条，导出于 ${formatTime(new Date().toISOString())}。`,
    '',
  ];
  for (const g of groupByReport(entries)) {
    const url = mdUrl(g.url);
    out.push(`## ${mdText(g.title || g.url)}`, '');
    const facts = [
      ['单位名称', g.agency ?? ''],
      ['网站名称', g.siteName],
      ['栏目名称', g.columnName ?? ''],
      ['报告年度', g.reportYear ? String(g.reportYear) : ''],
    ].filter(([, v]) => v);
    for (const [k, v] of facts) out.push(`- **${k}**：${mdText(v ?? '')}`);
    out.push(`- **页面地址**：${url ? `<${url}>` : mdText(g.url)}`, '');
    for (const e of g.entries) {
      out.push(`### ${mdText(e.id)} ${mdText(e.type)}（${SEVERITY_ZH[e.severity]}）`, '');
      for (const c of COLUMNS) {
        if (SKIP.has(c.key)) continue;
        const v = c.value(e);
        if (!v) continue;
        const link = c.key === 'pageUrl' ? mdUrl(v) : null;
        out.push(`- **${c.header}**：${link ? `<${link}>` : mdText(v)}`);
      }
      for (const img of imagePaths(e))
        out.push(
          '',
          `![${mdText(e.id)}](${encodeURI(img).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))})`,
        );
      out.push('');
    }
  }
  return out.join('\n');
}
