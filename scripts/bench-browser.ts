/**
 * Browser benchmark: npm run bench:browser. In one Chromium run with the extension, for report pages:
 * the engine's first audit, its cost from its first statement, the time from DOMContentLoaded (the detector
 * runs then) to the marks drawn and painted, against the page's own first paint without the extension,
 * axe-core's axe.run() on the same page and one plain traversal of the page's DOM. Then, for a non-report
 * government page, the script time the extension adds (CDP Performance.getMetrics, with and without the
 * extension). Prints figures and ratios; targets (audit ≤ 1/20 of axe; added time within noise) are judged
 * by people, not asserted.
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { reportPage, simpleT2, table2Html } from '../tests/fixtures/report-html';
import { SAMPLES_DIR } from './audit';
import { benchOcrBrowser } from './bench-ocr-browser';
import { overlayBench } from './bench-overlay';
import {
  buildExtension,
  HAVE_BROWSER,
  INSTALL_HINT,
  inOverlay,
  type Launched,
  launch,
  ROOT,
  serve,
} from './browser';
import { printTable } from './table';

const RUNS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function traversalMs(page: Page): Promise<number> {
  return page.evaluate(() => {
    const t = performance.now();
    let chars = 0;
    const walk = (n: Node): void => {
      if (n.nodeType === 3) chars += (n.nodeValue ?? '').length;
      for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
    };
    walk(document.documentElement);
    for (const td of Array.from(document.querySelectorAll('td, th'))) chars += td.textContent?.length ?? 0;
    return performance.now() - t + chars * 0;
  });
}

async function axeMs(page: Page): Promise<number> {
  await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx?: unknown, opts?: unknown): Promise<unknown> } }).axe;
    const t = performance.now();
    await axe.run(document, { resultTypes: ['violations'] });
    return performance.now() - t;
  });
}

interface Row {
  audit: number;
  engine: number;
  drawn: number;
  painted: number;
  axe: number;
  trav: number;
}

async function reportRow(l: Launched, url: string): Promise<Row> {
  const runs: Record<keyof Row, number[]> = {
    audit: [],
    engine: [],
    drawn: [],
    painted: [],
    axe: [],
    trav: [],
  };
  for (let i = 0; i < RUNS; i++) {
    const page = await l.context.newPage();
    await page.goto(url);
    // the engine's timings sit on the overlay's own element, inside its closed shadow root; paintedAt is
    // set once the frame with the marks was painted
    const timings = () =>
      inOverlay(page, (root) => {
        const h = root.querySelector<HTMLElement>('[data-nianbao]');
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        if (!h?.dataset.paintedAt) return null;
        return {
          audit: Number(h.dataset.auditMs),
          engine: Number(h.dataset.engineMs),
          drawnAt: Number(h.dataset.drawnAt),
          paintedAt: Number(h.dataset.paintedAt),
          dcl: nav?.domContentLoadedEventEnd ?? 0,
        };
      });
    let t = await timings();
    for (let w = 0; !t && w < 100; w++) {
      await page.waitForTimeout(100);
      t = await timings();
    }
    if (!t) throw new Error(`no overlay on ${url}`);
    runs.audit.push(t.audit);
    runs.engine.push(t.engine);
    runs.drawn.push(t.drawnAt - t.dcl);
    runs.painted.push(t.paintedAt - t.dcl);
    runs.trav.push(await traversalMs(page));
    if (i < 3) runs.axe.push(await axeMs(page));
    await page.close();
  }
  return {
    audit: median(runs.audit),
    engine: median(runs.engine),
    drawn: median(runs.drawn),
    painted: median(runs.painted),
    axe: median(runs.axe),
    trav: median(runs.trav),
  };
}

/** The page alone (no extension): DOMContentLoaded to its own first contentful paint. */
async function pageFirstPaint(l: Launched, url: string): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await l.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(200);
    out.push(
      await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        return fcp && nav ? fcp.startTime - nav.domContentLoadedEventEnd : Number.NaN;
      }),
    );
    await page.close();
  }
  const painted = out.filter((x) => !Number.isNaN(x));
  return painted.length ? median(painted) : Number.NaN;
}

async function scriptMs(l: Launched, url: string): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < RUNS * 2; i++) {
    const page = await l.context.newPage();
    const cdp = await l.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    const { metrics } = await cdp.send('Performance.getMetrics');
    out.push((metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000);
    await page.close();
  }
  return out;
}

export async function main(): Promise<number> {
  if (!HAVE_BROWSER) {
    process.stderr.write(`No Chromium found: ${INSTALL_HINT}\n`);
    return 1;
  }
  const ext = await buildExtension();
  const typical = reportPage({ t2: simpleT2(9, 1, 2) });
  const pages: Record<string, string> = {
    '/ndbg/typical.html': typical,
    '/ndbg/large.html': reportPage({
      t2: simpleT2(9, 1, 2),
      extra: {
        1: Array.from(
          { length: 300 },
          (_, i) => `（${i}）本局持续深化政务公开，围绕重点领域主动公开政府信息，回应社会关切。`,
        ),
      },
    }).replace('</body>', `${table2Html({ t2: simpleT2(9, 1, 2) }).repeat(10)}</body>`),
    '/blank.html':
      '<!DOCTYPE html><html><head><meta charset="utf-8"><title>bench</title></head><body></body></html>',
    '/news.html': `<html><head><meta charset="utf-8"><title>我县召开政务公开工作推进会_示例县人民政府</title></head><body>${'<p>会议强调，要进一步提高政务公开工作质量，推动各项任务落实落细。</p>'.repeat(200)}</body></html>`,
  };
  for (const n of [
    '1-clean-county-bureau-trs.html',
    '2-township-hanweb-defects.html',
    '3-district-platform-2019-template.html',
  ]) {
    pages[`/samples/${n}`] = await readFile(join(SAMPLES_DIR, n), 'utf8');
  }
  const site = await serve(pages);
  const url = (p: string) => `http://www.example.gov.cn:${site.port}${p}`;
  const l = await launch(ext);
  const rows: string[][] = [];
  const measured: Record<string, Row> = {};
  let withExt: number[] = [];
  const reports = Object.keys(pages).filter((x) => x !== '/news.html' && x !== '/blank.html');
  try {
    for (const p of reports) {
      const r = await reportRow(l, url(p));
      measured[p] = r;
      rows.push([
        p.replace(/^.*\//, ''),
        `${Math.round((pages[p]?.length ?? 0) / 1024)} KB`,
        r.audit.toFixed(1),
        r.engine.toFixed(1),
        r.axe.toFixed(1),
        `1/${(r.axe / r.audit).toFixed(0)}`,
        `1/${(r.axe / r.engine).toFixed(0)}`,
        `${(r.audit / Math.max(r.trav, 0.01)).toFixed(1)}×`,
      ]);
    }
    withExt = await scriptMs(l, url('/news.html'));
  } finally {
    await l.close();
  }
  const bare = await launch(ext, { extension: false });
  let without: number[];
  const paintRows: string[][] = [];
  let printOverlay = () => {};
  try {
    without = await scriptMs(bare, url('/news.html'));
    for (const p of reports) {
      const r = measured[p];
      if (!r) continue;
      // negative: the page painted before DOMContentLoaded (a long page streams in)
      const fcp = await pageFirstPaint(bare, url(p));
      paintRows.push([
        p.replace(/^.*\//, ''),
        Number.isNaN(fcp) ? '—' : fcp.toFixed(0),
        r.drawn.toFixed(0),
        r.painted.toFixed(0),
        Number.isNaN(fcp) ? '—' : (r.painted - fcp).toFixed(0),
      ]);
    }
    printOverlay = await overlayBench(bare, site);
  } finally {
    await bare.close();
    site.server.close();
  }
  const head = [
    'page',
    'size',
    'audit ms',
    'engine ms',
    'axe.run ms',
    'audit/axe',
    'engine/axe',
    'audit/traversal',
  ];
  process.stdout.write(
    `Browser benchmark (Chromium, extension loaded; medians of ${RUNS} loads, axe of 3)\n` +
      'audit: the first audit (read, extract, rules; the wait for the previous year overlapped); engine: from the\n' +
      "engine script's first statement to the first findings (its start-up included)\n\n",
  );
  printTable(head, rows);
  process.stdout.write(
    '\nFrom DOMContentLoaded (ms): the page alone to its first contentful paint (no extension), the marks drawn, the\n' +
      "frame with the marks painted, and how long after the page's own first paint that is\n\n",
  );
  printTable(['page', 'page FCP', 'marks drawn', 'marks painted', 'after page FCP'], paintRows);
  const mWith = median(withExt);
  const mWithout = median(without);
  const spread = (xs: number[]) => (Math.max(...xs) - Math.min(...xs)).toFixed(1);
  process.stdout.write(
    `\nNon-report government page (script time per load, CDP ScriptDuration): with extension ${mWith.toFixed(1)} ms, ` +
      `without ${mWithout.toFixed(1)} ms, added ${(mWith - mWithout).toFixed(1)} ms; run-to-run spread ${spread(without)} ms without, ${spread(withExt)} ms with.\n`,
  );
  printOverlay();
  await benchOcrBrowser(ext);
  return 0;
}
