/**
 * Capture support on the page side (the engine's end of a screenshot): page metrics, scrolling slice by
 * slice with fixed and sticky elements hidden (they would repeat in every slice), late images awaited, the
 * page restored afterwards, and the region of one finding to crop. Over a small window interface so it runs
 * on linkedom in tests.
 */
import { headerRowCount, type Rect, union } from '@/lib/evidence/geometry';
import type { FindingPlace, PageMetrics, Region } from '@/lib/messages-engine';

export interface PageWindow {
  readonly scrollX: number;
  readonly scrollY: number;
  readonly innerWidth: number;
  readonly innerHeight: number;
  readonly devicePixelRatio: number;
  scrollTo(x: number, y: number): void;
}

export interface PageCaptureOptions {
  /** Elements never hidden (the overlay's host). */
  keep: (el: Element) => boolean;
  /** CSS position of an element (getComputedStyle in the page). */
  positionOf: (el: HTMLElement) => string;
  /** Resolves after the next paint. */
  nextFrame: () => Promise<void>;
  /** Resolves after `ms` (bounded waits). */
  sleep: (ms: number) => Promise<void>;
  /** Called after each scroll, before the screenshot (the overlay follows the page). */
  relayout?: () => void;
}

/** How long a whole-page capture waits for images that are still loading in view. */
const LATE_IMAGES_MS = 1500;

export class PageCapture {
  private hidden: Array<[HTMLElement, string]> = [];

  constructor(
    private readonly win: PageWindow,
    private readonly doc: Document,
    private readonly opts: PageCaptureOptions,
  ) {}

  metrics(): PageMetrics {
    return {
      scrollX: this.win.scrollX,
      scrollY: this.win.scrollY,
      scrollHeight: Math.max(
        this.doc.documentElement.scrollHeight || 0,
        this.doc.body?.scrollHeight || 0,
        this.win.innerHeight,
      ),
      innerWidth: this.win.innerWidth,
      innerHeight: this.win.innerHeight,
      dpr: this.win.devicePixelRatio || 1,
    };
  }

  /** Hide fixed and sticky elements (once; restore() shows them again with their own visibility). */
  hideFixed(): void {
    if (this.hidden.length) return;
    for (const el of Array.from(this.doc.querySelectorAll<HTMLElement>('body *'))) {
      if (this.opts.keep(el)) continue;
      const pos = this.opts.positionOf(el);
      if (pos === 'fixed' || pos === 'sticky') {
        this.hidden.push([el, el.style.visibility]);
        el.style.visibility = 'hidden';
      }
    }
  }

  /** Images in view that are still loading: wait for them, at most LATE_IMAGES_MS. */
  private lateImages(): Promise<void> {
    const pending = Array.from(this.doc.querySelectorAll('img')).filter((img) => {
      if (img.complete) return false;
      const r = img.getBoundingClientRect();
      return r.bottom > 0 && r.top < this.win.innerHeight;
    });
    if (pending.length === 0) return Promise.resolve();
    return Promise.race([
      Promise.all(
        pending.map((img) => new Promise((r) => img.addEventListener('load', r, { once: true }))),
      ).then(() => undefined),
      this.opts.sleep(LATE_IMAGES_MS),
    ]);
  }

  /** Scroll to one slice of a whole-page capture; the metrics after scrolling. */
  async scrollTo(y: number, hideFixed: boolean): Promise<PageMetrics> {
    if (hideFixed) this.hideFixed();
    this.win.scrollTo(this.win.scrollX, y);
    await this.opts.nextFrame();
    await this.lateImages();
    this.opts.relayout?.();
    await this.opts.nextFrame();
    return this.metrics();
  }

  private scrollbar: string | null = null;
  private hadStyle = false;

  /**
   * While a capture runs the page's own scrollbar is hidden (it would show in every slice): a temporary
   * inline `scrollbar-width: none` on <html>, its previous value put back by showScrollbar().
   */
  hideScrollbar(): void {
    if (this.scrollbar !== null) return;
    const st = this.doc.documentElement.style;
    this.scrollbar = st.getPropertyValue('scrollbar-width');
    this.hadStyle = this.doc.documentElement.hasAttribute('style');
    st.setProperty('scrollbar-width', 'none', 'important');
  }

  showScrollbar(): void {
    if (this.scrollbar === null) return;
    const value = this.scrollbar;
    this.scrollbar = null;
    const st = this.doc.documentElement.style;
    if (value) st.setProperty('scrollbar-width', value);
    else st.removeProperty('scrollbar-width');
    if (st.length === 0 && !this.hadStyle) {
      // Chrome writes the attribute back from the CSSOM lazily: have it written now, then remove it
      this.doc.documentElement.getAttribute('style');
      this.doc.documentElement.removeAttribute('style');
    }
  }

  /** Where a finding is, in document pixels, for its close-up (see placeOf). */
  place(id: string, el: Element | null, how: PlaceHints = { cell: true, words: null }): FindingPlace {
    return placeOf(id, el, this.doc, { x: this.win.scrollX, y: this.win.scrollY }, how, this.win.innerHeight);
  }

  /** Back to where the user was, fixed elements shown again. */
  async restore(x: number, y: number): Promise<boolean> {
    for (const [el, v] of this.hidden.splice(0)) el.style.visibility = v;
    this.win.scrollTo(x, y);
    await this.opts.nextFrame();
    return true;
  }
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The region to crop for a finding, in viewport pixels: its table (or block); a table taller than the
 * viewport is cut to one viewport around the cell.
 */
export function cropRegion(area: Box, cell: Box, viewportHeight: number): Region {
  const top = area.height > viewportHeight ? Math.max(area.top, cell.top - viewportHeight / 2) : area.top;
  const height = Math.min(area.height, viewportHeight);
  return { left: area.left, top, width: area.width, height };
}

function docRect(r: DOMRect | Rect, scroll: { x: number; y: number }): Rect {
  return { left: r.left + scroll.x, top: r.top + scroll.y, width: r.width, height: r.height };
}

/**
 * A finding's place: in a table, the table's header rows (the rows before its first row of figures) and the
 * row of the anchored cell; elsewhere the anchor's block (the paragraph, the heading); a finding with no
 * anchor is page-level (target null).
 */
export interface PlaceHints {
  /** The anchor is a table cell (a cell finding): the close-up is its table's header and row. */
  cell: boolean;
  /** A text finding's words (viewport pixels): a block taller than the window is cut around them. */
  words: DOMRect | Rect | null;
}

export function placeOf(
  id: string,
  el: Element | null,
  doc: Document,
  scroll: { x: number; y: number },
  how: PlaceHints = { cell: true, words: null },
  viewportHeight = Number.POSITIVE_INFINITY,
): FindingPlace {
  if (!el) return { id, table: null, header: null, target: null };
  const table = how.cell ? el.closest('table') : null;
  const row = how.cell ? el.closest('tr') : null;
  if (!table || !row) {
    // a paragraph (or a heading); a block taller than the window (a layout cell holding the whole text) is
    // cut to the words with some of the text around them
    const block = el.getBoundingClientRect();
    const w = how.words;
    if (!w || block.height <= viewportHeight * 0.8 || !(w.width > 0 || w.height > 0))
      return { id, table: null, header: null, target: docRect(block, scroll) };
    const around = viewportHeight * 0.25;
    const top = Math.max(block.top, w.top - around);
    const bottom = Math.min(block.top + block.height, w.top + w.height + around);
    return {
      id,
      table: null,
      header: null,
      target: docRect({ left: block.left, top, width: block.width, height: bottom - top }, scroll),
    };
  }
  // the table's own rows (not those of a table nested in a cell)
  const rows = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
  const n = headerRowCount(
    rows.map((tr) =>
      Array.from(tr.children)
        .filter((c) => /^t[dh]$/i.test(c.tagName))
        .map((c) => c.textContent ?? ''),
    ),
  );
  const tableBox = table.getBoundingClientRect();
  // the row spans the table's width: the labels at its left are part of the evidence
  // (a cell spanning rows reaches below its own row)
  const rowBox = row.getBoundingClientRect();
  const cellBox = el.getBoundingClientRect();
  const top = Math.min(rowBox.top, cellBox.top);
  const bottom = Math.max(rowBox.bottom, cellBox.bottom);
  const target = docRect({ left: tableBox.left, top, width: tableBox.width, height: bottom - top }, scroll);
  let header: Rect | null = null;
  for (const r of rows.slice(0, n)) {
    if (r === row) break;
    const b = docRect(r.getBoundingClientRect(), scroll);
    header = header ? union(header, b) : b;
  }
  if (header) header = { ...header, left: tableBox.left + scroll.x, width: tableBox.width };
  return { id, table: Array.from(doc.querySelectorAll('table')).indexOf(table), header, target };
}
