/**
 * Text normalisation shared by every stage: full-width digits and letters, brackets, spaces inside labels,
 * numbering variants ("1." / "1．" / "1、"), and parsing of cell values into kinds.
 * DOMAIN.md §8.
 */

const FULLWIDTH_OFFSET = 0xfee0;

/** Full-width ASCII (！..～) to half-width, ideographic space to space. */
const FULLWIDTH_RE = /[\uff01-\uff5e\u3000]/;

export function toHalfWidth(s: string): string {
  if (!FULLWIDTH_RE.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - FULLWIDTH_OFFSET);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

const SPACE_RE = /[\s\u00a0\u2002-\u200b\u3000\ufeff]+/g;

/** Collapse every run of white space (incl. nbsp, ideographic space, zero-width) into one space. */
export function collapseSpaces(s: string): string {
  return s.replace(SPACE_RE, ' ').trim();
}

/**
 * A key for matching labels: no white space at all, half-width digits and letters, brackets unified to the
 * full-width （）, dotted numbering unified to "1.", quotes unified.
 */
const LABEL_CHARS_RE = /[()"“”‘’']/g;
const LABEL_MAP: Record<string, string> = { '(': '（', ')': '）', '“': '"', '”': '"', '‘': "'", '’': "'" };
const NUMBERING_RE = /^(\d+)[.、,，:：]/;

/** Small memo for the hot string functions: table labels and values repeat across rows and audits. */
function memoize<T>(fn: (s: string) => T, limit = 4000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string) => {
    const hit = cache.get(s);
    if (hit !== undefined) return hit;
    const v = fn(s);
    if (s.length <= 200) {
      if (cache.size >= limit) cache.clear();
      cache.set(s, v);
    }
    return v;
  };
}

export const labelKey = memoize(labelKeyUncached);

function labelKeyUncached(s: string): string {
  const t = toHalfWidth(s)
    .replace(SPACE_RE, '')
    .replace(LABEL_CHARS_RE, (c) => LABEL_MAP[c] ?? c);
  return NUMBERING_RE.test(t) ? t.replace(NUMBERING_RE, '$1.') : t;
}

export type ValueKind = 'number' | 'blank' | 'na' | 'text';

export interface ParsedValue {
  kind: ValueKind;
  /** Numeric value for kind 'number', else null. */
  value: number | null;
  /** True when the number is written with a decimal part. */
  decimal: boolean;
  /** A unit found next to the number ("元", "万元", "件"), if any. */
  unit: string | null;
}

const NA_RE = /^(\/|／|—+|-+|－+|–+|无|暂无|空|\\)$/;
const NUMBER_RE = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const UNIT_RE = /^(.*?)(万元|元|件次|件|条|个|项|次)$/;

/** Parse one cell's text into its kind. Blank and "/" are kept apart from a real 0 (DOMAIN.md §8). */
export const parseValue: (raw: string) => Readonly<ParsedValue> = memoize(parseValueUncached);

function parseValueUncached(raw: string): ParsedValue {
  let s = toHalfWidth(raw).replace(SPACE_RE, '');
  if (s === '') return { kind: 'blank', value: null, decimal: false, unit: null };
  if (NA_RE.test(s)) return { kind: 'na', value: null, decimal: false, unit: null };
  let unit: string | null = null;
  const u = UNIT_RE.exec(s);
  if (u?.[1] && /\d$/.test(u[1])) {
    unit = u[2] ?? null;
    s = u[1];
  }
  const m = NUMBER_RE.exec(s.replace(/。$/, ''));
  if (m) {
    const int = (m[2] ?? '0').replace(/,/g, '');
    const frac = m[3];
    const v = Number(`${m[1]}${int}${frac ? `.${frac}` : ''}`);
    if (Number.isFinite(v)) return { kind: 'number', value: v, decimal: frac !== undefined, unit };
  }
  return { kind: 'text', value: null, decimal: false, unit: null };
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Chinese numerals up to 99 ("十二", "二十", "两"), or Arabic digits. Returns null when not a number. */
export function parseCount(s: string): number | null {
  const t = toHalfWidth(s).trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (t === '十') return 10;
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(t);
  if (m) return (m[1] ? (CN_DIGITS[m[1]] ?? 0) : 1) * 10 + (m[2] ? (CN_DIGITS[m[2]] ?? 0) : 0);
  if (t.length === 1 && t in CN_DIGITS) return CN_DIGITS[t] ?? null;
  return null;
}
