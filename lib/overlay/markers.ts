/**
 * A finding's marks on the page: outline boxes for the cell at fault and the cells involved, a numbered
 * badge (text findings are underlined when laid out). Event wiring stays in the Overlay.
 */
import type { DomIndex } from '../extract/dom-index';
import type { Finding, Lang } from '../model/schema';
import { tagFinding } from './card';
import { type Anchor, resolveLocator } from './locate';
import type { Marker } from './types';

export function createMarker(
  doc: Document,
  layer: HTMLElement,
  f: Finding,
  anchor: Anchor,
  n: number,
  ex: DomIndex,
  lang: Lang,
): Marker {
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
    const a = resolveLocator(t, ex, doc);
    if (!a || a.kind === 'page' || involved.includes(a.el)) continue;
    if (anchor.kind === 'page' || a.el !== anchor.el) involved.push(a.el);
  }
  const m: Marker = { finding: f, n, anchor, involved, badge: null, mark: [], involvedBoxes: [], placement };
  if (placement === 'page') return m;
  for (let i = 0; i < involved.length; i++) {
    const box = doc.createElement('div');
    box.className = `box involved ${f.severity}`;
    box.hidden = true;
    layer.appendChild(box);
    m.involvedBoxes.push(box);
  }
  if (placement === 'cell' || placement === 'section') {
    const box = doc.createElement('div');
    box.className = `box fault ${f.severity}`;
    tagFinding(box, f);
    layer.appendChild(box);
    m.mark.push(box);
  }
  const badge = doc.createElement('div');
  badge.className = `badge ${f.severity}${placement === 'section' ? ' section' : ''}`;
  badge.textContent = String(n);
  badge.tabIndex = 0;
  badge.setAttribute('role', 'button');
  badge.setAttribute('aria-label', `${n}. ${f.title[lang]}`);
  tagFinding(badge, f);
  layer.appendChild(badge);
  m.badge = badge;
  return m;
}
