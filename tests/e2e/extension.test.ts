/**
 * The built extension in real Chromium: overlay, popup, badge, on-demand audit, and the promises it keeps
 * (no page element moves, no console errors, no request of its own, hostile text stays text).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAction, EXTENSION_DIR, type Launched, launch, type Site, serve } from '../../scripts/browser';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { HAVE_BROWSER, inOverlay, overlayCount } from './setup';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

const broken = reportPage({
  t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4], r2: [HOSTILE, 0, 0, 0, 0, 0, 0] },
  t3: [1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  published: '2025-02-20',
});
const clean = reportPage({ t2: simpleT2(2) });
const unverifiable = reportPage({ t2: { ...simpleT2(2), new: [2, '/', '/', '/', '/', '/', 2] } });
const listPage = `<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><ul>
<li><a href="/ndbg/clean.html">示例县2024年政府信息公开工作年度报告</a></li><li><a>示例县2023年政府信息公开工作年度报告</a></li></ul></body></html>`;
const guide = `<html><head><meta charset="utf-8"><title>示例县市场监督管理局政府信息公开指南</title></head><body><h1>政府信息公开指南</h1><p>一、主动公开</p></body></html>`;
const framed = `<html><head><meta charset="utf-8"><title>示例县人民政府</title></head><body><p>门户</p><iframe src="/ndbg/broken.html" width="1200" height="800"></iframe></body></html>`;
const late = `<html><head><meta charset="utf-8"><title>示例县市场监督管理局2024年政府信息公开工作年度报告</title></head><body><div id="c">加载中…</div>
<script>setTimeout(function(){ fetch('/ndbg/broken-body.html').then(function(r){return r.text()}).then(function(t){ document.getElementById('c').innerHTML = t; }); }, 700);</script></body></html>`;
const brokenBody = /<body>([\s\S]*)<\/body>/.exec(broken)?.[1] ?? '';

describe.runIf(HAVE_BROWSER)('the extension in Chromium', () => {
  let site: Site;
  let l: Launched;
  const consoleErrors: string[] = [];
  const pages: Page[] = [];

  beforeAll(async () => {
    const dir = EXTENSION_DIR; // built by tests/global-setup.ts
    site = await serve({
      '/ndbg/broken.html': broken,
      '/ndbg/clean.html': clean,
      '/ndbg/unverifiable.html': unverifiable,
      '/ndbg/list.html': listPage,
      '/ndbg/guide.html': guide,
      '/ndbg/framed.html': framed,
      '/ndbg/late.html': late,
      '/ndbg/broken-body.html': brokenBody,
      '/elsewhere/report.html': clean,
    });
    l = await launch(dir);
  }, 120_000);

  afterAll(async () => {
    await l?.close();
    await new Promise<void>((r) => (site ? site.server.close(() => r()) : r()));
  });

  const url = (path: string, host = 'www.example.gov.cn') => `http://${host}:${site.port}${path}`;
  const sw = () => {
    if (!l.worker) throw new Error('no service worker');
    return l.worker;
  };
  type Chrome = {
    action: { getBadgeText(d: { tabId: number }): Promise<string> };
    tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> };
    storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
  };
  const badge = (tabId: number) =>
    sw().evaluate(
      (id) => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({ tabId: id }),
      tabId,
    );
  const state = (tabId: number) =>
    sw().evaluate(
      async (id) =>
        (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.session.get(`tab:${id}`))[
          `tab:${id}`
        ],
      tabId,
    ) as Promise<
      | { result: { findings: Array<{ id: string; targets: Array<{ type: string }> }> }; order: string[] }
      | undefined
    >;

  /** The tab's id: by URL where the extension may see it, else the newest tab (just opened). */
  const tabIdOf = (page: Page) =>
    sw().evaluate(async (u) => {
      const tabs = await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({});
      return tabs.find((t) => t.url === u)?.id ?? Math.max(...tabs.map((t) => t.id));
    }, page.url());

  async function open(path: string, host?: string): Promise<{ page: Page; tabId: number }> {
    const page = await l.context.newPage();
    pages.push(page);
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${path}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`${path}: ${e.message}`));
    await page.goto(url(path, host));
    const tabId = await tabIdOf(page);
    return { page, tabId };
  }

  /** Elements shown in the overlay, read inside its closed shadow root (through CDP). */
  const shown = async (page: Page) => {
    const view = await inOverlay(page, (root) => {
      // one badge per place (data-finding-ids: every finding there); page-level findings in the chip's list
      const items = Array.from(root.querySelectorAll<HTMLElement>('.badge, .chip li[data-finding-id]'));
      return {
        ids: items.flatMap((e) => (e.dataset.findingIds ?? e.dataset.findingId ?? '').split(' ')),
        cellBadges: Array.from(root.querySelectorAll<HTMLElement>('.badge:not(.section)')).map(
          (e) => e.dataset.findingId ?? '',
        ),
        complete: items.every((e) => e.dataset.rule && e.dataset.category && e.dataset.severity),
      };
    });
    return view && { ...view, hosts: await overlayCount(page) };
  };

  it('marks a report: one host, every finding shown with its data attributes, one marker per cell finding', async () => {
    const { page, tabId } = await open('/ndbg/broken.html');
    await expect.poll(() => shown(page), { timeout: 10_000 }).not.toBeNull();
    await expect
      .poll(async () => (await state(tabId))?.result.findings.length ?? 0, { timeout: 10_000 })
      .toBeGreaterThan(0);
    const s = await state(tabId);
    const view = await shown(page);
    expect(view?.hosts).toBe(1);
    expect(view?.complete).toBe(true);
    expect(new Set(view?.ids)).toEqual(new Set(s?.result.findings.map((f) => f.id)));
    const cellFindings =
      s?.result.findings.filter((f) => f.targets[0]?.type === 'cell').map((f) => f.id) ?? [];
    for (const id of cellFindings) expect(view?.cellBadges.filter((x) => x === id)).toHaveLength(1);
    expect(cellFindings).toContain('t2-row-total:t2:rowtotal:new');
    expect(cellFindings).toContain('t3-totals:t3:rv');
    expect(s?.order).toEqual(expect.arrayContaining(cellFindings));
    // extraction and the rules ran in the background (audit-page), on the blocks the page read
    const via = await inOverlay(
      page,
      (root) => root.querySelector<HTMLElement>('[data-nianbao]')?.dataset.auditVia,
    );
    expect(via).toBe('background');
  }, 60_000);

  it('a card explains the finding when its badge is hovered; addend cells light up', async () => {
    const page = pages[0] as Page;
    const badgeAt = () =>
      inOverlay(page, (root) => {
        const b = root.querySelector<HTMLElement>('[data-finding-id="t2-row-total:t2:rowtotal:new"].badge');
        const r = b?.getBoundingClientRect();
        return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
      });
    // focus brings the cell into view; badges follow the page as it scrolls
    await inOverlay(page, (root) =>
      root.querySelector<HTMLElement>('[data-finding-id="t2-row-total:t2:rowtotal:new"].badge')?.focus(),
    );
    await page.waitForTimeout(250);
    const before = await badgeAt();
    await page.evaluate(() => window.scrollBy(0, 40));
    await page.waitForTimeout(250);
    const rect = await badgeAt();
    expect(rect).not.toBeNull();
    expect((before?.y ?? 0) - (rect?.y ?? 0)).toBeCloseTo(40, 0);
    await page.mouse.move(rect?.x ?? 0, rect?.y ?? 0);
    const card = await inOverlay(page, (root) => {
      const c = root.querySelector<HTMLElement>('.card');
      return c
        ? {
            id: c.dataset.findingId,
            text: c.textContent ?? '',
            lit: root.querySelectorAll('.box.lit').length,
          }
        : null;
    });
    expect(card?.id).toBe('t2-row-total:t2:rowtotal:new');
    expect(card?.text).toContain('总计 4 ≠ 自然人 3');
    expect(card?.text).toContain('差 1');
    expect(card?.text).toContain('国办公开办函〔2021〕30号');
    expect(card?.lit).toBeGreaterThanOrEqual(6);
  }, 30_000);

  it('keyboard: Alt+Shift+J opens the next finding, Esc closes the card, then hides the marks (the chip stays)', async () => {
    const page = pages[0] as Page;
    const root = async () =>
      (await inOverlay(page, (r) => ({
        card: r.querySelector<HTMLElement>('.card')?.dataset.findingId ?? null,
        hidden: r.querySelector('.layer')?.classList.contains('marks-hidden') ?? null,
      }))) ?? { card: null, hidden: null };
    await page.mouse.move(5, 5);
    await page.mouse.click(5, 5);
    await page.keyboard.press('Alt+Shift+KeyJ');
    expect((await root()).card).not.toBeNull();
    await page.keyboard.press('Escape');
    expect(await root()).toEqual({ card: null, hidden: false });
    await page.keyboard.press('Escape');
    expect((await root()).hidden).toBe(true);
    // 「显示标注」 brings them back
    await inOverlay(page, (r) => r.querySelector<HTMLElement>('.chip .show-marks')?.click());
    expect((await root()).hidden).toBe(false);
  });

  it('hostile text in a cell shows as text and never runs', async () => {
    const page = pages[0] as Page;
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const images = await inOverlay(page, (root) => root.querySelectorAll('img').length);
    expect(images).toBe(0);
  });

  it('the popup lists the same findings; clicking one scrolls the page to it', async () => {
    const page = pages[0] as Page;
    const tabId = await tabIdOf(page);
    const s = await state(tabId);
    const popup = await l.context.newPage();
    await popup.goto(`chrome-extension://${l.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('.finding');
    const ids = await popup.$$eval('.finding', (els) => els.map((e) => (e as HTMLElement).dataset.findingId));
    expect(new Set(ids)).toEqual(new Set(s?.result.findings.map((f) => f.id)));
    expect(Number(await badge(tabId))).toBe(await popup.locator('.finding.error').count());
    await page.evaluate(() => window.scrollTo(0, 0));
    await popup.click('[data-finding-id="t3-totals:t3:rv"]');
    await expect
      .poll(() => inOverlay(page, (root) => root.querySelector<HTMLElement>('.card')?.dataset.findingId))
      .toBe('t3-totals:t3:rv');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    await popup.close();
  }, 30_000);

  it('badge: errors in red, ✓ for a clean report, ? when not fully verifiable, nothing on look-alikes', async () => {
    const cleanTab = await open('/ndbg/clean.html');
    await expect.poll(() => badge(cleanTab.tabId), { timeout: 10_000 }).toBe('✓');
    const partTab = await open('/ndbg/unverifiable.html');
    await expect.poll(() => badge(partTab.tabId), { timeout: 10_000 }).toBe('?');
    for (const p of ['/ndbg/list.html', '/ndbg/guide.html']) {
      const t = await open(p);
      await t.page.waitForTimeout(800);
      expect(await badge(t.tabId), p).toBe('');
      expect(await overlayCount(t.page), p).toBe(0);
    }
  }, 60_000);

  it('the overlay moves no page element', async () => {
    // the same page where the extension does not run (another site, nobody asked) and where it draws
    const boxes = (page: Page) =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('body *')).map((e) => {
          const r = e.getBoundingClientRect();
          return [r.x, r.y, r.width, r.height].join(',');
        }),
      );
    const plain = await open('/elsewhere/report.html', 'www.example.org');
    const { page } = await open('/ndbg/clean.html');
    await expect.poll(() => overlayCount(page), { timeout: 10_000 }).toBe(1);
    expect(await overlayCount(plain.page)).toBe(0);
    expect(await boxes(page)).toEqual(await boxes(plain.page));
  }, 30_000);

  it('a report inside an iframe is audited', async () => {
    const { page, tabId } = await open('/ndbg/framed.html');
    await expect.poll(() => badge(tabId), { timeout: 10_000 }).toMatch(/^\d+$/);
    const frame = page.frames().find((f) => f.url().endsWith('/ndbg/broken.html'));
    expect(frame).toBeDefined();
    await expect.poll(() => overlayCount(page, frame?.url()), { timeout: 10_000 }).toBe(1);
    expect(await overlayCount(page)).toBe(0); // the portal page itself is no report
  }, 30_000);

  it('content that arrives after load is audited when it arrives', async () => {
    const { page, tabId } = await open('/ndbg/late.html');
    await expect.poll(() => badge(tabId), { timeout: 15_000 }).toMatch(/^\d+$/);
    await expect
      .poll(() => inOverlay(page, (root) => root.querySelectorAll('.badge').length), { timeout: 10_000 })
      .toBeGreaterThan(0);
  }, 30_000);

  it('on another site, nothing runs until the user asks; then the page is audited on demand', async () => {
    const { page, tabId } = await open('/elsewhere/report.html', 'www.example.org');
    await page.waitForTimeout(500);
    expect(await badge(tabId)).toBe('');
    expect(await overlayCount(page)).toBe(0);
    await clickAction(l, page.url()); // the toolbar click grants activeTab
    const popup = await l.context.newPage();
    await popup.goto(`chrome-extension://${l.extensionId}/popup.html?tabId=${tabId}`);
    await popup.click('[data-action="audit"]');
    await expect.poll(() => badge(tabId), { timeout: 10_000 }).toBe('✓');
    expect(await overlayCount(page)).toBe(1);
    await popup.close();
  }, 30_000);

  it('options: English and a category filter apply to the popup and the marks', async () => {
    const options = await l.context.newPage();
    await options.goto(`chrome-extension://${l.extensionId}/options.html`);
    await options.getByLabel('English').check();
    await expect.poll(() => options.locator('h1').textContent()).toBe('NianBao Inspector settings');
    await options.getByLabel('Arithmetic', { exact: true }).uncheck();
    await expect.poll(() => options.locator('.note').textContent()).toBe('Saved');
    const { page, tabId } = await open('/ndbg/broken.html');
    await expect
      .poll(() => inOverlay(page, (root) => root.querySelector('.chip')?.textContent ?? ''), {
        timeout: 10_000,
      })
      .toContain('NianBao Inspector');
    const categories =
      (await inOverlay(page, (root) =>
        Array.from(root.querySelectorAll<HTMLElement>('.badge, .chip li[data-finding-id]')).map(
          (e) => e.dataset.category,
        ),
      )) ?? [];
    expect(categories.length).toBeGreaterThan(0);
    expect(categories).not.toContain('sum');
    const popup = await l.context.newPage();
    await popup.goto(`chrome-extension://${l.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('.finding');
    expect(await popup.locator('header h1').textContent()).toBe('NianBao Inspector');
    expect(await popup.locator('[data-category="sum"]').count()).toBe(0);
    // back to the defaults for the other tests
    await options.getByLabel('中文').check();
    await options.getByLabel('数字勾稽', { exact: true }).check();
    await popup.close();
    await options.close();
  }, 30_000);

  it('no console errors; the extension made no request of its own', () => {
    expect(consoleErrors).toEqual([]);
    const served = new Set([
      '/ndbg/broken.html',
      '/ndbg/clean.html',
      '/ndbg/unverifiable.html',
      '/ndbg/list.html',
      '/ndbg/guide.html',
      '/ndbg/framed.html',
      '/ndbg/late.html',
      '/ndbg/broken-body.html',
      '/elsewhere/report.html',
      '/favicon.ico',
      '/x',
    ]);
    const unexpected = site.requests.filter((r) => !served.has(r.replace(/^[^/]*/, '')));
    expect(unexpected).toEqual([]);
  });
});
