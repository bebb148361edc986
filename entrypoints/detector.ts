/**
 * Always on, on government sites: decide from cheap signals (title, meta, first headings) whether this is
 * a report, and only then ask the background to inject the engine. Pages that fill their content after
 * load are re-checked when it arrives (debounced, bounded). Never walks the DOM; adds nothing to a page
 * that is not a report. On a report it gives <body> the overlay's closed shadow root at once (lib/overlay/
 * body-root.ts): before the page's first layout that costs nothing, after it the engine's marks would
 * wait for a second layout of the whole page.
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
  const api = g.browser ?? g.chrome;
  if (!api) return;
  let done = false;
  const check = (): void => {
    if (done || !looksLikeReport(document)) return;
    done = true;
    observer?.disconnect();
    if (document.body) bodyRoot(document.body);
    void Promise.resolve(api.runtime.sendMessage({ type: 'report-detected' })).catch(() => undefined);
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
