/**
 * Scanned PDFs in the extension's viewer, end to end in Chromium with the real OCR engine: the fixture
 * report printed as page pictures in an image-only PDF (tests/fixtures/ocr-scan.ts, as the CLI test makes
 * it), served from a gov host and opened in the viewer. The pages are drawn, 「正在识别扫描件… 第 n / N 页」
 * is shown while they are read, and a broken row total gets a warning mark over its cell on its page; a
 * clean scan gets no sum finding and no error.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleById } from '../../lib/rules/index';
import { EXTENSION_DIR, type Launched, launch } from '../../scripts/browser';
import { launchForPictures } from '../fixtures/ocr-images';
import { imagePdf, scanPages } from '../fixtures/ocr-scan';
import { OCR_SPECS } from '../fixtures/ocr-specs';
import { HAVE_BROWSER, inOverlay } from './setup';

describe.runIf(HAVE_BROWSER)('scanned PDFs read by OCR in the viewer (Chromium)', () => {
  let server: Server;
  let port = 0;
  let l: Launched;
  const files = new Map<string, Uint8Array>();

  const url = (path: string) => `http://www.example.gov.cn:${port}${path}`;

  beforeAll(async () => {
    // the scans are made first, in a browser of their own, closed before the extension's is launched
    const maker = await launchForPictures();
    try {
      const broken = OCR_SPECS['t2-broken-row'];
      const clean = OCR_SPECS['t2-clean'];
      if (!broken || !clean) throw new Error('spec');
      files.set('/files/broken.pdf', await imagePdf(await scanPages(maker, broken.spec, { noise: 0.3 })));
      files.set('/files/clean.pdf', await imagePdf(await scanPages(maker, clean.spec, { noise: 0.35 })));
    } finally {
      await maker.close();
    }
    server = createServer((req, res) => {
      const f = files.get(req.url ?? '');
      if (!f) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(f);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    l = await launch(EXTENSION_DIR);
  }, 120_000);

  afterAll(async () => {
    await l?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  });

  /** The viewer on a file, every status text it showed recorded; resolves when it is done. */
  const viewerOn = async (path: string): Promise<{ v: Page; said: Set<string> }> => {
    const v = await l.context.newPage();
    const said = new Set<string>();
    await v.exposeFunction('__said', (s: string) => said.add(s));
    await v.addInitScript(() => {
      new MutationObserver(() => {
        const s = document.querySelector<HTMLElement>('[data-stage="ocr"]')?.textContent;
        if (s) (window as unknown as { __said(s: string): void }).__said(s);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await v.goto(`chrome-extension://${l.extensionId}/viewer.html?url=${encodeURIComponent(url(path))}`);
    await v.waitForSelector('[data-state="done"], [data-state="failed"]', { timeout: 200_000 });
    return { v, said };
  };

  const badges = (v: Page) =>
    inOverlay(v, (root) =>
      Array.from(root.querySelectorAll<HTMLElement>('.badge')).flatMap((e) => {
        const severities = (e.dataset.severities ?? '').split(' ');
        return (e.dataset.findingIds ?? '')
          .split(' ')
          .map((id, i) => ({ id, severity: severities[i] ?? '' }));
      }),
    );

  it('a scan with a broken row total: pages drawn, progress shown, a warning marked over the cell', async () => {
    const { v, said } = await viewerOn('/files/broken.pdf');
    expect(await v.locator('[data-state="done"]').count()).toBe(1);
    const pages = await v.evaluate(() => document.querySelectorAll('.pdf-page canvas').length);
    expect(pages).toBeGreaterThan(1);
    const progress = [...said].filter((s) => /^正在识别扫描件… 第 \d+ \/ \d+ 页/.test(s));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress).toContain(`正在识别扫描件… 第 1 / ${pages} 页 / Reading the scan… page 1 of ${pages}`);
    // the status line is gone once the scan is read
    expect(await v.locator('[data-stage="ocr"]').count()).toBe(0);

    await expect
      .poll(async () => (await badges(v))?.map((b) => b.id) ?? [], { timeout: 10_000 })
      .toContain('t2-row-total:t2:rowtotal:new');
    const all = (await badges(v)) ?? [];
    const sums = all.filter((b) => ruleById(b.id.split(':')[0] ?? '')?.category === 'sum');
    expect(sums.map((b) => b.id.split(':')[0]).sort()).toEqual(['t2-balance', 't2-row-total']);
    expect(sums.every((b) => b.severity === 'warning')).toBe(true);
    expect(all.some((b) => b.severity === 'error')).toBe(false);

    // the value at fault has its anchor over its box on its page (the total of 一、本年新收, page 2, right)
    const at = await v.evaluate(() => {
      const a = document.querySelector<HTMLElement>('.pdf-anchor[data-cell="t2:new:total"]');
      a?.scrollIntoView({ block: 'center' });
      const page = a?.closest<HTMLElement>('.pdf-page');
      const r = a?.getBoundingClientRect();
      const p = page?.getBoundingClientRect();
      return r && p
        ? {
            page: page?.dataset.page,
            inside: r.left >= p.left && r.right <= p.right + 1 && r.top >= p.top && r.bottom <= p.bottom + 1,
            rightHalf: r.left > p.left + p.width / 2,
            rect: { x: r.left, y: r.top, w: r.width, h: r.height },
          }
        : null;
    });
    expect(at?.page).toBe('2');
    expect(at?.inside).toBe(true);
    expect(at?.rightHalf).toBe(true);
    // the finding's badge is drawn at that cell
    await expect
      .poll(
        async () => {
          const b = await inOverlay(v, (root) => {
            const e = Array.from(root.querySelectorAll<HTMLElement>('.badge')).find((x) =>
              (x.dataset.findingIds ?? '').split(' ').includes('t2-row-total:t2:rowtotal:new'),
            );
            const r = e?.getBoundingClientRect();
            return r && !e?.classList.contains('off')
              ? { x: r.left + r.width / 2, y: r.top + r.height / 2 }
              : null;
          });
          const r = at?.rect;
          if (!b || !r) return Number.POSITIVE_INFINITY;
          const dx = Math.max(r.x - b.x, 0, b.x - (r.x + r.w));
          const dy = Math.max(r.y - b.y, 0, b.y - (r.y + r.h));
          return Math.hypot(dx, dy);
        },
        { timeout: 10_000 },
      )
      .toBeLessThan(40);
    // the finding says how it was read
    const text = await v.textContent('body');
    expect(text).toContain('按图片识别结果');
    await v.close();
  }, 300_000);

  it('a clean, consistent scan: no sum finding, no error', async () => {
    const { v, said } = await viewerOn('/files/clean.pdf');
    expect(await v.locator('[data-state="done"]').count()).toBe(1);
    expect([...said].some((s) => s.startsWith('正在识别扫描件'))).toBe(true);
    const anchors = await v.evaluate(() => document.querySelectorAll('.pdf-anchor.ocr[data-cell]').length);
    expect(anchors).toBeGreaterThan(100);
    const all = (await badges(v)) ?? [];
    expect(all.filter((b) => ruleById(b.id.split(':')[0] ?? '')?.category === 'sum')).toEqual([]);
    expect(all.some((b) => b.severity === 'error')).toBe(false);
    await v.close();
  }, 300_000);
});
