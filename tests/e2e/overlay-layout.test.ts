/**
 * What the overlay draws, measured in Chromium at 1366×768 (and 1920×1080): one mark per place (a count when findings share
 * a cell), badges that overlap neither each other nor any page text, a status chip that covers no text,
 * stable numbers (across a re-check, a re-injection and a "show only"), a partly read page never shown as
 * clean, Esc leaving a 「显示标注」 chip, and a shortcut for every command.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, type Launched, launch, type Site, serve } from '../../scripts/browser';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { mergedLegalColumns } from '../fixtures/t2-shapes';
import { HAVE_BROWSER, inOverlay, waitForOverlay } from './setup';

// two findings on the 总计 × 总计 cell (its row total and the balance), one on 本年新收's total, one in table 3,
// a late publication (text), a warning in section 五
const shared = reportPage({
  t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4], total: [3, 0, 0, 0, 0, 0, 5] },
  t3: [1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  published: '2025-02-20',
  bodies: { 5: ['本年度问题：更新不及时。'] },
});
const merged = mergedLegalColumns(reportPage({ t2: simpleT2(12, 2, 3) }));
const guide = `<html><head><meta charset="utf-8"><title>示例县市场监督管理局政府信息公开指南</title></head><body><h1>政府信息公开指南</h1><p>一、主动公开</p></body></html>`;

interface Mark {
  ids: string[];
  numbers: number[];
  text: string;
  rect: { left: number; top: number; right: number; bottom: number };
}

describe.runIf(HAVE_BROWSER)('overlay layout in Chromium', () => {
  let site: Site;
  let l: Launched;

  beforeAll(async () => {
    site = await serve({
      '/ndbg/shared.html': shared,
      '/ndbg/merged.html': merged,
      '/ndbg/guide.html': guide,
    });
    l = await launch(EXTENSION_DIR);
  }, 120_000);

  afterAll(async () => {
    await l?.close();
    await new Promise<void>((r) => (site ? site.server.close(() => r()) : r()));
  });

  const url = (path: string) => `http://www.example.gov.cn:${site.port}${path}`;
  const sw = () => {
    if (!l.worker) throw new Error('no service worker');
    return l.worker;
  };
  type Chrome = {
    tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> };
    storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
    commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> };
  };
  const tabIdOf = (page: Page) =>
    sw().evaluate(async (u) => {
      const tabs = await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({});
      // the newest tab showing it (an earlier test's tab may still be closing)
      return Math.max(-1, ...tabs.filter((t) => t.url === u).map((t) => t.id));
    }, page.url());
  const order = (tabId: number) =>
    sw().evaluate(async (id) => {
      const s = (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.session.get(`tab:${id}`))[
        `tab:${id}`
      ] as { order: string[] } | undefined;
      return s?.order ?? [];
    }, tabId);

  async function open(
    path: string,
    size = { width: 1366, height: 768 },
  ): Promise<{ page: Page; tabId: number }> {
    const page = await l.context.newPage();
    await page.setViewportSize(size);
    await page.goto(url(path));
    await waitForOverlay(page);
    return { page, tabId: await tabIdOf(page) };
  }

  /** The badges laid out in view, with their numbers and rectangles. */
  const marks = (page: Page) =>
    inOverlay(page, (root) =>
      Array.from(root.querySelectorAll<HTMLElement>('.badge:not(.off)')).map((b) => {
        const r = b.getBoundingClientRect();
        return {
          ids: (b.dataset.findingIds ?? '').split(' '),
          numbers: (b.dataset.numbers ?? '').split(' ').map(Number),
          text: b.textContent ?? '',
          rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
        };
      }),
    ) as Promise<Mark[] | null>;
  const chipRect = (page: Page) =>
    inOverlay(page, (root) => {
      const r = root.querySelector('.chip')?.getBoundingClientRect();
      return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
    });
  /** Every line box of page text in the viewport. */
  const textRects = (page: Page) =>
    page.evaluate(() => {
      const out: Array<{ left: number; top: number; right: number; bottom: number; text: string }> = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.nodeValue?.trim() || n.parentElement?.closest('script,style')) continue;
        range.selectNodeContents(n);
        for (const r of Array.from(range.getClientRects()))
          if (r.width > 0 && r.bottom > 0 && r.top < innerHeight)
            out.push({
              left: r.left,
              top: r.top,
              right: r.right,
              bottom: r.bottom,
              text: n.nodeValue.trim(),
            });
      }
      return out;
    });
  type R = { left: number; top: number; right: number; bottom: number };
  const overlap = (a: R, b: R) =>
    a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

  /** No badge on another badge or on page text, and a chip that covers no text, in the viewport now. */
  const noOverlap = async (page: Page) => {
    const ms = (await marks(page)) ?? [];
    const texts = await textRects(page);
    const chip = await chipRect(page);
    for (const [i, a] of ms.entries()) {
      for (const b of ms.slice(i + 1)) expect(overlap(a.rect, b.rect), `${a.text} on ${b.text}`).toBe(false);
      for (const t of texts) expect(overlap(a.rect, t), `badge ${a.text} on “${t.text}”`).toBe(false);
    }
    expect(chip).not.toBeNull();
    for (const t of texts) expect(overlap(chip as R, t), `chip on “${t.text}”`).toBe(false);
    return ms;
  };

  it('one mark per place with a count; badges overlap neither each other nor page text; the chip covers none', async () => {
    const { page } = await open('/ndbg/shared.html');
    const check = () => noOverlap(page);
    await page.evaluate(() => {
      const cell = Array.from(document.querySelectorAll('td')).find((td) =>
        td.textContent?.includes('（七）总计'),
      );
      cell?.scrollIntoView({ block: 'center' });
    });
    await expect.poll(async () => ((await marks(page)) ?? []).length, { timeout: 10_000 }).toBeGreaterThan(1);
    await page.waitForTimeout(300);
    const ms = await check();
    // the 总计 × 总计 cell: its row total, the balance and the results' sum, one badge with their count
    const both = ms.find((m) => m.ids.includes('t2-balance:t2:balance:total'));
    expect(both?.ids).toContain('t2-row-total:t2:rowtotal:total');
    expect(both?.text).toBe(`${both?.numbers[0]}×${both?.ids.length}`);
    expect(ms.filter((m) => m.ids.includes('t2-row-total:t2:rowtotal:total'))).toHaveLength(1);
    // badge text on its colour: WCAG AA (4.5:1) for every severity shown
    const ratios = await inOverlay(page, (root) => {
      const lum = (c: string) => {
        const [r, g, b] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((x) => {
          const v = Number(x) / 255;
          return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
      };
      return Array.from(root.querySelectorAll<HTMLElement>('.badge')).map((b) => {
        const st = getComputedStyle(b);
        const [hi, lo] = [lum(st.color), lum(st.backgroundColor)].sort((x, y) => y - x);
        return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
      });
    });
    expect(ratios?.length).toBeGreaterThan(0);
    for (const r of ratios ?? []) expect(r).toBeGreaterThanOrEqual(4.5);
    // and at the top of the page (the publication date line, the breadcrumb)
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(400);
    await check();
    await page.close();
  }, 60_000);

  it('at 1920×1080 too: no badge on a badge or on page text, the chip on none, at the top and at the tables', async () => {
    const { page } = await open('/ndbg/shared.html', { width: 1920, height: 1080 });
    await expect.poll(async () => ((await marks(page)) ?? []).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await noOverlap(page);
    for (const label of ['（七）总计', '维持']) {
      await page.evaluate((text) => {
        const cell = Array.from(document.querySelectorAll('td, th')).find((c) =>
          c.textContent?.includes(text),
        );
        cell?.scrollIntoView({ block: 'center' });
      }, label);
      await page.waitForTimeout(400);
      expect(((await marks(page)) ?? []).length).toBeGreaterThan(0);
      await noOverlap(page);
    }
    await page.close();
  }, 60_000);

  it('numbers run in reading order and stay across a re-check, a re-injection and "show only"', async () => {
    const { page, tabId } = await open('/ndbg/shared.html');
    await expect.poll(async () => (await order(tabId)).length, { timeout: 10_000 }).toBeGreaterThan(3);
    const first = await order(tabId);
    // page-level findings first, then document order: the late publication (near the top) before table 2
    const pub = first.indexOf('year-publication:late');
    const t2 = first.indexOf('t2-row-total:t2:rowtotal:new');
    const t3 = first.indexOf('t3-totals:t3:rv');
    expect(pub).toBeGreaterThanOrEqual(0);
    expect(pub).toBeLessThan(t2);
    expect(t2).toBeLessThan(t3);
    // the page is corrected: 本年新收's total fixed, so its finding goes; every other number stays
    await page.evaluate(() => {
      const row = Array.from(document.querySelectorAll('tr')).find((tr) =>
        tr.textContent?.includes('本年新收'),
      );
      const last = row?.lastElementChild;
      if (last) last.textContent = '3';
    });
    await expect.poll(async () => (await order(tabId))[t2], { timeout: 10_000 }).toBe('');
    const after = await order(tabId);
    first.forEach((id, i) => {
      if (i !== t2) expect(after[i]).toBe(id);
    });
    // a re-injection (the popup's re-check) keeps them too
    const popup = await l.context.newPage();
    await popup.goto(`chrome-extension://${l.extensionId}/popup.html?tabId=${tabId}`);
    await popup.locator('[data-action="reaudit"]').click();
    await page.waitForTimeout(1500);
    expect(await order(tabId)).toEqual(after);
    // the popup numbers as the page does
    const num = await popup.locator(`[data-finding-id="t3-totals:t3:rv"] .num`).textContent();
    expect(Number(num)).toBe(t3 + 1);
    // "show only" errors: the page follows, warnings are counted as hidden, numbers do not move
    await popup.locator('.count[data-severity="error"]').click();
    await expect
      .poll(() => inOverlay(page, (root) => root.querySelector('.chip .off-count')?.textContent ?? ''), {
        timeout: 5000,
      })
      .toMatch(/^\d+ 条警告已隐藏$/);
    await page.evaluate(() =>
      Array.from(document.querySelectorAll('table'))
        .find((t) => t.textContent?.includes('行政复议'))
        ?.scrollIntoView({ block: 'center' }),
    );
    await expect
      .poll(
        async () => ((await marks(page)) ?? []).find((m) => m.ids.includes('t3-totals:t3:rv'))?.numbers[0],
        { timeout: 5000 },
      )
      .toBe(t3 + 1);
    expect(await popup.locator('.finding.warning').count()).toBe(0);
    await popup.locator('.count[data-severity="error"]').click();
    await expect.poll(() => popup.locator('.finding.warning').count()).toBeGreaterThan(0);
    await expect
      .poll(() => inOverlay(page, (root) => root.querySelector('.chip .off-count')?.textContent ?? ''))
      .toBe('');
    await popup.close();
    await page.close();
  }, 60_000);

  it('a table 2 with merged columns: a template finding, and neither page nor popup calls the page clean', async () => {
    const { page, tabId } = await open('/ndbg/merged.html');
    await expect
      .poll(() => inOverlay(page, (root) => root.querySelector('.chip')?.textContent ?? ''), {
        timeout: 10_000,
      })
      .toMatch(/未核查/);
    const chip = (await inOverlay(page, (root) => root.querySelector('.chip')?.textContent ?? '')) ?? '';
    expect(chip).not.toContain('未发现问题');
    expect(await inOverlay(page, (root) => !!root.querySelector('[data-rule="template-t2-columns"]'))).toBe(
      true,
    );
    const popup = await l.context.newPage();
    await popup.goto(`chrome-extension://${l.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('.finding');
    expect(await popup.locator('[data-rule="template-t2-columns"]').count()).toBe(1);
    expect(await popup.locator('.unchecked').textContent()).toContain('表二（依申请公开）部分数字未核算');
    const body = (await popup.locator('main').textContent()) ?? '';
    expect(body).not.toContain('未填数字');
    expect(body).not.toContain('未发现问题');
    await popup.close();
    await page.close();
  }, 60_000);

  it('Esc hides the marks and leaves a 「显示标注」 chip; the popup says so; the chip brings them back', async () => {
    const { page, tabId } = await open('/ndbg/shared.html');
    await expect.poll(async () => ((await marks(page)) ?? []).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => inOverlay(page, (root) => root.querySelector('.chip .show-marks')?.textContent ?? ''))
      .toBe('显示标注');
    const visible = await inOverlay(
      page,
      (root) =>
        Array.from(root.querySelectorAll('.badge')).filter((b) => getComputedStyle(b).display !== 'none')
          .length,
    );
    expect(visible).toBe(0);
    const popup = await l.context.newPage();
    await popup.goto(`chrome-extension://${l.extensionId}/popup.html?tabId=${tabId}`);
    await expect.poll(() => popup.locator('[data-state="marks-hidden"]').count(), { timeout: 5000 }).toBe(1);
    await popup.locator('[data-action="show-marks"]').click();
    await expect
      .poll(() =>
        inOverlay(
          page,
          (root) =>
            Array.from(root.querySelectorAll('.badge')).filter((b) => getComputedStyle(b).display !== 'none')
              .length,
        ),
      )
      .toBeGreaterThan(0);
    await popup.close();
    await page.close();
  }, 60_000);

  it('a look-alike gov page the detector examined: the popup says it is not a report, and why', async () => {
    const page = await l.context.newPage();
    await page.goto(url('/ndbg/guide.html'));
    await page.waitForTimeout(800);
    const tabId = await tabIdOf(page);
    const popup = await l.context.newPage();
    await popup.goto(`chrome-extension://${l.extensionId}/popup.html?tabId=${tabId}`);
    await expect
      .poll(() => popup.locator('[data-state="none"]').textContent(), { timeout: 5000 })
      .toMatch(/^本页不是年度报告：页面标题、页面信息和开头的标题都没有写明/);
    await popup.close();
    await page.close();
  }, 30_000);

  it('every command has a shortcut Chromium accepted', async () => {
    const commands = await sw().evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.commands.getAll(),
    );
    const own = commands.filter((c) => c.name && !c.name.startsWith('_'));
    expect(own.length).toBeGreaterThanOrEqual(2);
    for (const c of own) expect(c.shortcut, c.name).toMatch(/\S/);
  });
});
