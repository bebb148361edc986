/**
 * In-page part of the overlay benchmark (scripts/bench-overlay.ts bundles it for a plain Chromium page):
 * a table of `n` cells, `n` synthetic findings on them (each with two involved cells), drawn by the real
 * Overlay. Measures the draw (mount: the first layout pass included, then the next frame) and the layout
 * pass of each scroll frame.
 */
import type { AuditOutput } from '../lib/audit';
import type { Finding } from '../lib/model/schema';
import { Overlay } from '../lib/overlay/overlay';

const STRINGS = {
  app: '年报巡检',
  severity: { error: '错误', warning: '警告', info: '提示' },
  basis: '依据',
  fix: '建议',
  next: '下一个',
  prev: '上一个',
  close: '关闭',
  collapse: '收起',
  expand: '展开',
  hide: '隐藏标注',
  noFindings: '未发现问题',
  where: '位置',
};

const text = (s: string) => ({ zh: s, en: s });

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

export async function run(
  n: number,
): Promise<{ draw: number; painted: number; frame: number; frameMax: number }> {
  document.body.textContent = '';
  const table = document.createElement('table');
  table.style.borderCollapse = 'collapse';
  const cells: HTMLElement[] = [];
  const cols = 10;
  for (let r = 0; r < Math.ceil(n / cols); r++) {
    const tr = document.createElement('tr');
    for (let c = 0; c < cols; c++) {
      const td = document.createElement('td');
      td.textContent = String((r * cols + c) % 97);
      td.style.cssText = 'border:1px solid #999;padding:4px 28px;text-align:center';
      tr.appendChild(td);
      cells.push(td);
    }
    table.appendChild(tr);
  }
  document.body.appendChild(table);
  const cellEls = new Map<string, Element>(cells.map((td, i) => [`c${i}`, td]));
  const loc = (i: number) => ({
    type: 'cell' as const,
    table: 't2' as const,
    key: `c${i % cells.length}`,
    label: '',
  });
  const findings: Finding[] = Array.from({ length: n }, (_, i) => ({
    id: `bench:${i}`,
    ruleId: 'bench',
    category: 'sum',
    severity: i % 3 ? 'error' : 'warning',
    title: text('合计不符'),
    message: text(`第 ${i} 格合计不符`),
    basis: text('格式'),
    fix: text('更正'),
    targets: [loc(i), loc(i + 1), loc(i + cols)],
  })) as Finding[];
  const out = {
    report: { isReport: true },
    findings,
    coverage: {},
    extracted: { cellEls, cellTokens: new Map(), blocks: [] },
  } as unknown as AuditOutput;
  await nextFrame();
  const t0 = performance.now();
  const overlay = new Overlay(document, out, { lang: 'zh', strings: STRINGS });
  overlay.mount();
  const draw = performance.now() - t0;
  await nextFrame();
  const painted = performance.now() - t0;
  const frames: number[] = [];
  for (let k = 0; k < 40; k++) {
    window.scrollBy(0, 97);
    const t = performance.now();
    overlay.layout();
    frames.push(performance.now() - t);
    await nextFrame();
  }
  overlay.destroy();
  return { draw, painted, frame: median(frames), frameMax: Math.max(...frames) };
}
