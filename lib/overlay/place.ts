/**
 * Where a badge goes, as pure geometry (no DOM): inside a corner of its cell where the cell's own text is
 * not, else in the margin right of its table; never on a badge already placed. Rectangles are viewport
 * pixels.
 */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const BADGE_H = 16;
const GAP = 2;

export function rect(left: number, top: number, width: number, height: number): Rect {
  return { left, top, right: left + width, bottom: top + height };
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Badges placed in this layout pass, bucketed by row of 32 px so a test is O(neighbours). */
export class Placed {
  private readonly rows = new Map<number, Rect[]>();

  hits(r: Rect): boolean {
    for (let k = Math.floor(r.top / 32) - 1; k <= Math.floor(r.bottom / 32) + 1; k++)
      for (const p of this.rows.get(k) ?? []) if (overlaps(p, r)) return true;
    return false;
  }

  add(r: Rect): void {
    const k = Math.floor(r.top / 32);
    const list = this.rows.get(k) ?? [];
    list.push(r);
    this.rows.set(k, list);
  }
}

/**
 * A cell badge of `width`: the cell's top-right corner, top-left, bottom-right, bottom-left (inside the
 * cell, clear of its text box `text`), else right of the table (`outside`, stepping right), never on a
 * placed badge.
 */
export function placeCellBadge(
  cell: Rect,
  text: Rect | null,
  outside: number,
  width: number,
  placed: Placed,
): Rect {
  const h = BADGE_H;
  const inside = [
    rect(cell.right - width - GAP, cell.top + GAP, width, h),
    rect(cell.left + GAP, cell.top + GAP, width, h),
    rect(cell.right - width - GAP, cell.bottom - h - GAP, width, h),
    rect(cell.left + GAP, cell.bottom - h - GAP, width, h),
  ];
  const fits = (r: Rect) =>
    r.left >= cell.left && r.right <= cell.right && r.top >= cell.top && r.bottom <= cell.bottom;
  for (const r of inside)
    if (fits(r) && !(text && overlaps(r, text)) && !placed.hits(r)) return keep(r, placed);
  return besideRow(outside, cell.top + Math.max(0, (cell.bottom - cell.top - h) / 2), width, placed);
}

/** A badge left of a block (text and section findings), else right of it, never on a placed badge. */
export function placeMarginBadge(block: Rect, lineTop: number, width: number, placed: Placed): Rect {
  const left = block.left - width - 6;
  if (left >= 0) {
    let r = rect(left, lineTop, width, BADGE_H);
    for (let i = 0; i < 6 && placed.hits(r); i++) r = rect(r.left - width - GAP, lineTop, width, BADGE_H);
    if (r.left >= 0 && !placed.hits(r)) return keep(r, placed);
  }
  return besideRow(block.right + 6, lineTop, width, placed);
}

function besideRow(x: number, y: number, width: number, placed: Placed): Rect {
  let r = rect(x, y, width, BADGE_H);
  while (placed.hits(r)) r = rect(r.right + GAP, y, width, BADGE_H);
  return keep(r, placed);
}

function keep(r: Rect, placed: Placed): Rect {
  placed.add(r);
  return r;
}

/**
 * The card beside the cells it explains (their union `area`): right of them, else left, else below, else
 * above; inside the viewport and off `avoid` (the status chip). Its size is `w` × `h`.
 */
export function placeCard(
  area: Rect,
  w: number,
  h: number,
  vw: number,
  vh: number,
  avoid: Rect | null,
): Rect {
  const m = 8;
  const clampY = (y: number) => Math.min(Math.max(m, y), Math.max(m, vh - h - m));
  const clampX = (x: number) => Math.min(Math.max(m, x), Math.max(m, vw - w - m));
  const candidates = [
    rect(area.right + m, clampY(area.top), w, h),
    rect(area.left - w - m, clampY(area.top), w, h),
    rect(clampX(area.left), area.bottom + m, w, h),
    rect(clampX(area.left), area.top - h - m, w, h),
  ];
  const inView = (r: Rect) => r.left >= 0 && r.top >= 0 && r.right <= vw && r.bottom <= vh;
  for (const r of candidates) if (inView(r) && !overlaps(r, area) && !(avoid && overlaps(r, avoid))) return r;
  for (const r of candidates) if (inView(r) && !overlaps(r, area)) return r;
  // too little room beside the cells: below them, as far as the viewport goes
  return rect(clampX(area.left), Math.min(area.bottom + m, vh - m - 40), w, h);
}
