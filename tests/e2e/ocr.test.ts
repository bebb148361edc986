/**
 * OCR in the extension, in Chromium: a gov-host report page whose table 2 is a picture (the fixture table
 * rendered to PNG in this browser) is read by the extension's own OCR document (packaged tesseract.js
 * worker, core and chi_sim model): 「正在识别图片表格…」 shows over the picture, then the broken row total is
 * marked on the picture as a warning, the toggle shows the values read at their boxes, and the value at
 * fault shows its crop (on the picture and on the finding's card). A clean, consistent picture gets no sum finding.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleById } from '../../lib/rules/index';
import { EXTENSION_DIR, type Launched, launch } from '../../scripts/browser';
import { tableHtml } from '../fixtures/ocr-images';
import { OCR_SPECS } from '../fixtures/ocr-specs';
import { reportPage } from '../fixtures/report-html';
import { HAVE_BROWSER, inOverlay, waitForOverlay } from './setup';

const PAGE_CSS = `body{margin:0;padding:12px;background:#fff;font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:15px}
table{border-collapse:collapse;width:760px}td{border:1px solid #000;padding:3px 6px;text-align:center}p{margin:0}`;

describe.runIf(HAVE_BROWSER)('OCR of picture tables in the extension (Chromium)', () => {
  let l: Launched;
  let server: Server;
  let port = 0;
  const files = new Map<string, { type: string; body: Buffer }>();

  /** The fixture table as a PNG, rendered in this browser (a blank page, not a gov host: no engine). */
  async function picture(name: string): Promise<Buffer> {
    const spec = OCR_SPECS[name];
    if (!spec) throw new Error(name);
    const page = await l.context.newPage();
    try {
      await page.setContent(
        `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${PAGE_CSS}</style></head><body>${tableHtml.t2(spec.spec)}</body></html>`,
      );
      return await page.locator('table').first().screenshot({ type: 'png' });
    } finally {
      await page.close();
    }
  }

  beforeAll(async () => {
    server = createServer((req, res) => {
      const f = files.get(req.url ?? '');
      if (!f) {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': f.type });
      res.end(f.body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    l = await launch(EXTENSION_DIR);
    for (const name of ['t2-broken-row', 't2-clean']) {
      const spec = OCR_SPECS[name];
      if (!spec) throw new Error(name);
      files.set(`/${name}/table2.png`, { type: 'image/png', body: await picture(name) });
      files.set(`/${name}/report.html`, {
        type: 'text/html; charset=utf-8',
        body: Buffer.from(reportPage({ ...spec.spec, t2AsImage: true })),
      });
    }
  }, 120_000);

  afterAll(async () => {
    await l?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  });

  async function open(name: string): Promise<Page> {
    const page = await l.context.newPage();
    await page.goto(`http://www.example.gov.cn:${port}/${name}/report.html`);
    await waitForOverlay(page, 20_000);
    return page;
  }

  async function until<T>(
    page: Page,
    probe: () => Promise<T | null>,
    ok: (v: T | null) => boolean,
    ms: number,
  ) {
    let v: T | null = null;
    for (const end = Date.now() + ms; Date.now() < end; await page.waitForTimeout(200)) {
      v = await probe();
      if (ok(v)) return v;
    }
    return v;
  }

  const state = (page: Page) =>
    inOverlay(page, (root) => ({
      progress: Array.from(root.querySelectorAll('.ocr-progress')).map((e) => e.textContent ?? ''),
      toggles: root.querySelectorAll('[data-ocr-toggle]').length,
      faults: Array.from(root.querySelectorAll<HTMLElement>('[data-ocr-fault]')).map((e) => ({
        id: e.dataset.ocrFault ?? '',
        severity: e.dataset.severity ?? '',
      })),
      // one badge per place: it carries every finding of its place (ids start with the rule's id)
      badges: Array.from(root.querySelectorAll<HTMLElement>('.badge')).flatMap((e) => {
        const severities = (e.dataset.severities ?? e.dataset.severity ?? '').split(' ');
        return (e.dataset.findingIds ?? e.dataset.findingId ?? '')
          .split(' ')
          .map((id, i) => ({ rule: id.split(':')[0] ?? '', severity: severities[i] ?? '' }));
      }),
    })).then(
      (s) => s && { ...s, badges: s.badges.map((b) => ({ ...b, category: ruleById(b.rule)?.category })) },
    );

  it('a broken row total in a picture: progress, then a warning on the picture; toggle and crop work', async () => {
    const page = await open('t2-broken-row');
    const first = await until(
      page,
      () => state(page),
      (s) => (s?.progress.length ?? 0) > 0,
      20_000,
    );
    expect(first?.progress[0]).toBe('正在识别图片表格…');
    const done = await until(
      page,
      () => state(page),
      (s) => (s?.toggles ?? 0) > 0,
      180_000,
    );
    expect(done?.progress).toEqual([]);
    const sums = done?.badges.filter((b) => b.category === 'sum') ?? [];
    expect(sums.map((b) => b.rule).sort()).toEqual(['t2-balance', 't2-row-total']);
    expect(sums.every((b) => b.severity === 'warning')).toBe(true);
    expect(done?.faults.map((f) => f.id)).toContain('t2-row-total:t2:rowtotal:new');
    expect(done?.badges.some((b) => b.rule === 'extraction-image-table')).toBe(false);

    // one click shows the values read at their boxes
    const values = await inOverlay(page, (root) => {
      root.querySelector<HTMLElement>('[data-ocr-toggle]')?.click();
      const shown = Array.from(root.querySelectorAll<HTMLElement>('[data-ocr-value]')).filter(
        (e) => !e.hidden,
      );
      const total = root.querySelector<HTMLElement>('[data-ocr-value="t2:new:total"]');
      const r = total?.getBoundingClientRect();
      return { shown: shown.length, total: total?.textContent ?? null, w: r?.width ?? 0, h: r?.height ?? 0 };
    });
    expect(values?.shown).toBeGreaterThan(100);
    expect(values?.total).toBe('19');
    expect((values?.w ?? 0) > 4 && (values?.h ?? 0) > 4).toBe(true);
    // the value at fault: its crop of the picture beside the value read
    const crop = await inOverlay(page, (root) => {
      root.querySelector<HTMLElement>('[data-ocr-fault="t2-row-total:t2:rowtotal:new"]')?.click();
      const box = root.querySelector('[data-ocr-crop]');
      return { src: box?.querySelector('img')?.getAttribute('src') ?? '', text: box?.textContent ?? '' };
    });
    expect(crop?.src.startsWith('data:image/png;base64,')).toBe(true);
    expect(crop?.text).toBe('识别为 19');
    // and on the finding's card
    const card = await inOverlay(page, (root) => {
      const id = 't2-row-total:t2:rowtotal:new';
      // one badge per place: the card opens on the place's first finding, the others a click away
      const badge = Array.from(root.querySelectorAll<HTMLElement>('.badge')).find((b) =>
        (b.dataset.findingIds ?? '').split(' ').includes(id),
      );
      badge?.click();
      const at = (badge?.dataset.findingIds ?? '').split(' ').indexOf(id);
      if (at > 0) root.querySelectorAll<HTMLElement>('.card .here button')[at]?.click();
      const c = root.querySelector('.card .ocr-card-crop');
      return {
        img: c?.querySelector('img')?.getAttribute('src')?.slice(0, 22) ?? '',
        text: c?.textContent ?? '',
      };
    });
    expect(card).toEqual({ img: 'data:image/png;base64,', text: '识别为 19' });
    const hidden = await inOverlay(page, (root) => {
      root.querySelector<HTMLElement>('[data-ocr-toggle]')?.click();
      return Array.from(root.querySelectorAll<HTMLElement>('[data-ocr-value]')).filter((e) => !e.hidden)
        .length;
    });
    expect(hidden).toBe(0);
  }, 240_000);

  it('a clean, consistent picture: read, and no sum finding', async () => {
    const page = await open('t2-clean');
    const done = await until(
      page,
      () => state(page),
      (s) => (s?.toggles ?? 0) > 0,
      180_000,
    );
    expect(done?.toggles).toBe(1);
    expect(done?.badges.filter((b) => b.category === 'sum')).toEqual([]);
    expect(done?.faults).toEqual([]);
    expect(done?.badges.some((b) => b.rule === 'extraction-image-table')).toBe(false);
  }, 240_000);
});
