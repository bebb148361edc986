/**
 * Exports of the issue list. The light ones live here (lib/issues/export/): the columns and summary shared by
 * all (columns.ts), Markdown and JSON (markdown.ts), the HTML report (html.ts). The XLSX (exceljs), the Word
 * report (docx) and the ZIP of everything with the images are in export/xlsx.ts, export/docx.ts and
 * export/zip.ts, imported where they are used (the manager loads them only when the user exports).
 * Files are written by well-kept libraries (exceljs, docx, fflate), never by hand.
 */
export {
  bodyOf,
  CATEGORY_ZH,
  COLUMNS,
  closeUpKey,
  cutCodePoints,
  formatTime,
  groupByReport,
  imageFileName,
  imagePaths,
  SEVERITY_ZH,
  scopeOf,
  screenshotName,
  summarize,
} from './export/columns';
export { esc, toHtml } from './export/html';
export { mdText, toJson, toMarkdown } from './export/markdown';
