/**
 * Capture support on the page side (the engine's end of a screenshot): page metrics, scrolling slice by
 * slice with fixed and sticky elements hidden (they would repeat in every slice), late images awaited, the
 * page restored afterwards, and the region of one finding to crop. Over a small window interface so it runs
 * on linkedom in tests.
 */
import type { PageMetrics, Region } from '@/lib/messages-engine';

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
