/**
 * The overlay's event wiring, apart from its state: the page's scroll, resize, reflow, keys and pointer
 * (followPage), a badge's hover, focus, click and Enter (wireBadge), and what a key means (keyAction).
 */
import type { Severity } from '../model/schema';
import type { Marker } from './types';

export interface PageEvents {
  /** A scroll; `inner` when an element scrolled, not the document. */
  scroll(inner: boolean): void;
  /** The window or the page changed size. */
  reflow(): void;
  key(e: KeyboardEvent): void;
  down(e: Event): void;
}

/** Follow the page; returns what stops it. */
export function followPage(win: Window & typeof globalThis, doc: Document, on: PageEvents): () => void {
  const onScroll = (e: Event) => on.scroll(e.target !== doc && e.target !== doc.documentElement);
  const reflow = () => on.reflow();
  const onKey = (e: KeyboardEvent) => on.key(e);
  const onDown = (e: Event) => on.down(e);
  win.addEventListener('scroll', onScroll, { capture: true, passive: true });
  win.addEventListener('resize', reflow, { passive: true });
  win.addEventListener('keydown', onKey, true);
  doc.addEventListener('pointerdown', onDown, true);
  let ro: ResizeObserver | null = null;
  if ('ResizeObserver' in win) {
    // the first notification only reports the sizes at observe(): the layout just done stands
    let first = true;
    const observer = new win.ResizeObserver(() => {
      if (first) first = false;
      else reflow();
    });
    observer.observe(doc.documentElement);
    if (doc.body) observer.observe(doc.body);
    ro = observer;
  }
  return () => {
    win.removeEventListener('scroll', onScroll, { capture: true });
    win.removeEventListener('resize', reflow);
    win.removeEventListener('keydown', onKey, true);
    doc.removeEventListener('pointerdown', onDown, true);
    ro?.disconnect();
  };
}

export interface BadgeEvents {
  hover(m: Marker): void;
  leave(m: Marker): void;
  /** Focus: bring the place into view (a mark far down the page), without opening anything. */
  focus(m: Marker): void;
  /** Click (toggles) or Enter / Space (opens). */
  activate(m: Marker, toggle: boolean): void;
}

export function wireBadge(m: Marker, on: BadgeEvents): void {
  const badge = m.badge;
  if (!badge) return;
  badge.addEventListener('mouseenter', () => on.hover(m));
  badge.addEventListener('mouseleave', () => on.leave(m));
  badge.addEventListener('focus', () => on.focus(m));
  badge.addEventListener('click', (e) => {
    e.stopPropagation();
    on.activate(m, true);
  });
  badge.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      on.activate(m, false);
    }
  });
}

export type KeyAction = { kind: 'escape' } | { kind: 'step'; step: number; only?: Severity } | null;

/**
 * Esc; Alt+Shift+J / K: next / previous finding; Alt+Shift+E / W: next / previous error. Keys typed into
 * the page's fields are the page's.
 */
export function keyAction(e: KeyboardEvent): KeyAction {
  const t = e.target as HTMLElement | null;
  if (t && (t.isContentEditable || /^(input|textarea|select)$/i.test(t.tagName))) return null;
  if (e.key === 'Escape') return { kind: 'escape' };
  if (!(e.altKey && e.shiftKey)) return null;
  const step = ({ KeyJ: 1, KeyK: -1, KeyE: 1, KeyW: -1 } as Record<string, number>)[e.code];
  if (step === undefined) return null;
  return e.code === 'KeyE' || e.code === 'KeyW'
    ? { kind: 'step', step, only: 'error' }
    : { kind: 'step', step };
}
