/**
 * Reports published as files, end to end in Chromium: a report page on a gov host links its PDF, its DOCX
 * and an old .doc; the popup lists them under 附件; each opens in the extension's viewer, which fetches,
 * reads, audits and draws the document (PDF pages with their text layer, the DOCX as clean HTML) and marks
 * the broken sum as on pages; the figure that differs from the page's own text is a finding too; the popup
 * then shows each attachment's counts. A tab showing a PDF directly: the toolbar button opens the viewer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAction, EXTENSION_DIR, type Launched, launch } from '../../scripts/browser';
import { reportDocx, reportPdf, writePdf } from '../fixtures/documents';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { HAVE_BROWSER, inOverlay, waitForOverlay } from './setup';
import { rowShare, send } from './viewer-pixels';

const AGENCY = '示例县城关镇人民政府';
const TITLE = `${AGENCY}2024年政府信息公开工作年度报告`;
// the page's own text is consistent; its PDF and DOCX carry 一、本年新收 总计 4 ≠ 3 (a broken row sum)
const broken = { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4] };
const links = `<p>附件：<a href="/files/nb2024.pdf">${TITLE}.pdf</a>
  <a href="/files/nb2024.docx">${TITLE}.docx</a> <a href="/files/old.doc">${TITLE}.doc</a>
  <a href="/files/guide.pdf">政府信息公开指南</a></p>`;
const page = reportPage({ agency: AGENCY, t2: simpleT2(3) }).replace(
  '<div class="footer">',
  `${links}<div class="footer">`,
);
const OLE = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);

type Chrome = { tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> } };

describe.runIf(HAVE_BROWSER)('report files in the viewer (Chromium)', () => {
  let server: Server;
  let port = 0;
  let l: Launched;
  let report: Page;
  let tabId = -1;
  const files = new Map<string, { type: string; body: Uint8Array | string }>();
  const requests: string[] = [];

  const url = (path: string) => `http://www.example.gov.cn:${port}${path}`;
  const tabOf = (u: string): Promise<number> => {
    if (!l.worker) throw new Error('no service worker');
    return l.worker.evaluate(
      async (x) =>
        (await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({})).find((t) => t.url === x)
          ?.id ?? -1,
      u,
    );
  };
  const popupFor = async (id: number): Promise<Page> => {
    const p = await l.context.newPage();
    await p.goto(`chrome-extension://${l.extensionId}/popup.html?tabId=${id}`);
    return p;
  };
  /** Open an attachment from the popup: the viewer opens in a new tab. */
  const openFromPopup = async (popup: Page, fileUrl: string): Promise<Page> => {
    const opened = l.context.waitForEvent('page', (p) => p.url().includes('/viewer.html'));
    await popup.click(`[data-attachment="${fileUrl}"] [data-action="open-viewer"]`);
    const v = await opened;
    await v.waitForSelector('[data-state="done"], [data-state="failed"]', { timeout: 30_000 });
    return v;
  };
  const marks = (v: Page) =>
    inOverlay(v, (root) =>
      // one badge per place: it carries every finding of its place
      Array.from(root.querySelectorAll<HTMLElement>('.badge')).flatMap((b) =>
        (b.dataset.findingIds ?? b.dataset.findingId ?? '').split(' '),
      ),
    );

  beforeAll(async () => {
    files.set('/xxgk/nb2024.html', { type: 'text/html; charset=utf-8', body: page });
    files.set('/files/nb2024.pdf', {
      type: 'application/pdf',
      body: reportPdf({ t2: broken }, { rules: true }),
    });
    files.set('/files/nb2024.docx', {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      body: await reportDocx({ t2: broken }),
    });
    files.set('/files/old.doc', { type: 'application/msword', body: OLE });
    files.set('/files/scan.pdf', { type: 'application/pdf', body: writePdf([{ texts: [], image: true }]) });
    files.set('/files/long.pdf', {
      type: 'application/pdf',
      body: reportPdf({ t2: broken, extraParagraphs: 560 }, { rules: true }),
    });
    server = createServer((req, res) => {
      requests.push(`${req.headers.host}${req.url}`);
      const f = files.get(req.url ?? '');
      if (!f) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': f.type });
      res.end(f.body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    l = await launch(EXTENSION_DIR);
    report = await l.context.newPage();
    await report.goto(url('/xxgk/nb2024.html'));
    await waitForOverlay(report);
    tabId = await tabOf(report.url());
  }, 120_000);

  afterAll(async () => {
    await l?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  });

  it('the popup lists the report files of the page, not the guide', async () => {
    const popup = await popupFor(tabId);
    await popup.waitForSelector('[data-section="attachments"] li');
    const listed = await popup.$$eval('[data-section="attachments"] li', (lis) =>
      lis.map((li) => [(li as HTMLElement).dataset.attachment, (li as HTMLElement).dataset.kind]),
    );
    expect(listed).toEqual([
      [url('/files/nb2024.pdf'), 'pdf'],
      [url('/files/nb2024.docx'), 'docx'],
      [url('/files/old.doc'), 'doc'],
    ]);
    await popup.close();
  }, 60_000);

  it('the PDF: pages drawn with their text layer, the broken sum marked, the difference from the page found', async () => {
    const popup = await popupFor(tabId);
    await popup.waitForSelector('[data-section="attachments"] li');
    const v = await openFromPopup(popup, url('/files/nb2024.pdf'));
    expect(await v.locator('[data-state="done"]').count()).toBe(1);
    const drawn = await v.evaluate(() => ({
      pages: document.querySelectorAll('.pdf-page canvas').length,
      text: Array.from(document.querySelectorAll('.textLayer span'))
        .map((s) => s.textContent)
        .join(''),
      anchors: document.querySelectorAll('.pdf-anchor[data-cell]').length,
    }));
    expect(drawn.pages).toBeGreaterThan(0);
    expect(drawn.text).toContain('政府信息公开工作年度报告');
    expect(drawn.anchors).toBeGreaterThan(50);
    await expect.poll(() => marks(v), { timeout: 10_000 }).toContain('t2-row-total:t2:rowtotal:new');
    const ids = (await marks(v)) ?? [];
    expect(ids).toContain('version-figure:t2:new:total');
    // the badge sits on the PDF page, over the cell's box
    const placed = await v.evaluate(() => {
      const a = document.querySelector<HTMLElement>('.pdf-anchor[data-cell="t2:new:total"]');
      const r = a?.getBoundingClientRect();
      const pageBox = a?.parentElement?.getBoundingClientRect();
      return r && pageBox ? r.left >= pageBox.left && r.right <= pageBox.right + 1 && r.width > 0 : false;
    });
    expect(placed).toBe(true);
    // a finding's card in the viewer adds it to the issue list, as on pages
    await inOverlay(v, (root) => {
      const b = root.querySelector<HTMLElement>('.badge[data-finding-id="t2-row-total:t2:rowtotal:new"]');
      b?.click();
      root.querySelector<HTMLElement>('.card .nav button')?.click();
    });
    await expect
      .poll(() => inOverlay(v, (root) => root.querySelector('.card .status')?.textContent ?? ''), {
        timeout: 10_000,
      })
      .toContain('已加入问题清单（1 条）');
    // the popup now shows the file's counts
    await expect
      .poll(
        () =>
          popup
            .locator(`[data-attachment="${url('/files/nb2024.pdf')}"] .att-result`)
            .getAttribute('data-result')
            .catch(() => null),
        { timeout: 10_000 },
      )
      .toMatch(/"error":[1-9]/);
    await v.close();
    await popup.close();
  }, 90_000);

  const findingsOf = (v: Page) =>
    v.$$eval('.findings li[data-finding]', (lis) =>
      lis.map((li) => (li as HTMLElement).dataset.finding ?? ''),
    );

  it('capture in the viewer: close-ups cut from the PDF page, captioned, land in the issue list', async () => {
    const popup = await popupFor(tabId);
    await popup.waitForSelector('[data-section="attachments"] li');
    const v = await openFromPopup(popup, url('/files/nb2024.pdf'));
    await popup.close();
    await expect.poll(() => marks(v), { timeout: 10_000 }).toContain('version-figure:t2:new:total');
    const vTab = await tabOf(v.url());
    // the card's 特写截图并加入清单: the background asks the viewer for the close-up and adds it
    await inOverlay(v, (root) => {
      // one badge per place: open the card of the place, then pick the finding on it
      const id = 'version-figure:t2:new:total';
      const badge = Array.from(root.querySelectorAll<HTMLElement>('.badge')).find((b) =>
        (b.dataset.findingIds ?? '').split(' ').includes(id),
      );
      badge?.click();
      const at = (badge?.dataset.findingIds ?? '').split(' ').indexOf(id);
      if (at > 0) root.querySelectorAll<HTMLElement>('.card .here button')[at]?.click();
      Array.from(root.querySelectorAll<HTMLButtonElement>('.card button'))
        .find((b) => b.textContent === '特写截图并加入清单')
        ?.click();
    });
    await expect
      .poll(() => inOverlay(v, (root) => root.querySelector('.card .status')?.textContent ?? ''), {
        timeout: 20_000,
      })
      .toContain('已加入问题清单（1 条）');
    // 特写并标注: the close-up opens in the markup page
    const markup = l.context.waitForEvent('page', (p) => p.url().includes('/markup.html'));
    await inOverlay(v, (root) => {
      Array.from(root.querySelectorAll<HTMLButtonElement>('.card button'))
        .find((b) => b.textContent === '特写并标注')
        ?.click();
    });
    const m = await markup;
    await m.waitForSelector('canvas', { timeout: 10_000 });
    await m.close();
    const list = (await send(v, { type: 'issues-list' })).value as Array<{
      findingId: string;
      screenshot: string | null;
      imageKeys: string[];
    }>;
    const entry = list.find((e) => e.findingId === 'version-figure:t2:new:total');
    expect(entry?.screenshot).toMatch(/_特写\.png$/);
    expect(entry?.imageKeys.length).toBe(2);
    // the image itself: the table's rows with the cell outlined in the finding's colour, the caption strip
    // under it; the plain copy is the same crop without either
    const reply = await send(v, {
      type: 'capture',
      tabId: vTab,
      mode: 'finding',
      findingId: 't2-row-total:t2:rowtotal:new',
    });
    expect(reply.ok).toBe(true);
    const shot = (
      reply.value as { ok: boolean; shots: Array<{ annotated: string; plain: string; name: string }> }
    ).shots[0];
    expect(shot?.name).toMatch(/nb2024.*_特写\.png$|年度报告.*_特写\.png$/);
    const a = await rowShare(v, shot?.annotated ?? '', [32, 33, 36]);
    const plain = await rowShare(v, shot?.plain ?? '', [32, 33, 36]);
    expect(a.width).toBe(plain.width);
    expect(a.height).toBeGreaterThan(plain.height + 40); // the caption strip
    const strip = a.rows.slice(plain.height + 2);
    expect(strip.filter((x) => x > 0.5).length).toBeGreaterThan(strip.length * 0.5);
    expect(plain.rows.filter((x) => x > 0.5).length).toBe(0);
    const red = (await rowShare(v, shot?.annotated ?? '', [217, 48, 37])).rows.slice(0, plain.height);
    const redPlain = (await rowShare(v, shot?.plain ?? '', [217, 48, 37])).rows;
    expect(red.some((x) => x > 0)).toBe(true);
    expect(redPlain.every((x) => x === 0)).toBe(true);
    // the popup's 全部加入问题清单 on the viewer's tab: one close-up per finding group, each added
    const before = ((await send(v, { type: 'issues-list' })).value as typeof list).length;
    const vPopup = await popupFor(vTab);
    await vPopup.click('[data-action="add-all"]');
    await expect
      .poll(() => vPopup.locator('.notice').last().textContent(), { timeout: 30_000 })
      .toMatch(/已加入问题清单（[1-9]\d* 条）/);
    await vPopup.close();
    const after = (await send(v, { type: 'issues-list' })).value as typeof list;
    expect(after.length).toBeGreaterThan(before);
    const mine = after.filter((e) => e.imageKeys.length === 2 && /_特写\.png$/.test(e.screenshot ?? ''));
    expect(mine.length).toBeGreaterThan(1);
    await v.close();
  }, 90_000);

  it('capture in the viewer, a DOCX: the tab is captured as a page, once the toolbar icon was clicked on it', async () => {
    const popup = await popupFor(tabId);
    await popup.waitForSelector('[data-section="attachments"] li');
    const v = await openFromPopup(popup, url('/files/nb2024.docx'));
    await popup.close();
    await expect.poll(() => marks(v), { timeout: 10_000 }).toContain('t2-row-total:t2:rowtotal:new');
    await v.bringToFront();
    const vTab = await tabOf(v.url());
    const ask = { type: 'capture', tabId: vTab, mode: 'finding', findingId: 't2-row-total:t2:rowtotal:new' };
    // as on pages: Chrome lets the extension capture its own page only after a click on its icon there
    const refused = (await send(v, ask)).value as { ok: boolean; error?: string };
    expect(refused.ok).toBe(false);
    expect(refused.error).toContain('请先点击工具栏中的年报巡检图标');
    await clickAction(l, v.url());
    const reply = (await send(v, ask)).value as {
      ok: boolean;
      error?: string;
      shots: Array<{ annotated: string; plain: string; header?: object }>;
    };
    expect(reply.error).toBeUndefined();
    const shot = reply.shots[0];
    expect(shot?.header).toBeDefined(); // the table's header rows are in it
    const a = await rowShare(v, shot?.annotated ?? '', [32, 33, 36]);
    const plain = await rowShare(v, shot?.plain ?? '', [32, 33, 36]);
    expect(a.height).toBeGreaterThan(plain.height + 40);
    expect(a.rows.slice(plain.height + 2).filter((x) => x > 0.5).length).toBeGreaterThan(10);
    // the popup's 截取可见区域 on the view's tab works too (the marks in view burned in, a plain copy beside)
    await v.evaluate(() =>
      Array.from(document.querySelectorAll('#doc td'))
        .find((td) => td.textContent?.includes('本年新收'))
        ?.scrollIntoView({ block: 'center' }),
    );
    const visible = (await send(v, { type: 'capture', tabId: vTab, mode: 'visible' })).value as {
      ok: boolean;
      shots: Array<{ annotated: string; plain: string; name: string }>;
    };
    expect(visible.ok).toBe(true);
    expect(visible.shots[0]?.name).toMatch(/_可见区域\.png$/);
    expect(visible.shots[0]?.annotated).not.toBe(visible.shots[0]?.plain);
    // the view's bar and the overlay's chrome come back after the captures
    expect(await v.evaluate(() => document.body.classList.contains('capturing'))).toBe(false);
    await v.close();
  }, 90_000);

  it("opened from a page with a date: the file is judged by the page's date, no 「未找到发布时间」", async () => {
    const popup = await popupFor(tabId);
    await popup.waitForSelector('[data-section="attachments"] li');
    const v = await openFromPopup(popup, url('/files/nb2024.docx'));
    await popup.close();
    const ids = await findingsOf(v);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain('year-publication:unknown');
    await v.close();
    // the page is this report: its audit stands in the store, the DOCX is not a second one of the year
    const ext = await popupFor(tabId);
    const stored = async () =>
      ((await send(ext, { type: 'store-list' })).value as Array<{ url: string }>).map((e) => e.url);
    expect(await stored()).toContain(report.url());
    expect(await stored()).not.toContain(url('/files/nb2024.docx'));
    // the same file opened alone has no date to go by: it says so
    const alone = await l.context.newPage();
    await alone.goto(
      `chrome-extension://${l.extensionId}/viewer.html?url=${encodeURIComponent(url('/files/nb2024.docx'))}`,
    );
    await alone.waitForSelector('[data-state="done"]', { timeout: 60_000 });
    expect(await findingsOf(alone)).toContain('year-publication:unknown');
    // alone, it is still the same body's 2024 report the store holds under the page's address: not kept
    expect(await stored()).not.toContain(url('/files/nb2024.docx'));
    await alone.close();
    await ext.close();
  }, 90_000);

  it('the DOCX: drawn as clean HTML, the broken sum marked; the old .doc says what to do', async () => {
    const popup = await popupFor(tabId);
    await popup.waitForSelector('[data-section="attachments"] li');
    const v = await openFromPopup(popup, url('/files/nb2024.docx'));
    const doc = await v.evaluate(() => ({
      tables: document.querySelectorAll('#doc table').length,
      scripts: document.querySelectorAll('#doc script, #doc [style], #doc [class]').length,
    }));
    expect(doc.tables).toBe(3);
    expect(doc.scripts).toBe(0);
    await expect.poll(() => marks(v), { timeout: 10_000 }).toContain('t2-row-total:t2:rowtotal:new');
    await v.close();
    const old = await openFromPopup(popup, url('/files/old.doc'));
    expect(await old.textContent('[data-state="failed"]')).toContain(
      '旧版 Word/WPS 文件：请另存为 DOCX 或 PDF 后再审核',
    );
    expect(await marks(old)).toBeNull();
    await old.close();
    await popup.close();
  }, 90_000);

  it('a tab showing a PDF directly: the toolbar button opens the viewer for it', async () => {
    const pdfTab = await l.context.newPage();
    const pdfUrl = url('/files/nb2024.pdf');
    await pdfTab.goto(pdfUrl).catch(() => undefined); // the browser's PDF viewer may abort the navigation
    await expect.poll(() => tabOf(pdfUrl), { timeout: 10_000 }).toBeGreaterThan(-1);
    const opened = l.context.waitForEvent('page', {
      predicate: (p) => p.url().includes('/viewer.html'),
      timeout: 20_000,
    });
    await clickAction(l, pdfUrl);
    const v = await opened;
    expect(new URL(v.url()).searchParams.get('url')).toBe(pdfUrl);
    await v.waitForSelector('[data-state="done"]', { timeout: 30_000 });
    await expect.poll(() => marks(v), { timeout: 10_000 }).toContain('t2-row-total:t2:rowtotal:new');
    await v.close();
    await pdfTab.close();
  }, 90_000);

  /** The viewer opened directly on a file (as from a link to it). */
  const viewerOn = async (path: string): Promise<Page> => {
    const v = await l.context.newPage();
    await v.goto(`chrome-extension://${l.extensionId}/viewer.html?url=${encodeURIComponent(url(path))}`);
    await v.waitForSelector('[data-state="done"], [data-state="failed"]', { timeout: 60_000 });
    return v;
  };

  it('a scanned PDF says so and invents nothing', async () => {
    const v = await viewerOn('/files/scan.pdf');
    expect(await v.textContent('[data-state="failed"]')).toContain('扫描件');
    expect(await marks(v)).toBeNull();
    await v.close();
  }, 60_000);

  it('a 30-page PDF: every page drawn, progress shown while drawing, the broken sum marked', async () => {
    const v = await l.context.newPage();
    const stages = new Set<string>();
    await v.exposeFunction('__stage', (s: string) => stages.add(s));
    await v.addInitScript(() => {
      new MutationObserver(() => {
        const s = document.querySelector<HTMLElement>('[data-stage]')?.dataset.stage;
        if (s) (window as unknown as { __stage(s: string): void }).__stage(s);
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await v.goto(
      `chrome-extension://${l.extensionId}/viewer.html?url=${encodeURIComponent(url('/files/long.pdf'))}`,
    );
    await v.waitForSelector('[data-state="done"]', { timeout: 90_000 });
    const pages = await v.evaluate(() => document.querySelectorAll('.pdf-page canvas').length);
    expect(pages).toBeGreaterThanOrEqual(30);
    expect([...stages]).toEqual(expect.arrayContaining(['reading', 'drawing', 'done']));
    await expect.poll(() => marks(v), { timeout: 10_000 }).toContain('t2-row-total:t2:rowtotal:new');
    await v.close();
  }, 120_000);

  it('a file off government sites: the view asks for that site first and fetches nothing until allowed', async () => {
    const off = `http://files.example.org:${port}/files/nb2024.pdf`;
    const v = await l.context.newPage();
    await v.goto(`chrome-extension://${l.extensionId}/viewer.html?url=${encodeURIComponent(off)}`);
    await v.waitForSelector('[data-action="allow"]');
    expect(await v.textContent('[data-stage="permission"]')).toContain('http://files.example.org/*');
    expect(requests.filter((r) => r.startsWith('files.example.org'))).toEqual([]);
    expect(await marks(v)).toBeNull();
    await v.close();
  }, 60_000);
});
