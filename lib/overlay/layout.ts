/**
 * One layout pass over the markers, in three phases so no write forces a layout: read every rectangle the
 * pass needs (only for markers near the viewport), decide where each outline and badge goes (place.ts),
 * then write the styles. Markers far from the viewport are not laid out at all: they are hidden once.
 */
import { tagFinding } from './card';
import { drawMarker, involvedBoxes } from './markers';
import { BADGE_H, type Placed, placeCellBadge, placeMarginBadge, type Rect } from './place';
import type { Marker } from './types';

export interface Measured {
  m: Marker;
  /** The anchor in document pixels (viewport + scroll), as every rectangle here. */
  r: Rect;
  near: boolean;
  /** The cell's own text box (cells), so its badge never covers the figure it marks. */
  text: Rect | null;
  /** Right edge of the table (cells), where a badge goes when the cell has no free corner. */
  tableRight: number;
  involved: Rect[];
  lines: Rect[];
}

/** How far outside the viewport a marker still counts as near (laid out ahead of a scroll). */
export const NEAR = 200;

const shift = (r: DOMRect, dx: number, dy: number): Rect => ({
  left: r.left + dx,
  top: r.top + dy,
  right: r.right + dx,
  bottom: r.bottom + dy,
});

/** Read phase for one marker; rectangles in document pixels (the viewport's plus the scroll dx, dy). */
export function measure(
  m: Marker,
  doc: Document,
  vh: number,
  tables: Map<Element, number>,
  dx: number,
  dy: number,
): Measured | null {
  if (m.anchor.kind === 'page') return null;
  const el = m.anchor.el;
  const vr = el.getBoundingClientRect();
  const near = (vr.width > 0 || vr.height > 0) && vr.bottom > -NEAR && vr.top < vh + NEAR;
  const r = shift(vr, dx, dy);
  const out: Measured = { m, r, near, text: null, tableRight: r.right, involved: [], lines: [] };
  if (!near) return out;
  out.involved = m.involved.map((x) => shift(x.getBoundingClientRect(), dx, dy));
  if (m.placement === 'cell') {
    const range = doc.createRange();
    range.selectNodeContents(el);
    const t = range.getBoundingClientRect();
    out.text = t.width > 0 || t.height > 0 ? shift(t, dx, dy) : null;
    const table = el.closest('table');
    if (table) {
      let right = tables.get(table);
      if (right === undefined) {
        right = table.getBoundingClientRect().right + dx;
        tables.set(table, right);
      }
      out.tableRight = right;
    }
  } else if (m.anchor.kind === 'range') {
    out.lines = Array.from(m.anchor.range.getClientRects())
      .slice(0, 8)
      .map((x) => shift(x, dx, dy));
  }
  return out;
}

/** The badge's width from its text (set explicitly, so geometry and drawing agree). */
export function badgeWidth(m: Marker): number {
  const digits = String(m.ns[0] ?? 0).length;
  return 10 + digits * 7 + (m.findings.length > 1 ? 8 + String(m.findings.length).length * 7 : 0);
}

export interface Placement {
  m: Marker;
  near: boolean;
  badge: Rect | null;
  fault: Rect | null;
  involved: Rect[];
  lines: Rect[];
}

/** Decide phase: where the marker's parts go. */
export function decide(x: Measured, placed: Placed): Placement {
  const { m } = x;
  if (!x.near) return { m, near: false, badge: null, fault: null, involved: [], lines: [] };
  const w = badgeWidth(m);
  let badge: Rect;
  if (m.placement === 'cell') badge = placeCellBadge(x.r, x.text, x.tableRight + 4, w, placed);
  else if (m.placement === 'text' && x.lines.length) {
    const first = x.lines[0] as Rect;
    badge = placeMarginBadge(x.r, first.top + (first.bottom - first.top - BADGE_H) / 2, w, placed);
  } else
    badge = placeMarginBadge(
      x.r,
      x.r.top + Math.max(0, (Math.min(x.r.bottom - x.r.top, 40) - BADGE_H) / 2),
      w,
      placed,
    );
  const fault = m.placement === 'cell' || m.placement === 'section' ? x.r : null;
  return { m, near: true, badge, fault, involved: x.involved, lines: x.lines };
}

function put(el: HTMLElement, r: Rect, pad = 0): void {
  const w = r.right - r.left;
  const h = r.bottom - r.top;
  el.hidden = w === 0 && h === 0;
  el.style.left = `${r.left - pad}px`;
  el.style.top = `${r.top - pad}px`;
  el.style.width = `${w + 2 * pad}px`;
  el.style.height = `${h + 2 * pad}px`;
}

/** Write phase for one marker. */
export function write(p: Placement, doc: Document, layer: HTMLElement, lang: 'zh' | 'en'): void {
  const { m } = p;
  if (!m.badge) drawMarker(doc, layer, m, lang);
  const wasNear = m.inView;
  m.inView = p.near;
  if (!p.near) {
    if (wasNear || !m.badge?.classList.contains('off')) {
      m.badge?.classList.add('off');
      for (const b of m.mark) b.hidden = true;
      for (const b of m.involvedBoxes) b.hidden = true;
    }
    return;
  }
  if (m.badge && p.badge) {
    m.badge.classList.remove('off');
    m.badge.style.left = `${p.badge.left}px`;
    m.badge.style.top = `${p.badge.top}px`;
    m.badge.style.width = `${p.badge.right - p.badge.left}px`;
  }
  if (p.fault) for (const b of m.mark) put(b, p.fault, 3);
  if (m.involved.length) {
    const boxes = involvedBoxes(doc, layer, m);
    p.involved.forEach((r, i) => {
      const b = boxes[i];
      if (b) put(b, r, 2);
    });
  }
  if (m.placement === 'text') {
    const sev = m.badge?.classList.contains('error')
      ? 'error'
      : m.badge?.classList.contains('warning')
        ? 'warning'
        : 'info';
    while (m.mark.length < p.lines.length) {
      const mark = doc.createElement('div');
      mark.className = `text-mark ${sev}`;
      const f = m.findings[0];
      if (f) tagFinding(mark, f);
      layer.insertBefore(mark, layer.firstChild);
      m.mark.push(mark);
    }
    m.mark.forEach((mark, i) => {
      const r = p.lines[i];
      if (r) put(mark, r);
      else mark.hidden = true;
    });
  }
}
