/**
 * Where a close-up of a PDF finding is cut from its page picture, pure (CSS pixels of the drawn page): for a
 * cell, the table's header lines (the lines just above its first row of figures on that page, as far as
 * they run on without a gap) down to the row at fault, across the table's width with the row's label; for a
 * text finding its line with a line of context above and below; for a page-level finding the top of the
 * first page (where the title stands). The marks drawn on the crop come from the same boxes.
 */
import { CLOSE_UP_PAD, type FindingPlace, type Rect, union } from '@/lib/evidence/geometry';

/**
 * A text line of the page; `stop` ends a table's header there: 'heading' (a section heading: taken, the
 * table's name, then no higher), 'other' (a line of another table or its figures: not taken).
 */
export interface Line extends Rect {
  stop?: 'heading' | 'other';
}

/** Most header lines taken above a table (the three-row header of table 2 wraps to about six). */
const MAX_HEADER_LINES = 8;

const bottom = (r: Rect) => r.top + r.height;
const right = (r: Rect) => r.left + r.width;

/** Two boxes on the same line: their vertical spans overlap by half the smaller height. */
export function sameLine(a: Rect, b: Rect): boolean {
  const overlap = Math.min(bottom(a), bottom(b)) - Math.max(a.top, b.top);
  return overlap > 0.5 * Math.min(a.height, b.height);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor(s.length / 2)] as number) : 0;
}

function spanOf(boxes: Rect[]): Rect | null {
  return boxes.reduce<Rect | null>((acc, b) => (acc ? union(acc, b) : b), null);
}

/**
 * The place of a cell finding on its page: `cell` is the value's box, `table` the boxes of every value of the
 * same table on this page, `lines` every text line of the page. `header` is null when no line stands right
 * above the table on this page (a table continued from the previous page).
 */
export function cellPlace(
  cell: Rect,
  table: readonly Rect[],
  lines: readonly Line[],
): Omit<FindingPlace, 'id' | 'table'> {
  const values = table.length ? [...table] : [cell];
  const tableTop = Math.min(...values.map((v) => v.top), cell.top);
  const lh = median(lines.map((l) => l.height)) || cell.height || 10;
  // the row: the lines and values standing on the cell's line (its label at the left included)
  const row =
    spanOf([cell, ...lines.filter((l) => sameLine(l, cell)), ...values.filter((v) => sameLine(v, cell))]) ??
    cell;
  // the header: lines above the first row of figures, running upwards without a gap wider than a line
  const above = lines
    .filter((l) => bottom(l) <= tableTop + 1 && !values.some((v) => sameLine(v, l)))
    .sort((a, b) => b.top - a.top);
  const head: Line[] = [];
  let edge = tableTop;
  for (const l of above) {
    if (head.length >= MAX_HEADER_LINES || edge - bottom(l) > 1.6 * lh || l.stop === 'other') break;
    head.push(l);
    edge = Math.min(edge, l.top);
    if (l.stop === 'heading') break;
  }
  const header = spanOf(head.map(({ stop: _s, ...r }) => r));
  const top = Math.min(header?.top ?? row.top, row.top, tableTop);
  const low = Math.max(bottom(row), bottom(cell));
  // across the table's width: every line and value between the header's top and the row's bottom
  const inside = [...lines, ...values].filter((b) => b.top < low && bottom(b) > top);
  const across = spanOf([row, ...inside]) ?? row;
  const target = { left: across.left, top: row.top, width: across.width, height: low - row.top };
  return {
    header: header
      ? { left: across.left, top: header.top, width: across.width, height: header.height }
      : null,
    target: top < row.top && !header ? { ...target, top, height: low - top } : target,
  };
}

/** The place of a text finding: its line, with a line of context above and below. */
export function textPlace(line: Rect, lines: readonly Rect[]): Omit<FindingPlace, 'id' | 'table'> {
  const lh = median(lines.map((l) => l.height)) || line.height || 10;
  const near = lines.filter((l) => l.top < bottom(line) + 1.5 * lh && bottom(l) > line.top - 1.5 * lh);
  const span = spanOf([line, ...near]) ?? line;
  return { header: null, target: span };
}

/** The part of the first page a page-level finding is shown on: its top (the title, the date line). */
export function pageTop(page: { width: number; height: number }): Rect {
  return { left: 0, top: 0, width: page.width, height: Math.round(page.height * 0.3) };
}

/** A crop rectangle, padded and cut to its page. */
export function cropOf(r: Rect, page: { width: number; height: number }, padBy = CLOSE_UP_PAD): Rect {
  const left = Math.max(0, r.left - padBy);
  const top = Math.max(0, r.top - padBy);
  const r2 = Math.min(page.width, right(r) + padBy);
  const b2 = Math.min(page.height, bottom(r) + padBy);
  return { left, top, width: Math.max(1, r2 - left), height: Math.max(1, b2 - top) };
}
