import type { Page } from 'playwright-core';
import { E2E_REQUIRED, HAVE_BROWSER, INSTALL_HINT, overlayCount } from '../../scripts/browser';

if (E2E_REQUIRED && !HAVE_BROWSER) throw new Error(`E2E_REQUIRED=1 but no Chromium found: ${INSTALL_HINT}`);

/**
 * The overlay lives in a closed shadow root: page scripts (and page.evaluate) cannot reach it. Tests read
 * it through CDP with these helpers (scripts/browser.ts): inOverlay(page, (root, arg) => …, arg) runs a
 * function inside the root and returns its JSON result (null without an overlay); overlayCount(page, url)
 * counts the overlays of a document (the page's own or a frame's).
 */
export { inOverlay, overlayCount } from '../../scripts/browser';
export { HAVE_BROWSER };

/** Wait (outside a test too, e.g. in beforeAll) until the page shows an overlay; throws after `timeout` ms. */
export async function waitForOverlay(page: Page, timeout = 10_000): Promise<void> {
  for (const end = Date.now() + timeout; Date.now() < end; await page.waitForTimeout(100))
    if ((await overlayCount(page)) > 0) return;
  throw new Error(`no overlay on ${page.url()} within ${timeout} ms`);
}
