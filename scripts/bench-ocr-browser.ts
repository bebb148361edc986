/**
 * OCR figures in Chromium (part of npm run bench:browser): a report page whose table 2 is a picture, and a
 * page whose three tables are pictures, read by the extension's own OCR document. Reported: the first page
 * of the session (core and model load included), then the same page again (model already loaded), then the
 * 3-table page; wall-clock from navigation to the values drawn over the pictures. Targets, not assertions.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { tableHtml } from '../tests/fixtures/ocr-images';
import { OCR_SPECS } from '../tests/fixtures/ocr-specs';
import {
  type ReportSpec,
  reportPage,
  table1Html,
  table2Html,
  table3Html,
} from '../tests/fixtures/report-html';
import { inOverlay, launch } from './browser';

const CSS = `body{margin:0;padding:12px;background:#fff;font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:15px}
table{border-collapse:collapse;width:760px}td{border:1px solid #000;padding:3px 6px;text-align:center}p{margin:0}`;

async function shot(page: Page, html: string): Promise<Buffer> {
  await page.setContent(
    `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body>${html}</body></html>`,
  );
  return page.locator('table').first().screenshot({ type: 'png' });
}

/** Milliseconds from navigation until every picture's toggle is drawn (null: not within 5 minutes). */
async function untilRead(page: Page, url: string, pictures: number): Promise<number | null> {
  const t0 = Date.now();
  await page.goto(url);
  for (const end = t0 + 300_000; Date.now() < end; await page.waitForTimeout(100)) {
    const n = await inOverlay(page, (root) => root.querySelectorAll('[data-ocr-toggle]').length).catch(
      () => null,
    );
    if ((n ?? 0) >= pictures) return Date.now() - t0;
  }
  return null;
}

export async function benchOcrBrowser(ext: string): Promise<void> {
  const spec: ReportSpec = { ...(OCR_SPECS['t2-clean']?.spec ?? {}), ...(OCR_SPECS['t1-clean']?.spec ?? {}) };
  const t3 = OCR_SPECS['t3-clean']?.spec.t3;
  if (t3) spec.t3 = t3;
  const files = new Map<string, { type: string; body: Buffer }>();
  const l = await launch(ext);
  const server = createServer((req, res) => {
    const f = files.get(req.url ?? '');
    res.writeHead(f ? 200 : 404, { 'content-type': f?.type ?? 'text/plain' });
    res.end(f?.body ?? '');
  });
  try {
    const page = await l.context.newPage();
    const pics = {
      t1: await shot(page, tableHtml.t1(spec)),
      t2: await shot(page, tableHtml.t2(spec)),
      t3: await shot(page, tableHtml.t3(spec)),
    };
    for (const [k, v] of Object.entries(pics)) files.set(`/ocr/${k}.png`, { type: 'image/png', body: v });
    const html = (s: string) => ({ type: 'text/html; charset=utf-8', body: Buffer.from(s) });
    const img = (k: string) => `<p><img src="${k}.png" alt=""></p>`;
    files.set(
      '/ocr/one.html',
      html(reportPage({ ...spec, t2AsImage: true }).replace('table2.png', 't2.png')),
    );
    files.set(
      '/ocr/three.html',
      html(
        reportPage(spec)
          .replace(table1Html(spec), img('t1'))
          .replace(table2Html(spec), img('t2'))
          .replace(table3Html(spec), img('t3')),
      ),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const url = (p: string) => `http://www.example.gov.cn:${port}${p}`;
    const fmt = (ms: number | null) => (ms === null ? 'not read' : `${ms} ms`);
    const first = await untilRead(page, url('/ocr/one.html'), 1);
    const again: Array<number | null> = [];
    for (let i = 0; i < 2; i++) again.push(await untilRead(page, url('/ocr/one.html'), 1));
    const three = await untilRead(page, url('/ocr/three.html'), 3);
    process.stdout.write(
      `\nOCR in Chromium (the extension's offscreen document, tesseract.js + chi_sim best_int, one worker):\n` +
        `  one table-2 picture, first in the session (core + model load): ${fmt(first)}\n` +
        `  one table-2 picture, model loaded: ${again.map(fmt).join(', ')}\n` +
        `  a page with its three tables as pictures: ${fmt(three)}\n`,
    );
  } finally {
    await l.close();
    server.close();
  }
}
