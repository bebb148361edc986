/**
 * Evidence end to end: capture a report page with its overlay (visible area, whole page), add the findings
 * to the issue list, export the ZIP, and find the list again after a browser restart.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAction, EXTENSION_DIR, type Launched, launch, type Site, serve } from '../../scripts/browser';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { HAVE_BROWSER, inOverlay, overlayCount, waitForOverlay } from './setup';

const page1 = reportPage({ t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4] }, published: '2025-02-20' });

describe.runIf(HAVE_BROWSER)('evidence: screenshots and the issue list', () => {
  let site: Site;
  let l: Launched;
  let profile = '';
  let downloads = '';
  let report: Page;
  let tabId = -1;
  let findingCount = 0;

  beforeAll(async () => {
    site = await serve({ '/ndbg/r1.html': page1 });
    profile = await mkdtemp(join(tmpdir(), 'nianbao-profile-'));
    downloads = await mkdtemp(join(tmpdir(), 'nianbao-downloads-'));
    l = await launch(EXTENSION_DIR, { userDataDir: profile });
    await l.cdp.send('Browser.setDownloadBehavior', {
      behavior: 'allow',
      downloadPath: downloads,
      eventsEnabled: true,
    } as never);
    report = await l.context.newPage();
    await report.goto(`http://www.example.gov.cn:${site.port}/ndbg/r1.html`);
    await waitForOverlay(report);
    tabId = await l.worker!.evaluate(async (u) => {
      const c = (
        globalThis as unknown as {
          chrome: { tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> } };
        }
      ).chrome;
      return (await c.tabs.query({})).find((t) => t.url === u)?.id ?? -1;
    }, report.url());
  }, 120_000);

  afterAll(async () => {
    await l?.close();
    await new Promise<void>((r) => (site ? site.server.close(() => r()) : r()));
  });

  /** The popup as a page in its own window, so the report stays the visible tab of its window. */
  async function popupWindow(): Promise<Page> {
    const url = `chrome-extension://${l.extensionId}/popup.html?tabId=${tabId}`;
    const created = l.context.waitForEvent('page');
    await l.cdp.send('Target.createTarget', { url, newWindow: true } as never);
    const p = await created;
    await p.waitForLoadState();
    return p;
  }

  /** Pixel facts of a PNG data URL, read with the browser's own decoder. */
  const inspect = (p: Page, dataUrl: string) =>
    p.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const c = new OffscreenCanvas(img.width, img.height);
      const ctx = c.getContext('2d');
      ctx?.drawImage(img, 0, 0);
      const d = ctx?.getImageData(0, 0, img.width, img.height).data ?? new Uint8ClampedArray();
      let red = 0;
      for (let i = 0; i < d.length; i += 4)
        if (
          Math.abs((d[i] ?? 0) - 197) < 12 &&
          Math.abs((d[i + 1] ?? 0) - 34) < 16 &&
          Math.abs((d[i + 2] ?? 0) - 31) < 16
        )
          red++;
      return { width: img.width, height: img.height, red };
    }, dataUrl);

  it('captures the visible area with the marks burned in, and a plain copy without them', async () => {
    await report.bringToFront();
    await report.evaluate(() => {
      const cell = document.querySelectorAll('table')[1];
      cell?.scrollIntoView({ block: 'start' });
    });
    await clickAction(l, report.url()); // the toolbar click: activeTab for this tab
    const popup = await popupWindow();
    await report.bringToFront();
    await popup.click('[data-action="capture-visible"]');
    await popup.waitForSelector('.shot img', { timeout: 15_000 });
    const annotated = (await popup.getAttribute('.shot a[data-action="download"]', 'href')) ?? '';
    const plain = (await popup.locator('.shot a').nth(2).getAttribute('href')) ?? '';
    const a = await inspect(popup, annotated);
    const b = await inspect(popup, plain);
    expect(a.width).toBeGreaterThan(600);
    expect(a.height).toBeGreaterThan(400);
    expect(a.red).toBeGreaterThan(200); // outlines and badges in the error colour (#c5221f)
    expect(b.red).toBeLessThan(a.red / 4);
    expect(await popup.getAttribute('.shot a[data-action="download"]', 'download')).toMatch(
      /^www\.example\.gov\.cn_.*2024.*_\d{8}-\d{6}_可见区域\.png$/,
    );

    // the whole page: several slices stitched into one taller image
    await popup.click('[data-action="capture-full"]');
    await expect
      .poll(async () => (await popup.getAttribute('.shot a[data-action="download"]', 'download')) ?? '', {
        timeout: 30_000,
      })
      .toMatch(/整页/);
    const full = await inspect(
      popup,
      (await popup.getAttribute('.shot a[data-action="download"]', 'href')) ?? '',
    );
    const page = await report.evaluate(() => ({
      h: document.documentElement.scrollHeight,
      vh: innerHeight,
      y: scrollY,
    }));
    expect(full.height).toBeGreaterThan(page.vh * 1.5);
    expect(full.red).toBeGreaterThan(a.red);
    expect(page.y).toBeGreaterThan(0); // scroll position restored, not left at the bottom or top

    // add every finding of the page, each with its own close-up
    await popup.click('[data-action="add-all"]');
    await expect
      .poll(() => popup.locator('.notice').last().textContent(), { timeout: 60_000 })
      .toMatch(/已加入问题清单（\d+ 条）/);
    findingCount = Number(
      /（(\d+) 条）/.exec((await popup.locator('.notice').last().textContent()) ?? '')?.[1],
    );
    expect(findingCount).toBeGreaterThan(2);
    await popup.close();
  }, 90_000);

  it('a finding’s card captures a close-up of its table and adds it to the list', async () => {
    await report.bringToFront();
    // a finding not yet in the list: remove one entry first
    const before = await l.worker!.evaluate(async () => {
      const c = (
        globalThis as unknown as {
          chrome: {
            storage: {
              local: { get(k: string): Promise<Record<string, unknown>>; set(o: object): Promise<void> };
            };
          };
        }
      ).chrome;
      const list =
        ((await c.storage.local.get('issues')).issues as Array<{ findingId: string; ruleId: string }>) ?? [];
      const gone = list.find((e) => e.ruleId === 't2-row-total');
      await c.storage.local.set({ issues: list.filter((e) => e !== gone) });
      return gone?.findingId ?? '';
    });
    expect(before).toBe('t2-row-total:t2:rowtotal:new');
    const status = await inOverlay(
      report,
      async (root, id) => {
        root.querySelector<HTMLElement>(`.badge[data-finding-id="${id}"]`)?.click();
        const button = Array.from(root.querySelectorAll<HTMLButtonElement>('.card button')).find(
          (b) => b.textContent === '特写截图并加入清单',
        );
        button?.click();
        for (let i = 0; i < 60; i++) {
          await new Promise((r) => setTimeout(r, 100));
          const text = root.querySelector('.card .status')?.textContent ?? '';
          if (text && text !== '…') return text;
        }
        return 'timeout';
      },
      before,
    );
    expect(status).toBe('已加入问题清单（1 条）');
  }, 30_000);

  it('the manager lists the entries, edits status, and exports a ZIP with XLSX and screenshots', async () => {
    const m = await l.context.newPage();
    await m.goto(`chrome-extension://${l.extensionId}/issues.html`);
    await m.waitForSelector('table.issues tbody tr');
    expect(await m.locator('table.issues tbody tr').count()).toBe(findingCount);
    const first = m.locator('table.issues tbody tr').first();
    const status = first.locator('select[aria-label="整改状态"]');
    await status.selectOption('false-positive');
    await expect.poll(() => status.inputValue()).toBe('false-positive');
    await m.click('[data-action="export"]'); // the default format: the ZIP
    await expect
      .poll(
        () => readdirSync(downloads).filter((f) => f.endsWith('.zip') && !f.endsWith('.crdownload')).length,
        { timeout: 15_000 },
      )
      .toBe(1);
    const zipName = readdirSync(downloads).find((f) => f.endsWith('.zip')) ?? '';
    const files = unzipSync(new Uint8Array(readFileSync(join(downloads, zipName))));
    const names = Object.keys(files);
    expect(names).toContain('问题清单.xlsx');
    // one close-up per finding group (and the card's), each annotated + plain
    const keys = await l.worker!.evaluate(async () => {
      const c = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      const list = ((await c.storage.local.get('issues')).issues as Array<{ imageKeys: string[] }>) ?? [];
      return new Set(list.flatMap((e) => e.imageKeys)).size;
    });
    expect(keys).toBeGreaterThan(4);
    expect(names.filter((n) => n.startsWith('images/') && n.endsWith('.png')).length).toBe(keys);
    const rows = await readSheet(Buffer.from(files['问题清单.xlsx'] as Uint8Array));
    expect(rows).toHaveLength(findingCount + 1);
    expect(rows[0]?.[0]).toBe('问题编号');
    const statusCol = rows[0]?.indexOf('整改状态') ?? -1;
    expect(rows.slice(1).some((r) => r[statusCol] === '误报')).toBe(true);
    expect(JSON.parse(strFromU8(files['问题清单.json'] as Uint8Array)).count).toBe(findingCount);
    await m.close();
  }, 60_000);

  it('re-check: back on the page after it was corrected, the popup tells fixed, still present and new, and records it', async () => {
    site.pages.set(
      '/ndbg/r1.html',
      reportPage({ t2: simpleT2(3), published: '2025-02-20', bodies: { 6: ['无'] } }),
    );
    await report.reload();
    await expect.poll(() => overlayCount(report), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(
        async () => {
          const s = (await l.worker!.evaluate(
            async (id) =>
              (
                await (
                  globalThis as unknown as {
                    chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } };
                  }
                ).chrome.storage.session.get(`tab:${id}`)
              )[`tab:${id}`],
            tabId,
          )) as { result?: { findings: Array<{ ruleId: string }> } } | undefined;
          return s?.result?.findings.some((f) => f.ruleId === 'section-six-items') ?? false;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const popup = await popupWindow();
    const recheck = popup.locator('.recheck');
    await recheck.waitFor({ timeout: 10_000 });
    const [fixed, present, fresh] = ((await recheck.getAttribute('data-recheck')) ?? '')
      .split('/')
      .map(Number);
    expect(fixed).toBeGreaterThanOrEqual(1); // the broken sum
    expect(present).toBeGreaterThanOrEqual(1); // the late publication
    expect(fresh).toBeGreaterThanOrEqual(1); // section 6 = 无
    await popup.close();
    const m = await l.context.newPage();
    await m.goto(`chrome-extension://${l.extensionId}/issues.html`);
    await m.waitForSelector('table.issues tbody tr');
    expect(await m.locator('table.issues tbody').textContent()).toContain('复查：已整改');
    expect(await m.locator('table.issues tbody').textContent()).toContain('复查：仍存在');
    await m.close();
  }, 60_000);

  it('the list survives a browser restart', async () => {
    await l.close();
    l = await launch(EXTENSION_DIR, { userDataDir: profile });
    const m = await l.context.newPage();
    await m.goto(`chrome-extension://${l.extensionId}/issues.html`);
    await m.waitForSelector('table.issues tbody tr');
    expect(await m.locator('table.issues tbody tr').count()).toBe(findingCount);
    // thumbnails appear once their image is read back from IndexedDB
    await expect.poll(() => m.locator('button.thumb img').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(existsSync(profile)).toBe(true);
  }, 60_000);
});
