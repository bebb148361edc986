/**
 * Always on, on government sites: decide from cheap signals (title, meta, first headings) whether this is
 * a report, and only then ask the background to inject the engine. Pages that fill their content after
 * load are re-checked when it arrives (debounced, bounded). Never walks the DOM; adds nothing to a page
 * that does not look like a report. On one that does it gives <body> the overlay's closed shadow root at
 * once (lib/overlay/body-root.ts): at DOMContentLoaded, usually before the page's first layout, that costs
 * nothing; after it the engine's marks would wait for a second layout of the whole page.
 */
import { looksLikeReport } from '@/lib/detect/quick';
import { bodyRoot } from '@/lib/overlay/body-root';

interface MinimalRuntime {
  runtime: { sendMessage(message: unknown): Promise<unknown> | undefined };
}

/**
 * An unlisted script (not wrapped by WXT's content-script runtime, no polyfill): it stays a few KB. The
 * manifest entry that runs it on *.gov.cn is added in wxt.config.ts; user-added sites register it at run
 * time (background).
 */
export default defineUnlistedScript({
  main() {
    // registered at document_start and run at DOMContentLoaded, usually before the page's first paint:
    // the engine's injection is on its way while the browser lays the page out (document_end scripts ran
    // only after that, 100 ms or more later on a slow machine)
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', detect, { once: true });
    } else detect();
  },
});

function detect(): void {
  const g = globalThis as unknown as { browser?: MinimalRuntime; chrome?: MinimalRuntime };
  // a page element with id "browser" or "chrome" is a property of this world's global too
  const api = [g.browser, g.chrome].find((x) => typeof x?.runtime?.sendMessage === 'function');
  if (!api) return;
  let done = false;
  const check = (): void => {
    if (done || !looksLikeReport(document)) return;
    done = true;
    observer?.disconnect();
    void Promise.resolve(api.runtime.sendMessage({ type: 'report-detected' })).catch(() => undefined);
    try {
      if (document.body) bodyRoot(document.body);
    } catch {
      // the engine attaches it later, or draws in its fallback host
    }
  };
  let observer: MutationObserver | null = null;
  check();
  if (done) return;
  // content that arrives later (single-page CMS, lazy article bodies): re-check a few times, then stop
  let checks = 0;
  let timer = 0;
  observer = new MutationObserver(() => {
    if (timer) return;
    timer = window.setTimeout(() => {
      timer = 0;
      check();
      if (++checks >= 10) observer?.disconnect();
    }, 400);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  window.setTimeout(() => observer?.disconnect(), 30_000);
}
