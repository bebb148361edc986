/**
 * Cross-year on report pages, in Chromium: the background keeps each audited report (IndexedDB); a body's
 * 2024 page audited after its 2023 page is checked against it, and its broken carry-over is marked on the
 * page. A consistent 2024 page gets no cross-year mark.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, type Launched, launch, type Site, serve } from '../../scripts/browser';
import { OWN } from '../fixtures/history';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { HAVE_BROWSER, inOverlay, waitForOverlay } from './setup';

const carried = (n: number) => ({ ...simpleT2(5), carried: [n, 0, 0, 0, 0, 0, n] });
const forward = (n: number) => ({ ...simpleT2(5), forward: [n, 0, 0, 0, 0, 0, n] });
const page2023 = reportPage({ year: 2023, bodies: OWN[2023], t2: forward(2), published: '2024-01-20' });
const page2024 = (n: number) =>
  reportPage({ year: 2024, bodies: OWN[2024], t2: carried(n), published: '2025-01-20' });

describe.runIf(HAVE_BROWSER)('cross-year on report pages (Chromium)', () => {
  let site: Site;
  let l: Launched;
  const pages: Page[] = [];

  beforeAll(async () => {
    site = await serve({
      '/ndbg/2023.html': page2023,
      '/ndbg/2024.html': page2024(1),
      '/ndbg/2024-ok.html': page2024(2),
    });
    l = await launch(EXTENSION_DIR);
  }, 120_000);

  afterAll(async () => {
    await l?.close();
    await new Promise<void>((r) => (site ? site.server.close(() => r()) : r()));
  });

  const url = (path: string) => `http://www.example.gov.cn:${site.port}${path}`;

  /** URLs in the background's store (its IndexedDB, read in the service worker). */
  const stored = (): Promise<string[]> => {
    if (!l.worker) throw new Error('no service worker');
    return l.worker.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const req = indexedDB.open('nianbao-reports');
          req.onerror = () => resolve([]);
          req.onsuccess = () => {
            const db = req.result;
            if (!db.objectStoreNames.contains('reports')) return resolve([]);
            const all = db.transaction('reports').objectStore('reports').getAllKeys();
            all.onsuccess = () => resolve(all.result.map(String));
            all.onerror = () => resolve([]);
          };
        }),
    );
  };

  type Chrome = {
    tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> };
    storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
  };
  /** The status of one rule in the audit the background recorded for the tab showing `u`. */
  const ruleStatus = (u: string, rule: string): Promise<string | null> => {
    if (!l.worker) throw new Error('no service worker');
    return l.worker.evaluate(
      async ([u, rule]) => {
        const c = (globalThis as unknown as { chrome: Chrome }).chrome;
        const tab = (await c.tabs.query({})).find((t) => t.url === u);
        if (!tab) return null;
        const state = (await c.storage.session.get(`tab:${tab.id}`))[`tab:${tab.id}`] as
          | { result?: { coverage?: { rules?: Record<string, string> } } }
          | undefined;
        return state?.result?.coverage?.rules?.[rule] ?? null;
      },
      [u, rule] as const,
    );
  };

  async function waitStored(u: string): Promise<void> {
    for (const end = Date.now() + 10_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100)))
      if ((await stored()).includes(u)) return;
    throw new Error(`${u} was not kept`);
  }

  async function open(path: string): Promise<Page> {
    const page = await l.context.newPage();
    pages.push(page);
    await page.goto(url(path));
    await waitForOverlay(page);
    return page;
  }

  /** Cross-year marks drawn on the page: [rule, finding id] of each mark. */
  const historyMarks = (page: Page) =>
    inOverlay(page, (root) =>
      Array.from(root.querySelectorAll<HTMLElement>('.badge, .chip li[data-finding-id]'))
        .filter((e) => (e.dataset.rule ?? '').startsWith('history-'))
        .map((e) => [e.dataset.rule ?? '', e.dataset.findingId ?? '']),
    );

  it('the 2024 page whose carry-over breaks is marked after the 2023 page was audited', async () => {
    const first = await open('/ndbg/2023.html');
    expect(await historyMarks(first)).toEqual([]);
    await waitStored(url('/ndbg/2023.html'));
    const page = await open('/ndbg/2024.html');
    let marks: string[][] | null = [];
    for (const end = Date.now() + 10_000; Date.now() < end && !marks?.length; await page.waitForTimeout(100))
      marks = await historyMarks(page);
    expect(marks?.map(([rule]) => rule)).toEqual(['history-carry-over', 'history-carry-over']);
    expect(marks?.map(([, id]) => id).join(' ')).toMatch(/t2:carried:np.*t2:carried:total/);
    await waitStored(url('/ndbg/2024.html'));
  });

  it('a consistent 2024 page of the same body gets no cross-year mark', async () => {
    await waitStored(url('/ndbg/2023.html'));
    const page = await open('/ndbg/2024-ok.html');
    await waitStored(url('/ndbg/2024-ok.html')); // audited and kept
    expect(await historyMarks(page)).toEqual([]);
    // the cross-year rule did run (the previous year was found), it only found nothing
    expect(await ruleStatus(page.url(), 'history-carry-over')).toBe('ran');
  });
});
