/**
 * The marks' world: a container in document pixels inside the fixed layer, moved by the scroll with one
 * transform per frame. A pass reads (only the markers coming near the viewport, or all of them after a
 * reflow: a new epoch), then writes; the caller may read its own things between the two halves.
 */
import type { Lang } from '../model/schema';
import { decide, type Measured, measure, NEAR, type Placement, write } from './layout';
import { Placed } from './place';
import type { Marker } from './types';

const OFF = (m: Marker): Placement => ({ m, near: false, badge: null, fault: null, involved: [], lines: [] });

export interface Pending {
  fresh: boolean;
  placements: Placement[];
  sx: number;
  sy: number;
}

export class World {
  readonly el: HTMLElement;
  /** Markers laid out in this epoch, and the badges placed (document pixels). */
  private readonly laid = new Set<Marker>();
  private placed = new Placed();
  /** The markers' docTop/docBottom hold: no resize, reflow or inner scroll since the last full pass. */
  private valid = false;

  constructor(
    private readonly doc: Document,
    private readonly lang: Lang,
  ) {
    this.el = doc.createElement('div');
    this.el.className = 'world';
  }

  invalidate(): void {
    this.valid = false;
  }

  /** Empty it and make every marker's (hidden) badge, in reading order: Tab walks them in that order. */
  reset(markers: readonly Marker[]): void {
    this.el.textContent = '';
    this.laid.clear();
    this.valid = false;
    for (const m of markers) write(OFF(m), this.doc, this.el, this.lang);
  }

  /** Read and decide: the markers near the viewport (all of them in a new epoch). */
  read(markers: readonly Marker[], vh: number, sx: number, sy: number): Pending {
    const fresh = !this.valid;
    const todo = fresh
      ? markers
      : markers.filter((m) => !this.laid.has(m) && m.docBottom > sy - NEAR && m.docTop < sy + vh + NEAR);
    const tables = new Map<Element, number>();
    const measured = todo.map((m) => measure(m, this.doc, vh, tables, sx, sy));
    if (fresh) {
      this.placed = new Placed();
      for (const x of measured)
        if (x) {
          x.m.docTop = x.r.top;
          x.m.docBottom = x.r.bottom;
        }
    }
    const placements = measured.filter((x): x is Measured => !!x?.near).map((x) => decide(x, this.placed));
    return { fresh, placements, sx, sy };
  }

  /** Write what read() decided, and move the world to the scroll. */
  write(p: Pending): void {
    if (p.fresh) {
      // marks laid out before the reflow may stand anywhere now: hidden until they are laid out again
      for (const m of this.laid) write(OFF(m), this.doc, this.el, this.lang);
      this.laid.clear();
      this.valid = true;
    }
    for (const x of p.placements) {
      write(x, this.doc, this.el, this.lang);
      this.laid.add(x.m);
    }
    this.el.style.transform = `translate(${-p.sx}px, ${-p.sy}px)`;
  }
}
