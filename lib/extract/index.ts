/**
 * extract: SourceDoc (blocks) → the serialisable Report model and block text (all that rules read), and
 * beside them the DomIndex of page references for the overlay.
 */

import { type Budget, UNLIMITED } from '../budget';
import {
  classifyBody,
  findAgency,
  findIndexNumber,
  findPeriod,
  findPublished,
  findSignatureDate,
  findTitle,
  REPORT_TITLE_RE,
  yearFromTitle,
  ymdString,
} from '../detect/meta';
import { tableOfSection } from '../format/tables';
import type { BlockText, Report, Section, Table, TableKind } from '../model/schema';
import type { ReadVia } from '../read/types';
import type { Block, SourceDoc, TextBlock } from './blocks';
import { blockTexts, type DomIndex } from './dom-index';
import { type ExtractStop, outOfTimeExtract } from './out-of-time';
import { findHeadings, headingOf, sectionsFrom } from './sections';
import { tablesFromBlocks, tablesFromText } from './tables';

export interface Extracted extends DomIndex {
  /** The model: serialisable, what rules and exports read. */
  report: Report;
  /** The blocks' text, serialisable (rules read it with the report). */
  text: BlockText[];
  /** Views of report.tables by kind and of report.sections (the same objects). */
  tables: Partial<Record<TableKind, Table>>;
  sections: Section[];
  /** Set when the page was not read to its end or extraction not done (lib/extract/out-of-time.ts). */
  stopped?: ExtractStop;
  /** How the blocks were obtained when not from a web page (a DOCX, a PDF, or text). */
  via?: ReadVia;
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

export const CRUMB_LABEL_RE = /^(当前位置|您的位置|您现在的位置|现在的位置|所在位置)\s*[:：]?\s*/;
const CRUMB_SEP_RE = /\s*(?:>>|>|＞|»|›|→)\s*/;
/** Crumbs that name the page itself, not its column. */
const CRUMB_PAGE_RE = /^(正文|详情|详细信息|内容|文章|浏览|阅读)$/;

/** The last entry of a breadcrumb that names a column ("首页 > 政务公开 > 政府信息公开年报"). */
function lastCrumb(crumbs: string[]): string | null {
  const names = crumbs.map((c) => c.trim()).filter((c) => c && !CRUMB_PAGE_RE.test(c));
  const last = names[names.length - 1];
  return last && last.length <= 40 ? last : null;
}

/**
 * The site column the page stands in: <meta name="ColumnName">, else the breadcrumb near the top of the
 * page ("当前位置：首页 > … > 政府信息公开年报", or a "当前位置：" label beside a list of links).
 */
function findColumnName(src: SourceDoc): string | null {
  const meta = src.meta.ColumnName;
  if (meta !== undefined) return meta;
  for (const b of src.blocks.slice(0, 60)) {
    if (b.kind !== 'text') continue;
    const m = CRUMB_LABEL_RE.exec(b.text);
    if (!m) continue;
    const rest = b.text.slice(m[0].length);
    if (CRUMB_SEP_RE.test(rest)) return lastCrumb(rest.split(CRUMB_SEP_RE));
    // no separators in the text (a label beside a list, images between the links): the crumbs are the
    // links of the nearest element around the label that has a few
    for (let el = b.el, up = 0; el && up < 3; el = el.parentElement, up++) {
      const links = [...el.querySelectorAll('a')].map((x) => x.textContent ?? '');
      if (links.length > 8) break;
      if (links.length > 0) return lastCrumb(links);
    }
    return null;
  }
  return null;
}

/** Section numbers (2, 3, 4) whose table is given as an image instead of an HTML table. */
function findImageTables(
  blocks: Block[],
  sections: Section[],
  tables: Partial<Record<TableKind, Table>>,
): number[] {
  const out: number[] = [];
  for (const s of sections) {
    const kind = tableOfSection(s.canonical);
    if (!kind || tables[kind]) continue;
    const body = blocks.slice(s.bodyStart, s.bodyEnd);
    if (body.some((b) => b.kind === 'image')) out.push(s.canonical);
  }
  return out;
}

export function extract(src: SourceDoc, budget: Budget = UNLIMITED): Extracted {
  if (src.cut) return outOfTimeExtract(src, { stage: 'read', reason: src.cut }, budget.ms);
  const blocks = src.blocks;
  const isHeadingBlock = (b: TextBlock) => headingOf(b) !== null;
  const ex = src.kind === 'html' ? tablesFromBlocks(blocks, isHeadingBlock) : tablesFromText(blocks);
  const tables: Partial<Record<TableKind, Table>> = {};
  for (const t of ex.tables) tables[t.kind] = t;
  const sections = sectionsFrom(findHeadings(blocks, ex.tableBlocks), blocks.length);
  if (budget.expired()) return outOfTimeExtract(src, { stage: 'extract', reason: 'time' }, budget.ms);
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
    indexYear: index?.year ?? null,
    published,
    period,
    signature,
    columnName: findColumnName(src),
    titleBlock: title?.block ?? null,
    sections,
    tables: ex.tables,
    imageTables,
    blockCount: blocks.length,
  };
  return {
    report,
    text: blockTexts(blocks, ex.tableBlocks),
    tables,
    sections,
    blocks,
    cellEls: ex.cellEls,
    cellTokens: ex.cellTokens,
    ...(src.via ? { via: src.via } : {}),
  };
}

/**
 * An Extracted with no page behind it: a Report and its block text read back from JSON (stored results,
 * other tools). Rules run on it exactly as on a live page; the DomIndex is empty, so nothing can be drawn.
 */
export function fromModel(report: Report, text: BlockText[]): Extracted {
  const tables: Partial<Record<TableKind, Table>> = {};
  for (const t of report.tables) tables[t.kind] = t;
  return {
    report,
    text,
    tables,
    sections: report.sections,
    blocks: [],
    cellEls: new Map(),
    cellTokens: new Map(),
  };
}
