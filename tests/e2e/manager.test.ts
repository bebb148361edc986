/**
 * The issue list manager at 1366×768: it fits (no header one character per line, chips on one line, the
 * description wide enough to read), thumbnails open a viewer (← → step, Esc closes, nothing downloaded),
 * "no match" is said, the export button says what it exports, bulk status changes, the XLSX and Word
 * writers load and work inside the extension page, and the page follows the English setting.
 * The list is seeded as the background keeps it (storage.local + the IndexedDB image store).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toResult } from '../../lib/audit';
import type { IssueEntry, PageInfo } from '../../lib/issues/model';
import { MemoryBlobs, MemoryKeyValue } from '../../lib/issues/storage';
import { IssueStore } from '../../lib/issues/store';
import { EXTENSION_DIR, type Launched, launch } from '../../scripts/browser';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { auditHtml } from '../helpers';
import { HAVE_BROWSER } from './setup';

function png(w: number, h: number, label: string): Blob {
  const c = createCanvas(w, h);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#d93025';
  ctx.fillRect(10, 10, w - 20, 30);
  ctx.fillStyle = '#000';
  ctx.fillText(label, 20, 80);
  return new Blob([new Uint8Array(c.toBuffer('image/png'))], { type: 'image/png' });
}

async function seed(): Promise<{ entries: IssueEntry[]; images: Array<[string, string, number[]]> }> {
  const kv = new MemoryKeyValue();
  const blobs = new MemoryBlobs();
  const store = new IssueStore(kv, blobs, () => new Date(2026, 10, 22, 10, 30, 0));
  const broken = toResult(
    auditHtml(reportPage({ t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4] }, published: '2025-02-20' })),
  );
  const pages: PageInfo[] = [
    {
      url: 'http://www.example.gov.cn/ndbg/2024.html',
      title: '示例县市场监督管理局2024年政府信息公开工作年度报告',
      siteName: '示例县人民政府',
      agency: '示例县市场监督管理局',
      reportYear: 2024,
      columnName: '政府信息公开年报',
    },
    {
      url: 'http://www.example.gov.cn/ndbg/2023.html',
      title: '示例县市场监督管理局2023年政府信息公开工作年度报告',
      siteName: '',
      agency: '示例县市场监督管理局',
      reportYear: 2023,
    },
    {
      url: 'http://www.other.gov.cn/nb/2024.html',
      title: '示例市城关镇人民政府2024年政府信息公开工作年度报告',
      siteName: '',
      docTitle: '2024年度报告_示例市城关镇人民政府',
      agency: '示例市城关镇人民政府',
      reportYear: 2024,
    },
  ];
  for (const [i, p] of pages.entries())
    for (const f of broken.findings)
      await store.add(p, [f], {
        inspector: '李四',
        screenshot: {
          name: `shot-${i}-${f.ruleId}.png`,
          annotated: png(640, 360, f.id),
          plain: png(640, 360, ''),
        },
      });
  const images: Array<[string, string, number[]]> = [];
  for (const [k, b] of blobs.data) images.push([k, b.type, [...new Uint8Array(await b.arrayBuffer())]]);
  return { entries: await store.list(), images };
}

describe.runIf(HAVE_BROWSER)('the issue list manager', () => {
  let l: Launched;
  let m: Page;
  let entries: IssueEntry[] = [];
  let downloads = '';

  const rows = () => m.locator('table.issues tbody tr');

  beforeAll(async () => {
    const seeded = await seed();
    entries = seeded.entries;
    downloads = await mkdtemp(join(tmpdir(), 'nianbao-downloads-'));
    l = await launch(EXTENSION_DIR);
    await l.cdp.send('Browser.setDownloadBehavior', {
      behavior: 'allow',
      downloadPath: downloads,
      eventsEnabled: true,
    } as never);
    m = await l.context.newPage();
    await m.setViewportSize({ width: 1366, height: 768 });
    await m.goto(`chrome-extension://${l.extensionId}/issues.html`);
    await m.getByText('清单为空').waitFor();
    await l.worker!.evaluate(async (list) => {
      await (
        globalThis as unknown as { chrome: { storage: { local: { set(i: object): Promise<void> } } } }
      ).chrome.storage.local.set({ issues: list });
    }, entries);
    await m.evaluate(async (imgs) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('nianbao-evidence', 1);
        r.onupgradeneeded = () => r.result.createObjectStore('images');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      for (const [key, type, bytes] of imgs)
        await new Promise((resolve, reject) => {
          const r = db
            .transaction('images', 'readwrite')
            .objectStore('images')
            .put({ type, bytes: new Uint8Array(bytes) }, key);
          r.onsuccess = resolve;
          r.onerror = () => reject(r.error);
        });
      db.close();
    }, seeded.images);
    await m.reload();
    await m.waitForSelector('table.issues tbody tr');
  }, 120_000);

  afterAll(async () => {
    await l?.close();
  });

  it('fits 1366 px: no horizontal scroll, headers and chips on their lines, readable rows', async () => {
    expect(await rows().count()).toBe(entries.length);
    const layout = await m.evaluate(() => {
      const line = Number.parseFloat(getComputedStyle(document.body).lineHeight) || 20;
      const ths = [...document.querySelectorAll('table.issues th')].map((th) => ({
        text: th.textContent ?? '',
        height: th.getBoundingClientRect().height,
        width: th.getBoundingClientRect().width,
      }));
      const chips = [...document.querySelectorAll('table.issues .sev')].map(
        (c) => c.getBoundingClientRect().height,
      );
      const desc = document.querySelector('table.issues td.desc')?.getBoundingClientRect().width ?? 0;
      const rowHeights = [...document.querySelectorAll('table.issues tbody tr')].map(
        (r) => r.getBoundingClientRect().height,
      );
      return {
        line,
        ths,
        chips,
        desc,
        rowHeights,
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      };
    });
    expect(layout.scroll).toBeLessThanOrEqual(layout.client);
    // a header is at most two lines (a header broken one character per line would be 4+ lines tall)
    const oneLine = Math.min(...layout.ths.map((t) => t.height));
    for (const th of layout.ths) expect(th.height, th.text).toBeLessThanOrEqual(oneLine * 2 + 2);
    const sevHeader = layout.ths.find((t) => t.text.startsWith('严重程度'));
    expect(sevHeader?.height).toBeLessThanOrEqual(oneLine + 1);
    // severity chips never wrap
    const chip = Math.min(...layout.chips);
    for (const h of layout.chips) expect(h).toBeLessThanOrEqual(chip + 1);
    expect(layout.desc).toBeGreaterThan(200);
    expect(Math.max(...layout.rowHeights)).toBeLessThan(200);
  }, 30_000);

  it('long text is clamped, with 更多 to read it all', async () => {
    const row = rows().first();
    const more = row.locator('td.desc button.more');
    await more.click();
    await expect.poll(() => row.locator('td.desc .clamp.open').count()).toBe(1);
    expect(await row.locator('td.desc').textContent()).toContain('依据');
    await row.locator('td.desc button.more').click();
  });

  it('a thumbnail opens the viewer (not a download); arrows step, Esc closes', async () => {
    await rows().first().locator('button.thumb').click();
    const dialog = m.locator('dialog.viewer');
    await dialog.waitFor();
    expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    await expect
      .poll(() => dialog.locator('.viewer-img img').evaluate((i) => (i as HTMLImageElement).naturalWidth))
      .toBe(640);
    const big = await dialog.locator('.viewer-img img').boundingBox();
    expect(big?.width ?? 0).toBeGreaterThan(400);
    expect(await dialog.textContent()).toContain(`1 / ${entries.length}`);
    await m.keyboard.press('ArrowRight');
    await expect.poll(() => dialog.textContent()).toContain(`2 / ${entries.length}`);
    await m.keyboard.press('ArrowLeft');
    await expect.poll(() => dialog.textContent()).toContain(`1 / ${entries.length}`);
    await m.keyboard.press('Escape');
    await expect.poll(() => m.locator('dialog.viewer').count()).toBe(0);
    expect(readdirSync(downloads)).toEqual([]);
  }, 30_000);

  it('the export button says what it exports; no match says so', async () => {
    const button = m.locator('[data-action="export"]');
    expect((await button.textContent())?.trim()).toBe(`导出全部 ${entries.length} 条`);
    await m.locator('.toolbar select[aria-label="严重程度"]').selectOption('warning');
    const warnings = entries.filter((e) => e.severity === 'warning').length;
    await expect.poll(() => rows().count()).toBe(warnings);
    expect((await button.textContent())?.trim()).toBe(`导出筛选结果 ${warnings} / ${entries.length} 条`);
    await m.locator('.toolbar select[aria-label="严重程度"]').selectOption('');
    await m.fill('.toolbar input[type="search"]', '没有这样的问题 zzz');
    await m.getByText('没有符合条件的问题').waitFor();
    expect(await rows().count()).toBe(0);
    expect(await button.isDisabled()).toBe(true);
    await m.click('text=清除筛选');
    await expect.poll(() => rows().count()).toBe(entries.length);
  }, 30_000);

  it('bulk change: select rows, set 整改状态 and 复核状态 at once', async () => {
    const ids = await rows().evaluateAll((trs) =>
      trs.slice(0, 3).map((tr) => tr.getAttribute('data-issue-id')),
    );
    for (const id of ids) await m.locator(`tr[data-issue-id="${id}"] input[type="checkbox"]`).check();
    await m.locator('[data-action="bulk-status"]').selectOption('fixed');
    await m.getByText('已更新 3 条。').waitFor();
    await m.locator('[data-action="bulk-review"]').selectOption('reviewed');
    await expect
      .poll(async () => {
        const stored = (await l.worker!.evaluate(
          async () =>
            (
              await (
                globalThis as unknown as {
                  chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
                }
              ).chrome.storage.local.get('issues')
            ).issues,
        )) as IssueEntry[];
        return stored
          .filter((e) => e.status === 'fixed' && e.review === 'reviewed')
          .map((e) => e.id)
          .sort();
      })
      .toEqual([...ids].sort());
  }, 30_000);

  it('exports XLSX and Word from the page (the writers load on demand)', async () => {
    const fmt = m.locator('.toolbar select[aria-label="导出格式"]');
    const wait = async (ext: string) => {
      await expect
        .poll(() => readdirSync(downloads).filter((f) => f.endsWith(ext)).length, { timeout: 20_000 })
        .toBe(1);
      return join(downloads, readdirSync(downloads).find((f) => f.endsWith(ext)) ?? '');
    };
    await fmt.selectOption('xlsx');
    await m.click('[data-action="export"]');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(readFileSync(await wait('.xlsx'))).buffer);
    const ws = wb.getWorksheet('问题清单');
    expect(ws?.rowCount).toBe(entries.length + 1);
    expect(ws?.autoFilter).toBeTruthy();
    expect(wb.getWorksheet('汇总')).toBeDefined();
    await fmt.selectOption('docx');
    await m.click('[data-action="export"]');
    const docx = unzipSync(new Uint8Array(readFileSync(await wait('.docx'))));
    const xml = strFromU8(docx['word/document.xml'] as Uint8Array);
    expect(xml.split('<w:tbl>').length - 1).toBe(3);
    expect(xml.match(/<w:drawing>/g)?.length).toBe(entries.length);
  }, 60_000);

  it('follows the English setting through the same strings', async () => {
    await l.worker!.evaluate(async () => {
      const c = (
        globalThis as unknown as {
          chrome: {
            storage: {
              local: { get(k: string): Promise<Record<string, unknown>>; set(i: object): Promise<void> };
            };
          };
        }
      ).chrome;
      const cur = ((await c.storage.local.get('settings')).settings ?? {}) as object;
      await c.storage.local.set({ settings: { ...cur, lang: 'en' } });
    });
    await m.reload();
    await m.waitForSelector('table.issues tbody tr');
    await expect.poll(() => m.locator('h1').textContent()).toBe('Issue list');
    const headers = await m.locator('table.issues th').allTextContents();
    expect(headers.join('|')).toContain('Severity');
    expect(headers.join('|')).not.toMatch(/严重程度|问题描述/);
    expect((await m.locator('[data-action="export"]').textContent())?.trim()).toBe(
      `Export all ${entries.length}`,
    );
  }, 30_000);
});
