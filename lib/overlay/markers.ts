/**
 * The markers: one per place. Findings whose first target is the same cell or heading share one outline
 * and one badge with a count; text findings and page-level findings get one each. Badges are made for every
 * marker (focusable in reading order); outlines of involved cells are made when first laid out in view.
 */
import type { DomIndex } from '../extract/dom-index';
import type { Finding, Lang, Severity } from '../model/schema';
import { tagFinding } from './card';
import { type Anchor, resolveLocator } from './locate';
import type { Marker } from './types';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface Resolved {
  f: Finding;
  anchor: Anchor;
}

/** Findings with their anchors, in reading order: page-level first, then by document position. */
export function resolveAll(findings: readonly Finding[], ex: DomIndex, doc: Document): Resolved[] {
  const resolved = findings.map((f) => ({
    f,
    anchor: (f.targets[0] && resolveLocator(f.targets[0], ex, doc)) ?? ({ kind: 'page' } as const),
  }));
  const pos = (a: Anchor) => (a.kind === 'page' ? null : a.el);
  return resolved
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const ea = pos(a.r.anchor);
      const eb = pos(b.r.anchor);
      if (!ea || !eb) return ea ? 1 : eb ? -1 : a.i - b.i;
      if (ea === eb) {
        const ra = a.r.anchor.kind === 'range' ? a.r.anchor.range : null;
        const rb = b.r.anchor.kind === 'range' ? b.r.anchor.range : null;
        if (ra && rb) return ra.compareBoundaryPoints(Range.START_TO_START, rb) || a.i - b.i;
        return a.i - b.i;
      }
      return ea.compareDocumentPosition(eb) & 4 ? -1 : 1;
    })
    .map(({ r }) => r);
}

function placementOf(f: Finding, anchor: Anchor): Marker['placement'] {
  if (anchor.kind === 'page') return 'page';
  const first = f.targets[0];
  return first?.type === 'cell' ? 'cell' : first?.type === 'text' ? 'text' : 'section';
}

/** Group shown findings (in reading order, numbered) by place. */
export function groupByPlace(
  shown: readonly Resolved[],
  numberOf: (id: string) => number,
  ex: DomIndex,
  doc: Document,
): Marker[] {
  const markers: Marker[] = [];
  const byEl = new Map<Element, Marker>();
  for (const { f, anchor } of shown) {
    const placement = placementOf(f, anchor);
    const key = placement === 'cell' || placement === 'section' ? (anchor as { el: Element }).el : null;
    let m = key ? byEl.get(key) : undefined;
    if (!m || m.placement !== placement) {
      m = {
        findings: [],
        ns: [],
        anchor,
        involved: [],
        badge: null,
        mark: [],
        involvedBoxes: [],
        placement,
        inView: false,
        docTop: 0,
        docBottom: 0,
      };
      markers.push(m);
      if (key) byEl.set(key, m);
    }
    m.findings.push(f);
    m.ns.push(numberOf(f.id));
    for (const t of f.targets.slice(1)) {
      const a = resolveLocator(t, ex, doc);
      if (!a || a.kind === 'page' || m.involved.includes(a.el)) continue;
      if (anchor.kind === 'page' || a.el !== anchor.el) m.involved.push(a.el);
    }
  }
  for (const m of markers) {
    const order = m.findings.map((f, i) => [f, m.ns[i] ?? 0] as const).sort((a, b) => a[1] - b[1]);
    m.findings = order.map(([f]) => f);
    m.ns = order.map(([, n]) => n);
  }
  return markers;
}

/** The worst severity at a place (its colour). */
export function worst(m: Marker): Severity {
  return m.findings.reduce<Severity>((w, f) => (RANK[f.severity] < RANK[w] ? f.severity : w), 'info');
}

/** Make a marker's outline and badge (page-level markers live in the status chip). */
export function drawMarker(doc: Document, layer: HTMLElement, m: Marker, lang: Lang): void {
  if (m.placement === 'page') return;
  const first = m.findings[0] as Finding;
  const sev = worst(m);
  if (m.placement === 'cell' || m.placement === 'section') {
    const box = doc.createElement('div');
    box.className = `box fault ${sev}`;
    box.hidden = true;
    tagFinding(box, first);
    layer.appendChild(box);
    m.mark.push(box);
  }
  const badge = doc.createElement('div');
  badge.className = `badge ${sev}${m.placement === 'section' ? ' section' : ''} off`;
  const n = m.ns[0] ?? 0;
  badge.textContent = String(n);
  if (m.findings.length > 1) {
    const more = doc.createElement('span');
    more.className = 'more';
    more.textContent = `×${m.findings.length}`;
    badge.appendChild(more);
  }
  badge.tabIndex = 0;
  badge.setAttribute('role', 'button');
  badge.setAttribute('aria-label', m.findings.map((f, i) => `${m.ns[i]}. ${f.title[lang]}`).join('；'));
  tagFinding(badge, first);
  badge.dataset.findingIds = m.findings.map((f) => f.id).join(' ');
  badge.dataset.numbers = m.ns.join(' ');
  badge.dataset.severities = m.findings.map((f) => f.severity).join(' ');
  layer.appendChild(badge);
  m.badge = badge;
}

/** Outlines for the involved cells, made on first need. */
export function involvedBoxes(doc: Document, layer: HTMLElement, m: Marker): HTMLElement[] {
  if (m.involvedBoxes.length === m.involved.length) return m.involvedBoxes;
  const sev = worst(m);
  for (let i = m.involvedBoxes.length; i < m.involved.length; i++) {
    const box = doc.createElement('div');
    box.className = `box involved ${sev}`;
    box.hidden = true;
    layer.insertBefore(box, layer.firstChild);
    m.involvedBoxes.push(box);
  }
  return m.involvedBoxes;
}
