import type { BrowserContext, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { buildExtension, HAVE_BROWSER, launch, type Site, serve } from './browser';

describe.runIf(HAVE_BROWSER)('the built extension in Chromium', () => {
  let site: Site;
  let context: BrowserContext;
  let worker: Worker;
  let extensionId = '';

  beforeAll(async () => {
    const dir = await buildExtension();
    site = await serve({
      '/ndbg/report.html': reportPage({ t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4] } }),
      '/ndbg/clean.html': reportPage({ t2: simpleT2(2) }),
      '/other.html': '<html><head><title>新闻</title></head><body><p>今日新闻</p></body></html>',
    });
    ({ context, worker, extensionId } = await launch(dir));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await new Promise<void>((r) => (site ? site.server.close(() => r()) : r()));
  });

  const badge = (tabId: number) =>
    worker.evaluate(
      (id) =>
        (
          globalThis as unknown as {
            chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } };
          }
        ).chrome.action.getBadgeText({ tabId: id }),
      tabId,
    );

  async function open(path: string) {
    const page = await context.newPage();
    await page.goto(`http://www.example.gov.cn:${site.port}${path}`);
    const tabId = await worker.evaluate(async (url) => {
      const c = (
        globalThis as unknown as {
          chrome: { tabs: { query(q: object): Promise<Array<{ id: number; url: string }>> } };
        }
      ).chrome;
      const tabs = await c.tabs.query({});
      return tabs.find((t) => t.url === url)?.id ?? -1;
    }, page.url());
    return { page, tabId };
  }

  it('audits a report page on a gov.cn host: badge shows the error count, popup lists the findings', async () => {
    const { tabId } = await open('/ndbg/report.html');
    expect(tabId).toBeGreaterThan(0);
    await expect.poll(() => badge(tabId), { timeout: 10_000 }).toMatch(/^\d+$/);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    const item = popup.locator('[data-rule="t2-row-total"]');
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await item.first().textContent()).toContain('差 1');
    expect(Number(await badge(tabId))).toBe(await popup.locator('.finding.error').count());
  }, 60_000);

  it('a clean report gets ✓ and a non-report page no badge', async () => {
    const clean = await open('/ndbg/clean.html');
    await expect.poll(() => badge(clean.tabId), { timeout: 10_000 }).toBe('✓');
    const other = await open('/other.html');
    await other.page.waitForTimeout(500);
    expect(await badge(other.tabId)).toBe('');
  }, 60_000);

  it('the extension makes no request of its own', () => {
    expect(site.requests.every((r) => /\/(ndbg\/(report|clean)|other)\.html$|favicon\.ico$/.test(r))).toBe(
      true,
    );
  });
});
