/**
 * The engine's data model as zod schemas (zod/mini: small, no eval, safe in content scripts).
 * Everything here is serialisable: references to DOM nodes live beside the model in a DomIndex
 * (lib/extract/dom-index.ts), keyed by the locators below.
 */
import { z } from 'zod/mini';
import { Category, Lang, Severity, TableKind } from './enums';

export { Category, Lang, Severity, TableKind };

/** Text in both UI languages: Chinese first, English second. */
export const I18nText = z.object({ zh: z.string(), en: z.string() });
export type I18nText = z.infer<typeof I18nText>;

/** Where a finding points: a table cell, a range of a text block, a section, or the page as a whole. */
export const Locator = z.union([
  z.object({
    type: z.literal('cell'),
    table: TableKind,
    /** Stable cell key, e.g. "t2:new:total". */
    key: z.string(),
    /** Human label: 表二 一、本年新收… × 总计. */
    label: z.string(),
  }),
  z.object({
    type: z.literal('text'),
    block: z.number(),
    start: z.number(),
    end: z.number(),
    excerpt: z.string(),
  }),
  z.object({ type: z.literal('section'), section: z.number(), block: z.nullable(z.number()) }),
  z.object({ type: z.literal('page') }),
]);
export type Locator = z.infer<typeof Locator>;

export const CellKind = z.enum(['number', 'blank', 'na', 'text', 'missing']);
export type CellKind = z.infer<typeof CellKind>;

/**
 * How sure the reader is of a value's place: 'exact' (a table cell, a drawn-ruled PDF cell, a delimited
 * text cell), 'position' (put in its column by where it stands on the line, no rules drawn), 'ocr'.
 * Absent = exact.
 */
export const Placement = z.enum(['exact', 'position', 'ocr']);
export type Placement = z.infer<typeof Placement>;

/** A box in a picture, in pixels of the picture. */
export const PixelBox = z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() });
export type PixelBox = z.infer<typeof PixelBox>;

/**
 * How a value read by OCR was read: the engine's confidence (0..100, the weakest glyph), whether that is
 * low, the glyphs read with low confidence, and the cell's box in the picture. A value read by OCR is never
 * the sole ground of an error (rules/sum-finding.ts makes such findings warnings).
 */
export const OcrReading = z.object({
  confidence: z.number(),
  low: z.boolean(),
  /** Positions (0-based) of the glyphs read with low confidence, among the glyphs read (the digits of a figure). */
  lowGlyphs: z.array(z.number()),
  box: PixelBox,
  /** Index of the picture in the page's image blocks (block index), for the overlay. */
  image: z.number(),
});
export type OcrReading = z.infer<typeof OcrReading>;

export const Cell = z.object({
  key: z.string(),
  raw: z.string(),
  kind: CellKind,
  value: z.nullable(z.number()),
  decimal: z.boolean(),
  unit: z.nullable(z.string()),
  placement: z.optional(Placement),
  /** Set when the value was read from a picture by OCR. */
  ocr: z.optional(OcrReading),
});
export type Cell = z.infer<typeof Cell>;

export const TableRow = z.object({
  /** Template row id ("new", "n3", "total"…) or "?" for a row the template does not know. */
  id: z.string(),
  label: z.string(),
  cells: z.array(Cell),
  /** The row had a different number of value cells than the template: values cannot be placed. */
  lostCells: z.boolean(),
});
export type TableRow = z.infer<typeof TableRow>;

/**
 * How a table was read: a web page's or a DOCX's table, a PDF cut at its drawn rules or by position,
 * text (tab-separated or a cell per line), columns aligned with spaces, a Markdown pipe table, OCR text.
 */
export const Reading = z.enum([
  'html',
  'docx',
  'pdf-ruled',
  'pdf-position',
  'text',
  'text-aligned',
  'markdown',
  'ocr',
]);
export type Reading = z.infer<typeof Reading>;

export const Table = z.object({
  kind: TableKind,
  /** Where it came from: an HTML table (possibly joined from several), anchored text lines, or OCR of a picture. */
  source: z.enum(['html', 'text', 'ocr']),
  /** Template year the table's labels follow. */
  template: z.enum(['2021', '2019', 'unknown']),
  columns: z.array(z.object({ id: z.string(), label: z.string() })),
  rows: z.array(TableRow),
  /** Number of HTML tables joined into this one (page-break continuations). */
  parts: z.number(),
  /** Labels seen in the table, normalised (for template checks). */
  labels: z.array(z.string()),
  /** How the table was read (absent: from the page's HTML). */
  reading: z.optional(Reading),
  /** The text ran the table's cells together ("…申请数量801000081"): an example; no value is read. */
  runTogether: z.optional(z.string()),
  /**
   * The header has a different number of data columns than the format (e.g. the five 法人或其他组织
   * columns merged into one): how many it has and their labels. No value is placed (every row lostCells).
   */
  shape: z.optional(z.object({ valueColumns: z.number(), header: z.array(z.string()) })),
});
export type Table = z.infer<typeof Table>;

export const Section = z.object({
  /** Canonical section number 1..6 this heading was matched to, or 0 for an unknown numbered heading. */
  canonical: z.number(),
  /** Ordinal written in the heading (一 = 1), null when the heading lost it. */
  ordinal: z.nullable(z.number()),
  title: z.string(),
  block: z.number(),
  /** Block index range of the section body: [start, end). */
  bodyStart: z.number(),
  bodyEnd: z.number(),
});
export type Section = z.infer<typeof Section>;

export const BodyKind = z.enum(['township', 'department', 'government', 'unknown']);
export type BodyKind = z.infer<typeof BodyKind>;

export const DateSource = z.enum(['label', 'attribute-table', 'meta', 'url']);
export type DateSource = z.infer<typeof DateSource>;

/** A calendar date (month and day from 1). */
export const Ymd = z.object({ y: z.number(), m: z.number(), d: z.number() });
export type Ymd = z.infer<typeof Ymd>;

/** The statistical period sentence ("统计期限自Y年1月1日起至Y年12月31日止"), where it stands. */
export const Period = z.object({
  /** Null when a date is malformed or absent. */
  from: z.nullable(Ymd),
  to: z.nullable(Ymd),
  raw: z.string(),
  block: z.number(),
  /** Offset of the sentence in its block's text. */
  start: z.number(),
});
export type Period = z.infer<typeof Period>;

/** The publication date as found: on the page (a block), in a meta tag or in the URL. */
export const FoundDate = z.object({
  date: Ymd,
  source: DateSource,
  block: z.nullable(z.number()),
  raw: z.string(),
});
export type FoundDate = z.infer<typeof FoundDate>;

/** The closing signature date (落款) and its line. */
export const Signature = z.object({ date: Ymd, block: z.number(), raw: z.string() });
export type Signature = z.infer<typeof Signature>;

/**
 * The text of one block (line, table or image), as rules read it: no elements. Text locators point into it
 * by block index and offsets.
 */
export const BlockText = z.object({
  index: z.number(),
  kind: z.enum(['text', 'table', 'image']),
  /** The line's text, the table's text, or the image's alt text. */
  text: z.string(),
  /** Part of a report table (a table, or a line of a table in text input): never narrative or a heading. */
  inTable: z.boolean(),
});
export type BlockText = z.infer<typeof BlockText>;

export const Report = z.object({
  isReport: z.boolean(),
  /** Why the page was or was not taken as a report. */
  reason: z.string(),
  title: z.nullable(z.string()),
  reportYear: z.nullable(z.number()),
  yearSource: z.nullable(z.enum(['title', 'period', 'narrative'])),
  agency: z.nullable(z.string()),
  bodyKind: BodyKind,
  /** The site's name (<meta name="SiteName">), for issue lists. */
  siteName: z.nullable(z.string()),
  publishedAt: z.nullable(z.string()),
  publishedSource: z.nullable(DateSource),
  indexNumber: z.nullable(z.string()),
  /** The year in the 索引号 ("…/2025-00012" → 2025). */
  indexYear: z.nullable(z.number()),
  /** The publication date with where it was found (publishedAt and publishedSource summarise it). */
  published: z.nullable(FoundDate),
  period: z.nullable(Period),
  signature: z.nullable(Signature),
  /** The site column the page stands in (<meta name="ColumnName">). */
  columnName: z.nullable(z.string()),
  /** The block of the title line, null when the title came from a meta tag or <title>. */
  titleBlock: z.nullable(z.number()),
  sections: z.array(Section),
  tables: z.array(Table),
  /** Report tables given as images (section number they stand in). */
  imageTables: z.array(z.number()),
  blockCount: z.number(),
});
export type Report = z.infer<typeof Report>;

export const Evidence = z.object({
  expected: z.optional(z.number()),
  found: z.optional(z.number()),
  difference: z.optional(z.number()),
  /** The arithmetic or comparison in words and figures, e.g. "总计 12 ≠ 自然人 5 + … = 11，差 1". */
  formula: z.optional(I18nText),
  quote: z.optional(z.string()),
});
export type Evidence = z.infer<typeof Evidence>;

export const Finding = z.object({
  /** Stable within one audit of one page: ruleId + target key. */
  id: z.string(),
  ruleId: z.string(),
  category: Category,
  severity: Severity,
  title: I18nText,
  message: I18nText,
  basis: I18nText,
  fix: I18nText,
  /** The place at fault first, then every other place involved (addends, compared figures). */
  targets: z.array(Locator),
  evidence: z.optional(Evidence),
});
export type Finding = z.infer<typeof Finding>;

export const CheckStatus = z.enum(['ran', 'not-applicable', 'failed', 'skipped-time']);

export const Coverage = z.object({
  tables: z.record(TableKind, z.enum(['read', 'partial', 'blank', 'image', 'missing', 'not-applicable'])),
  sectionsFound: z.array(z.number()),
  cells: z.object({
    numeric: z.number(),
    blank: z.number(),
    na: z.number(),
    text: z.number(),
    missing: z.number(),
  }),
  rules: z.record(z.string(), CheckStatus),
  /** Per table, how it was read (absent for tables not found). */
  readings: z.optional(z.partialRecord(TableKind, Reading)),
  partial: z.boolean(),
  /**
   * Set when the audit stopped short: why ('time': the time budget ran out; 'size': the page is longer than
   * the block limit), in which stage ('read': the page was not read to its end; 'extract': tables and
   * sections were not all built — no rule ran in either case; 'rules': the rules marked skipped-time did not
   * run), the budget, and how many blocks (paragraphs, tables, images) of the page were read.
   */
  stopped: z.optional(
    z.object({
      reason: z.enum(['time', 'size']),
      stage: z.enum(['read', 'extract', 'rules']),
      /** null when there was no finite budget (a page cut for its size). */
      budgetMs: z.nullable(z.number()),
      blocksRead: z.number(),
    }),
  ),
  elapsedMs: z.number(),
});
export type Coverage = z.infer<typeof Coverage>;

export const AuditResult = z.object({
  report: Report,
  findings: z.array(Finding),
  coverage: Coverage,
});
export type AuditResult = z.infer<typeof AuditResult>;
