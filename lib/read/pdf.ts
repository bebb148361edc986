/**
 * PDF → SourceDoc through pdf.js (passed in: the legacy build in Node, the worker build in the extension).
 * Glyph runs with their positions become lines; a line inside a table is cut into cells at the table's
 * drawn vertical rules (line and thin-rectangle operators) or, without rules, at wide gaps. Lines follow
 * each other across pages (page numbers dropped), so a table continued on the next page reads as one.
 * Every token keeps its page and box. A text layer that is not text (private-use or replacement
 * characters, no Chinese) is reported as unreadable and a PDF without text as scanned: nothing invented.
 */
import type { SourceDoc, TextBlock } from '../extract/blocks';
import { collapseSpaces, parseValue } from '../text/normalize';
import { unifyRadicals } from './radicals';
import { type Box, failure, type ReadOutcome } from './types';

/** The part of pdf.js this reader uses (structural, so both builds fit). */
export interface PdfJsLike {
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfDocLike> };
  OPS: Record<string, number>;
}
interface PdfDocLike {
  numPages: number;
  getPage(n: number): Promise<PdfPageLike>;
  destroy(): Promise<void>;
}
interface PdfPageLike {
  view: number[];
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  cleanup?(): void;
}

export interface PdfReadOptions {
  /** Extra getDocument parameters (cMapUrl, standardFontDataUrl, worker settings…). */
  documentParams?: Record<string, unknown>;
  /** Stop after this many pages (default 200). */
  maxPages?: number;
}

interface Glyphs {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

interface Rule {
  /** Vertical rule: x and the y range it covers; horizontal: y and the x range. */
  at: number;
  from: number;
  to: number;
}

interface Line {
  page: number;
  y: number;
  size: number;
  items: Glyphs[];
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const mul = (m: Matrix, n: Matrix): Matrix => [
  n[0] * m[0] + n[1] * m[2],
  n[0] * m[1] + n[1] * m[3],
  n[2] * m[0] + n[3] * m[2],
  n[2] * m[1] + n[3] * m[3],
  n[4] * m[0] + n[5] * m[2] + m[4],
  n[4] * m[1] + n[5] * m[3] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

function asMatrix(v: unknown): Matrix | null {
  if (!v || typeof (v as ArrayLike<number>).length !== 'number') return null;
  const a = Array.from(v as ArrayLike<number>);
  return a.length === 6 && a.every((x) => typeof x === 'number' && Number.isFinite(x)) ? (a as Matrix) : null;
}

/** Vertical and horizontal rules the page paints (strokes of straight segments, thin filled rectangles). */
export function rulesOf(
  ops: { fnArray: number[]; argsArray: unknown[] },
  OPS: Record<string, number>,
): { v: Rule[]; h: Rule[] } {
  const v: Rule[] = [];
  const h: Rule[] = [];
  const paintOps = new Set(
    [
      'stroke',
      'closeStroke',
      'fill',
      'eoFill',
      'fillStroke',
      'eoFillStroke',
      'closeFillStroke',
      'closeEOFillStroke',
    ]
      .map((k) => OPS[k])
      .filter((x): x is number => x !== undefined),
  );
  const strokeOps = new Set(
    ['stroke', 'closeStroke'].map((k) => OPS[k]).filter((x): x is number => x !== undefined),
  );
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  const seg = (x1: number, y1: number, x2: number, y2: number) => {
    if (Math.abs(x1 - x2) < 0.8 && Math.abs(y1 - y2) > 2)
      v.push({ at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) });
    else if (Math.abs(y1 - y2) < 0.8 && Math.abs(x1 - x2) > 2)
      h.push({ at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) });
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) {
      const m = asMatrix(args);
      if (m) ctm = mul(ctm, m);
    } else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = asMatrix(args?.[0]);
      if (m) ctm = mul(ctm, m);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      if (!paintOps.has(paint)) continue; // clipping paths and invisible ones
      const data = (args[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | undefined;
      if (!data || typeof data.length !== 'number') continue;
      // Path data: 0 moveTo x y, 1 lineTo x y, 2 curveTo 6, 3 quadraticCurveTo 4, 4 closePath.
      const pts: Array<[number, number]> = [];
      const flush = () => {
        if (pts.length < 2) {
          pts.length = 0;
          return;
        }
        const isStroke = strokeOps.has(paint);
        if (isStroke || pts.length === 2) {
          for (let k = 1; k < pts.length; k++) {
            const a = pts[k - 1] as [number, number];
            const b = pts[k] as [number, number];
            seg(a[0], a[1], b[0], b[1]);
          }
        } else {
          // a filled shape: a thin rectangle is a rule
          const xs = pts.map((p) => p[0]);
          const ys = pts.map((p) => p[1]);
          const x0 = Math.min(...xs);
          const x1 = Math.max(...xs);
          const y0 = Math.min(...ys);
          const y1 = Math.max(...ys);
          if (x1 - x0 <= 2.5 && y1 - y0 > 2) v.push({ at: (x0 + x1) / 2, from: y0, to: y1 });
          else if (y1 - y0 <= 2.5 && x1 - x0 > 2) h.push({ at: (y0 + y1) / 2, from: x0, to: x1 });
        }
        pts.length = 0;
      };
      let curved = false;
      for (let k = 0; k < data.length; ) {
        const op = data[k] as number;
        if (op === 0) {
          flush();
          curved = false;
          pts.push(apply(ctm, data[k + 1] as number, data[k + 2] as number));
          k += 3;
        } else if (op === 1) {
          pts.push(apply(ctm, data[k + 1] as number, data[k + 2] as number));
          k += 3;
        } else if (op === 2) {
          curved = true;
          k += 7;
        } else if (op === 3) {
          curved = true;
          k += 5;
        } else if (op === 4) {
          if (!curved && pts.length > 2 && strokeOps.has(paint)) pts.push(pts[0] as [number, number]);
          k += 1;
        } else break; // unknown encoding: stop reading this path
      }
      if (!curved) flush();
      else pts.length = 0;
    }
  }
  return { v, h };
}

function itemsOf(raw: unknown[], rotated: { chars: number }): Glyphs[] {
  const out: Glyphs[] = [];
  for (const it of raw) {
    const o = it as { str?: unknown; transform?: unknown; width?: unknown; height?: unknown };
    if (typeof o.str !== 'string' || !o.str.trim()) continue;
    const str = unifyRadicals(o.str);
    const t = asMatrix(o.transform);
    if (!t) continue;
    if (Math.abs(t[1]) > 0.01 || Math.abs(t[2]) > 0.01) {
      rotated.chars += str.trim().length; // rotated text: stamps, watermarks, or a page set sideways
      continue;
    }
    const size = Math.abs(t[3]) || Math.abs(t[0]) || (typeof o.height === 'number' ? o.height : 10);
    const w = typeof o.width === 'number' && o.width > 0 ? o.width : str.length * size * 0.6;
    // a run that pads cells with spaces ("21    0    0") is cut where it has wide space
    if (/\S\s{2,}\S/.test(str)) {
      const per = w / str.length;
      for (const m of str.matchAll(/\S+(?:\s\S+)*/g)) {
        out.push({ str: m[0], x: t[4] + per * (m.index ?? 0), y: t[5], w: per * m[0].length, size });
      }
    } else out.push({ str: str.trim(), x: t[4], y: t[5], w, size });
  }
  return out;
}

function linesOf(items: Glyphs[], page: number): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const g of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - g.y) <= Math.min(last.size, g.size) * 0.4) {
      last.items.push(g);
      last.size = Math.max(last.size, g.size);
    } else lines.push({ page, y: g.y, size: g.size, items: [g] });
  }
  for (const l of lines) l.items.sort((a, b) => a.x - b.x);
  return lines;
}

const ASCII_WORD = /[A-Za-z0-9]$/;
function joinRun(parts: Glyphs[]): string {
  let s = '';
  let prev: Glyphs | null = null;
  for (const g of parts) {
    const gap = prev ? g.x - (prev.x + prev.w) : 0;
    if (prev && (gap > g.size * 0.25 || (ASCII_WORD.test(s) && /^[A-Za-z0-9]/.test(g.str) && gap > 0.5)))
      s += ' ';
    s += g.str;
    prev = g;
  }
  return collapseSpaces(s);
}

/** x positions of the vertical rules crossing a line (merged when closer than 2 pt). */
function bordersAt(line: Line, rules: Rule[]): number[] {
  const mid = line.y + line.size * 0.35;
  const xs = rules
    .filter((r) => r.from - 1 <= mid && mid <= r.to + 1)
    .map((r) => r.at)
    .sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of xs) if (out.length === 0 || x - (out[out.length - 1] as number) > 2) out.push(x);
  return out;
}

interface Cut {
  tokens: string[];
  boxes: Box[];
  ruled: boolean;
}

function boxOf(parts: Glyphs[], page: number, pageTop: number): Box {
  const x0 = Math.min(...parts.map((p) => p.x));
  const x1 = Math.max(...parts.map((p) => p.x + p.w));
  const size = Math.max(...parts.map((p) => p.size));
  const base = Math.min(...parts.map((p) => p.y));
  const r = (n: number) => Math.round(n * 10) / 10;
  return { page, x: r(x0), y: r(pageTop - base - size * 0.88), w: r(x1 - x0), h: r(size * 1.1) };
}

function cutLine(line: Line, vRules: Rule[], pageTop: number): Cut {
  const borders = bordersAt(line, vRules);
  const groups: Glyphs[][] = [];
  /** Ruled lines: the cell (between borders[k - 1] and borders[k]) of each group. */
  const cellOf: number[] = [];
  let ruled = false;
  const first = line.items[0] as Glyphs;
  const lastItem = line.items[line.items.length - 1] as Glyphs;
  // cut at rules when the line lies inside a ruled table (its text between the outer rules)
  if (
    borders.length >= 3 &&
    first.x >= (borders[0] as number) - 3 &&
    lastItem.x + lastItem.w <= (borders[borders.length - 1] as number) + 3
  ) {
    ruled = true;
    const byCell = new Map<number, Glyphs[]>();
    for (const g of line.items) {
      const cx = g.x + g.w / 2;
      let cell = 0;
      while (cell < borders.length && (borders[cell] as number) < cx) cell++;
      const list = byCell.get(cell) ?? [];
      list.push(g);
      byCell.set(cell, list);
    }
    // every cell between the rules, empty ones too: an empty cell among figures is a blank, not a gap
    const firstCell = Math.min(...byCell.keys());
    const lastCell = Math.max(...byCell.keys());
    for (let k = firstCell; k <= lastCell; k++) {
      groups.push(byCell.get(k) ?? []);
      cellOf.push(k);
    }
  } else {
    let cur: Glyphs[] = [];
    let prev: Glyphs | null = null;
    for (const g of line.items) {
      if (prev && g.x - (prev.x + prev.w) > Math.max(g.size, prev.size) * 0.95) {
        groups.push(cur);
        cur = [];
      }
      cur.push(g);
      prev = g;
    }
    if (cur.length) groups.push(cur);
  }
  const tokens: string[] = [];
  const boxes: Box[] = [];
  for (let g = 0; g < groups.length; g++) {
    const gs = groups[g] as Glyphs[];
    if (gs.length === 0) {
      // an empty ruled cell: its box is the space between its rules on this line
      const k = cellOf[g] ?? 0;
      const left = borders[k - 1] ?? 0;
      const right = borders[k] ?? left;
      tokens.push('');
      boxes.push({
        page: line.page,
        x: Math.round(left * 10) / 10,
        y: Math.round((pageTop - line.y - line.size * 0.88) * 10) / 10,
        w: Math.round((right - left) * 10) / 10,
        h: Math.round(line.size * 11) / 10,
      });
      continue;
    }
    const t = joinRun(gs);
    if (!t) continue;
    tokens.push(t);
    boxes.push(boxOf(gs, line.page, pageTop));
  }
  // an empty cell counts as a blank only between figures; beside a label it is the rest of a merged label
  // cell whose rule the line only seems to cross
  if (ruled) {
    const kept: string[] = [];
    const keptBoxes: Box[] = [];
    let afterFigure = false;
    tokens.forEach((t, i) => {
      if (t === '' && !afterFigure) return;
      if (t !== '') {
        const k = parseValue(t).kind;
        afterFigure = k === 'number' || k === 'na';
      }
      kept.push(t);
      keptBoxes.push(boxes[i] as Box);
    });
    return { tokens: kept, boxes: keptBoxes, ruled };
  }
  return { tokens, boxes, ruled };
}

export const PAGE_NUMBER = /^[-—–－_\s]*(第\s*)?\d{1,3}(\s*页)?(\s*[/／]\s*\d{1,3})?[-—–－_\s]*$/;

/** Character classes of the whole text layer, to tell text from a font without a usable mapping. */
export function textLayerHealth(text: string): { chars: number; cjk: number; bad: number } {
  let chars = 0;
  let cjk = 0;
  let bad = 0;
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    chars++;
    const c = ch.codePointAt(0) as number;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) cjk++;
    else if ((c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd || (c >= 0xf0000 && c <= 0x10ffff) || c < 0x20)
      bad++;
  }
  return { chars, cjk, bad };
}

/** Read a PDF's text layer into lines and cells. Never throws: failures come back as ReadFailure. */
export async function readPdf(
  bytes: Uint8Array | ArrayBuffer,
  pdfjs: PdfJsLike,
  opts: PdfReadOptions = {},
): Promise<ReadOutcome> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy
  const data = new Uint8Array(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).slice();
  let doc: PdfDocLike;
  try {
    doc = await pdfjs.getDocument({
      data,
      verbosity: 0,
      isEvalSupported: false,
      useSystemFonts: false,
      ...opts.documentParams,
    }).promise;
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'PasswordException')
      return failure(
        'encrypted',
        'PDF 文件有密码保护，无法读取。',
        'The PDF is password-protected and cannot be read.',
      );
    const msg = err instanceof Error ? err.message : String(err);
    return failure('damaged', `PDF 文件无法解析（${msg}）。`, `The PDF could not be parsed (${msg}).`);
  }
  try {
    const blocks: TextBlock[] = [];
    let all = '';
    let ruledLines = 0;
    let positionLines = 0;
    let images = 0;
    const rotated = { chars: 0 };
    const pages = Math.min(doc.numPages, opts.maxPages ?? 200);
    for (let p = 1; p <= pages; p++) {
      const page = await doc.getPage(p);
      const [content, ops] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
      const top = (page.view[3] as number) ?? 842;
      const height = top - ((page.view[1] as number) ?? 0);
      const { v } = rulesOf(ops, pdfjs.OPS);
      for (const fn of ops.fnArray)
        if (fn === pdfjs.OPS.paintImageXObject || fn === pdfjs.OPS.paintInlineImageXObject) images++;
      const lines = linesOf(itemsOf(content.items, rotated), p);
      for (const line of lines) {
        const cut = cutLine(line, v, top);
        if (cut.tokens.length === 0) continue;
        const text = cut.tokens.join(' ');
        all += `${text}\n`;
        const fromTop = top - line.y;
        if (PAGE_NUMBER.test(text) && (fromTop < height * 0.1 || fromTop > height * 0.88)) continue;
        if (cut.ruled) ruledLines++;
        else positionLines++;
        blocks.push({
          kind: 'text',
          index: blocks.length,
          text,
          tokens: cut.tokens,
          el: null,
          segments: [],
          offset: 0,
          boxes: cut.boxes,
          placement: cut.ruled ? 'ruled' : 'position',
        });
      }
      page.cleanup?.();
    }
    const health = textLayerHealth(all);
    if (health.chars === 0 && rotated.chars > 0) {
      return failure(
        'unsupported',
        `不支持的文件格式：PDF 的文字均为旋转排版（${rotated.chars} 个字符），暂无法按行列读取；请将页面转正后另存再审核。`,
        `Unsupported file format: all text in the PDF is rotated (${rotated.chars} characters) and cannot be read in rows and columns; save it with its pages upright and audit that.`,
      );
    }
    if (health.chars === 0) {
      return images > 0
        ? failure(
            'scanned',
            `扫描件：PDF 没有文字层（${pages} 页均为图片），无法核验；请先进行文字识别（OCR）或取得原始文档。`,
            `Scanned: the PDF has no text layer (${pages} pages of images) and cannot be checked; run OCR first or obtain the original document.`,
          )
        : failure(
            'scanned',
            `PDF 没有文字层（${pages} 页中没有任何文字），无法核验。`,
            `The PDF has no text layer (no text on any of its ${pages} pages) and cannot be checked.`,
          );
    }
    if (health.bad > health.chars * 0.1 || (health.chars >= 20 && health.cjk < health.chars * 0.05)) {
      return failure(
        'unreadable-text-layer',
        `PDF 文字层无法识别（字体缺少可用的字符映射：${health.chars} 个字符中汉字 ${health.cjk} 个，私用区或替换字符 ${health.bad} 个），未读取任何数字、章节或年份；请用原始文档或文字识别（OCR）核对。`,
        `The PDF's text layer is unreadable (a font without a usable character mapping: of ${health.chars} characters, ${health.cjk} Chinese and ${health.bad} private-use or replacement); no figure, section or year was read. Check the original document or OCR it.`,
      );
    }
    const src: SourceDoc = {
      kind: 'text',
      blocks,
      docTitle: null,
      meta: {},
      url: null,
      doc: null,
      via: 'pdf',
    };
    return {
      ok: true,
      via: 'pdf',
      src,
      notes: [
        `${pages} pages`,
        `${ruledLines} lines cut at drawn rules`,
        `${positionLines} lines by position`,
      ],
    };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return failure('damaged', `PDF 文件读取失败（${msg}）。`, `Reading the PDF failed (${msg}).`);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/**
 * A scanned page's resolution: pixels per PDF point of the largest picture it paints (so that rendering
 * at this scale gives the scan's own pixels), or null when the page paints no picture.
 */
export function imageScale(
  ops: { fnArray: number[]; argsArray: unknown[] },
  OPS: Record<string, number>,
): number | null {
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  let best: { area: number; scale: number } | null = null;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) {
      const m = asMatrix(args);
      if (m) ctm = mul(ctm, m);
    } else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject) {
      const w = Number(args?.[1] ?? (args?.[0] as { width?: unknown } | undefined)?.width);
      const drawnW = Math.hypot(ctm[0], ctm[1]);
      const drawnH = Math.hypot(ctm[2], ctm[3]);
      if (!(w > 0) || !(drawnW > 1)) continue;
      const area = drawnW * drawnH;
      if (!best || area > best.area) best = { area, scale: w / drawnW };
    }
  }
  return best ? best.scale : null;
}
