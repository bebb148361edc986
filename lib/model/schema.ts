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

export const Cell = z.object({
  key: z.string(),
  raw: z.string(),
  kind: CellKind,
  value: z.nullable(z.number()),
  decimal: z.boolean(),
  unit: z.nullable(z.string()),
  placement: z.optional(Placement),
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
  /** Where it came from: an HTML table (possibly joined from several) or anchored text lines. */
  source: z.enum(['html', 'text']),
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
  elapsedMs: z.number(),
});
export type Coverage = z.infer<typeof Coverage>;

export const AuditResult = z.object({
  report: Report,
  findings: z.array(Finding),
  coverage: Coverage,
});
export type AuditResult = z.infer<typeof AuditResult>;
