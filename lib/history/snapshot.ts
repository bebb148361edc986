/**
 * What is kept of an audited report for later years and column views (DOMAIN.md §11): its identity, its
 * tables' figures, the text of the narrative sections that copying is measured on, the contact data and
 * the counts of its findings. Serialisable (zod), small (texts capped), versioned.
 */
import { z } from 'zod/mini';
import { collapseSpaces, toHalfWidth } from '../text/normalize';

/** Sections kept as text: 一 (总体情况) and 五 (problems), the ones a copied report repeats. */
export const KEPT_SECTIONS = [1, 5] as const;
/** Longest text kept per section. */
export const MAX_SECTION_CHARS = 20_000;

export const Contact = z.object({
  address: z.nullable(z.string()),
  postcode: z.nullable(z.string()),
  phone: z.nullable(z.string()),
});
export type Contact = z.infer<typeof Contact>;

export const ReportSnapshot = z.object({
  v: z.literal(1),
  url: z.string(),
  title: z.nullable(z.string()),
  agency: z.nullable(z.string()),
  /** Agency normalised for matching the same body across years. */
  agencyKey: z.nullable(z.string()),
  bodyKind: z.string(),
  year: z.nullable(z.number()),
  publishedAt: z.nullable(z.string()),
  auditedAt: z.string(),
  /** Cell key → value, numeric cells only ("t2:forward:total" → 3). */
  figures: z.record(z.string(), z.number()),
  /** Per table: every value was placed unambiguously (an HTML or text table read whole, no lost cells). */
  exact: z.record(z.string(), z.boolean()),
  /** Section number → its narrative text (capped). */
  sections: z.record(z.string(), z.string()),
  contact: Contact,
  counts: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
  /** The command line's JSON entry of this audit, kept so that an interrupted crawl resumes. */
  entry: z.optional(z.unknown()),
});
export type ReportSnapshot = z.infer<typeof ReportSnapshot>;

/** The body's name in a form that matches across years: no spaces, brackets or quotes, 政府 ≡ 人民政府. */
export function agencyKey(agency: string | null): string | null {
  if (!agency) return null;
  const k = toHalfWidth(agency)
    .replace(/[\s“”"《》（）()【】[\]]/g, '')
    .replace(/人民政府/g, '政府');
  return k.length >= 2 ? k : null;
}

/** Contact data written in the report's text (the first of each kind). */
export function contactOf(text: string): Contact {
  const t = toHalfWidth(collapseSpaces(text));
  const address = /(?:通讯|通信|联系|办公)?地址\s*[:：为]?\s*([^，。；;,\s]{4,60})/.exec(t)?.[1] ?? null;
  const postcode = /(?:邮编|邮政编码)\s*[:：为]?\s*(\d{5,7})/.exec(t)?.[1] ?? null;
  const phone =
    /(?:联系电话|咨询电话|电话)\s*[:：为]?\s*([(（]?[0-9][0-9\-—－()（） ]{5,20}[0-9])/
      .exec(t)?.[1]
      ?.trim() ?? null;
  return { address, postcode, phone };
}

export interface SnapshotInput {
  url: string;
  auditedAt: string;
  title: string | null;
  agency: string | null;
  bodyKind: string;
  year: number | null;
  publishedAt: string | null;
  tables: Array<{
    kind: string;
    source: string;
    rows: Array<{ lostCells: boolean; cells: Array<{ key: string; kind: string; value: number | null }> }>;
  }>;
  /** Section number → narrative text. */
  sectionText: (n: number) => string;
  /** The whole narrative (for the contact data, usually in the introduction). */
  narrative: string;
  findings: Array<{ severity: 'error' | 'warning' | 'info' }>;
}

export function makeSnapshot(src: SnapshotInput): ReportSnapshot {
  const figures: Record<string, number> = {};
  const exact: Record<string, boolean> = {};
  for (const t of src.tables) {
    let whole = t.source === 'html' || t.source === 'text';
    for (const r of t.rows) {
      if (r.lostCells) whole = false;
      for (const c of r.cells)
        if (c.kind === 'number' && c.value !== null && Number.isFinite(c.value)) figures[c.key] = c.value;
    }
    exact[t.kind] = whole;
  }
  const sections: Record<string, string> = {};
  for (const n of KEPT_SECTIONS) {
    const text = src.sectionText(n);
    if (text) sections[String(n)] = text.slice(0, MAX_SECTION_CHARS);
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of src.findings) counts[f.severity]++;
  return {
    v: 1,
    url: src.url,
    title: src.title,
    agency: src.agency,
    agencyKey: agencyKey(src.agency),
    bodyKind: src.bodyKind,
    year: src.year,
    publishedAt: src.publishedAt,
    auditedAt: src.auditedAt,
    figures,
    exact,
    sections,
    contact: contactOf(src.narrative),
    counts,
  };
}
