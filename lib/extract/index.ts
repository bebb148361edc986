/**
 * extract: SourceDoc (blocks) → Report model + everything rules need + the DOM index for the overlay.
 */
import {
  classifyBody,
  type FoundDate,
  findAgency,
  findIndexNumber,
  findPeriod,
  findPublished,
  findSignatureDate,
  findTitle,
  type Period,
  REPORT_TITLE_RE,
  type Ymd,
  yearFromTitle,
  ymdString,
} from '../detect/meta';
import type { Report, Section, Table, TableKind } from '../model/schema';
import type { Block, SourceDoc, TextBlock } from './blocks';
import { findHeadings, headingOf, sectionsFrom } from './sections';
import { type CellElements, type CellTokens, tablesFromBlocks, tablesFromText } from './tables';

export interface Extracted {
  report: Report;
  src: SourceDoc;
  blocks: Block[];
  sections: Section[];
  tables: Partial<Record<TableKind, Table>>;
  tableBlocks: Set<number>;
  period: Period | null;
  published: FoundDate | null;
  signature: { date: Ymd; block: number; raw: string } | null;
  indexYear: number | null;
  titleBlock: number | null;
  cellEls: CellElements;
  cellTokens: CellTokens;
}

function narrativeYear(blocks: Block[], sections: Section[]): number | null {
  const one = sections.find((s) => s.canonical === 1);
  const range = one ? blocks.slice(one.bodyStart, one.bodyEnd) : blocks;
  const counts = new Map<number, number>();
  for (const b of range) {
    if (b.kind !== 'text') continue;
    for (const m of b.text.matchAll(/((?:19|20)\d{2})\s*年/g)) {
      const y = Number(m[1]);
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  let bestN = 0;
  for (const [y, n] of counts)
    if (n > bestN || (n === bestN && best !== null && y > best)) [best, bestN] = [y, n];
  return best;
}

function decideIsReport(
  title: string | null,
  sections: Section[],
  tables: Partial<Record<TableKind, Table>>,
  imageTables: number[],
): { isReport: boolean; reason: string } {
  const distinct = new Set(sections.map((s) => s.canonical).filter((n) => n > 0)).size;
  const t2Rows = tables.t2?.rows.filter((r) => r.id !== '?').length ?? 0;
  const titled = !!title && REPORT_TITLE_RE.test(title);
  const lookAlike = !!title && /指南|预算|决算|目录|解读|图解|发布会|新闻/.test(title);
  const tableCount = Object.keys(tables).length + imageTables.length;
  // the blank format itself (a 模板 / 样表 with the labels and no figure): nothing to check
  const figures = Object.values(tables).some((t) =>
    t?.rows.some((r) => r.cells.some((c) => c.kind === 'number')),
  );
  if (title && /模板|样表|样本|格式(?!\S*报告$)/.test(title) && !/(19|20)\d{2}/.test(title) && !figures) {
    return {
      isReport: false,
      reason: 'a blank template of the report format: labels only, no figures — nothing to check',
    };
  }
  if (lookAlike && t2Rows < 5 && distinct < 4) {
    return {
      isReport: false,
      reason: `title names a look-alike page (${title}) and the report structure is absent`,
    };
  }
  if (distinct >= 3 && (tableCount > 0 || titled || distinct >= 5)) {
    return {
      isReport: true,
      reason: `${distinct} of the 6 report sections found, ${tableCount} report tables`,
    };
  }
  if (t2Rows >= 10) return { isReport: true, reason: `table 2 (applications) found with ${t2Rows} rows` };
  if (titled && (distinct >= 2 || tableCount >= 2)) {
    return { isReport: true, reason: `report title with ${distinct} sections and ${tableCount} tables` };
  }
  if (titled) return { isReport: false, reason: 'a report title, but no report body (sections or tables)' };
  return { isReport: false, reason: 'no report title, sections or tables found' };
}

/** Section numbers (2, 3, 4) whose table is given as an image instead of an HTML table. */
function findImageTables(
  blocks: Block[],
  sections: Section[],
  tables: Partial<Record<TableKind, Table>>,
): number[] {
  const out: number[] = [];
  const kindOf: Record<number, TableKind> = { 2: 't1', 3: 't2', 4: 't3' };
  for (const s of sections) {
    const kind = kindOf[s.canonical];
    if (!kind || tables[kind]) continue;
    const body = blocks.slice(s.bodyStart, s.bodyEnd);
    if (body.some((b) => b.kind === 'image')) out.push(s.canonical);
  }
  return out;
}

export function extract(src: SourceDoc): Extracted {
  const blocks = src.blocks;
  const isHeadingBlock = (b: TextBlock) => headingOf(b) !== null;
  const ex = src.kind === 'html' ? tablesFromBlocks(blocks, isHeadingBlock) : tablesFromText(blocks);
  const tables: Partial<Record<TableKind, Table>> = {};
  for (const t of ex.tables) tables[t.kind] = t;
  const sections = sectionsFrom(findHeadings(blocks, ex.tableBlocks), blocks.length);
  const firstSection = sections[0]?.block ?? -1;
  const title = findTitle(src, firstSection);
  const period = findPeriod(blocks);
  let reportYear: number | null = null;
  let yearSource: Report['yearSource'] = null;
  const ty = title ? yearFromTitle(title.text) : null;
  if (ty) {
    reportYear = ty;
    yearSource = 'title';
  } else if (period?.from && period.to && period.from.y === period.to.y) {
    reportYear = period.from.y;
    yearSource = 'period';
  } else {
    const ny = narrativeYear(blocks, sections);
    if (ny) {
      reportYear = ny;
      yearSource = 'narrative';
    }
  }
  const agency = findAgency(title?.text ?? null, src);
  const published = findPublished(src);
  const index = findIndexNumber(src);
  const lastSection = sections[sections.length - 1];
  const signature = findSignatureDate(
    blocks,
    lastSection ? lastSection.bodyStart : Math.max(0, blocks.length - 6),
  );
  const imageTables = findImageTables(blocks, sections, tables);
  const decision = decideIsReport(title?.text ?? null, sections, tables, imageTables);
  const report: Report = {
    isReport: decision.isReport,
    reason: decision.reason,
    title: title?.text ?? null,
    reportYear,
    yearSource,
    agency,
    bodyKind: classifyBody(agency),
    siteName: src.meta.SiteName ?? src.meta.sitename ?? null,
    publishedAt: published ? ymdString(published.date) : null,
    publishedSource: published?.source ?? null,
    indexNumber: index?.value ?? null,
    sections,
    tables: ex.tables,
    imageTables,
    blockCount: blocks.length,
  };
  return {
    report,
    src,
    blocks,
    sections,
    tables,
    tableBlocks: ex.tableBlocks,
    period,
    published,
    signature,
    indexYear: index?.year ?? null,
    titleBlock: title?.block ?? null,
    cellEls: ex.cellEls,
    cellTokens: ex.cellTokens,
  };
}
