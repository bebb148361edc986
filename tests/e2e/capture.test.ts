/**
 * Evidence captures end to end: without activeTab the card's close-up says what to do on the page (a toast
 * in the overlay) and the popup says it too; with it, a finding's close-up holds the table's header rows
 * and a caption strip; "add all" gives each finding group its own image; a whole-page capture has neither
 * the overlay's bar at the seams nor a scrollbar; the markup page saves a marked-up image to the list.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAction, EXTENSION_DIR, type Launched, launch, type Site, serve } from '../../scripts/browser';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { HAVE_BROWSER, inOverlay, waitForOverlay } from './setup';

// two broken row totals in table 2 (rows far apart), and a report published late (a page-level finding)
const broken = reportPage({
  t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4], total: [3, 0, 0, 0, 0, 0, 5] },
  published: '2025-02-20',
});
// only a page-level finding: its status chip is the one thing the overlay draws
const late = reportPage({ t2: simpleT2(3), published: '2025-05-20' });

type Shot = {
  annotated: string;
  plain: string;
  name: string;
  region?: { top: number; height: number; left: number; width: number };
  header?: { top: number; height: number };
};
type Chrome = { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } };

describe.runIf(HAVE_BROWSER)('evidence captures', () => {
  let site: Site;
  let l: Launched;
  let report: Page;
  let tabId = -1;

  beforeAll(async () => {
    site = await serve({ '/ndbg/broken.html': broken, '/ndbg/late.html': late });
    l = await launch(EXTENSION_DIR, { userDataDir: await mkdtemp(join(tmpdir(), 'nianbao-capture-')) });
    report = await l.context.newPage();
    await report.goto(`http://www.example.gov.cn:${site.port}/ndbg/broken.html`);
    await waitForOverlay(report);
    tabId = await tabOf(report.url());
  }, 120_000);

  afterAll(async () => {
    await l?.close();
    await new Promise<void>((r) => (site ? site.server.close(() => r()) : r()));
  });

  async function tabOf(url: string): Promise<number> {
    return (
      (await l.worker?.evaluate(async (u) => {
        const c = (
          globalThis as unknown as {
            chrome: { tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> } };
          }
        ).chrome;
        return (await c.tabs.query({})).find((t) => t.url === u)?.id ?? -1;
      }, url)) ?? -1
    );
  }

  /** The popup in its own window, so the report stays the visible tab of its window. */
  async function popupWindow(id: number): Promise<Page> {
    const created = l.context.waitForEvent('page');
    await l.cdp.send('Target.createTarget', {
      url: `chrome-extension://${l.extensionId}/popup.html?tabId=${id}`,
      newWindow: true,
    } as never);
    const p = await created;
    await p.waitForLoadState();
    return p;
  }

  const send = (p: Page, msg: object) =>
    p.evaluate((m) => (globalThis as unknown as Chrome).chrome.runtime.sendMessage(m), msg) as Promise<{
      ok: boolean;
      value: unknown;
      error?: string;
    }>;

  /** Rows of a PNG data URL: per row, the share of pixels equal to rgb(r, g, b) (±3). */
  const rowShare = (p: Page, src: string, rgb: [number, number, number]) =>
    p.evaluate(
      async ({ src, rgb }) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const c = new OffscreenCanvas(img.width, img.height);
        const ctx = c.getContext('2d');
        ctx?.drawImage(img, 0, 0);
        const d = ctx?.getImageData(0, 0, img.width, img.height).data ?? new Uint8ClampedArray();
        const rows: number[] = [];
        for (let y = 0; y < img.height; y++) {
          let n = 0;
          for (let x = 0; x < img.width; x++) {
            const i = (y * img.width + x) * 4;
            if (rgb.every((v, k) => Math.abs((d[i + k] ?? 0) - v) <= 3)) n++;
          }
          rows.push(n / img.width);
        }
        return { width: img.width, height: img.height, rows };
      },
      { src, rgb },
    );

  it('without a toolbar click, the card’s close-up says on the page what to do; so does the popup', async () => {
    await report.bringToFront();
    const said = await inOverlay(report, async (root) => {
      const badge = root.querySelector<HTMLElement>('.badge[data-rule="t2-row-total"]');
      badge?.click();
      const button = Array.from(root.querySelectorAll<HTMLButtonElement>('.card button')).find(
        (b) => b.textContent === '特写截图并加入清单',
      );
      button?.click();
      for (let i = 0; i < 80; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const toast = root.querySelector<HTMLElement>('.toast');
        if (toast) {
          const r = toast.getBoundingClientRect();
          const layer = root.querySelector('.layer');
          return {
            text: toast.textContent,
            visible: r.width > 0 && r.height > 0 && r.top >= 0 && r.top < innerHeight,
            capturing: layer?.classList.contains('no-chrome') ?? null,
          };
        }
      }
      return null;
    });
    expect(said?.text).toContain('请先点击工具栏中的年报巡检图标，再截图');
    expect(said?.visible).toBe(true);
    expect(said?.capturing).toBe(false); // the overlay is given back after the failed capture
    const popup = await popupWindow(tabId);
    await report.bringToFront();
    await popup.click('[data-action="capture-visible"]');
    await expect
      .poll(() => popup.locator('.notice').textContent(), { timeout: 10_000 })
      .toContain('请先点击工具栏中的年报巡检图标，再截图');
    await popup.close();
  }, 60_000);

  it('a finding’s close-up holds the table’s header rows and the row, with a caption strip under it', async () => {
    await report.bringToFront();
    await report.evaluate(() => scrollTo(0, 0));
    await clickAction(l, report.url());
    const popup = await popupWindow(tabId);
    await report.bringToFront();
    const reply = await send(popup, {
      type: 'capture',
      tabId,
      mode: 'finding',
      findingId: 't2-row-total:t2:rowtotal:total',
    });
    expect(reply.error).toBeUndefined();
    const shot = (reply.value as { shots: Shot[] }).shots[0] as Shot;
    // the page's own geometry: table 2's first row (its header) and the 总计 row, in document pixels
    const page = await report.evaluate(() => {
      const t2 = Array.from(document.querySelectorAll('table')).find((t) =>
        (t.textContent ?? '').includes('本年新收政府信息公开申请数量'),
      );
      const rows = Array.from(t2?.querySelectorAll('tr') ?? []);
      const head = rows[0]?.getBoundingClientRect();
      const total = rows.find((r) => (r.textContent ?? '').includes('七）总计'))?.getBoundingClientRect();
      return {
        headTop: (head?.top ?? 0) + scrollY,
        headBottom: (head?.bottom ?? 0) + scrollY,
        totalBottom: (total?.bottom ?? 0) + scrollY,
        vh: innerHeight,
        dpr: devicePixelRatio,
      };
    });
    const region = shot.region ?? { top: 0, height: 0, left: 0, width: 0 };
    expect(region.top).toBeLessThanOrEqual(page.headTop);
    expect(region.top + region.height).toBeGreaterThanOrEqual(page.totalBottom);
    expect(shot.header?.top).toBeCloseTo(page.headTop, 0);
    // the 总计 row is far below the header: the close-up is stitched from more than one viewport
    expect(region.height).toBeGreaterThan(page.vh);
    const a = await rowShare(popup, shot.annotated, [32, 33, 36]);
    const plain = await rowShare(popup, shot.plain, [32, 33, 36]);
    const imageHeight = Math.round(region.height * page.dpr);
    expect(plain.height).toBe(imageHeight); // the plain copy: the page only
    expect(a.height).toBeGreaterThan(imageHeight + 40); // the caption strip below it
    const strip = a.rows.slice(imageHeight + 2);
    expect(strip.filter((s) => s > 0.5).length).toBeGreaterThan(strip.length * 0.5);
    expect(a.rows.slice(0, imageHeight).filter((s) => s > 0.5).length).toBe(0);
    expect(shot.name).toMatch(/_特写\.png$/);
    // only this finding's marks: the header and the rows above 总计 (another finding's row among them) are
    // as plain as the plain copy
    const differ = (from: number, to: number) =>
      popup.evaluate(
        async ({ a, b, from, to }) => {
          const read = async (src: string) => {
            const img = new Image();
            img.src = src;
            await img.decode();
            const c = new OffscreenCanvas(img.width, img.height);
            const ctx = c.getContext('2d');
            ctx?.drawImage(img, 0, 0);
            return ctx?.getImageData(0, from, img.width, to - from).data ?? new Uint8ClampedArray();
          };
          const [x, y] = [await read(a), await read(b)];
          let n = 0;
          for (let i = 0; i < x.length; i += 4) if (Math.abs((x[i] ?? 0) - (y[i] ?? 0)) > 8) n++;
          return n;
        },
        { a: shot.annotated, b: shot.plain, from, to },
      );
    expect(await differ(0, Math.round(imageHeight * 0.5))).toBe(0);
    // the 总计 row itself is marked: there the annotated copy differs from the plain one
    expect(await differ(Math.round(imageHeight * 0.85), imageHeight)).toBeGreaterThan(200);
    await popup.close();
  }, 60_000);

  it('"add all" gives each finding group its own close-up, with progress', async () => {
    await clickAction(l, report.url());
    const popup = await popupWindow(tabId);
    await report.bringToFront();
    await popup.click('[data-action="add-all"]');
    await expect
      .poll(() => popup.locator('.notice').last().textContent(), { timeout: 60_000 })
      .toMatch(/已加入问题清单（\d+ 条）/);
    const list = (await send(popup, { type: 'issues-list' })).value as Array<{
      ruleId: string;
      imageKeys: string[];
    }>;
    expect(list.length).toBeGreaterThan(2);
    const images = new Set(list.map((e) => e.imageKeys.join()));
    expect(images.size).toBeGreaterThan(1);
    expect(list.every((e) => e.imageKeys.length === 2)).toBe(true);
    // the two broken rows are far apart: two different close-ups
    const rows = list.filter((e) => e.ruleId === 't2-row-total').map((e) => e.imageKeys.join());
    expect(new Set(rows).size).toBe(2);
    await popup.close();
  }, 90_000);

  it('a whole-page capture: no bar at the seams, no scrollbar at the edge', async () => {
    const p = await l.context.newPage();
    await p.goto(`http://www.example.gov.cn:${site.port}/ndbg/late.html`);
    await waitForOverlay(p);
    const chip = await inOverlay(p, (root) => !!root.querySelector('.chip'));
    expect(chip).toBe(true); // the overlay shows its status chip on the page
    const id = await tabOf(p.url());
    await p.bringToFront();
    await clickAction(l, p.url());
    const popup = await popupWindow(id);
    await p.bringToFront();
    const styleBefore = await p.evaluate(() => document.documentElement.getAttribute('style'));
    const reply = await send(popup, { type: 'capture', tabId: id, mode: 'full' });
    expect(reply.error).toBeUndefined();
    const shot = (reply.value as { shots: Shot[] }).shots[0] as Shot;
    const vh = await p.evaluate(() => innerHeight * devicePixelRatio);
    const diff = await popup.evaluate(
      async ({ a, b, vh }) => {
        const read = async (src: string) => {
          const img = new Image();
          img.src = src;
          await img.decode();
          const c = new OffscreenCanvas(img.width, img.height);
          const ctx = c.getContext('2d');
          ctx?.drawImage(img, 0, 0);
          return { w: img.width, h: img.height, d: ctx?.getImageData(0, 0, img.width, img.height).data };
        };
        const x = await read(a);
        const y = await read(b);
        let differ = 0;
        let seams = 0;
        // the band under every seam, where a bar clamped to the viewport's top would repeat
        for (let s = 0; s < x.h; s += vh) {
          seams++;
          for (let row = s; row < Math.min(x.h, s + 60); row++)
            for (let col = 0; col < x.w; col++) {
              const i = (row * x.w + col) * 4;
              if (Math.abs((x.d?.[i] ?? 0) - (y.d?.[i] ?? 0)) > 8) differ++;
            }
        }
        // the right edge: no column there is a scrollbar (grey down most of its height); page text may reach it
        let edge = 0;
        for (let col = x.w - 20; col < x.w; col++) {
          let grey = 0;
          for (let row = 0; row < x.h; row++) if ((x.d?.[(row * x.w + col) * 4] ?? 0) < 245) grey++;
          edge = Math.max(edge, grey / x.h);
        }
        return { differ, seams, edge, h: x.h };
      },
      { a: shot.annotated, b: shot.plain, vh },
    );
    expect(diff.seams).toBeGreaterThan(1);
    expect(diff.differ).toBe(0);
    expect(diff.edge).toBeLessThan(0.2);
    // the page is given back with its bar
    expect(await inOverlay(p, (root) => root.querySelector('.layer')?.classList.contains('no-chrome'))).toBe(
      false,
    );
    expect(await p.evaluate(() => document.documentElement.getAttribute('style'))).toBe(styleBefore);
    expect(await p.evaluate(() => getComputedStyle(document.documentElement).scrollbarWidth)).toBe('auto');
    await popup.close();
    await p.close();
  }, 90_000);

  it('the markup page: a box and a blur on a capture, saved to the list as the entry’s image', async () => {
    await report.bringToFront();
    await clickAction(l, report.url());
    const popup = await popupWindow(tabId);
    await report.bringToFront();
    await popup.click('[data-action="capture-visible"]');
    await popup.waitForSelector('.shot img', { timeout: 15_000 });
    // the list emptied: the marked-up image is what the page's findings get
    const listed = (await send(popup, { type: 'issues-list' })).value as Array<{ id: string }>;
    await send(popup, { type: 'issues-remove', ids: listed.map((e) => e.id) });
    const opened = l.context.waitForEvent('page');
    await popup.click('[data-action="markup"]');
    const m = await opened;
    await m.waitForSelector('canvas[data-shapes="0"]');
    await m.waitForFunction(() => (document.querySelector('canvas')?.width ?? 0) > 100);
    const box = await m.locator('canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    const drag = async (x0: number, y0: number, x1: number, y1: number) => {
      await m.mouse.move(box.x + x0, box.y + y0);
      await m.mouse.down();
      await m.mouse.move(box.x + x1, box.y + y1, { steps: 4 });
      await m.mouse.up();
    };
    await drag(40, 40, 200, 120);
    await m.click('[data-tool="blur"]');
    await drag(220, 40, 320, 100);
    await m.click('[data-tool="text"]');
    await m.fill('[data-field="note"]', '此处合计有误');
    await m.mouse.click(box.x + 60, box.y + 160);
    await m.waitForSelector('canvas[data-shapes="3"]');
    await m.click('[data-action="undo"]');
    await m.waitForSelector('canvas[data-shapes="2"]');
    // the box and the blur changed the picture; the original is kept apart
    const changed = await m.evaluate(async () => {
      const c = document.querySelector('canvas') as HTMLCanvasElement;
      const img = new Image();
      img.src = (await (globalThis as unknown as Chrome).chrome.runtime
        .sendMessage({
          type: 'markup-get',
          token: new URLSearchParams(location.search).get('token'),
        })
        .then((r) => (r as { value: { shot: { annotated: string } } }).value.shot.annotated)) as string;
      await img.decode();
      const o = new OffscreenCanvas(img.width, img.height);
      o.getContext('2d')?.drawImage(img, 0, 0);
      const a = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
      const b = o.getContext('2d')?.getImageData(0, 0, img.width, img.height).data ?? [];
      let n = 0;
      for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i] || a[i + 1] !== b[i + 1]) n++;
      return n;
    });
    expect(changed).toBeGreaterThan(500);
    await m.click('[data-action="save"]');
    await expect
      .poll(() => m.locator('.notice').textContent(), { timeout: 10_000 })
      .toMatch(/已加入问题清单（[1-9]\d* 条）/);
    const after = (await send(popup, { type: 'issues-list' })).value as Array<{ imageKeys: string[] }>;
    expect(after.length).toBe(listed.length);
    expect(new Set(after.map((e) => e.imageKeys.join())).size).toBe(1); // the one marked-up image
    await m.close();
    await popup.close();
  }, 60_000);

  it('the card’s 「特写并标注」 opens the finding’s close-up in the markup page', async () => {
    await report.bringToFront();
    await clickAction(l, report.url());
    const opened = l.context.waitForEvent('page', { timeout: 20_000 });
    const clicked = await inOverlay(report, (root) => {
      const find = () =>
        Array.from(root.querySelectorAll<HTMLButtonElement>('.card button')).find(
          (b) => b.textContent === '特写并标注',
        );
      // a click on the badge of the card already open closes it: click until the card is there
      for (let i = 0; i < 2 && !find(); i++)
        root.querySelector<HTMLElement>('.badge[data-rule="t2-row-total"]')?.click();
      const button = find();
      button?.click();
      return !!button;
    });
    expect(clicked).toBe(true);
    const m = await opened;
    await m.waitForSelector('canvas[data-shapes="0"]');
    expect(m.url()).toMatch(/\/markup\.html\?token=/);
    await m.waitForFunction(() => (document.querySelector('canvas')?.height ?? 0) > 100);
    await m.close();
  }, 60_000);
});
