/**
 * The engine, injected on demand (by the background, after the detector found a report, or when the user
 * asks): audit the document, draw the overlay, report to the background, follow changes to the page.
 * Errors are caught and reported; nothing is thrown into the page.
 */

import browser from 'webextension-polyfill';
import { type AuditOutput, auditDocument, toResult } from '@/lib/audit';
import type { ToBackground } from '@/lib/messages';
import { ToEngine } from '@/lib/messages-engine';
import type { Finding } from '@/lib/model/schema';
import { HOST_TAG, Overlay } from '@/lib/overlay/overlay';
import { parseSettings, SETTINGS_KEY, type Settings } from '@/lib/settings';
import { overlayStrings } from './shared/i18n';

const MAX_REAUDITS = 20;

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
      if (msg.type === 'run-audit') {
        this.forced = true;
        this.run();
      } else if (msg.type === 'focus-finding') {
        return Promise.resolve(this.overlay?.focus(msg.id) ?? false);
      } else if (msg.type === 'set-hidden') this.overlay?.setHidden(msg.hidden);
      return undefined;
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

  /** Re-audit when the page changes (debounced, bounded); our own host element is ignored. */
  private observe(): void {
    this.observer = new MutationObserver((records) => {
      const ours = records.every((r) => {
        const t = r.target as Node;
        return t.nodeName.toLowerCase() === HOST_TAG || (t instanceof Element && !!t.closest(HOST_TAG));
      });
      if (ours || this.timer || this.reaudits >= MAX_REAUDITS) return;
      this.timer = window.setTimeout(() => {
        this.timer = 0;
        this.reaudits++;
        this.run();
      }, 600);
    });
    this.observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
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
