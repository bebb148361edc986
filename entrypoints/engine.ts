/**
 * The engine, injected on demand (by the background, after the detector found a report, or when the user
 * asks): audit the document, draw the overlay, report to the background, follow changes to the page.
 * Errors are caught and reported; nothing is thrown into the page. Everything it starts (listeners, the
 * observer, timers, the overlay) ends with its context: when a newer engine starts here, or the extension
 * goes away.
 */

// first: the time the engine's script started (for the browser benchmark)
import './shared/engine-clock';
import './shared/zod-jitless';
import browser from 'webextension-polyfill';
import { type AuditOutput, toResult } from '@/lib/audit';
import {
  call,
  ENGINE,
  ENGINE_TO_BACKGROUND,
  handle,
  type Region,
  type ReplyOf,
  type RequestOf,
} from '@/lib/messages-engine';
import type { Finding, Severity } from '@/lib/model/schema';
import { cardCrop } from '@/lib/overlay/ocr-layer';
import { FindingNumbers, isOverlayNode, Overlay } from '@/lib/overlay/overlay';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { uncheckedParts } from '@/lib/summary';
import { ENGINE_STARTED_AT } from './shared/engine-clock';
import { EngineContext } from './shared/engine-context';
import { engineHandlers } from './shared/engine-handlers';
import { EngineOcr, ocrStrings } from './shared/engine-ocr';
import { auditWithHistory, snapshotKey, snapshotToKeep } from './shared/history-audit';
import { overlayStrings, t } from './shared/i18n';
import { cropRegion, PageCapture } from './shared/page-capture';
import { ReauditGate } from './shared/reaudit';

type ToBackground = typeof ENGINE_TO_BACKGROUND;

const FRAME_WAIT_MS = 1000;
const AFTER_PAINT_MS = 200;

/**
 * The page's finding numbers, kept in this frame's content-script world across re-injections (a re-check
 * from the popup starts a new engine): the same page keeps its numbers; another URL starts afresh.
 */
function pageNumbers(url: string): FindingNumbers {
  const g = globalThis as unknown as { __nianbaoNumbers?: { url: string; book: FindingNumbers } };
  if (g.__nianbaoNumbers?.url !== url) g.__nianbaoNumbers = { url, book: new FindingNumbers() };
  return g.__nianbaoNumbers.book;
}

function ask<K extends keyof ToBackground & string>(
  type: K,
  req: RequestOf<ToBackground, K>,
): Promise<ReplyOf<ToBackground, K>> {
  return call(ENGINE_TO_BACKGROUND, type, req, (msg) => browser.runtime.sendMessage(msg));
}

class Engine {
  private overlay: Overlay | null = null;
  private settings: Settings = DEFAULT_SETTINGS;
  /** Settings came from a settings-changed push: the start-up answer, if later, is older. */
  private settingsPushed = false;
  /** The settings asked for at start: an audit draws only once they are in. */
  private settingsReady: Promise<void> = Promise.resolve();
  private timer = 0;
  private lastKey = '';
  private forced = false;
  /** Audits started: an audit that a newer one overtook while it waited for the background is dropped. */
  private runs = 0;
  /** The newest audit whose result was sent to the background. */
  private reported = 0;
  /** What was last sent to be kept (history-keep), so an unchanged page is not written again. */
  private keptKey = '';
  private readonly gate = new ReauditGate();
  /** "Show only" from the popup or side panel (null: what the settings allow). */
  private only: Severity[] | null = null;
  private readonly capture: PageCapture;
  /** Tables given as pictures: read by the background's OCR document, then audited (./shared/engine-ocr.ts). */
  private readonly ocr = new EngineOcr(
    document,
    (src) => ask('ocr-picture', { src }),
    () => {
      this.lastKey = '';
      this.run();
    },
  );

  constructor(private readonly ctx: EngineContext) {
    this.capture = new PageCapture(window, document, {
      keep: (el) => isOverlayNode(el),
      positionOf: (el) => getComputedStyle(el).position,
      nextFrame: () => this.nextFrame(),
      sleep: (ms) => new Promise((r) => this.ctx.setTimeout(r, ms)),
      relayout: () => this.overlay?.layout(),
    });
  }

  /**
   * After the next paint, or at most `maxMs`: a tab that is hidden (or a context that ended) paints no
   * frame, and a capture (or the first report) must not wait for one forever.
   */
  private nextFrame(maxMs = FRAME_WAIT_MS): Promise<void> {
    return new Promise((resolve) => {
      const done = () => resolve();
      requestAnimationFrame(() => requestAnimationFrame(done));
      setTimeout(done, maxMs);
    });
  }

  async start(forced: boolean): Promise<void> {
    this.forced = forced;
    const listener = handle(
      ENGINE,
      engineHandlers({
        runForced: () => {
          this.forced = true;
          this.run();
        },
        focus: (id) => this.overlay?.focus(id) ?? false,
        setHidden: async (hidden) => {
          this.overlay?.setHidden(hidden);
          await this.nextFrame();
          return true;
        },
        capture: this.capture,
        region: (id) => this.region(id),
        applySettings: (s) => {
          this.settingsPushed = true;
          this.settings = s;
          this.lastKey = '';
          this.run();
        },
        captureMode: async (on, only) => {
          this.overlay?.captureChrome(on, only);
          if (on) this.capture.hideScrollbar();
          else this.capture.showScrollbar();
          await this.nextFrame();
          this.overlay?.layout();
          return true;
        },
        places: (ids) =>
          ids.map((id) => {
            const f = this.overlay?.shown.find((x) => x.id === id);
            return this.capture.place(id, this.overlay?.anchorOf(id) ?? null, {
              cell: f?.targets[0]?.type === 'cell',
              words: this.overlay?.wordsRect(id) ?? null,
            });
          }),
        toast: (text) => {
          this.overlay?.toast(text);
          return !!this.overlay;
        },
        setView: (change) => {
          if (change.only !== undefined) {
            this.only = change.only;
            this.overlay?.setOnly(change.only);
          }
          if (change.hidden === true) this.overlay?.hideMarks();
          if (change.hidden === false) this.overlay?.showMarks();
          return this.overlay?.view() ?? { only: this.only, hidden: false, filteredOut: 0 };
        },
      }),
      () => ({ id: browser.runtime.id, base: browser.runtime.getURL('/') }),
    );
    browser.runtime.onMessage.addListener(listener);
    this.ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(listener);
      this.overlay?.destroy();
      this.overlay = null;
      this.ocr.destroy();
    });
    // the settings are needed only to draw: ask for them while the first audit reads the page
    this.settingsReady = ask('get-settings', {})
      .catch(() => DEFAULT_SETTINGS)
      .then((s) => {
        // settings pushed meanwhile (settings-changed) are newer than this answer
        if (!this.settingsPushed) this.settings = s;
      });
    this.run();
    this.observe();
  }

  /** Audit (with the previous year the background finds), (re)draw, report, and keep the snapshot. */
  run(): void {
    void this.runAsync();
  }

  private async runAsync(): Promise<void> {
    if (!this.ctx.isValid) return;
    const mine = ++this.runs;
    let out: AuditOutput & { via: 'background' | 'page' };
    const started = performance.now();
    const url = location.href;
    try {
      out = await auditWithHistory(
        document,
        url,
        (year, agencyKey) => ask('history-previous', { year, agencyKey }),
        {},
        this.ocr.beforeRules,
        {
          audit: (source, pictures, budgetMs) => ask('audit-page', { source, pictures, budgetMs }),
          pictures: (src) => this.ocr.picturesOf(src),
        },
      );
    } catch (err) {
      this.gate.ran(started, performance.now());
      this.reported = Math.max(this.reported, mine); // an older audit's result must not follow this
      this.send('audit-failed', { url, error: err instanceof Error ? err.message : String(err) });
      return;
    }
    const auditMs = performance.now() - started;
    await this.settingsReady;
    if (mine !== this.runs || !this.ctx.isValid) {
      this.gate.ran(started, performance.now());
      return; // a newer audit runs (or the extension reloaded)
    }
    const key = out.findings.map((f) => f.id).join('|') + String(out.report.isReport);
    const show = out.report.isReport || this.forced;
    try {
      if (!show) {
        this.overlay?.destroy();
        this.overlay = null;
        this.ocr.destroy();
      } else if (this.overlay && key === this.lastKey) {
        this.overlay.layout();
      } else {
        this.draw(out);
      }
      // timings on our own host element, for the browser benchmark (npm run bench:browser)
      if (this.overlay) {
        this.overlay.host.dataset.auditMs = auditMs.toFixed(2);
        this.overlay.host.dataset.auditVia = out.via;
        // the first audit's cost from the engine's first statement: its start-up included
        if (mine === 1)
          this.overlay.host.dataset.engineMs = (started + auditMs - ENGINE_STARTED_AT).toFixed(2);
        this.overlay.host.dataset.totalMs = (performance.now() - started).toFixed(2);
        this.overlay.host.dataset.drawnAt = performance.now().toFixed(2);
      }
    } catch (err) {
      // drawing failed: the audit still stands
      console.debug('[年报巡检] overlay', err);
    }
    this.gate.ran(started, performance.now());
    this.lastKey = key;
    if (!out.report.isReport && !this.forced && window !== window.top) return; // a frame without a report
    // the result goes to the background (and the snapshot to the store) once the marks are painted: its
    // checking and copying would otherwise hold the first frame back
    // the order and the host are this audit's (a newer audit may have drawn by the time it is painted)
    const order = this.overlay?.order() ?? [];
    const host = this.overlay?.host;
    void this.nextFrame(AFTER_PAINT_MS).then(() => {
      // the engine ended, a newer audit started (it reports itself), or one reported already
      if (!this.ctx.isValid || mine !== this.runs || mine <= this.reported) return;
      this.reported = mine;
      if (host) host.dataset.paintedAt = performance.now().toFixed(2);
      this.send('audit-done', { url, result: toResult(out), order });
      this.keep(out, url);
    });
  }

  /** Send this audit's snapshot to the store (the background keeps it under this frame's URL). */
  private keep(out: AuditOutput, url: string): void {
    const snapshot = snapshotToKeep(out, url);
    if (!snapshot) return;
    const key = snapshotKey(snapshot);
    if (key === this.keptKey) return;
    this.keptKey = key;
    void ask('history-keep', { snapshot }).catch(() => {
      this.keptKey = '';
    });
  }

  private draw(out: AuditOutput): void {
    const s = this.settings;
    const opts = {
      lang: s.lang,
      strings: overlayStrings(s.lang),
      numbers: pageNumbers(location.href),
      only: this.only,
      unchecked: uncheckedParts(out).map((u) => u[s.lang]),
      filter: (f: Finding) => s.categories.includes(f.category) && s.severities.includes(f.severity),
      // the page replaced its content (document.write, a new <body>): audit it and draw again
      onReplaced: () => {
        this.lastKey = '';
        this.run();
      },
      // a value read from a picture: the crop of the picture beside the value read, on the finding's card
      cardExtra: (f: Finding) => cardCrop(document, out, f, ocrStrings(s.lang).readAs),
      actions: [
        {
          label: t(s.lang, 'captureToList'),
          run: async (f: Finding) => {
            try {
              const reply = await ask('capture-finding-to-list', { findingId: f.id });
              if (reply.ok) return t(s.lang, 'addedToList', String(reply.added));
              // said where the user is looking: the card may be out of sight by now
              const text = t(s.lang, 'captureFailed', reply.error ?? '');
              this.overlay?.toast(text);
              return text;
            } catch {
              const text = t(s.lang, 'captureFailed', '');
              this.overlay?.toast(text);
              return text;
            }
          },
        },
        {
          label: t(s.lang, 'closeUpMarkup'),
          run: async (f: Finding) => {
            const reply = await ask('capture-finding-to-markup', { findingId: f.id }).catch(() => null);
            if (reply?.ok) return t(s.lang, 'markupOpened');
            const text = t(s.lang, 'captureFailed', reply?.error ?? '');
            this.overlay?.toast(text);
            return text;
          },
        },
      ],
    };
    this.overlay?.destroy();
    this.overlay = new Overlay(document, out, opts);
    this.overlay.mount();
    this.ocr.after(out, this.overlay.host, this.overlay.shown, ocrStrings(s.lang));
  }

  /** Focus a finding and return the region to crop: its table, or its block, in viewport pixels. */
  private async region(id: string): Promise<Region | null> {
    if (!this.overlay?.focus(id, false)) return null;
    this.overlay.setCapturing(true);
    const el = this.overlay.anchorOf(id);
    await this.nextFrame();
    this.overlay.layout();
    await this.nextFrame();
    if (!el) return null;
    const area = (el.closest('table') ?? el).getBoundingClientRect();
    return cropRegion(area, el.getBoundingClientRect(), window.innerHeight);
  }

  /** Re-audit when the page changes (debounced, time-bounded: ./shared/reaudit.ts); our own host is ignored. */
  private observe(): void {
    const observer = new MutationObserver((records) => {
      const ours = records.every(
        (r) =>
          isOverlayNode(r.target) ||
          (r.addedNodes.length + r.removedNodes.length > 0 &&
            [...r.addedNodes, ...r.removedNodes].every(isOverlayNode)),
      );
      if (ours || this.timer) return;
      this.timer = this.ctx.setTimeout(() => {
        this.timer = 0;
        this.run();
      }, this.gate.delay(performance.now()));
    });
    // the document, not <html>: after document.open() the new content is still seen
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    this.ctx.onInvalidated(() => observer.disconnect());
  }

  private send<K extends 'audit-done' | 'audit-failed'>(type: K, req: RequestOf<ToBackground, K>): void {
    void ask(type, req).catch(() => undefined);
  }
}

/**
 * An unlisted script (the background injects it into the frame where a report was found, or where the user
 * asked): not wrapped by WXT's content-script runtime, whose start-up posts a message to the page.
 */
export default defineUnlistedScript({
  main() {
    // Each injection starts a new engine: its context ends the previous one in this frame, which removes
    // its overlay, listeners, observer and timers (./shared/engine-context.ts).
    const g = globalThis as unknown as { __nianbaoForced?: boolean };
    const forced = g.__nianbaoForced === true;
    g.__nianbaoForced = false;
    const ctx = new EngineContext(globalThis as unknown as Record<string, unknown>, browser, document);
    void new Engine(ctx).start(forced);
  },
});
