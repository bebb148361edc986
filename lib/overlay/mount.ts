/**
 * Where the overlay lives, and how it stays there on a page that fights it.
 *
 * Preferred: a closed shadow root on <body> that holds a <slot> (the page's children render exactly as
 * before) and the overlay's layer. Nothing is added to the page's DOM tree, so page selectors
 * (`body:last-child`, `html > *`, `* + body`, `:only-child`, `[data-nianbao]`…) match exactly what they
 * matched, page scripts find no element of ours and cannot reach the marks (the root is closed), and the
 * page's custom element registry never sees an element of ours (the layer is a plain <div>). The layer is
 * a manual popover shown in the top layer: above every page z-index, outside page transforms and clipping.
 *
 * Fallback, where <body> cannot take the root (a <frameset>, a body with a shadow root of its own, a body
 * child with a `slot` attribute that a default slot would not show): a plain <div data-nianbao> host as the
 * first child of <html> (never after <body>, so `body:last-child` still holds), with its own closed shadow
 * root and an `all: initial !important` inline style that is put back when the page changes it.
 *
 * Either way a MutationObserver on the document and on <html> notices when the page removes the host,
 * replaces <body> or the whole document (document.open/write): the layer is put back, with back-off so a
 * page that keeps removing it cannot make us loop, and when the page's content was replaced `onReplaced`
 * tells the owner that the marks point at elements that are gone (the engine re-audits).
 */
import { Backoff } from './backoff';
import { bodyRoot } from './body-root';

/** Marks the overlay's own elements (the layer; the host element in the fallback). */
export const HOST_ATTR = 'data-nianbao';

export const HOST_STYLE = [
  'all: initial !important',
  'display: block !important',
  'position: fixed !important',
  'top: 0 !important',
  'left: 0 !important',
  'width: 0 !important',
  'height: 0 !important',
  'overflow: visible !important',
  'visibility: visible !important',
  'opacity: 1 !important',
  'pointer-events: none !important',
  'z-index: 2147483647 !important',
].join('; ');

export interface MountOptions {
  /** The page's content was replaced (a new <body> or a new document): the marks point at elements that are gone. */
  onReplaced?: () => void;
  /** Always use the fallback host element (tests). */
  forceHost?: boolean | undefined;
}

export type MountMode = 'body' | 'host' | 'none';

/**
 * Repair budgets per document, shared by every overlay drawn on it: the engine draws a new overlay after
 * each re-audit, and a page that keeps replacing <body> must not get a fresh budget each time.
 */
interface DocState {
  place: Backoff;
  style: Backoff;
  repairs: number;
}
const docStates = new WeakMap<Document, DocState>();

function stateOf(doc: Document): DocState {
  let s = docStates.get(doc);
  if (!s) {
    const now = () => doc.defaultView?.performance?.now() ?? Date.now();
    s = { place: new Backoff(now), style: new Backoff(now), repairs: 0 };
    docStates.set(doc, s);
  }
  return s;
}

function isOpen(el: HTMLElement): boolean {
  if (typeof el.showPopover !== 'function') return true;
  try {
    return el.matches(':popover-open');
  } catch {
    return true;
  }
}

function show(el: HTMLElement): void {
  if (typeof el.showPopover !== 'function' || !el.isConnected || isOpen(el)) return;
  try {
    el.showPopover();
  } catch {
    // without the top layer the layer is still a fixed element at the highest z-index
  }
}

export class OverlayMount {
  private root: ShadowRoot | null = null;
  private host: HTMLElement | null = null;
  private hostRoot: ShadowRoot | null = null;
  private body: Element | null = null;
  private docEl: Element | null = null;
  private watchedDocEl: Element | null = null;
  private observer: MutationObserver | null = null;
  private hostObserver: MutationObserver | null = null;
  private readonly state: DocState;
  private placeTimer = 0;
  private styleTimer = 0;
  private stopped = false;
  private mounted = false;

  constructor(
    private readonly doc: Document,
    /** What goes into the private root: the style sheet and the layer. */
    private readonly content: Node[],
    private readonly layer: HTMLElement,
    private readonly opts: MountOptions = {},
  ) {
    this.state = stateOf(doc);
  }

  /** Times the page undid the overlay and it was put back, on this document (tests, diagnostics). */
  get repairs(): number {
    return this.state.repairs;
  }

  /** The private root the layer is in now (null before mount or while the document is empty). */
  get shadowRoot(): ShadowRoot | null {
    return this.root;
  }

  get mode(): MountMode {
    if (!this.root) return 'none';
    return this.root === this.hostRoot ? 'host' : 'body';
  }

  mount(): void {
    if (this.mounted) return;
    this.mounted = true;
    this.place();
    const MO = this.doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
    if (!MO) return;
    this.observer = new MO(() => this.check());
    this.observer.observe(this.doc, { childList: true });
    this.watchDocEl();
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.hostObserver?.disconnect();
    const win = this.doc.defaultView;
    if (this.placeTimer) win?.clearTimeout(this.placeTimer);
    if (this.styleTimer) win?.clearTimeout(this.styleTimer);
    try {
      if (typeof this.layer.hidePopover === 'function' && isOpen(this.layer)) this.layer.hidePopover();
    } catch {
      // not shown
    }
    for (const n of this.content) n.parentNode?.removeChild(n);
    this.host?.remove();
    this.root = null;
  }

  /** Is the layer where it should be, shown? */
  inPlace(): boolean {
    const html = this.doc.documentElement;
    if (!html || !this.root || this.layer.parentNode !== this.root || !this.layer.isConnected) return false;
    const body = this.doc.body;
    if (body !== this.body || html !== this.docEl) return false;
    if (this.mode === 'host' && this.host?.parentNode !== html) return false;
    return isOpen(this.layer);
  }

  private watchDocEl(): void {
    const html = this.doc.documentElement;
    if (!this.observer || !html || html === this.watchedDocEl) return;
    this.watchedDocEl = html;
    this.observer.observe(html, { childList: true });
  }

  private check(): void {
    if (this.stopped) return;
    this.watchDocEl();
    if (this.inPlace() || this.placeTimer) return;
    const wait = this.state.place.next();
    if (wait === 0) {
      this.place();
      return;
    }
    this.placeTimer = (this.doc.defaultView ?? globalThis).setTimeout(() => {
      this.placeTimer = 0;
      if (!this.stopped && !this.inPlace()) this.place();
    }, wait) as unknown as number;
  }

  /** Put the layer in the best place available now. */
  private place(): void {
    const html = this.doc.documentElement;
    if (!html) return; // document.open() left it empty: the observer calls back when <html> arrives
    const body = this.doc.body;
    const replaced = this.root !== null && (body !== this.body || html !== this.docEl);
    let root = !this.opts.forceHost && body ? bodyRoot(body) : null;
    if (root) {
      this.host?.remove();
    } else {
      root = this.ensureHost(html);
    }
    if (this.root) this.state.repairs++;
    if (this.layer.parentNode !== root) root.append(...this.content);
    this.root = root;
    this.body = body;
    this.docEl = html;
    this.layer.dataset.repairs = String(this.state.repairs);
    show(this.layer);
    if (replaced && this.opts.onReplaced) {
      const cb = this.opts.onReplaced;
      (this.doc.defaultView ?? globalThis).setTimeout(() => {
        if (!this.stopped) cb();
      }, 0);
    }
  }

  private ensureHost(html: Element): ShadowRoot {
    if (!this.host || !this.hostRoot) {
      const host = this.doc.createElement('div');
      host.setAttribute(HOST_ATTR, '');
      host.setAttribute('style', HOST_STYLE);
      this.hostRoot = host.attachShadow({ mode: 'closed' });
      this.host = host;
      const MO = this.doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
      if (MO) {
        this.hostObserver = new MO(() => this.restyle());
        this.hostObserver.observe(host, { attributes: true });
      }
    }
    if (this.host.parentNode !== html) html.insertBefore(this.host, html.firstChild);
    return this.hostRoot;
  }

  /** The page changed the host's attributes: only ours stay, with our style. */
  private restyle(): void {
    const host = this.host;
    if (this.stopped || !host || this.styleTimer) return;
    const clean = () =>
      host.hasAttribute(HOST_ATTR) &&
      host.getAttribute('style') === HOST_STYLE &&
      Array.from(host.attributes).every((a) => a.name === HOST_ATTR || a.name === 'style');
    if (clean()) return;
    const fix = () => {
      for (const a of Array.from(host.attributes))
        if (a.name !== HOST_ATTR && a.name !== 'style') host.removeAttribute(a.name);
      if (host.getAttribute('style') !== HOST_STYLE) host.setAttribute('style', HOST_STYLE);
      if (!host.hasAttribute(HOST_ATTR)) host.setAttribute(HOST_ATTR, '');
    };
    this.state.repairs++;
    const wait = this.state.style.next();
    if (wait === 0) {
      fix();
      return;
    }
    this.styleTimer = (this.doc.defaultView ?? globalThis).setTimeout(() => {
      this.styleTimer = 0;
      if (!this.stopped && !clean()) fix();
    }, wait) as unknown as number;
  }
}
