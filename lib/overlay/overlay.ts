/**
 * The on-page overlay: a layer in a closed shadow root (mount.ts: where it lives, how it survives hostile
 * pages), shown in the top layer, that never restyles or moves the page. Cells at fault get a two-tone
 * outline and a numbered badge on their corner; involved cells a dashed outline that lights up while the
 * finding's card is open; text findings are underlined; section findings sit at the heading; page-level
 * findings in a banner at the top of the report. Positions are recomputed on scroll, resize, zoom and
 * reflow. Text is always set with textContent: nothing from the page or a finding is parsed as HTML.
 */
import type { AuditOutput } from '../audit';
import type { Extracted } from '../extract/index';
import type { Finding } from '../model/schema';
import { type BannerItem, buildBanner } from './banner';
import { buildCard, tagFinding } from './card';
import { type Anchor, resolveLocator } from './locate';
import { createMarker } from './markers';
import { HOST_ATTR, type MountMode, OverlayMount } from './mount';
import { OVERLAY_CSS } from './style';
import type { Marker, OverlayOptions } from './types';

export type { OverlayAction, OverlayOptions, OverlayStrings } from './types';
export { HOST_ATTR, resolveLocator };

/** Is this node the overlay's own (its layer or its fallback host)? */
export function isOverlayNode(n: Node | null): boolean {
  return !!n && n.nodeType === 1 && (n as Element).hasAttribute(HOST_ATTR);
}

export class Overlay {
  /** The overlay's own element: the layer, marked with data-nianbao (the engine puts its timings on it). */
  readonly host: HTMLElement;
  private readonly where: OverlayMount;
  private readonly layer: HTMLElement;
  private readonly doc: Document;
  private markers: Marker[] = [];
  private card: HTMLElement | null = null;
  private cardFor: Marker | null = null;
  private pinned = false;
  private banner: HTMLElement | null = null;
  private reportTop: Element | null = null;
  private frame = 0;
  private current = -1;
  private readonly cleanups: Array<() => void> = [];

  constructor(
    doc: Document,
    private out: AuditOutput,
    private readonly opts: OverlayOptions,
  ) {
    this.doc = doc;
    const style = doc.createElement('style');
    style.textContent = OVERLAY_CSS;
    this.layer = doc.createElement('div');
    this.layer.className = 'layer';
    this.layer.setAttribute(HOST_ATTR, '');
    this.layer.setAttribute('popover', 'manual');
    this.host = this.layer;
    this.where = new OverlayMount(doc, [style, this.layer], this.layer, {
      forceHost: opts.forceHost,
      onReplaced: () => {
        // document.open() erased every listener, and <html>/<body> are new: follow the new ones
        this.unlisten();
        this.listen();
        this.opts.onReplaced?.();
      },
    });
  }

  /** Where the layer lives now: in <body>'s closed shadow root, in a fallback host, or nowhere. */
  get mode(): MountMode {
    return this.where.mode;
  }

  /** Attach to the page and start following layout changes. */
  mount(): void {
    this.where.mount();
    this.render();
    this.listen();
  }

  private unlisten(): void {
    for (const c of this.cleanups.splice(0)) c();
  }

  private listen(): void {
    const win = this.doc.defaultView;
    if (!win) return;
    const schedule = () => this.schedule();
    win.addEventListener('scroll', schedule, { capture: true, passive: true });
    win.addEventListener('resize', schedule, { passive: true });
    this.cleanups.push(() => {
      win.removeEventListener('scroll', schedule, { capture: true });
      win.removeEventListener('resize', schedule);
    });
    if ('ResizeObserver' in win) {
      const ro = new win.ResizeObserver(schedule);
      ro.observe(this.doc.documentElement);
      if (this.doc.body) ro.observe(this.doc.body);
      this.cleanups.push(() => ro.disconnect());
    }
    const onKey = (e: KeyboardEvent) => this.onKey(e);
    win.addEventListener('keydown', onKey, true);
    this.cleanups.push(() => win.removeEventListener('keydown', onKey, true));
    const onDown = (e: Event) => {
      if (this.card && !this.isOurs(e)) this.closeCard();
    };
    this.doc.addEventListener('pointerdown', onDown, true);
    this.cleanups.push(() => this.doc.removeEventListener('pointerdown', onDown, true));
  }

  /**
   * Did a pointer event land on the overlay? Seen from the document, an event inside a closed shadow root
   * is retargeted to its host (here <body> or the fallback host): ask the root what is under the pointer.
   */
  private isOurs(e: Event): boolean {
    const root = this.where.shadowRoot;
    if (!root || e.target !== root.host) return false;
    const p = e as PointerEvent;
    const el =
      typeof root.elementFromPoint === 'function' ? root.elementFromPoint(p.clientX, p.clientY) : null;
    return !!el && el !== this.layer && this.layer.contains(el);
  }

  destroy(): void {
    this.unlisten();
    if (this.frame) this.doc.defaultView?.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.where.stop();
  }

  /** Replace the findings (after a re-audit). */
  update(out: AuditOutput): void {
    this.out = out;
    this.closeCard();
    this.render();
  }

  setHidden(hidden: boolean): void {
    if (!hidden) this.layer.classList.remove('capturing');
    // a card stays open under the hidden layer (a capture hides the marks for a moment)
    this.layer.classList.toggle('hidden', hidden);
    if (!hidden) this.schedule();
  }

  get hidden(): boolean {
    return this.layer.classList.contains('hidden');
  }

  /** Findings shown, in marker order. */
  get shown(): Finding[] {
    return this.markers.map((m) => m.finding);
  }

  /** Scroll the page to a finding, flash it and open its card (unless `card` is false). */
  focus(findingId: string, card = true): boolean {
    const idx = this.markers.findIndex((m) => m.finding.id === findingId);
    if (idx < 0) return false;
    this.setHidden(false);
    this.current = idx;
    const m = this.markers[idx] as Marker;
    const el = m.anchor.kind === 'page' ? this.reportTop : m.anchor.el;
    el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    this.layout();
    for (const box of m.mark) {
      box.classList.remove('flash');
      void box.offsetWidth;
      box.classList.add('flash');
    }
    if (card) this.openCard(m, true);
    if (m.placement === 'page') this.banner?.classList.remove('collapsed');
    return true;
  }

  /** While a close-up is taken, cards are out of the picture; showing the marks again brings them back. */
  setCapturing(on: boolean): void {
    this.layer.classList.toggle('capturing', on);
  }

  /** The page element a finding is anchored at (the cell, the text's block, the heading), if any. */
  anchorOf(findingId: string): Element | null {
    const m = this.markers.find((x) => x.finding.id === findingId);
    return m && m.anchor.kind !== 'page' ? m.anchor.el : null;
  }

  next(step = 1): void {
    if (this.markers.length === 0) return;
    this.current = (this.current + step + this.markers.length) % this.markers.length;
    this.focus((this.markers[this.current] as Marker).finding.id);
  }

  // ---- rendering ---------------------------------------------------------------------------------

  private render(): void {
    this.layer.textContent = '';
    this.card = null;
    this.banner = null;
    const ex = this.out.extracted;
    const filter = this.opts.filter ?? (() => true);
    const findings = this.out.findings.filter(filter);
    const resolved = findings.map((f) => {
      const anchor = (f.targets[0] && resolveLocator(f.targets[0], ex, this.doc)) ?? {
        kind: 'page' as const,
      };
      return { f, anchor };
    });
    // document order: on-page anchors by position, page-level findings first
    const pos = (a: Anchor) => (a.kind === 'page' ? null : a.el);
    resolved.sort((a, b) => {
      const ea = pos(a.anchor);
      const eb = pos(b.anchor);
      if (!ea || !eb) return ea ? 1 : eb ? -1 : 0;
      if (ea === eb) return 0;
      return ea.compareDocumentPosition(eb) & 4 ? -1 : 1;
    });
    this.markers = resolved.map(({ f, anchor }, i) => this.makeMarker(f, anchor, i + 1, ex));
    this.reportTop = this.findReportTop(ex);
    this.renderBanner();
    this.layout();
  }

  private findReportTop(ex: Extracted): Element | null {
    const idx = ex.report.titleBlock ?? ex.sections[0]?.block ?? null;
    const b = idx !== null ? ex.blocks[idx] : undefined;
    if (b?.kind === 'text' && b.el) return b.el;
    const first = ex.blocks.find((x) => x.kind !== 'image');
    return first ? (first.kind === 'text' ? first.el : first.el) : null;
  }

  private makeMarker(f: Finding, anchor: Anchor, n: number, ex: Extracted): Marker {
    const m = createMarker(this.doc, this.layer, f, anchor, n, ex, this.opts.lang);
    const badge = m.badge;
    if (!badge) return m;
    badge.addEventListener('mouseenter', () => {
      if (!this.pinned) this.openCard(m, false);
    });
    badge.addEventListener('mouseleave', () => {
      if (!this.pinned && this.cardFor === m) this.closeCard();
    });
    badge.addEventListener('focus', () => this.openCard(m, this.pinned));
    badge.addEventListener('click', (e) => {
      e.stopPropagation();
      this.current = this.markers.indexOf(m);
      if (this.pinned && this.cardFor === m) this.closeCard();
      else this.openCard(m, true);
    });
    badge.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this.openCard(m, true);
      }
    });
    return m;
  }

  private renderBanner(): void {
    const items: BannerItem[] = this.markers.map((m) => ({
      finding: m.finding,
      n: m.n,
      pageLevel: m.placement === 'page',
    }));
    const { banner, entries } = buildBanner(this.doc, items, this.opts, {
      open: (item, li) => {
        const m = this.markers.find((x) => x.finding === item.finding);
        if (m) this.openCard(m, true, li);
      },
      hide: () => {
        this.closeCard();
        this.setHidden(true);
      },
      toggled: () => this.schedule(),
    });
    // page-level findings are shown by their banner entry
    for (const [item, li] of entries) {
      const m = this.markers.find((x) => x.finding === item.finding);
      if (m) m.badge = li;
    }
    this.layer.appendChild(banner);
    this.banner = banner;
  }

  // ---- the card ------------------------------------------------------------------------------------

  private openCard(m: Marker, pin: boolean, near?: HTMLElement): void {
    this.closeCard();
    const card = buildCard(this.doc, m.finding, m.n, this.opts, {
      prev: () => this.next(-1),
      next: () => this.next(1),
      close: () => this.closeCard(),
      pin: () => {
        this.pinned = true;
      },
    });
    card.addEventListener('mouseleave', () => {
      if (!this.pinned) this.closeCard();
    });
    const extra = this.opts.cardExtra?.(m.finding);
    if (extra) card.append(extra);
    this.layer.appendChild(card);
    this.card = card;
    this.cardFor = m;
    this.pinned = pin;
    for (const b of m.involvedBoxes) b.classList.add('lit');
    for (const b of m.mark) b.classList.add('lit');
    this.placeCard(near ?? m.badge);
  }

  private placeCard(anchor: HTMLElement | null): void {
    if (!this.card) return;
    const win = this.doc.defaultView;
    const vw = win?.innerWidth ?? 1024;
    const vh = win?.innerHeight ?? 768;
    const r = anchor?.getBoundingClientRect() ?? { left: 16, right: 16, top: 16, bottom: 16 };
    const w = Math.min(340, vw - 16);
    let left = r.right + 8;
    if (left + w > vw - 8) left = Math.max(8, r.left - w - 8);
    const h = this.card.offsetHeight || 200;
    let top = r.top;
    if (top + h > vh - 8) top = Math.max(8, vh - h - 8);
    this.card.style.left = `${left}px`;
    this.card.style.top = `${Math.max(8, top)}px`;
  }

  private closeCard(): void {
    if (this.cardFor) {
      for (const b of this.cardFor.involvedBoxes) b.classList.remove('lit');
      for (const b of this.cardFor.mark) b.classList.remove('lit');
    }
    this.card?.remove();
    this.card = null;
    this.cardFor = null;
    this.pinned = false;
  }

  // ---- layout --------------------------------------------------------------------------------------

  private schedule(): void {
    const win = this.doc.defaultView;
    if (!win || this.frame) return;
    this.frame = win.requestAnimationFrame(() => {
      this.frame = 0;
      this.layout();
    });
  }

  private place(
    el: HTMLElement,
    r: { left: number; top: number; width: number; height: number },
    pad = 0,
  ): void {
    el.hidden = r.width === 0 && r.height === 0;
    el.style.left = `${r.left - pad}px`;
    el.style.top = `${r.top - pad}px`;
    el.style.width = `${r.width + 2 * pad}px`;
    el.style.height = `${r.height + 2 * pad}px`;
  }

  /**
   * Page zoom (a 适老化 `zoom` on <body> or <html>) is inherited by the layer, while positions come from
   * getBoundingClientRect in viewport pixels: undo it on the layer so its pixels are the viewport's.
   */
  private unzoom(): void {
    const host = this.where.shadowRoot?.host as (Element & { currentCSSZoom?: number }) | undefined;
    const z = host?.currentCSSZoom;
    if (typeof z !== 'number' || !(z > 0)) return;
    const want = Math.abs(z - 1) < 1e-6 ? '' : String(1 / z);
    if (this.layer.style.zoom !== want) this.layer.style.zoom = want;
  }

  /** Put every marker where its anchor is now. */
  layout(): void {
    if (this.hidden) return;
    this.unzoom();
    const placed: Array<[number, number]> = [];
    // badges never sit on each other: shift left until free
    const free = (x: number, y: number): number => {
      let left = x;
      while (placed.some(([px, py]) => Math.abs(px - left) < 20 && Math.abs(py - y) < 16)) left -= 22;
      placed.push([left, y]);
      return left;
    };
    for (const m of this.markers) {
      if (m.anchor.kind === 'page') continue;
      const el = m.anchor.el;
      const r = el.getBoundingClientRect();
      const visible = r.width > 0 || r.height > 0;
      m.involved.forEach((inv, i) => {
        const box = m.involvedBoxes[i];
        if (box) this.place(box, inv.getBoundingClientRect(), 2);
      });
      if (m.placement === 'text' && m.anchor.kind === 'range') {
        const rects = Array.from(m.anchor.range.getClientRects()).slice(0, 8);
        for (const old of m.mark.splice(0)) old.remove();
        for (const rr of rects) {
          const mark = this.doc.createElement('div');
          mark.className = `text-mark ${m.finding.severity}`;
          tagFinding(mark, m.finding);
          this.place(mark, rr);
          this.layer.insertBefore(mark, this.layer.firstChild);
          m.mark.push(mark);
        }
        const last = rects[rects.length - 1] ?? r;
        if (m.badge) {
          m.badge.hidden = !visible;
          const y = last.top - 12;
          m.badge.style.left = `${free(last.right + 2, y)}px`;
          m.badge.style.top = `${y}px`;
        }
        continue;
      }
      for (const box of m.mark) this.place(box, r, 3);
      if (!m.badge) continue;
      m.badge.hidden = !visible;
      if (m.placement === 'cell') {
        // on the cell's top-right corner, outside the padding where digits sit
        const y = r.top - 11;
        m.badge.style.left = `${free(r.right - 9, y)}px`;
        m.badge.style.top = `${y}px`;
      } else {
        const y = r.top + Math.max(0, (Math.min(r.height, 40) - 18) / 2);
        const x = r.left - 24;
        m.badge.style.left = `${free(x < 2 ? r.left + 2 : x, y)}px`;
        m.badge.style.top = `${y}px`;
      }
    }
    if (this.banner) {
      const win = this.doc.defaultView;
      const top = this.reportTop?.getBoundingClientRect();
      const h = this.banner.offsetHeight || 34;
      const vw = win?.innerWidth ?? 1024;
      const left = Math.min(Math.max(8, top?.left ?? 8), Math.max(8, vw - 360));
      this.banner.style.left = `${left}px`;
      this.banner.style.top = `${Math.max(4, (top?.top ?? 4) - h - 6)}px`;
    }
    if (this.card && this.cardFor) this.placeCard(this.cardFor.badge);
  }

  private onKey(e: KeyboardEvent): void {
    const t = e.target as HTMLElement | null;
    if (t && (t.isContentEditable || /^(input|textarea|select)$/i.test(t.tagName))) return;
    if (e.key === 'Escape') {
      if (this.card) this.closeCard();
      else this.setHidden(true);
      return;
    }
    if (e.altKey && e.shiftKey && (e.code === 'KeyJ' || e.code === 'KeyK')) {
      e.preventDefault();
      this.next(e.code === 'KeyJ' ? 1 : -1);
    }
  }
}
