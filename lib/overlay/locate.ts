/**
 * From a finding's Locator to the page: a cell's element, a text range (with white space collapsed the way
 * extraction did), a section heading, or the page as a whole.
 */
import type { TextBlock } from '../extract/blocks';
import type { DomIndex } from '../extract/dom-index';
import type { Locator } from '../model/schema';

export type Anchor =
  | { kind: 'el'; el: Element }
  | { kind: 'range'; range: Range; el: Element }
  | { kind: 'page' };

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
export function resolveLocator(loc: Locator, ex: DomIndex, doc: Document): Anchor | null {
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
