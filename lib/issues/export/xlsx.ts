/**
 * The issue list as an XLSX workbook (exceljs): 问题清单 with a frozen, filtered header, drop-downs on
 * 整改状态 and 复核状态, links to the page and to each image file beside it in the ZIP (images/…), severity
 * colours and a landscape A4 print setup fitted to the page width with the header repeated; then 汇总, the
 * counts per reporting body by severity and category.
 *
 * exceljs rather than write-excel-file (still used for the CLI's column summary): write-excel-file writes
 * cells, widths, frozen rows and styles, but no autofilter, no data validation, no page setup (orientation,
 * fit to width, print titles) and no hyperlinks to other files, which the inspectors' list needs.
 */
import * as ExcelJSModule from 'exceljs';
import { type IssueEntry, REVIEW_ZH, STATUS_ZH } from '../model';
import {
  CATEGORY_ZH,
  COLUMNS,
  categoriesIn,
  closeUpKey,
  imageFileName,
  SEVERITY_ZH,
  summarize,
} from './columns';

type ExcelJS = typeof ExcelJSModule;
// the browser build of exceljs is a UMD bundle: its exports may sit on `default`
const ExcelJS: ExcelJS =
  (ExcelJSModule as unknown as { default?: ExcelJS }).default?.Workbook !== undefined
    ? ((ExcelJSModule as unknown as { default: ExcelJS }).default as ExcelJS)
    : ExcelJSModule;

export const SHEET = '问题清单';
export const SUMMARY_SHEET = '汇总';

const SEVERITY_FILL = { error: 'FFD93025', warning: 'FFE37400', info: 'FF1A73E8' } as const;
const HEADER_FILL = 'FFE8EAED';
const XLSX_COLUMNS = [
  ...COLUMNS,
  {
    key: 'plain',
    header: '原图',
    width: 8,
    value: (e: IssueEntry) => (e.imageKeys.some((k) => k.endsWith('-plain')) ? '原图' : ''),
  },
];

/** Column widths for the sheet (characters), narrower than the other exports' where wrapping reads well. */
const PRINT_WIDTH: Record<string, number> = {
  id: 12,
  region: 8,
  siteName: 10,
  agency: 12,
  columnName: 8,
  reportYear: 6,
  pageTitle: 14,
  pageUrl: 12,
  location: 14,
  type: 12,
  severity: 6,
  description: 26,
  evidence: 16,
  basis: 16,
  fix: 16,
  screenshot: 10,
  foundAt: 10,
  inspector: 6,
  status: 7,
  deadline: 9,
  review: 7,
  recheck: 10,
  note: 12,
  plain: 5,
};

const list = (values: string[]) => [`"${values.join(',')}"`];

/** Width of a text in column units: a CJK or full-width character takes two, others one. */
function textUnits(s: string): number {
  let n = 0;
  for (const ch of s)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1.1;
  return n;
}

const LINE_PT = 12.5;

/**
 * The height a row needs to show its wrapped text (neither Excel nor LibreOffice fits row heights to wrapped
 * text when they open a file): the most lines any cell needs, at one line per LINE_PT points.
 */
export function rowHeight(values: string[], widths: number[]): number {
  let lines = 1;
  values.forEach((v, i) => {
    const width = Math.max(1, (widths[i] ?? 10) - 1);
    const needed = v
      .split(/\r\n?|\n/)
      .reduce((n, part) => n + Math.max(1, Math.ceil(textUnits(part) / width)), 0);
    lines = Math.max(lines, needed);
  });
  return Math.min(409, Math.ceil(lines * LINE_PT + 4));
}

function webLink(url: string): string | null {
  return /^https?:\/\//i.test(url) ? url : null;
}

function addIssueSheet(wb: ExcelJSModule.Workbook, entries: IssueEntry[]): void {
  const ws = wb.addWorksheet(SHEET, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      horizontalCentered: true,
      margins: { left: 0.3, right: 0.3, top: 0.4, bottom: 0.4, header: 0.2, footer: 0.2 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  // narrow columns, text wrapped: the sheet prints at a readable scale when fitted to a landscape page; a
  // header may take two lines
  const widths = XLSX_COLUMNS.map((c) => Math.max(PRINT_WIDTH[c.key] ?? c.width, [...c.header].length + 2));
  ws.columns = XLSX_COLUMNS.map((c, i) => ({ header: c.header, key: c.key, width: widths[i] ?? c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true, size: 10 };
  header.height = rowHeight(
    XLSX_COLUMNS.map((c) => c.header),
    widths,
  );
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: 'thin' } };
  });
  const statusCol = XLSX_COLUMNS.findIndex((c) => c.key === 'status') + 1;
  const reviewCol = XLSX_COLUMNS.findIndex((c) => c.key === 'review') + 1;
  const sevCol = XLSX_COLUMNS.findIndex((c) => c.key === 'severity') + 1;
  for (const e of entries) {
    const values = XLSX_COLUMNS.map((c) => c.value(e));
    const row = ws.addRow(Object.fromEntries(XLSX_COLUMNS.map((c, i) => [c.key, values[i]])));
    row.font = { size: 10 };
    row.alignment = { vertical: 'top', wrapText: true };
    row.height = rowHeight(values, widths);
    const page = webLink(e.pageUrl);
    if (page) {
      const cell = row.getCell('pageUrl');
      cell.value = { text: e.pageUrl, hyperlink: page };
      cell.font = { size: 10, color: { argb: 'FF1A73E8' }, underline: true };
    }
    const key = closeUpKey(e);
    if (key) {
      const cell = row.getCell('screenshot');
      cell.value = { text: imageFileName(e, key), hyperlink: `images/${imageFileName(e, key)}` };
      cell.font = { size: 10, color: { argb: 'FF1A73E8' }, underline: true };
    }
    const plain = e.imageKeys.find((k) => k.endsWith('-plain'));
    if (plain) {
      const cell = row.getCell('plain');
      cell.value = { text: '原图', hyperlink: `images/${imageFileName(e, plain)}` };
      cell.font = { size: 10, color: { argb: 'FF1A73E8' }, underline: true };
    }
    const sev = row.getCell(sevCol);
    sev.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_FILL[e.severity] } };
    sev.font = { size: 10, bold: true, color: { argb: 'FFFFFFFF' } };
    sev.alignment = { vertical: 'top', horizontal: 'center' };
    row.getCell(statusCol).dataValidation = {
      type: 'list',
      allowBlank: false,
      showErrorMessage: true,
      errorTitle: '整改状态',
      error: '请从列表中选择',
      formulae: list(Object.values(STATUS_ZH)),
    };
    row.getCell(reviewCol).dataValidation = {
      type: 'list',
      allowBlank: false,
      showErrorMessage: true,
      errorTitle: '复核状态',
      error: '请从列表中选择',
      formulae: list(Object.values(REVIEW_ZH)),
    };
  }
  ws.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, entries.length + 1), column: XLSX_COLUMNS.length },
  };
}

function addSummarySheet(wb: ExcelJSModule.Workbook, entries: IssueEntry[]): void {
  const ws = wb.addWorksheet(SUMMARY_SHEET, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const cats = categoriesIn(entries);
  ws.columns = [
    { header: '单位名称', key: 'body', width: 28 },
    { header: '网站名称', key: 'sites', width: 22 },
    { header: '报告数', key: 'reports', width: 8 },
    { header: SEVERITY_ZH.error, key: 'error', width: 8 },
    { header: SEVERITY_ZH.warning, key: 'warning', width: 8 },
    { header: SEVERITY_ZH.info, key: 'info', width: 8 },
    { header: '问题总数', key: 'total', width: 10 },
    ...cats.map((c) => ({ header: CATEGORY_ZH[c], key: `cat-${c}`, width: 12 })),
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  });
  const rows = summarize(entries);
  for (const r of rows)
    ws.addRow({
      body: r.body,
      sites: r.sites.join('、'),
      reports: r.reports,
      error: r.severity.error,
      warning: r.severity.warning,
      info: r.severity.info,
      total: r.total,
      ...Object.fromEntries(cats.map((c) => [`cat-${c}`, r.category[c] ?? 0])),
    });
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + f(r), 0);
  const total = ws.addRow({
    body: '合计',
    reports: sum((r) => r.reports),
    error: sum((r) => r.severity.error),
    warning: sum((r) => r.severity.warning),
    info: sum((r) => r.severity.info),
    total: sum((r) => r.total),
    ...Object.fromEntries(cats.map((c) => [`cat-${c}`, sum((r) => r.category[c] ?? 0)])),
  });
  total.font = { bold: true };
  for (const [i, sev] of (['error', 'warning', 'info'] as const).entries())
    ws.getRow(1).getCell(4 + i).font = { bold: true, color: { argb: SEVERITY_FILL[sev] } };
}

export async function toXlsx(entries: IssueEntry[]): Promise<Blob> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '年报巡检 NianBao Inspector';
  wb.created = new Date();
  addIssueSheet(wb, entries);
  addSummarySheet(wb, entries);
  const buf = await wb.xlsx.writeBuffer();
  return new Blob([buf as ArrayBuffer], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}
