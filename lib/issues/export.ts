/**
 * Exports of the issue list: XLSX (one row per issue, the columns inspectors hand over), Markdown and HTML
 * reports with the screenshots, JSON, and one ZIP with all of them and the images. Files are written by
 * well-kept libraries (write-excel-file, fflate), never by hand.
 */
import { strToU8, zipSync } from 'fflate';
import writeXlsxFile from 'write-excel-file/universal';
import { type IssueEntry, STATUS_ZH } from './model';

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;
const RECHECK_ZH = { fixed: '已整改', present: '仍存在' } as const;

export const COLUMNS: Array<{ header: string; width: number; value: (e: IssueEntry) => string }> = [
  { header: '问题编号', width: 30, value: (e) => e.id },
  { header: '网站名称', width: 20, value: (e) => e.siteName },
  { header: '页面标题', width: 36, value: (e) => e.pageTitle },
  { header: '页面地址', width: 40, value: (e) => e.pageUrl },
  { header: '位置', width: 34, value: (e) => e.location },
  { header: '问题类型', width: 24, value: (e) => e.type },
  { header: '严重程度', width: 9, value: (e) => SEVERITY_ZH[e.severity] },
  { header: '问题描述', width: 60, value: (e) => e.description },
  { header: '依据', width: 40, value: (e) => e.basis },
  { header: '整改建议', width: 40, value: (e) => e.fix },
  { header: '截图', width: 36, value: (e) => e.screenshot ?? '' },
  { header: '发现时间', width: 20, value: (e) => formatTime(e.foundAt) },
  { header: '检查人', width: 10, value: (e) => e.inspector },
  { header: '整改状态', width: 9, value: (e) => STATUS_ZH[e.status] },
  {
    header: '复查结果',
    width: 22,
    value: (e) => (e.recheck ? `${RECHECK_ZH[e.recheck.result]}（${formatTime(e.recheck.at)}）` : ''),
  },
  { header: '备注', width: 30, value: (e) => e.note },
];

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

export async function toXlsx(entries: IssueEntry[]): Promise<Blob> {
  const header = COLUMNS.map((c) => ({
    value: c.header,
    fontWeight: 'bold' as const,
    backgroundColor: '#e8eaed',
  }));
  const rows = entries.map((e) => COLUMNS.map((c) => ({ value: c.value(e), type: String, wrap: true })));
  return writeXlsxFile([header, ...rows], {
    sheet: '问题清单',
    columns: COLUMNS.map((c) => ({ width: c.width })),
    stickyRowsCount: 1,
  }).toBlob();
}

export function toJson(entries: IssueEntry[]): string {
  return `${JSON.stringify({ exportedAt: new Date().toISOString(), count: entries.length, issues: entries }, null, 2)}\n`;
}

function images(entry: IssueEntry): string[] {
  return entry.imageKeys.map((k) => `images/${imageFileName(entry, k)}`);
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

export function toMarkdown(entries: IssueEntry[]): string {
  const out = [
    `# 问题清单`,
    '',
    `共 ${entries.length} 条，导出于 ${formatTime(new Date().toISOString())}。`,
    '',
  ];
  for (const e of entries) {
    out.push(`## ${mdText(e.id)} ${mdText(e.type)}（${SEVERITY_ZH[e.severity]}）`, '');
    for (const c of COLUMNS) {
      if (c.header === '问题编号' || c.header === '问题类型') continue;
      const v = c.value(e);
      if (!v) continue;
      const url = c.header === '页面地址' ? mdUrl(v) : null;
      out.push(`- **${c.header}**：${url ? `<${url}>` : mdText(v)}`);
    }
    for (const img of images(e))
      out.push(
        '',
        `![${mdText(e.id)}](${encodeURI(img).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))})`,
      );
    out.push('');
  }
  return out.join('\n');
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function toHtml(entries: IssueEntry[]): string {
  const rows = entries
    .map(
      (e) =>
        `<tr>${COLUMNS.map((c) =>
          c.header === '截图'
            ? `<td>${images(e)
                .map(
                  (i) =>
                    `<a href="${esc(encodeURI(i))}"><img src="${esc(encodeURI(i))}" alt="${esc(e.id)}" width="240"></a>`,
                )
                .join('<br>')}</td>`
            : `<td>${esc(c.value(e))}</td>`,
        ).join('')}</tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>问题清单</title>
<style>body{font:13px/1.5 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:16px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top}th{background:#f1f3f4;position:sticky;top:0}</style>
</head><body><h1>问题清单</h1><p>共 ${entries.length} 条，导出于 ${esc(formatTime(new Date().toISOString()))}。</p>
<table><thead><tr>${COLUMNS.map((c) => `<th>${esc(c.header)}</th>`).join('')}</tr></thead><tbody>
${rows}
</tbody></table></body></html>\n`;
}

/** One ZIP: 问题清单.xlsx, .md, .html, .json and images/ (annotated and plain copies). */
export async function toZip(
  entries: IssueEntry[],
  getImage: (key: string) => Promise<Blob | null>,
): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {
    '问题清单.xlsx': new Uint8Array(await (await toXlsx(entries)).arrayBuffer()),
    '问题清单.md': strToU8(toMarkdown(entries)),
    '问题清单.html': strToU8(toHtml(entries)),
    '问题清单.json': strToU8(toJson(entries)),
  };
  for (const e of entries) {
    for (const key of e.imageKeys) {
      const name = `images/${imageFileName(e, key)}`;
      if (files[name]) continue;
      const blob = await getImage(key);
      if (blob) files[name] = new Uint8Array(await blob.arrayBuffer());
    }
  }
  return zipSync(files, { level: 6 });
}
