/**
 * Text likeness between two years' sections (DOMAIN.md §11): character-trigram Jaccard over the text with
 * spaces and punctuation dropped and every digit read as 0 — so a copy whose years and figures were changed
 * still counts as a copy. Genuine year-on-year likeness of section 五 is 0.03–0.07; evaluators flag 雷同
 * above 0.5. Copied passages are the longest runs of a text whose every trigram stands in the other.
 */
import { toHalfWidth } from '../text/normalize';

const DROP = /[\s\p{P}\p{S}]/u;
const OPENING = /[（(“‘《〈【[]/;
const CLOSING = /[）)”’》〉】\]。，、；：！？.,;:!?]/;

/** The compared form of a text, with the offset in the original of each kept character. */
export function comparable(text: string): { chars: string; at: number[] } {
  const t = toHalfWidth(text);
  let chars = '';
  const at: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const ch = t[i] as string;
    if (DROP.test(ch)) continue;
    chars += /\d/.test(ch) ? '0' : ch;
    at.push(i);
  }
  return { chars, at };
}

export function trigrams(text: string): Set<string> {
  const { chars } = comparable(text);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const g of small) if (large.has(g)) common++;
  return common / (a.size + b.size - common);
}

/** Runs of `text` (offsets in `text`) at least `minChars` compared characters long found in `other`. */
export function copiedRuns(
  text: string,
  other: Set<string>,
  minChars = 30,
): Array<{ start: number; end: number; chars: number }> {
  const { chars, at } = comparable(text);
  const runs: Array<{ start: number; end: number; chars: number }> = [];
  let from = -1;
  const close = (to: number) => {
    // trigrams from..to are shared: compared characters from..to+2
    const n = to - from + 3;
    if (from >= 0 && n >= minChars) {
      // the passage takes its opening and closing punctuation: "（一）…。" rather than "一）…"
      let start = at[from] as number;
      while (start > 0 && OPENING.test(text[start - 1] as string)) start--;
      let end = (at[to + 2] as number) + 1;
      while (end < text.length && CLOSING.test(text[end] as string)) end++;
      runs.push({ start, end, chars: n });
    }
    from = -1;
  };
  for (let i = 0; i + 3 <= chars.length; i++) {
    if (other.has(chars.slice(i, i + 3))) {
      if (from < 0) from = i;
    } else if (from >= 0) close(i - 1);
  }
  if (from >= 0) close(chars.length - 3);
  return runs;
}
