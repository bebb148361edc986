/**
 * The run's exports, as the command line writes them (lib/column/export.ts): one Markdown file with every
 * report's findings and the column's, and the XLSX summary (body × year, one sheet per body).
 */
import type { ColumnAnalysis } from '@/lib/column/analyze';
import { type CrawledReport, crawlWorkbook, mdEscape, reportMarkdown } from '@/lib/column/export';
import { errorEntry, toJsonEntry } from '@/lib/export/json';
import type { Lang } from '@/lib/model/schema';
import { t } from '../shared/i18n';
import type { Row } from './session';

function crawled(rows: Map<string, Row>, lang: Lang): CrawledReport[] {
  return [...rows.values()].map((r) => ({
    ...(r.result ? toJsonEntry(r.url, r.result, lang) : errorEntry(r.url, r.error ?? '')),
    url: r.url,
    page: r.entry.listedOn,
  }));
}

function download(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export function ExportButtons(props: { rows: Map<string, Row>; analysis: ColumnAnalysis; lang: Lang }) {
  const { rows, analysis, lang } = props;
  const markdown = () => {
    const parts = [`# ${t(lang, 'colTitle')}`, ''];
    for (const f of analysis.findings)
      parts.push(`- ${mdEscape(f.title[lang])}：${mdEscape(f.message[lang])}`);
    parts.push('');
    for (const r of crawled(rows, lang)) parts.push(reportMarkdown(r), '');
    download(new Blob([parts.join('\n')], { type: 'text/markdown' }), '栏目审核.md');
  };
  const xlsx = async () =>
    download(await crawlWorkbook(crawled(rows, lang), analysis, analysis.findings), '栏目审核汇总.xlsx');
  return (
    <>
      <button type="button" onClick={markdown} data-action="export-md">
        {t(lang, 'colExportMd')}
      </button>
      <button type="button" onClick={() => void xlsx()} data-action="export-xlsx">
        {t(lang, 'colExportXlsx')}
      </button>
    </>
  );
}
