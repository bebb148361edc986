/**
 * The six sections of the report (DOMAIN.md §2; same titles in the 2019 and 2021 formats) and the Chinese
 * numerals that number them.
 */
import { parseCount } from '../text/normalize';

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

/** The section's title in both languages ("一、总体情况"), or its number when there is no such section. */
export function sectionName(n: number): { zh: string; en: string } {
  const d = SECTION_DEFS.find((x) => x.n === n);
  return d ? { zh: d.zh, en: d.en } : { zh: String(n), en: String(n) };
}

// ---- Chinese numerals ---------------------------------------------------------------------------------

/** 一..十 by value: NUMERALS_ZH[1] = '一'; index 0 is empty. */
export const NUMERALS_ZH = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

/** 一..十 for 1..10, undefined otherwise. */
export function numeralZh(n: number): string | undefined {
  return n >= 1 ? NUMERALS_ZH[n] : undefined;
}

/** One of the numerals 一..十 (a character class for patterns). */
export const NUMERAL_CLASS = '[一二三四五六七八九十]';

/** A top-level heading: up to three numerals, a separator, the title ("二、主动公开…", "十二．…"). */
export const NUMBERED_HEADING_RE = new RegExp(`^(${NUMERAL_CLASS}{1,3})\\s*[、.．，,]\\s*(.+)$`);

/** Chinese ordinal 一..十二 (up to 九十九) → 1..12, or null (for section numbering). */
export function parseOrdinal(s: string): number | null {
  return parseCount(s);
}
