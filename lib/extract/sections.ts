/**
 * Section headings (DOMAIN.md §2): matched by keywords and position, never inside tables. The sections
 * themselves (titles, keywords, numerals) are facts of the format: lib/format/sections.ts.
 */
import { NUMBERED_HEADING_RE, parseOrdinal, SECTION_DEFS } from '../format/sections';
import type { Section } from '../model/schema';
import { labelKey } from '../text/normalize';
import type { Block, TextBlock } from './blocks';

export interface HeadingCandidate {
  block: number;
  ordinal: number | null;
  title: string;
  /** 1..6, or 0 for a numbered heading that matches no section. */
  canonical: number;
}

/** Does this text block look like a top-level heading? Returns null when it does not. */
export function headingOf(b: TextBlock): HeadingCandidate | null {
  const text = b.text.trim();
  if (text.length > 60) return null;
  // a byte that did not decode (U+FFFD) or a stray control character does not unmake a heading: the
  // conversion-artefact rule reports it
  const key = labelKey(text.replace(/[\ufffd\u0000-\u001f]/g, '')).replace(/[。：:]$/, '');
  const m = NUMBERED_HEADING_RE.exec(key);
  if (m) {
    const ordinal = parseOrdinal(m[1] as string);
    const title = (m[2] as string).trim();
    if (ordinal === null || title.length > 40 || /[。；;]/.test(title.slice(0, -1))) return null;
    const def = SECTION_DEFS.find((d) => d.match.test(title));
    return { block: b.index, ordinal, title: text, canonical: def ? def.n : 0 };
  }
  const bare = SECTION_DEFS.find((d) => d.bare.test(key));
  if (bare) return { block: b.index, ordinal: null, title: text, canonical: bare.n };
  return null;
}

/** All heading candidates outside tables, in order. */
export function findHeadings(blocks: Block[], tableBlocks: Set<number>): HeadingCandidate[] {
  const out: HeadingCandidate[] = [];
  for (const b of blocks) {
    if (b.kind !== 'text' || tableBlocks.has(b.index)) continue;
    const h = headingOf(b);
    if (h) out.push(h);
  }
  return out;
}

/**
 * Keep the headings that structure the report: every canonical one, and unknown numbered ones only where
 * they take the place of the next top-level section (e.g. a stray "二、下步工作计划" between 一 and 二).
 */
export function sectionsFrom(cands: HeadingCandidate[], blockCount: number): Section[] {
  const kept: HeadingCandidate[] = [];
  let lastTop = 0;
  for (const c of cands) {
    if (c.canonical > 0) {
      // a numbered heading whose number contradicts a later position is still kept: numbering rules judge it
      kept.push(c);
      lastTop = Math.max(lastTop, c.ordinal ?? c.canonical);
    } else if (c.ordinal !== null && c.ordinal === lastTop + 1 && lastTop > 0) {
      kept.push(c);
    }
  }
  return kept.map((c, i) => ({
    canonical: c.canonical,
    ordinal: c.ordinal,
    title: c.title,
    block: c.block,
    bodyStart: c.block + 1,
    bodyEnd: kept[i + 1]?.block ?? blockCount,
  }));
}
