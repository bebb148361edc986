/**
 * The open card (one at a time): built for one finding of a place, placed beside the cells it explains
 * (the place and its involved cells, place.ts placeCard), never over them and off the status chip; its
 * place's outlines light up while it is open.
 */
import type { Finding } from '../model/schema';
import { buildCard } from './card';
import { placeCard, type Rect } from './place';
import type { Marker, OverlayOptions, Step } from './types';

export interface CardNav {
  next(step: number): void;
  /** The step of the k-th finding at a place. */
  stepAt(m: Marker, k: number): Step | undefined;
  chipRect(): Rect | null;
}

export class CardHost {
  el: HTMLElement | null = null;
  step: Step | null = null;
  pinned = false;

  constructor(
    private readonly doc: Document,
    private readonly layer: HTMLElement,
    private readonly opts: OverlayOptions,
    private readonly nav: CardNav,
  ) {}

  open(step: Step, pin: boolean, near?: HTMLElement | null): void {
    this.close();
    const { m, i } = step;
    const f = m.findings[i] as Finding;
    const card = buildCard(
      this.doc,
      f,
      m.ns[i] ?? 0,
      this.opts,
      {
        prev: () => this.nav.next(-1),
        next: () => this.nav.next(1),
        close: () => this.close(),
        pin: () => {
          this.pinned = true;
        },
      },
      {
        ns: m.ns,
        index: i,
        pick: (k) => {
          const s = this.nav.stepAt(m, k);
          if (s) this.open(s, true);
        },
      },
    );
    card.addEventListener('mouseleave', () => {
      if (!this.pinned) this.close();
    });
    const extra = this.opts.cardExtra?.(f);
    if (extra) card.append(extra);
    this.layer.appendChild(card);
    this.el = card;
    this.step = step;
    this.pinned = pin;
    for (const b of m.involvedBoxes) b.classList.add('lit');
    for (const b of m.mark) b.classList.add('lit');
    this.place(near ?? null);
  }

  /** Beside the cells it explains (the place and its involved cells in view), never over them. */
  place(near: HTMLElement | null): void {
    if (!this.el || !this.step) return;
    const win = this.doc.defaultView;
    const vw = win?.innerWidth ?? 1024;
    const vh = win?.innerHeight ?? 768;
    const m = this.step.m;
    const chip = this.nav.chipRect();
    const rects: Rect[] = [];
    if (m.anchor.kind !== 'page') {
      rects.push(m.anchor.el.getBoundingClientRect());
      for (const el of m.involved) {
        const r = el.getBoundingClientRect();
        if (r.bottom > 0 && r.top < vh) rects.push(r);
      }
    } else if (near) rects.push(near.getBoundingClientRect());
    else if (chip) rects.push(chip);
    if (m.badge && !m.badge.classList.contains('off')) rects.push(m.badge.getBoundingClientRect());
    if (!rects.length) return;
    const area = {
      left: Math.min(...rects.map((r) => r.left)),
      top: Math.min(...rects.map((r) => r.top)),
      right: Math.max(...rects.map((r) => r.right)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
    };
    const w = Math.min(340, vw - 16);
    const h = this.el.offsetHeight || 200;
    const at = placeCard(area, w, h, vw, vh, m.anchor.kind === 'page' ? null : chip);
    this.el.style.left = `${at.left}px`;
    this.el.style.top = `${at.top}px`;
  }

  close(): void {
    if (this.step) {
      for (const b of this.step.m.involvedBoxes) b.classList.remove('lit');
      for (const b of this.step.m.mark) b.classList.remove('lit');
    }
    this.el?.remove();
    this.el = null;
    this.step = null;
    this.pinned = false;
  }
}
