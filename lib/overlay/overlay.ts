/**
 * The on-page overlay: a layer in a closed shadow root (mount.ts: where it lives, how it survives hostile
 * pages), shown in the top layer, that never restyles or moves the page. One mark per place (markers.ts):
 * a cell or heading at fault gets an outline and one numbered badge (with a count when several findings
 * share it), placed where it covers no text (place.ts); involved cells a dashed outline; text findings are
 * underlined; page-level findings are listed by the status chip (chip.ts), which sits where it covers no
 * page text and can be dragged. Numbers are stable (numbers.ts). Layout reads first, then writes, and only
 * for marks near the viewport (layout.ts), once per frame. Text is always set with textContent.
 */
import type { AuditOutput } from '../audit';
import type { Extracted } from '../extract/index';
import type { Finding, Severity } from '../model/schema';
import { CardHost } from './card-host';
import { Chip, coversPageText } from './chip';
import { followPage, keyAction, wireBadge } from './events';
import { resolveLocator } from './locate';
import { groupByPlace, type Resolved, resolveAll } from './markers';
import { HOST_ATTR, type MountMode, OverlayMount } from './mount';
import { FindingNumbers } from './numbers';
import type { Rect } from './place';
import { OVERLAY_CSS } from './style';
import type { Marker, OverlayOptions, Step } from './types';
import { World } from './world';

export { FindingNumbers, numbersFromOrder } from './numbers';
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
  /** The marks' container, in document pixels, moved by the scroll (one transform per frame). */
  private readonly world: World;
  private readonly doc: Document;
  private readonly numbers: FindingNumbers;
  private readonly chip: Chip;
  private only: Severity[] | null;
  private resolved: Resolved[] = [];
  private markers: Marker[] = [];
  private steps: Step[] = [];
  private readonly card: CardHost;
  private userHidden = false;
  private chipDirty = true;
  private chipRect: Rect | null = null;
  private frame = 0;
  private settle = 0;
  private current = -1;
  private readonly cleanups: Array<() => void> = [];

  constructor(
    doc: Document,
    private out: AuditOutput,
    private readonly opts: OverlayOptions,
  ) {
    this.doc = doc;
    this.numbers = opts.numbers ?? new FindingNumbers();
    this.only = opts.only ?? null;
    const style = doc.createElement('style');
    style.textContent = OVERLAY_CSS;
    this.layer = doc.createElement('div');
    this.layer.className = 'layer';
    this.layer.setAttribute(HOST_ATTR, '');
    this.layer.setAttribute('popover', 'manual');
    this.world = new World(doc, opts.lang);
    this.host = this.layer;
    this.card = new CardHost(doc, this.layer, opts, {
      next: (step) => this.next(step),
      stepAt: (m, k) => this.steps.find((x) => x.m === m && x.i === k),
      chipRect: () => this.chipRect,
    });
    this.chip = new Chip(doc, opts, {
      open: (f, from) => this.focus(f.id, true, from),
      hide: () => this.hideMarks(),
      show: () => this.showMarks(),
      moved: () => {
        this.chipDirty = true;
        this.schedule();
      },
    });
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
    const stop = followPage(win, this.doc, {
      scroll: (inner) => {
        // an inner scroller moves its cells without moving the document: positions must be read again
        if (inner) this.world.invalidate();
        this.schedule();
        // the chip looks for a free corner again once scrolling settles
        win.clearTimeout(this.settle);
        this.settle = win.setTimeout(() => {
          this.chipDirty = true;
          this.schedule();
        }, 200);
      },
      reflow: () => {
        this.world.invalidate();
        this.chipDirty = true;
        this.schedule();
      },
      key: (e) => this.onKey(e),
      down: (e) => {
        if (this.card.el && !this.isOurs(e)) this.card.close();
      },
    });
    this.cleanups.push(() => {
      stop();
      win.clearTimeout(this.settle);
    });
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

  /** Replace the findings (after a re-audit): numbers given before are kept. */
  update(out: AuditOutput): void {
    this.out = out;
    this.card.close();
    this.render();
  }

  /** Hide everything the overlay draws, chip included (the plain copy of a screenshot), or show it again. */
  setHidden(hidden: boolean): void {
    if (!hidden) this.layer.classList.remove('capturing');
    // a card stays open under the hidden layer (a capture hides the marks for a moment)
    this.layer.classList.toggle('hidden', hidden);
    if (!hidden) this.schedule();
  }

  get hidden(): boolean {
    return this.layer.classList.contains('hidden');
  }

  /** The user hid the marks (Esc, the chip's button): the chip stays, with 「显示标注」. */
  hideMarks(): void {
    this.card.close();
    this.userHidden = true;
    this.layer.classList.add('marks-hidden');
    this.renderChip();
  }

  showMarks(): void {
    this.userHidden = false;
    this.layer.classList.remove('marks-hidden');
    this.renderChip();
    this.schedule();
  }

  get marksHidden(): boolean {
    return this.userHidden;
  }

  /** The seam for captures: hide the overlay's chrome (status chip, card) but keep the marks. */
  hideChrome(): void {
    this.layer.classList.add('capturing');
  }

  showChrome(): void {
    this.layer.classList.remove('capturing');
  }

  /** While a close-up is taken, cards and the chip are out of the picture. */
  setCapturing(on: boolean): void {
    if (on) this.hideChrome();
    else this.showChrome();
  }

  /** Show only these severities on the page (null: all the settings allow); numbers do not change. */
  setOnly(only: Severity[] | null): void {
    this.only = only?.length ? [...only] : null;
    this.card.close();
    this.render();
  }

  /** What the page shows (the popup and side panel read it). */
  view(): { only: Severity[] | null; hidden: boolean; filteredOut: number } {
    return {
      only: this.only,
      hidden: this.userHidden,
      filteredOut: this.out.findings.length - this.steps.length,
    };
  }

  /** Findings shown, in reading order. */
  get shown(): Finding[] {
    return this.steps.map((s) => s.m.findings[s.i] as Finding);
  }

  /** `order[n - 1]`: the id numbered n ('' for a number whose finding is gone), over every finding. */
  order(): string[] {
    return this.numbers.order(this.out.findings.map((f) => f.id));
  }

  /** The number of a finding, shown or not. */
  numberOf(id: string): number | undefined {
    return this.numbers.get(id);
  }

  private stepOf(id: string): number {
    return this.steps.findIndex((s) => s.m.findings[s.i]?.id === id);
  }

  /** Scroll the page to a finding, flash it and open its card (unless `card` is false). */
  focus(findingId: string, card = true, near?: HTMLElement): boolean {
    const idx = this.stepOf(findingId);
    if (idx < 0) return false;
    this.setHidden(false);
    if (this.userHidden) this.showMarks();
    this.current = idx;
    const step = this.steps[idx] as Step;
    const m = step.m;
    if (m.anchor.kind === 'page') {
      this.chip.setOpen(true);
      this.renderChip();
    } else m.anchor.el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    this.layout();
    for (const box of m.mark) {
      box.classList.remove('flash');
      void box.offsetWidth;
      box.classList.add('flash');
    }
    if (card) this.card.open(step, true, near ?? this.chip.entries.get(findingId));
    return true;
  }

  /**
   * Evidence capture: the overlay's own chrome (chip, card, toasts) leaves the picture; the marks stay, and
   * with `only` only those of these findings (a close-up). Undone by captureChrome(false).
   */
  captureChrome(on: boolean, only: readonly string[] | null = null): void {
    this.setCapturing(on);
    this.layer.classList.toggle('no-chrome', on);
    this.closeUp = on && only ? new Set(only) : null;
    this.applyCloseUp();
  }

  /** Findings whose marks stay in a close-up (null: all). */
  private closeUp: Set<string> | null = null;

  /** Marks of other findings out of a close-up (outlines are made on layout: called after it too). */
  private applyCloseUp(): void {
    const keep = this.closeUp;
    for (const m of this.markers) {
      const out = !!keep && !m.findings.some((f) => keep.has(f.id));
      for (const el of [...m.mark, ...m.involvedBoxes, ...(m.badge ? [m.badge] : [])])
        el.classList.toggle('out', out);
    }
  }

  /** Say something where the user is looking: a toast at the top of the viewport, gone after `ms` or a click. */
  toast(text: string, ms = 8000): void {
    for (const old of Array.from(this.layer.querySelectorAll('.toast'))) old.remove();
    const el = this.doc.createElement('div');
    el.className = 'toast';
    el.setAttribute('role', 'alert');
    el.textContent = text;
    el.addEventListener('click', () => el.remove());
    this.layer.appendChild(el);
    this.doc.defaultView?.setTimeout(() => el.remove(), ms);
  }

  /** The page element a finding is anchored at (the cell, the text's block, the heading), if any. */
  anchorOf(findingId: string): Element | null {
    const s = this.steps[this.stepOf(findingId)];
    return s && s.m.anchor.kind !== 'page' ? s.m.anchor.el : null;
  }

  /** For a text finding, the box of its words (viewport pixels); null for other findings. */
  wordsRect(findingId: string): DOMRect | null {
    const s = this.steps[this.stepOf(findingId)];
    return s?.m.anchor.kind === 'range' ? s.m.anchor.range.getBoundingClientRect() : null;
  }

  /** Step to the next (or previous) finding in reading order; `only` steps through one severity. */
  next(step = 1, only?: Severity): void {
    const n = this.steps.length;
    if (n === 0) return;
    for (let k = 1; k <= n; k++) {
      const i = ((((this.current < 0 && step < 0 ? 0 : this.current) + step * k) % n) + n) % n;
      const s = this.steps[i] as Step;
      if (only && s.m.findings[s.i]?.severity !== only) continue;
      this.focus((s.m.findings[s.i] as Finding).id);
      return;
    }
  }

  // ---- rendering ---------------------------------------------------------------------------------

  private visible(f: Finding): boolean {
    return (this.opts.filter ?? (() => true))(f) && (!this.only || this.only.includes(f.severity));
  }

  private render(): void {
    this.layer.textContent = '';
    this.layer.appendChild(this.world.el);
    this.card.close();
    this.chipDirty = true;
    const ex: Extracted = this.out.extracted;
    this.resolved = resolveAll(this.out.findings, ex, this.doc);
    this.numbers.assign(this.resolved.map((r) => r.f.id));
    const num = (id: string) => this.numbers.get(id) ?? 0;
    this.markers = groupByPlace(
      this.resolved.filter((r) => this.visible(r.f)),
      num,
      ex,
      this.doc,
    );
    this.steps = this.markers.flatMap((m) => m.findings.map((_, i) => ({ m, i })));
    this.world.reset(this.markers);
    for (const m of this.markers) this.wire(m);
    this.layer.appendChild(this.chip.el);
    this.renderChip();
    this.layout();
  }

  private renderChip(): void {
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    const off: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of this.out.findings) {
      if (this.visible(f)) counts[f.severity]++;
      else off[f.severity]++;
    }
    const pageLevel = this.markers
      .filter((m) => m.placement === 'page')
      .flatMap((m) => m.findings.map((finding, i) => ({ finding, n: m.ns[i] ?? 0 })));
    this.chip.render({
      counts,
      off,
      pageLevel,
      unchecked: this.opts.unchecked ?? [],
      marksHidden: this.userHidden,
    });
    this.chipDirty = true;
  }

  private wire(m: Marker): void {
    const step = () => this.steps.find((s) => s.m === m && s.i === 0) as Step;
    wireBadge(m, {
      hover: () => {
        if (!this.card.pinned) this.card.open(step(), false);
      },
      leave: () => {
        if (!this.card.pinned && this.card.step?.m === m) this.card.close();
      },
      focus: () => {
        if (m.anchor.kind === 'page') return;
        const r = m.anchor.el.getBoundingClientRect();
        const vh = this.doc.defaultView?.innerHeight ?? 768;
        if (m.inView && r.top >= 0 && r.bottom <= vh) return;
        m.anchor.el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
        this.layout();
      },
      activate: (_m, toggle) => {
        this.current = this.steps.indexOf(step());
        if (toggle && this.card.pinned && this.card.step?.m === m) this.card.close();
        else this.card.open(step(), true);
      },
    });
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

  /**
   * Put the markers near the viewport where their anchors are, all reads first, then all writes. Marks sit
   * in document pixels inside a "world" moved by one transform per frame: on a document scroll only the
   * markers coming near are read and written. A resize, reflow or inner scroll starts a new epoch: every
   * mark is laid out again as it comes near.
   */
  layout(): void {
    if (this.hidden) return;
    this.unzoom();
    const win = this.doc.defaultView;
    const vw = win?.innerWidth ?? 1024;
    const vh = win?.innerHeight ?? 768;
    const sx = win?.scrollX ?? 0;
    const sy = win?.scrollY ?? 0;
    // ---- read (and decide)
    const pending = this.userHidden ? null : this.world.read(this.markers, vh, sx, sy);
    const chipW = this.chip.el.offsetWidth || 160;
    const chipH = this.chip.el.offsetHeight || 26;
    let chipAt = this.chipRect;
    if (this.chipDirty || !chipAt || this.chip.dragged) {
      chipAt = this.chip.position(chipW, chipH, vw, vh, (r) => coversPageText(this.doc, r, isOverlayNode));
      this.chipDirty = false;
    }
    // ---- write
    if (pending) this.world.write(pending);
    this.chipRect = chipAt;
    this.chip.el.style.left = `${chipAt.left}px`;
    this.chip.el.style.top = `${chipAt.top}px`;
    if (this.card.el && this.card.step) {
      const m = this.card.step.m;
      // the card follows its cells and closes when they leave the view
      const inView = m.docBottom > sy && m.docTop < sy + vh;
      if (m.anchor.kind !== 'page' && !inView) this.card.close();
      else
        this.card.place(
          m.anchor.kind === 'page' ? (this.chip.entries.get(m.findings[0]?.id ?? '') ?? null) : null,
        );
    }
    if (this.closeUp) this.applyCloseUp();
  }

  private onKey(e: KeyboardEvent): void {
    const k = keyAction(e);
    if (!k) return;
    if (k.kind === 'escape') {
      if (this.card.el) this.card.close();
      else if (this.chip.open) this.chip.setOpen(false);
      else this.hideMarks();
      return;
    }
    e.preventDefault();
    this.next(k.step, k.only);
  }
}
