/**
 * The status chip: a small, draggable summary of the page's marks (counts by severity, findings kept off the
 * page by the settings or "show only", parts not checked), with a list that opens on demand (page-level
 * findings, what was not checked) and the hide / show-marks button. It sits in a corner of the window where
 * it covers no page text; once dragged it stays where the user put it.
 */
import type { Finding, Severity } from '../model/schema';
import { tagFinding } from './card';
import { overlaps, type Rect, rect } from './place';
import type { OverlayOptions } from './types';

export interface ChipState {
  counts: Record<Severity, number>;
  /** Findings kept off the page, by severity. */
  off: Record<Severity, number>;
  pageLevel: Array<{ finding: Finding; n: number }>;
  unchecked: string[];
  marksHidden: boolean;
}

export interface ChipHandlers {
  open(finding: Finding, from: HTMLElement): void;
  hide(): void;
  show(): void;
  moved(): void;
}

const SEVS: Severity[] = ['error', 'warning', 'info'];

export class Chip {
  readonly el: HTMLElement;
  private readonly head: HTMLElement;
  private readonly list: HTMLUListElement;
  /** Where the user dragged it (viewport px), or null to let the overlay place it. */
  dragged: { x: number; y: number } | null = null;
  /** Page-level findings' entries (focus targets). */
  readonly entries = new Map<string, HTMLElement>();

  constructor(
    private readonly doc: Document,
    private readonly opts: OverlayOptions,
    private readonly on: ChipHandlers,
  ) {
    this.el = doc.createElement('div');
    this.el.className = 'chip';
    this.el.setAttribute('role', 'status');
    this.head = doc.createElement('div');
    this.head.className = 'head';
    this.list = doc.createElement('ul');
    this.list.hidden = true;
    this.el.append(this.head, this.list);
    this.drag();
  }

  get open(): boolean {
    return !this.list.hidden;
  }

  setOpen(open: boolean): void {
    this.list.hidden = !open;
    this.on.moved();
  }

  render(s: ChipState): void {
    const str = this.opts.strings;
    const lang = this.opts.lang;
    const worst: Severity = s.counts.error ? 'error' : s.counts.warning ? 'warning' : 'info';
    this.el.className = `chip ${worst}${s.marksHidden ? ' marks-hidden' : ''}`;
    this.head.textContent = '';
    this.list.textContent = '';
    this.entries.clear();
    const name = this.doc.createElement('span');
    name.className = 'name';
    name.textContent = str.app;
    this.head.appendChild(name);
    const total = s.counts.error + s.counts.warning + s.counts.info;
    if (total === 0 && s.unchecked.length === 0) {
      const none = this.doc.createElement('span');
      none.textContent = str.noFindings;
      this.head.appendChild(none);
    }
    for (const sev of SEVS) {
      if (!s.counts[sev]) continue;
      const c = this.doc.createElement('span');
      c.className = `count ${sev}`;
      c.dataset.severity = sev;
      c.textContent = `${str.severity[sev]} ${s.counts[sev]}`;
      this.head.appendChild(c);
    }
    const offParts = SEVS.filter((sev) => s.off[sev] > 0).map((sev) =>
      (str.hiddenBySettings ?? '$1 $2 hidden')
        .replace('$1', String(s.off[sev]))
        .replace('$2', str.severity[sev]),
    );
    if (offParts.length) {
      const o = this.doc.createElement('span');
      o.className = 'off-count';
      o.dataset.off = SEVS.map((sev) => s.off[sev]).join('/');
      o.textContent = offParts.join(lang === 'zh' ? '，' : ', ');
      this.head.appendChild(o);
    }
    if (s.unchecked.length) {
      const u = this.doc.createElement('span');
      u.className = 'unchecked';
      u.textContent = (str.notChecked ?? 'Not checked: $1').replace('$1', String(s.unchecked.length));
      this.head.appendChild(u);
    }
    const more = s.pageLevel.length + s.unchecked.length;
    if (more) {
      const t = this.button(this.open ? '▴' : '▾', () => {
        this.setOpen(!this.open);
        t.textContent = this.open ? '▴' : '▾';
        t.setAttribute('aria-expanded', String(this.open));
      });
      t.className = 'toggle';
      t.setAttribute('aria-expanded', String(this.open));
      t.setAttribute('aria-label', str.pageLevel ?? str.expand);
      this.head.appendChild(t);
    }
    const hide = s.marksHidden
      ? this.button(str.showMarks ?? 'Show marks', () => this.on.show())
      : this.button(str.hide, () => this.on.hide());
    hide.className = s.marksHidden ? 'show-marks' : 'hide-marks';
    if (!s.marksHidden) hide.title = 'Esc';
    this.head.appendChild(hide);
    for (const { finding, n } of s.pageLevel) {
      const li = this.doc.createElement('li');
      li.className = finding.severity;
      tagFinding(li, finding);
      li.dataset.number = String(n);
      li.tabIndex = 0;
      li.textContent = `${n}. ${finding.title[lang]}：${finding.message[lang]}`;
      li.addEventListener('click', () => this.on.open(finding, li));
      li.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') this.on.open(finding, li);
      });
      this.list.appendChild(li);
      this.entries.set(finding.id, li);
    }
    for (const u of s.unchecked) {
      const li = this.doc.createElement('li');
      li.className = 'unchecked-part';
      li.textContent = u;
      this.list.appendChild(li);
    }
  }

  private button(label: string, fn: () => void): HTMLButtonElement {
    const b = this.doc.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', (e) => {
      e.stopPropagation();
      fn();
    });
    return b;
  }

  /** Drag by any part of the chip that is not a button or an entry. */
  private drag(): void {
    let start: { x: number; y: number; left: number; top: number } | null = null;
    this.el.addEventListener('pointerdown', (e) => {
      const t = e.target as HTMLElement;
      if (t.closest('button, li')) return;
      const r = this.el.getBoundingClientRect();
      start = { x: e.clientX, y: e.clientY, left: r.left, top: r.top };
      this.el.setPointerCapture?.(e.pointerId);
      e.preventDefault();
    });
    this.el.addEventListener('pointermove', (e) => {
      if (!start) return;
      this.dragged = { x: start.left + e.clientX - start.x, y: start.top + e.clientY - start.y };
      this.on.moved();
    });
    const end = () => {
      start = null;
    };
    this.el.addEventListener('pointerup', end);
    this.el.addEventListener('pointercancel', end);
  }

  /**
   * Where the chip goes (size w × h in a vw × vh window): where the user dragged it, else the first corner
   * where `coversText` says no page text is under it (bottom-right first).
   */
  position(w: number, h: number, vw: number, vh: number, coversText: (r: Rect) => boolean): Rect {
    const m = 8;
    if (this.dragged) {
      const x = Math.min(Math.max(0, this.dragged.x), Math.max(0, vw - w));
      const y = Math.min(Math.max(0, this.dragged.y), Math.max(0, vh - h));
      return rect(x, y, w, h);
    }
    const corners = [
      rect(vw - w - m - 16, vh - h - m, w, h),
      rect(m, vh - h - m, w, h),
      rect(vw - w - m - 16, m, w, h),
      rect(m, m, w, h),
      rect(vw - w - m - 16, (vh - h) / 2, w, h),
      rect(m, (vh - h) / 2, w, h),
    ];
    for (const c of corners) if (!coversText(c)) return c;
    return corners[0] as Rect;
  }
}

/**
 * Is page text under this rectangle? At sample points across it, the topmost page element (not the
 * overlay's `ours`, not <html> or <body>) and the line boxes of its own text.
 */
export function coversPageText(doc: Document, r: Rect, ours: (el: Element) => boolean): boolean {
  if (typeof doc.elementsFromPoint !== 'function') return false;
  const range = doc.createRange();
  for (let y = r.top + 2; y <= r.bottom - 2; y += Math.max(4, (r.bottom - r.top - 4) / 2)) {
    for (let x = r.left + 2; x <= r.right - 2; x += 20) {
      for (const el of doc.elementsFromPoint(x, y)) {
        if (el === doc.body || el === doc.documentElement || ours(el)) continue;
        for (const n of Array.from(el.childNodes)) {
          if (n.nodeType !== 3 || !n.nodeValue?.trim()) continue;
          range.selectNodeContents(n);
          for (const t of Array.from(range.getClientRects())) if (overlaps(r, t)) return true;
        }
        break;
      }
    }
  }
  return false;
}
