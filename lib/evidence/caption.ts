/**
 * The caption strip burned into an evidence image, pure: what it says (each finding's number, title, the
 * arithmetic or the quote; the page URL, the capture time, the inspector) and how it is laid out (lines
 * wrapped to the image's width with a text measure the caller supplies: a canvas's measureText, or a fixed
 * width per character in tests). Drawing is the caller's (entrypoints/background/caption-draw.ts).
 */
import type { Finding, Lang } from '../model/schema';

export type CaptionStyle = 'title' | 'body' | 'meta';

export interface CaptionLine {
  text: string;
  style: CaptionStyle;
}

export interface CaptionInput {
  lang: Lang;
  /** The findings shown, with their numbers on the page (null: the page gave it none, none is made up). */
  findings: Array<{ n: number | null; finding: Finding }>;
  url: string;
  when: Date;
  inspector: string;
}

const FONT_SIZE: Record<CaptionStyle, number> = { title: 15, body: 13, meta: 12 };
const LINE_GAP = 1.4;

export interface CaptionMetrics {
  /** Font size per style, CSS pixels (scaled by the caller for the device pixel ratio). */
  size: Record<CaptionStyle, number>;
  padding: number;
}

export const DEFAULT_CAPTION_METRICS: CaptionMetrics = { size: FONT_SIZE, padding: 10 };

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** One line per finding's title, one for its arithmetic or quote, then the page and the capture's facts. */
export function captionLines(c: CaptionInput): CaptionLine[] {
  const zh = c.lang === 'zh';
  const out: CaptionLine[] = [];
  for (const { n, finding: f } of c.findings) {
    out.push({ text: n === null ? f.title[c.lang] : `${n}. ${f.title[c.lang]}`, style: 'title' });
    const formula = f.evidence?.formula?.[c.lang];
    const quote = f.evidence?.quote;
    const detail = formula ?? (quote ? `“${quote}”` : f.message[c.lang]);
    if (detail) out.push({ text: detail, style: 'body' });
    if (formula && quote && !/^https?:/.test(quote)) out.push({ text: `“${quote}”`, style: 'body' });
  }
  out.push({ text: `${zh ? '页面：' : 'Page: '}${c.url}`, style: 'meta' });
  const who = c.inspector.trim();
  out.push({
    text: `${zh ? '截图时间：' : 'Captured: '}${stamp(c.when)}${who ? `${zh ? '　检查人：' : '  Inspector: '}${who}` : ''}`,
    style: 'meta',
  });
  return out;
}

export interface PlacedLine {
  text: string;
  style: CaptionStyle;
  /** Baseline-free top of the line, from the strip's top. */
  y: number;
  size: number;
}

export interface CaptionLayout {
  lines: PlacedLine[];
  height: number;
}

/**
 * Wrap each line to `width` (minus padding) by characters — Chinese has no spaces to break at — and stack
 * them. `measure(text, size)` gives a text's width at a font size. A width too narrow for one character
 * still places one character per line (never an endless loop).
 */
export function layoutCaption(
  lines: readonly CaptionLine[],
  width: number,
  measure: (text: string, size: number) => number,
  m: CaptionMetrics = DEFAULT_CAPTION_METRICS,
): CaptionLayout {
  const room = Math.max(1, width - 2 * m.padding);
  const placed: PlacedLine[] = [];
  let y = m.padding;
  for (const line of lines) {
    const size = m.size[line.style];
    for (const part of wrap(line.text, room, (s) => measure(s, size))) {
      placed.push({ text: part, style: line.style, y, size });
      y += Math.ceil(size * LINE_GAP);
    }
  }
  return { lines: placed, height: Math.ceil(y + m.padding) };
}

export function wrap(text: string, room: number, measure: (s: string) => number): string[] {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length === 0) return [];
  const out: string[] = [];
  let cur = '';
  let w = 0;
  for (const ch of chars) {
    const cw = measure(ch);
    if (cur && w + cw > room) {
      out.push(cur.trimEnd());
      cur = ch === ' ' ? '' : ch;
      w = ch === ' ' ? 0 : cw;
      continue;
    }
    cur += ch;
    w += cw;
  }
  if (cur.trim()) out.push(cur.trimEnd());
  return out;
}
