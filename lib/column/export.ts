/**
 * What a column crawl writes: a Markdown report per audited report and one XLSX workbook (a summary sheet
 * of body × year, then one sheet per body with its reports and findings).
 */
import writeXlsxFile, { type Row } from 'write-excel-file/universal';
import type { JsonEntry } from '../export/json';
import type { ColumnAnalysis, ColumnFinding } from './analyze';

export interface CrawledReport extends JsonEntry {
  /** What was audited: the report page or its attachment. */
  url: string;
  /** The list page that links it. */
  page: string;
}

const SEV_ZH: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

/** Markdown text is page text: escape what Markdown would read as markup. */
export function mdEscape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

export function reportMarkdown(r: CrawledReport): string {
  const out: string[] = [`# ${mdEscape(r.title ?? r.url)}`, ''];
  out.push(`- 地址：<${encodeURI(r.url)}>`);
  if (r.page !== r.url) out.push(`- 所在栏目页：<${encodeURI(r.page)}>`);
  out.push(
    `- 发布机关：${mdEscape(r.agency ?? '未识别')}；报告年度：${r.reportYear ?? '未识别'}；发布日期：${r.publishedAt ?? '未识别'}`,
  );
  if (r.error) {
    out.push('', `**未能审核**：${mdEscape(r.error)}`, '');
    return out.join('\n');
  }
  if (!r.isReport) out.push('', '该页面不是年度报告，未逐项审核。');
  const counts = { error: 0, warning: 0, info: 0 } as Record<string, number>;
  for (const f of r.findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  out.push(`- 结果：错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}`);
  if (r.coverage?.partial) out.push('- **注意**：审核未全部完成，结果不完整。');
  out.push('');
  for (const f of r.findings) {
    out.push(`## ${SEV_ZH[f.severity] ?? f.severity}：${mdEscape(f.title)}`, '');
    out.push(mdEscape(f.message), '');
    out.push(`- 依据：${mdEscape(f.basis)}`, `- 建议：${mdEscape(f.fix)}`, '');
  }
  return out.join('\n');
}

const head = (labels: string[]): Row =>
  labels.map((value) => ({ value, fontWeight: 'bold' as const, backgroundColor: '#e8eaed' }));

function sheetName(name: string, used: Set<string>): string {
  // Excel: at most 31 characters, none of : \ / ? * [ ]
  const base = [...name.replace(/[:\\/?*[\]]/g, '_')].slice(0, 28).join('') || '本栏目';
  let n = base;
  for (let i = 2; used.has(n); i++) n = `${base}_${i}`;
  used.add(n);
  return n;
}

export async function crawlWorkbook(
  reports: CrawledReport[],
  analysis: ColumnAnalysis,
  columnFindings: ColumnFinding[],
): Promise<Blob> {
  const byUrl = new Map(reports.map((r) => [r.url, r]));
  const summary: Row[] = [head(['单位', ...analysis.years.map(String)])];
  for (const b of analysis.bodies) {
    const row: Row = [{ value: b.agency ?? '本栏目' }];
    for (const y of analysis.years) {
      const cell = b.cells.find((c) => c.year === y);
      if (!cell || cell.state === 'not-due') {
        row.push({ value: cell ? '未到期' : '' });
        continue;
      }
      if (cell.state === 'missing') {
        row.push({ value: '缺失', backgroundColor: '#fce8e6' });
        continue;
      }
      const r = cell.entries[0] ? byUrl.get(cell.entries[0].url) : undefined;
      const n = (s: string) => r?.findings.filter((f) => f.severity === s).length ?? 0;
      const text = r?.error
        ? '未能审核'
        : `错误${n('error')} 警告${n('warning')}${cell.timeliness === 'late' ? ' 迟发' : ''}`;
      row.push({ value: text, ...(n('error') > 0 || r?.error ? { backgroundColor: '#fce8e6' } : {}) });
    }
    summary.push(row);
  }
  summary.push([null], head(['栏目问题', '单位', '年度', '说明']));
  for (const f of columnFindings)
    summary.push([
      { value: f.title.zh },
      { value: f.agency ?? '本栏目' },
      { value: f.year },
      { value: f.message.zh, wrap: true },
    ]);
  const used = new Set<string>(['汇总']);
  const sheets = [
    { data: summary, sheet: '汇总', columns: [{ width: 30 }, ...analysis.years.map(() => ({ width: 16 }))] },
  ];
  const groups = new Map<string, CrawledReport[]>();
  for (const r of reports) {
    const k = r.agency ?? '本栏目';
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const order = analysis.bodies.map((b) => b.agency ?? '本栏目');
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  for (const [agency, list] of [...groups].sort((a, b) => rank(a[0]) - rank(b[0]))) {
    const rows: Row[] = [
      head(['年度', '标题', '地址', '发布日期', '严重程度', '问题', '说明', '依据', '建议']),
    ];
    for (const r of list.sort((a, b) => (a.reportYear ?? 0) - (b.reportYear ?? 0))) {
      const base = [
        { value: r.reportYear ?? '' },
        { value: r.title ?? '' },
        { value: r.url },
        { value: r.publishedAt ?? '' },
      ];
      if (r.error) rows.push([...base, { value: '' }, { value: '未能审核' }, { value: r.error, wrap: true }]);
      else if (r.findings.length === 0)
        rows.push([...base, { value: '' }, { value: r.coverage?.partial ? '审核未完成' : '未发现问题' }]);
      for (const f of r.findings)
        rows.push([
          ...base,
          { value: SEV_ZH[f.severity] ?? f.severity },
          { value: f.title },
          { value: f.message, wrap: true },
          { value: f.basis, wrap: true },
          { value: f.fix, wrap: true },
        ]);
    }
    sheets.push({
      data: rows,
      sheet: sheetName(agency, used),
      columns: [8, 36, 30, 12, 8, 24, 60, 40, 40].map((width) => ({ width })),
    });
  }
  return writeXlsxFile(sheets.map((s) => ({ ...s, stickyRowsCount: 1 }))).toBlob();
}
