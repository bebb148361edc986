/**
 * The engine, injected on demand (by the background, after the detector found a report, or when the user
 * asks): audit the document, draw the overlay, report to the background, follow changes to the page.
 * Errors are caught and reported; nothing is thrown into the page.
 */

import browser from 'webextension-polyfill';
import { type AuditOutput, auditDocument, toResult } from '@/lib/audit';
import { ListReply, type ToBackground } from '@/lib/messages';
import { type PageMetrics, type Region, ToEngine } from '@/lib/messages-engine';
import type { Finding } from '@/lib/model/schema';
import { isOverlayNode, Overlay } from '@/lib/overlay/overlay';
import { parseSettings, SETTINGS_KEY, type Settings } from '@/lib/settings';
import { overlayStrings, t } from './shared/i18n';

const MAX_REAUDITS = 20;

function nextFrame(): Promise<void> {
  return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
}

function metrics(): PageMetrics {
  return {
    scrollX: window.scrollX,
    scrollY: window.scrollY,
    scrollHeight: Math.max(document.documentElement.scrollHeight, document.body?.scrollHeight ?? 0),
    innerWidth: window.innerWidth,
    innerHeight: window.innerHeight,
    dpr: window.devicePixelRatio || 1,
  };
}

/** Wait (bounded) for images in view that are still loading. */
function lateImages(): Promise<void> {
  const pending = Array.from(document.images).filter((img) => {
    if (img.complete) return false;
    const r = img.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  });
  if (pending.length === 0) return Promise.resolve();
  return Promise.race([
    Promise.all(
      pending.map((img) => new Promise((r) => img.addEventListener('load', r, { once: true }))),
    ).then(() => undefined),
    new Promise<void>((r) => setTimeout(r, 1500)),
  ]);
}

/** Fixed and sticky page elements would repeat in every slice of a whole-page capture: hide them meanwhile. */
const hiddenFixed: Array<[HTMLElement, string]> = [];
function hideFixedElements(): void {
  if (hiddenFixed.length) return;
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
    if (isOverlayNode(el)) continue;
    const pos = getComputedStyle(el).position;
    if (pos === 'fixed' || pos === 'sticky') {
      hiddenFixed.push([el, el.style.visibility]);
      el.style.visibility = 'hidden';
    }
  }
}
function restoreFixed(): void {
  for (const [el, v] of hiddenFixed.splice(0)) el.style.visibility = v;
}

class Engine {
  private overlay: Overlay | null = null;
  private settings: Settings = parseSettings({});
  private observer: MutationObserver | null = null;
  private timer = 0;
  private reaudits = 0;
  private lastKey = '';
  private forced = false;

  force(): void {
    this.forced = true;
  }

  async start(forced: boolean): Promise<void> {
    this.forced = forced;
    try {
      const stored = await browser.storage.local.get(SETTINGS_KEY);
      this.settings = parseSettings(stored[SETTINGS_KEY]);
    } catch {
      // defaults
    }
    browser.runtime.onMessage.addListener((raw: unknown) => {
      const parsed = ToEngine.safeParse(raw);
      if (!parsed.success) return undefined;
      const msg = parsed.data;
      switch (msg.type) {
        case 'run-audit':
          this.forced = true;
          this.run();
          return undefined;
        case 'focus-finding':
          return Promise.resolve(this.overlay?.focus(msg.id) ?? false);
        case 'set-hidden':
          this.overlay?.setHidden(msg.hidden);
          return nextFrame().then(() => true);
        case 'capture-info':
          return Promise.resolve(metrics());
        case 'scroll-to':
          return this.scrollForCapture(msg.y, msg.hideFixed);
        case 'restore-page':
          restoreFixed();
          window.scrollTo(msg.x, msg.y);
          return nextFrame().then(() => true);
        case 'finding-region':
          return this.region(msg.id);
      }
    });
    browser.storage.onChanged.addListener((changes) => {
      const change = changes[SETTINGS_KEY];
      if (!change) return;
      this.settings = parseSettings(change.newValue);
      this.lastKey = '';
      this.run();
    });
    this.run();
    this.observe();
  }

  /** Audit and (re)draw. */
  run(): void {
    let out: AuditOutput;
    const started = performance.now();
    try {
      out = auditDocument(document, location.href);
    } catch (err) {
      this.send({
        type: 'audit-failed',
        url: location.href,
        error: err instanceof Error ? err.message : String(err),
      });
      return;
    }
    const auditMs = performance.now() - started;
    const key = out.findings.map((f) => f.id).join('|') + String(out.report.isReport);
    const show = out.report.isReport || this.forced;
    try {
      if (!show) {
        this.overlay?.destroy();
        this.overlay = null;
      } else if (this.overlay && key === this.lastKey) {
        this.overlay.layout();
      } else {
        const s = this.settings;
        const opts = {
          lang: s.lang,
          strings: overlayStrings(s.lang),
          filter: (f: Finding) => s.categories.includes(f.category) && s.severities.includes(f.severity),
          // the page replaced its content (document.write, a new <body>): audit it and draw again
          onReplaced: () => {
            this.lastKey = '';
            this.run();
          },
          actions: [
            {
              label: t(s.lang, 'captureToList'),
              run: async (f: Finding) => {
                const reply = ListReply.safeParse(
                  await browser.runtime.sendMessage({ type: 'capture-finding-to-list', findingId: f.id }),
                );
                if (!reply.success) return t(s.lang, 'captureFailed', '');
                return reply.data.ok
                  ? t(s.lang, 'addedToList', String(reply.data.added))
                  : t(s.lang, 'captureFailed', reply.data.error ?? '');
              },
            },
          ],
        };
        if (this.overlay) this.overlay.destroy();
        this.overlay = new Overlay(document, out, opts);
        this.overlay.mount();
      }
      // timings on our own host element, for the browser benchmark (npm run bench:browser)
      if (this.overlay) {
        this.overlay.host.dataset.auditMs = auditMs.toFixed(2);
        this.overlay.host.dataset.totalMs = (performance.now() - started).toFixed(2);
        this.overlay.host.dataset.drawnAt = performance.now().toFixed(2);
      }
    } catch (err) {
      // drawing failed: the audit still stands
      console.debug('[年报巡检] overlay', err);
    }
    this.lastKey = key;
    if (!out.report.isReport && !this.forced && window !== window.top) return; // a frame without a report
    this.send({
      type: 'audit-done',
      url: location.href,
      result: toResult(out),
      order: this.overlay?.shown.map((f) => f.id) ?? [],
      forced: this.forced,
    });
  }

  private async scrollForCapture(y: number, hideFixed: boolean): Promise<PageMetrics> {
    if (hideFixed) hideFixedElements();
    window.scrollTo(window.scrollX, y);
    await nextFrame();
    await lateImages();
    this.overlay?.layout();
    await nextFrame();
    return metrics();
  }

  /** Focus a finding and return the region to crop: its table, or its block, in viewport pixels. */
  private async region(id: string): Promise<Region | null> {
    if (!this.overlay?.focus(id, false)) return null;
    this.overlay.setCapturing(true);
    const el = this.overlay.anchorOf(id);
    await nextFrame();
    this.overlay.layout();
    await nextFrame();
    if (!el) return null;
    const area = el.closest('table') ?? el;
    const r = area.getBoundingClientRect();
    const cell = el.getBoundingClientRect();
    // a tall table: keep the part around the cell
    const top = r.height > window.innerHeight ? Math.max(r.top, cell.top - window.innerHeight / 2) : r.top;
    const height = Math.min(r.height, window.innerHeight);
    return { left: r.left, top, width: r.width, height };
  }

  /** Re-audit when the page changes (debounced, bounded); our own host element is ignored. */
  private observe(): void {
    this.observer = new MutationObserver((records) => {
      const ours = records.every(
        (r) =>
          isOverlayNode(r.target) ||
          (r.addedNodes.length + r.removedNodes.length > 0 &&
            [...r.addedNodes, ...r.removedNodes].every(isOverlayNode)),
      );
      if (ours || this.timer || this.reaudits >= MAX_REAUDITS) return;
      this.timer = window.setTimeout(() => {
        this.timer = 0;
        this.reaudits++;
        this.run();
      }, 600);
    });
    this.observer.observe(document, { childList: true, subtree: true, characterData: true });
  }

  private send(msg: ToBackground): void {
    void browser.runtime.sendMessage(msg).catch(() => undefined);
  }
}

export default defineContentScript({
  registration: 'runtime',
  main() {
    const g = globalThis as unknown as { __nianbaoEngine?: Engine; __nianbaoForced?: boolean };
    const forced = g.__nianbaoForced === true;
    g.__nianbaoForced = false;
    if (g.__nianbaoEngine) {
      if (forced) g.__nianbaoEngine.force();
      g.__nianbaoEngine.run();
      return;
    }
    const engine = new Engine();
    g.__nianbaoEngine = engine;
    void engine.start(forced);
  },
});
