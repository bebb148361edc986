/**
 * Scanned-PDF benchmark in the audit view: node scripts/run.mjs scripts/bench-viewer-scan.ts. The fixture
 * report printed as page pictures into an image-only PDF (tests/fixtures/ocr-scan.ts, grey noise), opened in
 * viewer.html in Chromium with the extension: time from navigation to the result shown (pages drawn, read by
 * OCR in the view, tables read cell by cell, audited, marked), and the view's longest task and total
 * long-task time meanwhile (PerformanceObserver 'longtask': how long it could not answer input). Each load
 * is a new view, so each loads the model and core once. Figures, not assertions.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchForPictures } from '../tests/fixtures/ocr-images';
import { imagePdf, scanPages } from '../tests/fixtures/ocr-scan';
import { OCR_SPECS } from '../tests/fixtures/ocr-specs';
import { buildExtension, HAVE_BROWSER, INSTALL_HINT, launch } from './browser';
import { printTable } from './table';

const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function main(): Promise<number> {
  if (!HAVE_BROWSER) {
    process.stderr.write(`No Chromium found: ${INSTALL_HINT}\n`);
    return 1;
  }
  const spec = OCR_SPECS['t2-broken-row'];
  if (!spec) throw new Error('spec');
  const maker = await launchForPictures();
  let pdf: Uint8Array;
  try {
    pdf = await imagePdf(await scanPages(maker, spec.spec, { noise: 0.3 }));
  } finally {
    await maker.close();
  }
  const ext = await buildExtension();
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const l = await launch(ext);
  const took: number[] = [];
  const longest: number[] = [];
  const blocked: number[] = [];
  let pages = 0;
  let findings = '';
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await l.context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __lt: number[] };
        w.__lt = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__lt.push(e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      const file = `http://www.example.gov.cn:${port}/f/scan.pdf`;
      const start = Date.now();
      await page.goto(`chrome-extension://${l.extensionId}/viewer.html?url=${encodeURIComponent(file)}`);
      await page.waitForSelector('[data-state="done"], [data-state="failed"]', { timeout: 300_000 });
      took.push(Date.now() - start);
      const lt = await page.evaluate(() => (window as unknown as { __lt: number[] }).__lt);
      longest.push(Math.max(0, ...lt));
      blocked.push(lt.reduce((a, b) => a + b, 0));
      pages = await page.evaluate(() => document.querySelectorAll('.pdf-page').length);
      findings = (await page.getAttribute('[data-state]', 'data-state')) ?? '';
      await page.close();
    }
  } finally {
    await l.close();
    server.close();
  }
  process.stdout.write(
    `Scanned PDF in the viewer (Chromium, extension loaded; medians of ${RUNS} loads)\n\n`,
  );
  printTable(
    ['file', 'size', 'pages', 'state', 'open→result ms', 'longest task ms', 'long tasks total ms'],
    [
      [
        'scan (t2 broken row, grey noise)',
        `${Math.round(pdf.length / 1024)} KB`,
        String(pages),
        findings,
        String(median(took)),
        median(longest).toFixed(0),
        median(blocked).toFixed(0),
      ],
    ],
  );
  return 0;
}
