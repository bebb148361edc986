/**
 * Linearise a page into blocks: text lines, data tables (as grids) and images, in reading order.
 * HTML: block-level elements and <br> end a line; layout tables are descended into, data tables become
 * one block each. Plain text (Word/PDF extractions): one block per line, tab-separated tokens kept.
 */
import { type Budget, UNLIMITED } from '../budget';
import type { Box, ReadVia } from '../read/types';
import { collapseSpaces } from '../text/normalize';
import { isElement, isHidden, SKIP_TAGS, TEXT_NODE, tagOf } from './dom-utils';
import { buildGrid, type Grid } from './grid';

export interface TextSegment {
  node: Text;
  /** Offset of this node's text within the block text. */
  start: number;
  /** Where white space was collapsed: offset in the node's raw text of each character of its block text. */
  map?: number[];
}

const WS = /[\s\u00a0\u3000\ufeff\u200b]/;
/** Runs that collapse to something of another length or character. */
const COLLAPSING = /[\s\u00a0\u3000\ufeff\u200b]{2,}|[\t\n\r\f\v\u00a0\u3000\ufeff\u200b]/;

/** Collapse white space like HTML rendering does, keeping the raw offset of every kept character. */
function collapseWithMap(raw: string, afterSpace: boolean): { text: string; map: number[] | undefined } {
  if (!COLLAPSING.test(raw) && !(afterSpace && raw.startsWith(' '))) return { text: raw, map: undefined };
  let text = '';
  const map: number[] = [];
  let prevSpace = afterSpace;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (WS.test(ch)) {
      if (prevSpace) continue;
      text += ' ';
      prevSpace = true;
    } else {
      text += ch;
      prevSpace = false;
    }
    map.push(i);
  }
  map.push(raw.length);
  return { text, map };
}

export interface TextBlock {
  kind: 'text';
  index: number;
  text: string;
  /** Cells of a tab-separated line (text input), or [text]. */
  tokens: string[];
  el: Element | null;
  segments: TextSegment[];
  /** Offset of the line in the source text (text input). */
  offset: number;
  /** PDF input: each token's page and box (null where unknown). */
  boxes?: Array<Box | null>;
  /** PDF input: tokens cut at the table's drawn rules ('ruled') or by the gaps between glyphs ('position'). */
  placement?: 'ruled' | 'position';
  /** Text input: a Markdown pipe-table row ('pipe') or columns aligned with spaces ('aligned'). */
  shape?: 'pipe' | 'aligned';
}

export interface TableBlock {
  kind: 'table';
  index: number;
  el: Element;
  grid: Grid;
  text: string;
}

export interface ImageBlock {
  kind: 'image';
  index: number;
  el: Element;
  alt: string;
  /** A picture cut from a scanned PDF page: where it stands there (PDF points) and its pixels per point. */
  scan?: { box: Box; pxPerPt: number };
}

export type Block = TextBlock | TableBlock | ImageBlock;

export interface SourceDoc {
  kind: 'html' | 'text';
  blocks: Block[];
  /** <title>, or null. */
  docTitle: string | null;
  meta: Record<string, string>;
  url: string | null;
  /** The document (HTML input) for page-level look-ups. */
  doc: Document | null;
  /**
   * Set when the page was not read to its end, `blocks` holding its start only: 'time' — the time budget
   * ran out; 'size' — the page has more than the block limit.
   */
  cut?: 'time' | 'size';
  /** How the blocks were obtained when not from a web page: a DOCX, a PDF, or text. */
  via?: ReadVia;
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'aside',
  'main',
  'blockquote',
  'pre',
  'form',
  'center',
  'hr',
  'figure',
  'figcaption',
  'address',
  'caption',
  'tr',
  'td',
  'th',
  'tbody',
  'thead',
  'tfoot',
  'body',
  'html',
]);

/** Blocks read at most (a page is cut there and says so); far beyond any real report. */
export const BLOCK_LIMIT = 100_000;

/** A table used for page layout rather than data: it nests tables, or holds long prose in few columns. */
function isLayoutTable(table: Element, grid: Grid): boolean {
  if (table.querySelector('table')) return true;
  if (grid.width <= 2) {
    for (const c of grid.cells) if (c.text.length > 300) return true;
    if (grid.slots.length <= 2 && grid.cells.some((c) => c.el.querySelector('p, div, h1, h2, h3'))) {
      return grid.cells.reduce((n, c) => n + c.text.length, 0) > 200;
    }
  }
  return false;
}

/** An element being walked: whether it ends a line, the block element its text belongs to, its next child. */
interface Frame {
  isBlock: boolean;
  owner: Element | null;
  next: Node | null;
}

export function blocksFromDocument(
  doc: Document,
  url: string | null = null,
  budget: Budget = UNLIMITED,
  limit: number = BLOCK_LIMIT,
): SourceDoc {
  const blocks: Block[] = [];
  let cur: TextBlock | null = null;

  const flush = (): void => {
    if (cur) {
      const text = cur.text.trim();
      if (text) {
        const lead = cur.text.length - cur.text.trimStart().length;
        cur.text = text;
        cur.tokens = [text];
        if (lead) for (const s of cur.segments) s.start -= lead;
        blocks.push(cur);
      }
    }
    cur = null;
  };

  const addText = (node: Text, blockEl: Element | null): void => {
    const raw = node.nodeValue ?? '';
    if (!raw) return;
    if (!cur) {
      if (!/[^\s\u00a0\u3000\ufeff\u200b]/.test(raw)) return;
      cur = { kind: 'text', index: -1, text: '', tokens: [], el: blockEl, segments: [], offset: 0 };
    }
    const { text: t, map } = collapseWithMap(raw, cur.text === '' || cur.text.endsWith(' '));
    if (!t) return;
    cur.segments.push(map ? { node, start: cur.text.length, map } : { node, start: cur.text.length });
    cur.text += t;
  };

  const meta: Record<string, string> = {};
  const addMeta = (m: Element): void => {
    const name = m.getAttribute('name');
    const content = m.getAttribute('content');
    if (name && content && !(name in meta)) meta[name] = content.trim();
  };
  // <meta name> of the head here, those in the body (some CMS put them there) during the walk: no
  // selector query over the whole document
  for (const h of doc.documentElement ? Array.from(doc.documentElement.children) : [])
    if (tagOf(h) === 'head') for (const m of Array.from(h.children)) if (tagOf(m) === 'meta') addMeta(m);

  /** Handles one node; returns the frame to descend into, or null for a leaf (text, table, image, skipped). */
  const enter = (n: Node, blockEl: Element | null): Frame | null => {
    if (n.nodeType === TEXT_NODE) {
      addText(n as Text, blockEl);
      return null;
    }
    if (!isElement(n)) return null;
    const tag = tagOf(n);
    if (tag === 'meta') {
      addMeta(n);
      return null;
    }
    if (SKIP_TAGS.has(tag) || isHidden(n)) return null;
    if (tag === 'table') {
      const grid = buildGrid(n, budget);
      if (!isLayoutTable(n, grid)) {
        flush();
        blocks.push({ kind: 'table', index: -1, el: n, grid, text: grid.cells.map((c) => c.text).join(' ') });
        return null;
      }
    }
    if (tag === 'img') {
      flush();
      blocks.push({ kind: 'image', index: -1, el: n, alt: n.getAttribute('alt') ?? '' });
      return null;
    }
    if (tag === 'br') {
      flush();
      return null;
    }
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) flush();
    return { isBlock, owner: isBlock ? n : blockEl, next: n.firstChild };
  };

  // depth-first in document order with an explicit stack: no recursion, so no depth limit
  let cut: SourceDoc['cut'];
  const root = doc.documentElement ? (doc.body ?? doc.documentElement) : null;
  const stack: Frame[] = [];
  const top = root ? enter(root, root) : null;
  if (top) stack.push(top);
  while (stack.length > 0) {
    if (blocks.length > limit) break; // more than the limit: cut below
    if (budget.expired()) {
      cut = 'time';
      break;
    }
    const f = stack[stack.length - 1] as Frame;
    const n = f.next;
    if (!n) {
      stack.pop();
      if (f.isBlock) flush();
      continue;
    }
    f.next = n.nextSibling;
    const child = enter(n, f.owner);
    if (child) stack.push(child);
  }
  flush();
  blocks.forEach((b, i) => {
    b.index = i;
  });

  const titleEl = doc.documentElement ? doc.querySelector('title') : null;
  const docTitle = titleEl ? collapseSpaces(titleEl.textContent ?? '') || null : null;
  if (blocks.length > limit) {
    blocks.length = limit;
    cut = 'size';
  }
  return { kind: 'html', blocks, docTitle, meta, url, doc, ...(cut ? { cut } : {}) };
}

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const MD_HEADING = /^\s{0,3}#{1,6}\s+/;
/** Columns aligned with spaces (pdftotext -layout): two or more spaces, or an ideographic one, between. */
const ALIGNED_GAP = /[ \u00a0\u3000]{2,}|\u3000/;
const LONG_LINE = 400;
/** In a line that holds a whole page (a crawler's text): where a numbered section heading starts. */
const INLINE_HEADING =
  /(?<=[。；！？\s\d）)])\s*[一二三四五六]、(总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政复议、行政诉讼情况|(政府信息公开工作)?存在的主要问题及改进情况|其他需要报告的事项)\s*/g;

interface Piece {
  text: string;
  offset: number;
}

/** A very long line cut before each numbered section heading it contains. */
function splitLong(line: string, offset: number): Piece[] {
  if (line.length <= LONG_LINE) return [{ text: line, offset }];
  const out: Piece[] = [];
  let at = 0;
  // the heading becomes a line of its own, between the text before and after it
  for (const m of line.matchAll(INLINE_HEADING)) {
    const from = m.index ?? 0;
    if (from > at) out.push({ text: line.slice(at, from), offset: offset + at });
    out.push({ text: m[0], offset: offset + from });
    at = from + m[0].length;
  }
  out.push({ text: line.slice(at), offset: offset + at });
  return out;
}

/**
 * Plain text: one block per non-empty line. Cells: tab-separated (a browser copy, PDF text), Markdown pipe
 * rows (| a | b |, rule rows dropped), columns aligned with spaces (pdftotext -layout). Markdown "#"
 * heading marks are dropped; a line holding a whole page is cut before its section headings.
 */
export function blocksFromText(
  text: string,
  budget: Budget = UNLIMITED,
  limit: number = BLOCK_LIMIT,
): SourceDoc {
  const blocks: Block[] = [];
  let offset = 0;
  let cut: SourceDoc['cut'];
  lines: for (const rawLine of text.split(/\r\n|\n|\r/)) {
    const lineStart = offset;
    offset += rawLine.length + 1;
    if (budget.expired()) {
      cut = 'time';
      break;
    }
    for (const piece of splitLong(rawLine, lineStart)) {
      let line = piece.text;
      let start = piece.offset;
      let tokens: string[];
      let shape: TextBlock['shape'];
      if (PIPE_ROW.test(line)) {
        if (PIPE_RULE.test(line)) continue;
        const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
        tokens = inner.split('|').map((t) => collapseSpaces(t));
        shape = 'pipe';
      } else {
        const h = MD_HEADING.exec(line);
        if (h) {
          line = line.slice(h[0].length);
          start += h[0].length;
        }
        if (line.includes('\t')) tokens = line.split('\t').map((t) => collapseSpaces(t));
        else if (ALIGNED_GAP.test(line.trim())) {
          tokens = line
            .trim()
            .split(ALIGNED_GAP)
            .map((t) => collapseSpaces(t));
          shape = 'aligned';
        } else tokens = [collapseSpaces(line)];
      }
      // empty cells between filled ones are blank cells (kept: blank is not 0); at the ends, padding
      const first = tokens.findIndex((t) => t !== '');
      if (first < 0) continue;
      const last = tokens.length - 1 - [...tokens].reverse().findIndex((t) => t !== '');
      tokens = tokens.slice(first, last + 1);
      if (shape !== 'pipe' && !line.includes('\t')) tokens = tokens.filter((t) => t !== '');
      if (blocks.length >= limit) {
        cut = 'size';
        break lines;
      }
      const lead = line.length - line.trimStart().length;
      const block: TextBlock = {
        kind: 'text',
        index: blocks.length,
        text: shape === 'pipe' ? tokens.join(' ') : collapseSpaces(line.replace(/\t/g, ' ')),
        tokens,
        el: null,
        segments: [],
        offset: start + lead,
      };
      if (shape && tokens.length > 1) block.shape = shape;
      blocks.push(block);
    }
  }
  return {
    kind: 'text',
    blocks,
    docTitle: null,
    meta: {},
    url: null,
    doc: null,
    ...(cut ? { cut } : {}),
  };
}
