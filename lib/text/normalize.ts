/**
 * Text normalisation shared by every stage: full-width digits and letters, brackets, spaces inside labels,
 * numbering variants ("1." / "1．" / "1、"), and parsing of cell values into kinds.
 * DOMAIN.md §8.
 */

const FULLWIDTH_OFFSET = 0xfee0;

/** Full-width ASCII (！..～) to half-width, ideographic space to space. */
const FULLWIDTH_RE = /[\uff01-\uff5e\u3000]/g;

const halfWidth = (ch: string): string =>
  ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - FULLWIDTH_OFFSET);

/** Only the full-width characters are replaced (Chinese text has a full-width comma in nearly every line). */
export function toHalfWidth(s: string): string {
  return s.replace(FULLWIDTH_RE, halfWidth);
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
  /**
   * Written as a figure — kind 'number', or digits no double holds faithfully ("9007199254740993",
   * "1e308", "0x10"), which stay kind 'text' (not verifiable) but still stand where a value stands.
   */
  figure: boolean;
}

const NA_RE = /^(\/|／|—+|-+|－+|–+|无|暂无|空|\\)$/;
const NUMBER_RE = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const UNIT_RE = /^(.*?)(万元|元|件次|件|条|个|项|次)$/;
/** Figure-like text that is not a usable number: too many digits, exponent or hexadecimal notation. */
const FIGURE_RE = /^[+-]?(?:\d[\d,]*(?:\.\d+)?(?:e[+-]?\d+)?|0x[\da-f]+|\d*\.\d+(?:e[+-]?\d+)?)$/i;

/** Parse one cell's text into its kind. Blank and "/" are kept apart from a real 0 (DOMAIN.md §8). */
export const parseValue: (raw: string) => Readonly<ParsedValue> = memoize(parseValueUncached);

function parseValueUncached(raw: string): ParsedValue {
  let s = toHalfWidth(raw).replace(SPACE_RE, '');
  if (s === '') return { kind: 'blank', value: null, decimal: false, unit: null, figure: false };
  if (NA_RE.test(s)) return { kind: 'na', value: null, decimal: false, unit: null, figure: false };
  let unit: string | null = null;
  const u = UNIT_RE.exec(s);
  if (u?.[1] && /\d$/.test(u[1])) {
    unit = u[2] ?? null;
    s = u[1];
  }
  const bare = s.replace(/。$/, '');
  const m = NUMBER_RE.exec(bare);
  if (m) {
    const v = readNumber(m[1] ?? '', (m[2] ?? '0').replace(/,/g, ''), m[3]);
    if (v !== null) return { kind: 'number', value: v, decimal: m[3] !== undefined, unit, figure: true };
  }
  return { kind: 'text', value: null, decimal: false, unit: null, figure: FIGURE_RE.test(bare) };
}

/** Most significant digits a decimal may have and still be held exactly by a double (and printed back). */
const MAX_DECIMAL_DIGITS = 15;
/** Below this a JavaScript number prints in exponent notation ("1e-7"). */
const MIN_DECIMAL = 1e-6;

/**
 * The value of a written number, or null when no double holds it faithfully: an integer must be a safe
 * integer (≤ 2^53 − 1); a decimal must have at most 15 significant digits, lie below 2^53 and, unless 0,
 * at or above 0.000001 — so every value read prints back as plain digits, never in exponent notation.
 */
function readNumber(sign: string, int: string, frac: string | undefined): number | null {
  const v = Number(`${sign}${int}${frac !== undefined ? `.${frac}` : ''}`) || 0; // "-0" is 0
  if (!Number.isFinite(v)) return null;
  if (frac === undefined) return Number.isSafeInteger(v) ? v : null;
  const digits = `${int}${frac}`.replace(/^0+/, '').replace(/0+$/, '');
  if (digits.length > MAX_DECIMAL_DIGITS) return null;
  if (Math.abs(v) > Number.MAX_SAFE_INTEGER) return null;
  if (v !== 0 && Math.abs(v) < MIN_DECIMAL) return null;
  return v;
}

/**
 * A finite number as plain decimal digits, never in exponent notation: its shortest form (1e21 →
 * "1000000000000000000000", 5e-7 → "0.0000005"), rounded to `maxFrac` decimals when it has more
 * (0.1 + 0.2 → "0.3"). A non-finite number gives "?".
 */
export function plainNumber(n: number, maxFrac = 6): string {
  if (!Number.isFinite(n)) return '?';
  // every double from 2^53 up is an integer, and BigInt prints integers of any size in plain digits
  if (Number.isInteger(n)) return Object.is(n, -0) ? '0' : BigInt(n).toString();
  let s = expandExponent(String(n));
  const dot = s.indexOf('.');
  if (dot >= 0 && s.length - dot - 1 > maxFrac) {
    s = expandExponent(n.toFixed(maxFrac)).replace(/\.?0+$/, '');
    if (s === '-0' || s === '') s = '0';
  }
  return s;
}

/** "1.5e-7" → "0.00000015" (the only exponent form a non-integer below 2^53 can print in). */
function expandExponent(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) return s;
  const digits = `${m[2]}${m[3] ?? ''}`;
  const point = (m[2] ?? '').length + Number(m[4]);
  const body =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return `${m[1]}${body.replace(/^0+(?=\d)/, '')}`;
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

/**
 * Chinese numerals up to 99 ("十二", "二十", "两"), or Arabic digits. Returns null when not a number or
 * past the safe integers.
 */
export function parseCount(s: string): number | null {
  const t = toHalfWidth(s).trim();
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    return Number.isSafeInteger(n) ? n : null;
  }
  if (t === '十') return 10;
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(t);
  if (m) return (m[1] ? (CN_DIGITS[m[1]] ?? 0) : 1) * 10 + (m[2] ? (CN_DIGITS[m[2]] ?? 0) : 0);
  if (t.length === 1 && t in CN_DIGITS) return CN_DIGITS[t] ?? null;
  return null;
}
