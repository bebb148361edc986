/**
 * Viewer benchmark: node scripts/run.mjs scripts/bench-viewer.ts. In Chromium with the extension, report
 * files opened in the audit view (viewer.html): a 10-page and a 30-page report PDF, and a DOCX. Per file:
 * the time from navigation to the result shown (fetch, read in the pdf.js worker / mammoth, audit, every
 * page drawn, marks placed), and the page's longest task and total long-task time in that span (the
 * PerformanceObserver 'longtask' entries: how long the view could not answer input). Medians of 5 loads.
 * Figures, not assertions.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { reportDocx, reportPdf } from '../tests/fixtures/documents';
import { simpleT2 } from '../tests/fixtures/report-html';
import { buildExtension, HAVE_BROWSER, INSTALL_HINT, launch } from './browser';
import { printTable } from './table';

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function main(): Promise<number> {
  if (!HAVE_BROWSER) {
    process.stderr.write(`No Chromium found: ${INSTALL_HINT}\n`);
    return 1;
  }
  const ext = await buildExtension();
  const t2 = { ...simpleT2(9, 1, 2), new: [9, 0, 0, 0, 0, 0, 10] };
  const files: Record<string, { type: string; body: Uint8Array }> = {
    '/f/report-10p.pdf': {
      type: 'application/pdf',
      body: reportPdf({ t2, extraParagraphs: 160 }, { rules: true }),
    },
    '/f/report-30p.pdf': {
      type: 'application/pdf',
      body: reportPdf({ t2, extraParagraphs: 560 }, { rules: true }),
    },
    '/f/report.docx': {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      body: await reportDocx({ t2, extraParagraphs: 160 }),
    },
  };
  const server = createServer((req, res) => {
    const f = files[req.url ?? ''];
    if (!f) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': f.type }).end(f.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const l = await launch(ext);
  const rows: string[][] = [];
  try {
    for (const [path, f] of Object.entries(files)) {
      const took: number[] = [];
      const longest: number[] = [];
      const blocked: number[] = [];
      let pages = 0;
      for (let i = 0; i < RUNS; i++) {
        const page = await l.context.newPage();
        await page.addInitScript(() => {
          const w = window as unknown as { __lt: number[] };
          w.__lt = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) w.__lt.push(e.duration);
          }).observe({ type: 'longtask', buffered: true });
        });
        const file = `http://www.example.gov.cn:${port}${path}`;
        const start = Date.now();
        await page.goto(`chrome-extension://${l.extensionId}/viewer.html?url=${encodeURIComponent(file)}`);
        await page.waitForSelector('[data-state="done"]', { timeout: 120_000 });
        took.push(Date.now() - start);
        const lt = await page.evaluate(() => (window as unknown as { __lt: number[] }).__lt);
        longest.push(Math.max(0, ...lt));
        blocked.push(lt.reduce((a, b) => a + b, 0));
        pages = await page.evaluate(() => document.querySelectorAll('.pdf-page').length);
        await page.close();
      }
      rows.push([
        path.replace(/^.*\//, ''),
        `${Math.round(f.body.length / 1024)} KB`,
        pages ? String(pages) : '—',
        String(median(took)),
        median(longest).toFixed(0),
        median(blocked).toFixed(0),
      ]);
    }
  } finally {
    await l.close();
    server.close();
  }
  process.stdout.write(`Viewer benchmark (Chromium, extension loaded; medians of ${RUNS} loads)\n\n`);
  printTable(['file', 'size', 'pages', 'open→result ms', 'longest task ms', 'long tasks total ms'], rows);
  return 0;
}
