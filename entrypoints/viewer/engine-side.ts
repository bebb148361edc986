/**
 * The viewer answers the engine's capture messages (ENGINE in lib/messages-engine.ts) as the engine content
 * script does on a web page — the same handlers (../shared/engine-handlers.ts) over the viewer's overlay and
 * document — so the background's capturer works on the viewer's tab unchanged: a DOCX drawn as HTML is
 * captured like a page (visible area, whole page, close-ups with the table's header rows), under the same
 * rule (Chrome lets the extension capture its own page only once the toolbar icon was clicked on that tab).
 * A PDF's close-ups are cut from its pages instead (./capture.ts). While a capture runs the viewer's own bar
 * leaves the picture with the overlay's chrome.
 */
import browser from 'webextension-polyfill';
import { ENGINE, handle } from '@/lib/messages';
import { isOverlayNode, type Overlay } from '@/lib/overlay/overlay';
import { engineHandlers } from '../shared/engine-handlers';
import { self } from '../shared/messaging';
import { cropRegion, PageCapture } from '../shared/page-capture';

const FRAME_WAIT_MS = 1000;

function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    requestAnimationFrame(() => requestAnimationFrame(done));
    setTimeout(done, FRAME_WAIT_MS);
  });
}

/** Answer ENGINE messages for this tab over the overlay; returns the function that stops it. */
export function listenAsEngine(overlay: () => Overlay | null): () => void {
  const capture = new PageCapture(window, document, {
    keep: (el) => isOverlayNode(el),
    positionOf: (el) => getComputedStyle(el).position,
    nextFrame,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    relayout: () => overlay()?.layout(),
  });
  const listener = handle(
    ENGINE,
    engineHandlers({
      // the file is audited once, when the view opens; reopening the view audits it again
      runForced: () => undefined,
      focus: (id) => overlay()?.focus(id) ?? false,
      setHidden: async (hidden) => {
        overlay()?.setHidden(hidden);
        await nextFrame();
        return true;
      },
      capture,
      region: async (id) => {
        const o = overlay();
        if (!o?.focus(id, false)) return null;
        o.setCapturing(true);
        const el = o.anchorOf(id);
        await nextFrame();
        o.layout();
        if (!el) return null;
        const area = (el.closest('table') ?? el).getBoundingClientRect();
        return cropRegion(area, el.getBoundingClientRect(), window.innerHeight);
      },
      applySettings: () => undefined,
      captureMode: async (on, only) => {
        const o = overlay();
        o?.captureChrome(on, only);
        document.body.classList.toggle('capturing', on);
        if (on) capture.hideScrollbar();
        else capture.showScrollbar();
        await nextFrame();
        o?.layout();
        return true;
      },
      places: (ids) =>
        ids.map((id) => {
          const o = overlay();
          const f = o?.shown.find((x) => x.id === id);
          return capture.place(id, o?.anchorOf(id) ?? null, {
            cell: f?.targets[0]?.type === 'cell',
            words: o?.wordsRect(id) ?? null,
          });
        }),
      toast: (text) => {
        overlay()?.toast(text);
        return !!overlay();
      },
      // the popup's and side panel's "show only" and hide/show marks, as on a web page
      setView: (change) => {
        const o = overlay();
        if (change.only !== undefined) o?.setOnly(change.only);
        if (change.hidden === true) o?.hideMarks();
        if (change.hidden === false) o?.showMarks();
        return o?.view() ?? { only: change.only ?? null, hidden: false, filteredOut: 0 };
      },
    }),
    self,
  );
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
