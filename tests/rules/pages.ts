/** Pages that are not reports, for the rules' valid cases ('not-applicable' off reports). */

/** A 年报 column (list) page naming the reports of the given years. */
export function columnPage(years: number[]): string {
  return `<html><head><meta name="ColumnName" content="政府信息公开年报"><title>政府信息公开年报</title></head><body><ul>${years
    .map(
      (y) =>
        `<li><a href="/${y}.html">示例县${y}年政府信息公开工作年度报告</a><span>${y + 1}-01-20</span></li>`,
    )
    .join('')}</ul></body></html>`;
}

/** A news article about a report: not a report itself. */
export const NEWS_PAGE =
  '<html><head><title>我县召开政务公开工作推进会_示例县人民政府</title></head><body><h1>我县召开政务公开工作推进会</h1><p>会议要求各单位按时发布2024年政府信息公开工作年度报告。电话：3611001。</p></body></html>';
