/**
 * Geometry of evidence close-ups, pure: which rows of a table are its header, the rectangle a finding's
 * close-up covers (the table's header rows down to the row at fault, or the paragraph), how findings that
 * share a table region are grouped into one image, and how a rectangle taller than the viewport is taken in
 * slices to stitch. Rectangles are in document CSS pixels (viewport rect + scroll offset) unless said.
 */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Space kept around a close-up, in CSS pixels (room for the marks' outlines and badges). */
export const CLOSE_UP_PAD = 16;

export function union(a: Rect, b: Rect): Rect {
  const left = Math.min(a.left, b.left);
  const top = Math.min(a.top, b.top);
  const right = Math.max(a.left + a.width, b.left + b.width);
  const bottom = Math.max(a.top + a.height, b.top + b.height);
  return { left, top, width: right - left, height: bottom - top };
}

export function pad(r: Rect, by: number): Rect {
  return { left: r.left - by, top: r.top - by, width: r.width + 2 * by, height: r.height + 2 * by };
}

/** A rectangle cut to the page: [0, pageWidth] × [0, pageHeight]. */
export function clampTo(r: Rect, pageWidth: number, pageHeight: number): Rect {
  const left = Math.max(0, r.left);
  const top = Math.max(0, r.top);
  const right = Math.min(pageWidth, r.left + r.width);
  const bottom = Math.min(pageHeight, r.top + r.height);
  return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

/** A figure as tables write it: digits (full-width too), separators, a sign; "/" and "—" count as values. */
const VALUE = /^[\s\d０-９,，.．+\-－]+$|^[/／—–-]$/;

/**
 * How many leading rows of a table are its header: the rows before the first one that holds a value cell
 * (a figure, or "/" for a blank). A table with no value row has no header to keep (0).
 */
export function headerRowCount(rows: readonly (readonly string[])[]): number {
  for (let i = 0; i < rows.length; i++) {
    if ((rows[i] ?? []).some((c) => c.trim() !== '' && VALUE.test(c.trim()))) return i;
  }
  return 0;
}

/** What the page says of one finding's place, in document pixels. */
export interface FindingPlace {
  id: string;
  /** The table the finding is in (its index on the page), or null for text, headings and page findings. */
  table: number | null;
  /** The table's header rows (null when it has none, or for non-table findings). */
  header: Rect | null;
  /** The row(s) at fault, the paragraph, or the heading; null for a page-level finding. */
  target: Rect | null;
}

export interface CloseUp {
  ids: string[];
  /** What to capture, in document pixels; null: the top of the report (page-level findings). */
  rect: Rect | null;
  /** The header's rectangle (document pixels) when the close-up is in a table. */
  header: Rect | null;
}

function coverOf(p: FindingPlace): Rect | null {
  if (!p.target) return null;
  return p.header ? union(p.header, p.target) : p.target;
}

/**
 * One close-up per finding, findings in the same table merged while the merged close-up stays within
 * `maxHeight` (a tall merge would be a picture of the whole table). Page-level findings share one close-up.
 * Order: first appearance.
 */
export function groupCloseUps(places: readonly FindingPlace[], maxHeight: number): CloseUp[] {
  const out: Array<CloseUp & { table: number | null }> = [];
  let page: (CloseUp & { table: number | null }) | null = null;
  for (const p of places) {
    const cover = coverOf(p);
    if (!cover) {
      if (page) page.ids.push(p.id);
      else {
        page = { ids: [p.id], rect: null, header: null, table: null };
        out.push(page);
      }
      continue;
    }
    const same =
      p.table === null
        ? undefined
        : out.find((g) => g.table === p.table && g.rect && union(g.rect, cover).height <= maxHeight);
    if (same?.rect) {
      same.ids.push(p.id);
      same.rect = union(same.rect, cover);
      continue;
    }
    out.push({ ids: [p.id], rect: cover, header: p.header, table: p.table });
  }
  return out.map(({ ids, rect, header }) => ({ ids, rect: rect ? pad(rect, CLOSE_UP_PAD) : null, header }));
}

/** One slice of a close-up: scroll the page to `scrollY`, cut rows [srcTop, srcTop + height) of the viewport. */
export interface Slice {
  scrollY: number;
  /** Top of the cut in viewport CSS pixels. */
  srcTop: number;
  height: number;
  /** Where it goes in the stitched image, CSS pixels from its top. */
  destTop: number;
}

/**
 * The slices that take `rect` (document pixels) with a viewport `viewportHeight` high on a page
 * `pageHeight` high: as few as possible, each scrolled so its part is in view (the browser cannot scroll
 * past the page's end: the last slice cuts lower in the viewport).
 */
export function slicePlan(rect: Rect, viewportHeight: number, pageHeight: number): Slice[] {
  const maxScroll = Math.max(0, pageHeight - viewportHeight);
  const out: Slice[] = [];
  const vh = Math.max(1, viewportHeight);
  for (let done = 0; done < rect.height; ) {
    const want = rect.top + done;
    const scrollY = Math.min(Math.max(0, want), maxScroll);
    const srcTop = want - scrollY;
    const height = Math.min(rect.height - done, vh - srcTop);
    if (height <= 0) break; // the rect lies past the page's end
    out.push({ scrollY, srcTop, height, destTop: done });
    done += height;
  }
  return out;
}
