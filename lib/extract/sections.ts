/**
 * Section headings (DOMAIN.md §2): matched by keywords and position, never inside tables.
 */
import type { Section } from '../model/schema';
import { labelKey, parseOrdinal } from '../text/normalize';
import type { Block, TextBlock } from './blocks';

export interface SectionDef {
  n: number;
  zh: string;
  en: string;
  /** Keywords of a numbered heading's title. */
  match: RegExp;
  /** A heading that lost its ordinal must equal one of these titles. */
  bare: RegExp;
}

export const SECTION_DEFS: SectionDef[] = [
  { n: 1, zh: '一、总体情况', en: '1. Overview', match: /^总体情况|^概述$|^基本情况$/, bare: /^总体情况$/ },
  {
    n: 2,
    zh: '二、主动公开政府信息情况',
    en: '2. Proactive disclosure',
    match: /主动公开/,
    bare: /^主动公开政府信息(工作)?情况$/,
  },
  {
    n: 3,
    zh: '三、收到和处理政府信息公开申请情况',
    en: '3. Requests received and handled',
    match: /收到和处理|处理政府信息公开申请|依申请公开/,
    bare: /^收到和处理政府信息公开申请(工作)?情况$/,
  },
  {
    n: 4,
    zh: '四、政府信息公开行政复议、行政诉讼情况',
    en: '4. Administrative review and litigation',
    match: /行政复议|行政诉讼/,
    bare: /^(因)?政府信息公开(工作)?(被申请)?行政复议.{0,6}行政诉讼(情况)?(统计表)?$/,
  },
  {
    n: 5,
    zh: '五、存在的主要问题及改进情况',
    en: '5. Main problems and improvements',
    match: /存在的?主要问题|存在(的)?问题|改进情况|整改/,
    bare: /^(政府信息公开工作)?存在的主要问题及(改进|整改)(情况|措施)$/,
  },
  {
    n: 6,
    zh: '六、其他需要报告的事项',
    en: '6. Other matters to report',
    match: /其他需要报告|其他事项/,
    bare: /^其他需要报告的事项$/,
  },
];

const NUMBERED_RE = /^([一二三四五六七八九十]{1,3})\s*[、.．，,]\s*(.+)$/;

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
  const key = labelKey(text).replace(/[。：:]$/, '');
  const m = NUMBERED_RE.exec(key);
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
