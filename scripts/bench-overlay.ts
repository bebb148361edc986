/**
 * Overlay benchmark (part of npm run bench:browser): the real Overlay, bundled with Vite for a plain page,
 * drawing 50, 500, 1,000 and 5,000 synthetic findings in Chromium at 1366×768: draw time (mount with its
 * first layout pass; and to the next painted frame) and the layout pass per scroll frame (median, max).
 */
import { build } from 'vite';
import { type Launched, ROOT, type Site } from './browser';
import { printTable } from './table';

async function bundle(): Promise<string> {
  const res = await build({
    root: ROOT,
    logLevel: 'silent',
    configFile: false,
    resolve: { alias: { '@': ROOT } },
    build: {
      write: false,
      minify: true,
      lib: { entry: `${ROOT}/scripts/bench-overlay-entry.ts`, formats: ['iife'], name: '__nianbaoBench' },
    },
  });
  const out = Array.isArray(res) ? res[0] : res;
  const chunk = (out as { output: Array<{ type: string; code?: string }> }).output.find(
    (o) => o.type === 'chunk',
  );
  if (!chunk?.code) throw new Error('overlay bundle failed');
  return chunk.code;
}

export async function overlayBench(l: Launched, site: Site): Promise<() => void> {
  const code = await bundle();
  const rows: string[][] = [];
  for (const n of [50, 500, 1000, 5000]) {
    const page = await l.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`http://127.0.0.1:${site.port}/blank.html`);
    await page.addScriptTag({ content: code });
    const r = await page.evaluate(
      (k) =>
        (
          window as unknown as {
            __nianbaoBench: {
              run(n: number): Promise<{ draw: number; painted: number; frame: number; frameMax: number }>;
            };
          }
        ).__nianbaoBench.run(k),
      n,
    );
    rows.push([
      String(n),
      r.draw.toFixed(1),
      r.painted.toFixed(1),
      r.frame.toFixed(2),
      r.frameMax.toFixed(2),
    ]);
    await page.close();
  }
  return () => {
    process.stdout.write(
      '\nOverlay (synthetic findings, one per cell, two involved cells each; 1366×768)\n\n',
    );
    printTable(
      ['findings', 'draw ms', 'to painted frame ms', 'scroll frame ms (median)', 'scroll frame ms (max)'],
      rows,
    );
  };
}
