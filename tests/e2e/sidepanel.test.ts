/**
 * The side panel in Chromium (opened as a tab, sidepanel.html?tabId=N, as the browser's panel shows it):
 * the same findings with the page's numbers, clicking one scrolls the page to its mark, details with the
 * arithmetic, 误报 with a reason kept for the page, show only (the page follows), add to the list, a
 * close-up of the selected finding added to the list (refused without activeTab, said in the panel) whose
 * entry keeps the page number the manager shows. And
 * axe-core on the popup, side panel, options and manager: no serious or critical violation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickAction,
  EXTENSION_DIR,
  type Launched,
  launch,
  ROOT,
  type Site,
  serve,
} from '../../scripts/browser';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { HAVE_BROWSER, inOverlay, waitForOverlay } from './setup';

const broken = reportPage({
  t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4] },
  t3: [1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  published: '2025-02-20',
  bodies: { 5: ['本年度问题：更新不及时。'] },
});

describe.runIf(HAVE_BROWSER)('the side panel in Chromium', () => {
  let site: Site;
  let l: Launched;
  let page: Page;
  let tabId: number;
  const ext = (path: string) => `chrome-extension://${l.extensionId}/${path}`;

  beforeAll(async () => {
    site = await serve({ '/ndbg/broken.html': broken });
    l = await launch(EXTENSION_DIR);
    page = await l.context.newPage();
    await page.goto(`http://www.example.gov.cn:${site.port}/ndbg/broken.html`);
    await waitForOverlay(page);
    tabId = await (l.worker as NonNullable<Launched['worker']>).evaluate(async (u) => {
      const c = (
        globalThis as unknown as {
          chrome: { tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> } };
        }
      ).chrome;
      return (await c.tabs.query({})).find((t) => t.url === u)?.id ?? -1;
    }, page.url());
  }, 120_000);

  afterAll(async () => {
    await l?.close();
    await new Promise<void>((r) => (site ? site.server.close(() => r()) : r()));
  });

  const order = () =>
    (l.worker as NonNullable<Launched['worker']>).evaluate(async (id) => {
      const c = (
        globalThis as unknown as {
          chrome: { storage: { session: { get(k: string): Promise<Record<string, { order: string[] }>> } } };
        }
      ).chrome;
      return (await c.storage.session.get(`tab:${id}`))[`tab:${id}`]?.order ?? [];
    }, tabId);

  it('lists the findings numbered as on the page; a click scrolls the page to the mark and shows the details', async () => {
    await expect.poll(async () => (await order()).length, { timeout: 10_000 }).toBeGreaterThan(2);
    const ord = await order();
    const panel = await l.context.newPage();
    await panel.goto(ext(`sidepanel.html?tabId=${tabId}`));
    await panel.waitForSelector('.finding');
    const rows = await panel.$$eval('.finding', (els) =>
      els.map((e) => [
        (e as HTMLElement).dataset.findingId ?? '',
        e.querySelector('.num')?.textContent ?? '',
      ]),
    );
    for (const [id, num] of rows) expect(ord[Number(num) - 1], id).toBe(id);
    await page.evaluate(() => window.scrollTo(0, 0));
    await panel.click('[data-finding-id="t3-totals:t3:rv"]');
    await expect
      .poll(() => inOverlay(page, (root) => root.querySelector<HTMLElement>('.card')?.dataset.findingId))
      .toBe('t3-totals:t3:rv');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    await panel.click('[data-finding-id="t2-row-total:t2:rowtotal:new"]');
    const details = (await panel.locator('.details').textContent()) ?? '';
    expect(details).toContain('总计 4 ≠ 自然人 3');
    expect(await panel.locator('[data-field="figures"]').textContent()).toMatch(/应为 3，实为 4，差 1/);
    expect(details).toContain('国办公开办函〔2021〕30号');
    await panel.close();
  }, 60_000);

  it('误报 with a reason is kept for the page and shown again; undo removes it', async () => {
    const panel = await l.context.newPage();
    await panel.goto(ext(`sidepanel.html?tabId=${tabId}`));
    await panel.click('[data-finding-id="t3-totals:t3:rv"]');
    await panel.fill('[data-field="reason"]', '原表如此，已电话核实');
    await panel.click('[data-action="false-positive"]');
    await expect.poll(() => panel.locator('[data-dismissed="false-positive"]').count()).toBeGreaterThan(0);
    await panel.reload();
    await panel.waitForSelector('.finding');
    expect(
      await panel.locator('.finding[data-finding-id="t3-totals:t3:rv"]').getAttribute('data-dismissed'),
    ).toBe('false-positive');
    await panel.click('[data-finding-id="t3-totals:t3:rv"]');
    expect(await panel.locator('.details [data-dismissed]').textContent()).toBe(
      '已标为误报：原表如此，已电话核实',
    );
    await panel.click('[data-action="undo"]');
    await expect
      .poll(() => panel.locator('.finding[data-finding-id="t3-totals:t3:rv"]').getAttribute('data-dismissed'))
      .toBe('');
    await panel.close();
  }, 30_000);

  it('show only warnings: the page follows; add to list reports the entry', async () => {
    const panel = await l.context.newPage();
    await panel.goto(ext(`sidepanel.html?tabId=${tabId}`));
    await panel.waitForSelector('.finding');
    await panel.click('.count[data-severity="warning"]');
    await expect.poll(() => panel.locator('.finding.error').count()).toBe(0);
    await expect
      .poll(() => inOverlay(page, (root) => root.querySelector('.chip .off-count')?.textContent ?? ''))
      .toMatch(/条错误已隐藏/);
    await panel.click('.count[data-severity="warning"]');
    await expect.poll(() => panel.locator('.finding.error').count()).toBeGreaterThan(0);
    await panel.click('.finding.warning');
    await panel.click('[data-action="add"]');
    await expect
      .poll(() => panel.locator('.notice[role="status"]').textContent())
      .toMatch(/已加入问题清单（1 条）/);
    await panel.close();
  }, 30_000);

  it('特写截图并加入清单 in the panel: without activeTab it says what to do; with it the entry keeps the page number, shown in the manager', async () => {
    const id = 't3-totals:t3:rv';
    const n = (await order()).indexOf(id) + 1;
    expect(n).toBeGreaterThan(0);
    // the panel in a window of its own, as the browser's side panel leaves the report the visible tab
    const created = l.context.waitForEvent('page');
    await l.cdp.send('Target.createTarget', {
      url: ext(`sidepanel.html?tabId=${tabId}`),
      newWindow: true,
    } as never);
    const panel = await created;
    await panel.waitForSelector('.finding');
    await panel.click(`[data-finding-id="${id}"]`);
    await panel.click('[data-action="capture"]');
    // a click in an extension page grants no activeTab: the panel says what to do
    await expect
      .poll(() => panel.locator('.notice[role="status"]').textContent(), { timeout: 15_000 })
      .toContain('侧边栏里的点击不授予截图权限：请先点击工具栏中的年报巡检图标');
    await clickAction(l, page.url());
    await page.bringToFront();
    await panel.click('[data-action="capture"]');
    await expect
      .poll(() => panel.locator('.notice[role="status"]').textContent(), { timeout: 20_000 })
      .toMatch(/已加入问题清单（1 条）/);
    await panel.close();
    const entries = await (l.worker as NonNullable<Launched['worker']>).evaluate(async () => {
      const c = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      return ((await c.storage.local.get('issues')).issues ?? []) as Array<{
        id: string;
        findingId: string;
        mark: number | null;
        screenshot: string | null;
      }>;
    });
    const entry = entries.find((e) => e.findingId === id);
    expect(entry?.mark).toBe(n);
    expect(entry?.screenshot).toMatch(/特写/);
    const manager = await l.context.newPage();
    await manager.goto(ext('issues.html'));
    await expect
      .poll(() => manager.locator(`tr[data-issue-id="${entry?.id}"] [data-field="mark"]`).textContent())
      .toBe(`页面标注 ${n}`);
    await manager.close();
  }, 90_000);

  it('axe-core: no serious or critical violation on the popup, side panel, options and manager pages', async () => {
    const axe = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
    for (const path of [
      `popup.html?tabId=${tabId}`,
      `sidepanel.html?tabId=${tabId}`,
      'options.html',
      'issues.html',
    ]) {
      const p = await l.context.newPage();
      await p.goto(ext(path));
      await p.waitForTimeout(800);
      if (path.startsWith('sidepanel')) await p.click('.finding');
      await p.evaluate(axe); // through DevTools: the page's CSP does not apply
      const bad = await p.evaluate(async () => {
        const a = (
          window as unknown as {
            axe: {
              run(
                c: Document,
                o: object,
              ): Promise<{
                violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
              }>;
            };
          }
        ).axe;
        const r = await a.run(document, { resultTypes: ['violations'] });
        return r.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.id}: ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 4)
                .join(', ')}`,
          );
      });
      expect(bad, path).toEqual([]);
      await p.close();
    }
  }, 60_000);
});
