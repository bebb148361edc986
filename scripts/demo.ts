/**
 * npm run demo: build the extension, serve the bundled sample pages under a gov-like host name, open them
 * in Chromium with the extension loaded (headed when a display exists, else headless), and write to
 * ./demo-output/ a screenshot of each page with its overlay plus the findings as JSON. Without Chromium it
 * says how to get one and still prints the engine's findings.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main as auditMain, SAMPLES_DIR } from './audit';
import { buildExtension, HAVE_BROWSER, INSTALL_HINT, launch, overlayCount, ROOT, serve } from './browser';

const OUT = join(ROOT, 'demo-output');

interface PageSummary {
  page: string;
  url: string;
  screenshot: string;
  badge: string;
  isReport: boolean | null;
  counts: Record<string, number>;
}

export async function main(argv: string[]): Promise<number> {
  const headless = argv.includes('--headless') || !process.env.DISPLAY;
  if (!HAVE_BROWSER) {
    process.stderr.write(
      `No Chromium found, so the extension cannot be shown.\nInstall it with:\n  ${INSTALL_HINT}\nand run npm run demo again.\n\nThe engine’s findings on the sample pages:\n\n`,
    );
    await auditMain([]);
    return 0; // the demo shows findings; it is not a gate (npm run audit exits 1 on errors)
  }
  process.stdout.write('Building the extension…\n');
  const ext = await buildExtension();
  const names = (await readdir(SAMPLES_DIR)).filter((n) => /\.html?$/.test(n)).sort();
  const pages: Record<string, string> = {};
  for (const n of names) pages[`/samples/${n}`] = await readFile(join(SAMPLES_DIR, n), 'utf8');
  const site = await serve(pages);
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  process.stdout.write(
    `Serving ${names.length} sample pages at http://www.example.gov.cn:${site.port}/samples/ (mapped to 127.0.0.1)\n`,
  );
  const l = await launch(ext, { headless });
  const summary: PageSummary[] = [];
  try {
    for (const n of names) {
      const url = `http://www.example.gov.cn:${site.port}/samples/${n}`;
      const page = await l.context.newPage();
      await page.goto(url);
      // the detector decides, the engine audits and draws; non-reports get nothing
      for (let w = 0; w < 50 && (await overlayCount(page)) === 0; w++) await page.waitForTimeout(100);
      await page.waitForTimeout(400);
      const tabId = await l.worker?.evaluate(async (u) => {
        const c = (
          globalThis as unknown as {
            chrome: { tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> } };
          }
        ).chrome;
        return (await c.tabs.query({})).find((t) => t.url === u)?.id ?? -1;
      }, url);
      const state = (await l.worker?.evaluate(async (id) => {
        const c = (
          globalThis as unknown as {
            chrome: {
              storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
              action: { getBadgeText(d: object): Promise<string> };
            };
          }
        ).chrome;
        return {
          state: (await c.storage.session.get(`tab:${id}`))[`tab:${id}`] ?? null,
          badge: await c.action.getBadgeText({ tabId: id }),
        };
      }, tabId ?? -1)) as {
        state: { result?: { report: { isReport: boolean }; findings: Array<{ severity: string }> } } | null;
        badge: string;
      };
      const base = n.replace(/\.html?$/, '');
      const shot = `${base}.png`;
      // the overlay lays out only the marks near the viewport: show the whole page in one viewport, let the
      // overlay follow the resize, then take the picture (a full-page screenshot alone would catch it mid-way)
      const size = page.viewportSize() ?? { width: 1280, height: 900 };
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({
        width: size.width,
        height: Math.min(Math.max(height, size.height), 16_000),
      });
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(OUT, shot), fullPage: true });
      await page.setViewportSize(size);
      await writeFile(join(OUT, `${base}.json`), `${JSON.stringify(state.state, null, 2)}\n`);
      const counts: Record<string, number> = { error: 0, warning: 0, info: 0 };
      for (const f of state.state?.result?.findings ?? []) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
      summary.push({
        page: n,
        url,
        screenshot: shot,
        badge: state.badge,
        isReport: state.state?.result?.report.isReport ?? null,
        counts,
      });
      process.stdout.write(
        `  ${n}: ${state.state?.result ? `errors ${counts.error}, warnings ${counts.warning}, info ${counts.info}` : 'not a report (no marks)'}; badge “${state.badge}” → demo-output/${shot}\n`,
      );
      if (headless) await page.close();
    }
    await writeFile(join(OUT, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    process.stdout.write(`\nWrote ${summary.length} screenshots and findings to demo-output/.\n`);
    if (!headless) {
      process.stdout.write('Chromium stays open with the sample pages: close it to end the demo.\n');
      await new Promise<void>((r) => l.browser.on('disconnected', () => r()));
    }
  } finally {
    await l.close();
    site.server.close();
  }
  return 0;
}
