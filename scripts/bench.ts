/**
 * Engine benchmark: npm run bench. Audits the sample pages and scaled copies (text ×10 and ×100, table 2
 * repeated) in Node over linkedom, and prints pages per second, median and p95 ms per page, peak memory,
 * and the ratio of the audit's cost to one plain traversal of the same DOM (all text read, every cell
 * visited). Figures, not assertions: targets are judged by people (typical page < 5 ms median; ×100 ≤ ~100×).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { auditDocument, auditSource } from '../lib/audit';
import { tableFromCells } from '../lib/ocr/table';
import { reportDocx, reportPdf } from '../tests/fixtures/documents';
import { launchForPictures, pictureOf } from '../tests/fixtures/ocr-images';
import { reportPage, simpleT2, table1Html, table2Html, table3Html } from '../tests/fixtures/report-html';
import { SAMPLES_DIR } from './audit';
import { benchScan } from './bench-scan';
import { HAVE_BROWSER } from './browser';
import { parseHtml, readLoaded } from './load';
import { ocrWorker, readTablePicture, terminateOcr } from './ocr';
import { printTable } from './table';

interface Case {
  name: string;
  html: string;
}

const clock = () => performance.now();

function traverse(doc: Document): number {
  // the floor any audit pays: read every text node and visit every table cell
  let chars = 0;
  const walk = (n: Node): void => {
    if (n.nodeType === 3) chars += (n.nodeValue ?? '').length;
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  if (doc.documentElement) walk(doc.documentElement);
  for (const t of Array.from(doc.querySelectorAll('table')))
    for (const tr of Array.from(t.querySelectorAll('tr')))
      for (const td of Array.from(tr.children)) chars += td.textContent?.length ?? 0;
  return chars;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}

function measure(fn: () => void, minRuns: number, minMs: number): number[] {
  for (let i = 0; i < 3; i++) fn(); // warm-up
  const times: number[] = [];
  const start = clock();
  while (times.length < minRuns || clock() - start < minMs) {
    const t = clock();
    fn();
    times.push(clock() - t);
    if (times.length > 2000) break;
  }
  return times;
}

async function cases(): Promise<Case[]> {
  const out: Case[] = [];
  for (const n of (await readdir(SAMPLES_DIR)).filter((x) => /\.html?$/.test(x)).sort()) {
    out.push({ name: `sample ${n}`, html: await readFile(join(SAMPLES_DIR, n), 'utf8') });
  }
  const para =
    '本局坚持以公开为常态、不公开为例外，持续深化政务公开，围绕重点领域主动公开政府信息，回应社会关切，提升公开质量和实效。';
  const typical = { t2: simpleT2(9, 1, 2) };
  out.push({ name: 'typical report ×1', html: reportPage(typical) });
  for (const k of [10, 100]) {
    // scale the text of every section to ×k (tables stay as they are)
    const paras = Array.from({ length: 6 * (k - 1) }, (_, i) => `（${i}）${para}`);
    out.push({
      name: `text ×${k}`,
      html: reportPage({
        ...typical,
        extra: { 1: paras.slice(0, paras.length / 2), 5: paras.slice(paras.length / 2) },
      }),
    });
  }
  const t2 = table2Html({ t2: typical.t2 });
  out.push({
    name: 'table 2 repeated ×20',
    html: reportPage(typical).replace('</body>', `${t2.repeat(20)}</body>`),
  });
  return out;
}

export async function main(): Promise<number> {
  const rows: string[][] = [];
  let peakRss = 0;
  let peakHeap = 0;
  const medians = new Map<string, number>();
  for (const c of await cases()) {
    const t0 = clock();
    const doc = parseHtml(c.html);
    const parseMs = clock() - t0;
    const audit = measure(() => void auditDocument(doc, null, { now: '2026-11-22' }), 20, 1500);
    const base = measure(() => void traverse(doc), 20, 500);
    const mem = process.memoryUsage();
    peakRss = Math.max(peakRss, mem.rss);
    peakHeap = Math.max(peakHeap, mem.heapUsed);
    const med = quantile(audit, 0.5);
    medians.set(c.name, med);
    rows.push([
      c.name,
      `${Math.round(c.html.length / 1024)} KB`,
      parseMs.toFixed(1),
      med.toFixed(2),
      quantile(audit, 0.95).toFixed(2),
      (1000 / med).toFixed(0),
      quantile(base, 0.5).toFixed(2),
      `${(med / quantile(base, 0.5)).toFixed(1)}×`,
    ]);
  }
  const head = [
    'page',
    'size',
    'parse ms',
    'audit median ms',
    'p95 ms',
    'pages/s',
    'traversal ms',
    'audit/traversal',
  ];
  process.stdout.write(
    `Engine benchmark (Node ${process.version}, linkedom DOM; parse time not included in audit)\n\n`,
  );
  printTable(head, rows);
  const one = medians.get('typical report ×1') ?? 1;
  process.stdout.write(
    `\nScaling: text ×10 costs ${((medians.get('text ×10') ?? 0) / one).toFixed(1)}× and text ×100 costs ${((medians.get('text ×100') ?? 0) / one).toFixed(1)}× the typical page (linear ≤ 100×).\n`,
  );
  process.stdout.write(
    `Peak memory: RSS ${(peakRss / 2 ** 20).toFixed(0)} MB, heap ${(peakHeap / 2 ** 20).toFixed(0)} MB.\n`,
  );
  budgetRuns();
  await documents();
  await benchOcr();
  await benchScan();
  return 0;
}

/** How closely the audit keeps a small time budget on a ~5 MB page (reading and extraction included). */
function budgetRuns(): void {
  const para =
    '本局坚持以公开为常态、不公开为例外，持续深化政务公开，围绕重点领域主动公开政府信息，回应社会关切，提升公开质量和实效。';
  const paras = Array.from({ length: 22000 }, (_, i) => `（${i}）${para}`);
  const html = reportPage({
    t2: simpleT2(9, 1, 2),
    extra: { 1: paras.slice(0, 11000), 5: paras.slice(11000) },
  });
  const doc = parseHtml(html);
  process.stdout.write(
    `\nTime budget on a ${(Buffer.byteLength(html) / 2 ** 20).toFixed(1)} MB page (reading and extraction included):\n`,
  );
  for (const budgetMs of [10, 50, 200]) {
    const took: number[] = [];
    let stage = '';
    for (let i = 0; i < 5; i++) {
      const t = clock();
      const out = auditDocument(doc, null, { now: '2026-11-22', budgetMs });
      took.push(clock() - t);
      stage = out.coverage.stopped ? `stopped while ${out.coverage.stopped.stage}` : 'complete';
    }
    process.stdout.write(
      `  budget ${budgetMs} ms: median ${quantile(took, 0.5).toFixed(1)} ms, max ${Math.max(...took).toFixed(1)} ms (${stage})\n`,
    );
  }
}

/** Documents: a 10-page report PDF and a DOCX, read (pdf.js / mammoth) and audited in Node. */
async function documents(): Promise<void> {
  const spec = { t2: simpleT2(9, 1, 2), extraParagraphs: 160 };
  const pdf = reportPdf(spec, { rules: true });
  const docx = await reportDocx(spec);
  const rows: string[][] = [];
  for (const [name, bytes, target] of [
    ['report PDF', pdf, 1000],
    ['report DOCX', docx, 200],
  ] as const) {
    const times: number[] = [];
    let pages = '';
    for (let i = 0; i < 12; i++) {
      const t = clock();
      const read = await readLoaded({ bytes, url: null, contentType: null, name: null });
      if (!read.ok) throw new Error(`${name}: ${read.message.en}`);
      auditSource(read.src, { now: '2026-11-22' });
      if (i >= 2) times.push(clock() - t); // two warm-up runs
      pages = read.notes.find((n) => /pages$/.test(n)) ?? '—';
    }
    rows.push([
      name,
      `${Math.round(bytes.length / 1024)} KB`,
      pages,
      quantile(times, 0.5).toFixed(0),
      quantile(times, 0.95).toFixed(0),
      `< ${target}`,
    ]);
  }
  process.stdout.write('\nDocuments (read + audit, Node; targets are figures, not assertions)\n\n');
  printTable(['document', 'size', 'pages', 'median ms', 'p95 ms', 'target ms'], rows);
}

/** OCR of one table-2 picture (rendered in Chromium), in Node with tesseract.js: model load, then reading. */
async function benchOcr(): Promise<void> {
  if (!HAVE_BROWSER) {
    process.stdout.write('\nOCR: skipped (no Chromium to render the table picture).\n');
    return;
  }
  const browser = await launchForPictures();
  try {
    const png = await pictureOf(browser, table2Html({ t2: simpleT2(12, 1, 2) }));
    let t = clock();
    await ocrWorker();
    const loadMs = clock() - t;
    const runs: number[] = [];
    for (let i = 0; i < 2; i++) {
      t = clock();
      const r = await readTablePicture(png);
      runs.push(clock() - t);
      if (i === 0) {
        const table = tableFromCells(r.cells, 't2');
        process.stdout.write(
          `\nOCR (tesseract.js, chi_sim best_int, one worker): model + core load ${loadMs.toFixed(0)} ms; one table-2 picture (${r.width}×${r.height}, ${r.cells.length} cells): ${table.ok ? `read, ${table.lowCells} low-confidence cells` : `not read (${table.reason.en})`}\n`,
        );
      }
    }
    process.stdout.write(`OCR of one table-2 picture: ${runs.map((x) => x.toFixed(0)).join(' ms, ')} ms.\n`);
    // a page with its three tables as pictures
    const spec = {
      t1: { gz: [1, 0, 3], gf: [5, 2, 40], xk: 120, cf: 35, qz: 4, fee: 12.5 },
      t2: simpleT2(12, 1, 2),
    };
    const pics = [
      await pictureOf(browser, table1Html(spec)),
      png,
      await pictureOf(browser, table3Html({ t3: [1, 2, 0, 0, 3, 0, 1, 0, 1, 2, 0, 0, 0, 0, 0] })),
    ];
    t = clock();
    for (const p of pics) await readTablePicture(p);
    process.stdout.write(`OCR of a page's three table pictures: ${(clock() - t).toFixed(0)} ms.\n`);
  } finally {
    await terminateOcr();
    await browser.close();
  }
}
