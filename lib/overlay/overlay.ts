/**
 * The on-page overlay: one <nianbao-inspector> host with an open shadow root, a fixed layer at max z-index
 * that never restyles or moves the page. Cells at fault get a two-tone outline and a numbered badge on
 * their corner; involved cells a dashed outline that lights up while the finding's card is open; text
 * findings are underlined; section findings sit at the heading; page-level findings in a banner at the top
 * of the report. Positions are recomputed on scroll, resize, zoom and reflow. Text is always set with
 * textContent: nothing from the page or a finding is parsed as HTML.
 */
import type { AuditOutput } from '../audit';
import type { TextBlock } from '../extract/blocks';
import type { Extracted } from '../extract/index';
import type { Finding, Lang, Locator, Severity } from '../model/schema';
import { OVERLAY_CSS } from './style';

export const HOST_TAG = 'nianbao-inspector';

export interface OverlayStrings {
  app: string;
  severity: Record<Severity, string>;
  basis: string;
  fix: string;
  next: string;
  prev: string;
  close: string;
  collapse: string;
  expand: string;
  hide: string;
  noFindings: string;
  where: string;
}

export interface OverlayAction {
  label: string;
  /** Runs from the finding's card; the text it resolves to is shown in the card. */
  run: (f: Finding) => Promise<string>;
}

export interface OverlayOptions {
  lang: Lang;
  strings: OverlayStrings;
  /** Which findings to show (options: categories and severities). */
  filter?: (f: Finding) => boolean;
  /** Extra buttons on every card (e.g. capture and add to the issue list). */
  actions?: OverlayAction[];
}

type Anchor = { kind: 'el'; el: Element } | { kind: 'range'; range: Range; el: Element } | { kind: 'page' };

interface Marker {
  finding: Finding;
  n: number;
  anchor: Anchor;
  involved: Element[];
  badge: HTMLElement | null;
  mark: HTMLElement[];
  involvedBoxes: HTMLElement[];
  placement: 'cell' | 'text' | 'section' | 'page';
}

function rangeFor(block: TextBlock, start: number, end: number, doc: Document): Range | null {
  if (!block.segments.length) return null;
  const locate = (off: number): [Text, number] | null => {
    for (let i = block.segments.length - 1; i >= 0; i--) {
      const s = block.segments[i];
      if (s && s.start <= off) {
        const len = s.node.nodeValue?.length ?? 0;
        const rel = Math.max(0, off - s.start);
        const raw = s.map ? (s.map[Math.min(rel, s.map.length - 1)] ?? len) : rel;
        return [s.node, Math.min(len, raw)];
      }
    }
    return null;
  };
  const a = locate(start);
  const b = locate(end);
  if (!a || !b) return null;
  try {
    const r = doc.createRange();
    r.setStart(a[0], a[1]);
    r.setEnd(b[0], b[1]);
    return r;
  } catch {
    return null;
  }
}

/** Resolve a finding's locator to something on the page. */
export function resolveLocator(loc: Locator, ex: Extracted, doc: Document): Anchor | null {
  switch (loc.type) {
    case 'cell': {
      const el = ex.cellEls.get(loc.key);
      return el?.isConnected ? { kind: 'el', el } : null;
    }
    case 'text': {
      const b = ex.blocks[loc.block];
      if (b?.kind !== 'text' || !b.el?.isConnected) return null;
      const range = rangeFor(b, loc.start, loc.end, doc);
      return range ? { kind: 'range', range, el: b.el } : { kind: 'el', el: b.el };
    }
    case 'section': {
      const b = loc.block !== null ? ex.blocks[loc.block] : undefined;
      return b?.kind === 'text' && b.el?.isConnected ? { kind: 'el', el: b.el } : null;
    }
    default:
      return { kind: 'page' };
  }
}

export class Overlay {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
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
    const existing = doc.querySelector(HOST_TAG);
    existing?.remove();
    this.host = doc.createElement(HOST_TAG);
    this.host.setAttribute(
      'style',
      'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;',
    );
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = OVERLAY_CSS;
    this.layer = doc.createElement('div');
    this.layer.className = 'layer';
    this.root.append(style, this.layer);
  }

  /** Attach to the page and start following layout changes. */
  mount(): void {
    (this.doc.documentElement ?? this.doc.body)?.appendChild(this.host);
    this.render();
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
      if (this.card && !e.composedPath().includes(this.host)) this.closeCard();
    };
    this.doc.addEventListener('pointerdown', onDown, true);
    this.cleanups.push(() => this.doc.removeEventListener('pointerdown', onDown, true));
  }

  destroy(): void {
    for (const c of this.cleanups.splice(0)) c();
    if (this.frame) this.doc.defaultView?.cancelAnimationFrame(this.frame);
    this.host.remove();
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
    const idx = ex.titleBlock ?? ex.sections[0]?.block ?? null;
    const b = idx !== null ? ex.blocks[idx] : undefined;
    if (b?.kind === 'text' && b.el) return b.el;
    const first = ex.blocks.find((x) => x.kind !== 'image');
    return first ? (first.kind === 'text' ? first.el : first.el) : null;
  }

  private tag(el: HTMLElement, f: Finding): void {
    el.dataset.findingId = f.id;
    el.dataset.rule = f.ruleId;
    el.dataset.category = f.category;
    el.dataset.severity = f.severity;
  }

  private makeMarker(f: Finding, anchor: Anchor, n: number, ex: Extracted): Marker {
    const first = f.targets[0];
    const placement: Marker['placement'] =
      anchor.kind === 'page'
        ? 'page'
        : first?.type === 'cell'
          ? 'cell'
          : first?.type === 'text'
            ? 'text'
            : 'section';
    const involved: Element[] = [];
    for (const t of f.targets.slice(1)) {
      const a = resolveLocator(t, ex, this.doc);
      if (!a || a.kind === 'page' || involved.includes(a.el)) continue;
      if (anchor.kind === 'page' || a.el !== anchor.el) involved.push(a.el);
    }
    const m: Marker = {
      finding: f,
      n,
      anchor,
      involved,
      badge: null,
      mark: [],
      involvedBoxes: [],
      placement,
    };
    if (placement === 'page') return m;
    for (let i = 0; i < involved.length; i++) {
      const box = this.doc.createElement('div');
      box.className = `box involved ${f.severity}`;
      box.hidden = true;
      this.layer.appendChild(box);
      m.involvedBoxes.push(box);
    }
    if (placement === 'cell' || placement === 'section') {
      const box = this.doc.createElement('div');
      box.className = `box fault ${f.severity}`;
      this.tag(box, f);
      this.layer.appendChild(box);
      m.mark.push(box);
    }
    const badge = this.doc.createElement('div');
    badge.className = `badge ${f.severity}${placement === 'section' ? ' section' : ''}`;
    badge.textContent = String(n);
    badge.tabIndex = 0;
    badge.setAttribute('role', 'button');
    badge.setAttribute('aria-label', `${n}. ${f.title[this.opts.lang]}`);
    this.tag(badge, f);
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
    this.layer.appendChild(badge);
    m.badge = badge;
    return m;
  }

  private renderBanner(): void {
    const s = this.opts.strings;
    const banner = this.doc.createElement('div');
    const counts = { error: 0, warning: 0, info: 0 };
    for (const m of this.markers) counts[m.finding.severity]++;
    const worst: Severity = counts.error ? 'error' : counts.warning ? 'warning' : 'info';
    banner.className = `banner ${worst}`;
    const head = this.doc.createElement('div');
    head.className = 'head';
    const title = this.doc.createElement('span');
    title.textContent = s.app;
    const cs = this.doc.createElement('span');
    cs.className = 'counts';
    if (this.markers.length === 0) cs.textContent = s.noFindings;
    for (const sev of ['error', 'warning', 'info'] as const) {
      if (!counts[sev]) continue;
      const c = this.doc.createElement('span');
      c.className = sev;
      c.style.color = 'var(--c)';
      c.textContent = `${s.severity[sev]} ${counts[sev]}`;
      cs.appendChild(c);
    }
    const spacer = this.doc.createElement('span');
    spacer.className = 'spacer';
    const toggle = this.doc.createElement('button');
    const pageLevel = this.markers.filter((m) => m.placement === 'page');
    toggle.textContent = s.collapse;
    toggle.addEventListener('click', () => {
      const collapsed = banner.classList.toggle('collapsed');
      toggle.textContent = collapsed ? s.expand : s.collapse;
      this.schedule();
    });
    const hide = this.doc.createElement('button');
    hide.textContent = s.hide;
    hide.title = 'Esc';
    hide.addEventListener('click', () => {
      this.closeCard();
      this.setHidden(true);
    });
    head.append(title, cs, spacer);
    if (pageLevel.length) head.append(toggle);
    head.append(hide);
    banner.appendChild(head);
    if (pageLevel.length) {
      const ul = this.doc.createElement('ul');
      for (const m of pageLevel) {
        const li = this.doc.createElement('li');
        li.className = m.finding.severity;
        this.tag(li, m.finding);
        li.tabIndex = 0;
        const dot = this.doc.createElement('span');
        dot.className = 'dot';
        const text = this.doc.createElement('span');
        text.textContent = `${m.n}. ${m.finding.title[this.opts.lang]}：${m.finding.message[this.opts.lang]}`;
        li.append(dot, text);
        li.addEventListener('click', () => this.openCard(m, true, li));
        li.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') this.openCard(m, true, li);
        });
        ul.appendChild(li);
        m.badge = li;
      }
      banner.appendChild(ul);
    }
    this.layer.appendChild(banner);
    this.banner = banner;
  }

  // ---- the card ------------------------------------------------------------------------------------

  private openCard(m: Marker, pin: boolean, near?: HTMLElement): void {
    const s = this.opts.strings;
    const lang = this.opts.lang;
    const f = m.finding;
    this.closeCard();
    const card = this.doc.createElement('div');
    card.className = `card ${f.severity}`;
    card.setAttribute('role', 'dialog');
    this.tag(card, f);
    const h = this.doc.createElement('h3');
    const sev = this.doc.createElement('span');
    sev.className = 'sev';
    sev.textContent = s.severity[f.severity];
    h.append(sev, `${m.n}. ${f.title[lang]}`);
    const msg = this.doc.createElement('div');
    msg.className = 'msg';
    msg.textContent = f.message[lang];
    card.append(h, msg);
    const formula = f.evidence?.formula?.[lang];
    if (formula && !f.message[lang].includes(formula)) {
      const fm = this.doc.createElement('div');
      fm.className = 'msg formula';
      fm.textContent = formula;
      card.appendChild(fm);
    }
    const dl = this.doc.createElement('dl');
    // the place at fault (the others are outlined on the page)
    const where = f.targets
      .slice(0, 1)
      .map((t) => (t.type === 'cell' ? t.label : t.type === 'text' ? `“${t.excerpt}”` : ''))
      .filter(Boolean);
    const rows: Array<[string, string]> = [
      ...(where.length ? ([[s.where, where.join('；')]] as Array<[string, string]>) : []),
      [s.basis, f.basis[lang]],
      [s.fix, f.fix[lang]],
    ];
    for (const [k, v] of rows) {
      const dt = this.doc.createElement('dt');
      dt.textContent = k;
      const dd = this.doc.createElement('dd');
      dd.textContent = v;
      dl.append(dt, dd);
    }
    card.appendChild(dl);
    const nav = this.doc.createElement('div');
    nav.className = 'nav';
    const mk = (label: string, fn: () => void) => {
      const b = this.doc.createElement('button');
      b.textContent = label;
      b.addEventListener('click', (e) => {
        e.stopPropagation();
        fn();
      });
      return b;
    };
    const status = this.doc.createElement('div');
    status.className = 'msg status';
    for (const action of this.opts.actions ?? []) {
      nav.append(
        mk(action.label, () => {
          status.textContent = '…';
          this.pinned = true;
          void action.run(f).then(
            (text) => {
              status.textContent = text;
            },
            (err: unknown) => {
              status.textContent = err instanceof Error ? err.message : String(err);
            },
          );
        }),
      );
    }
    nav.append(
      mk(s.prev, () => this.next(-1)),
      mk(s.next, () => this.next(1)),
      mk(s.close, () => this.closeCard()),
    );
    card.append(nav, status);
    card.addEventListener('mouseleave', () => {
      if (!this.pinned) this.closeCard();
    });
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

  /** Put every marker where its anchor is now. */
  layout(): void {
    if (this.hidden) return;
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
          this.tag(mark, m.finding);
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
