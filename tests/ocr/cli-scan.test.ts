/**
 * Scanned PDFs through the CLI path, with the real OCR engine: the fixture report rendered in Chromium as a
 * printed document, cut into pages, each page a JPEG in an image-only PDF (no text layer). The scan of a
 * report with a broken row total gets the findings of its HTML version, as warnings over the pictures; a
 * clean, noisy scan gives no false alarm; --no-ocr keeps "扫描件". Each value keeps its page and box.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditDocument } from '../../lib/audit';
import { pagePointsOf } from '../../lib/read/pdf-scan';
import { auditInput, main } from '../../scripts/audit';
import { HAVE_BROWSER } from '../../scripts/browser';
import { parseHtml } from '../../scripts/load';
import { terminateOcr } from '../../scripts/ocr';
import { readScannedPdf } from '../../scripts/ocr-scan';
import { launchForPictures } from '../fixtures/ocr-images';
import { imagePdf, scanPages } from '../fixtures/ocr-scan';
import { OCR_SPECS } from '../fixtures/ocr-specs';
import { reportPage } from '../fixtures/report-html';
import { captureStdio } from '../helpers';

const NOW = '2025-03-01';

describe.skipIf(!HAVE_BROWSER)('scanned PDFs read by OCR in the CLI (real engine)', () => {
  let browser: Browser;
  let dir: string;
  const io = captureStdio();

  beforeAll(async () => {
    browser = await launchForPictures();
    dir = await mkdtemp(join(tmpdir(), 'nianbao-scan-'));
  }, 60_000);

  afterAll(async () => {
    await terminateOcr();
    await browser?.close();
  });

  async function scan(name: string, spec: (typeof OCR_SPECS)[string], noise: number): Promise<string> {
    const pdf = await imagePdf(await scanPages(browser, spec.spec, { noise }));
    const path = join(dir, `${name}.pdf`);
    await writeFile(path, pdf);
    return path;
  }

  it('a scan with a broken row total: the HTML version’s findings, as warnings, each value on its page', async () => {
    const spec = OCR_SPECS['t2-broken-row'];
    if (!spec) throw new Error('spec');
    const path = await scan('broken', spec, 0.3);
    const r = await auditInput(path, NOW, null, true);
    const html = auditDocument(parseHtml(reportPage({ ...spec.spec, shape: 'plain' })), null, { now: NOW });
    expect(r.report.isReport).toBe(true);
    expect(r.report.reportYear).toBe(2024);
    expect(r.report.agency).toBe(html.report.agency);
    expect(r.report.sections.map((s) => s.canonical)).toEqual(html.report.sections.map((s) => s.canonical));
    expect(r.coverage?.readings).toEqual({ t1: 'ocr', t2: 'ocr', t3: 'ocr' });
    const problems = (xs: typeof r.findings) => xs.filter((f) => f.severity !== 'info');
    const htmlProblems = problems(html.findings);
    expect(htmlProblems.map((f) => f.ruleId).sort()).toEqual(['t2-balance', 't2-row-total']);
    // the same findings, and none more; over OCR'd values they are warnings that say so
    expect(
      problems(r.findings)
        .map((f) => f.id)
        .sort(),
    ).toEqual(htmlProblems.map((f) => f.id).sort());
    for (const f of problems(r.findings)) {
      expect(f.severity).toBe('warning');
      expect(f.message.zh).toMatch(/^按图片识别结果，.*请对照原图核实。$/);
    }
    // the value at fault keeps its picture, its box there and so its page and place in the PDF
    const again = await readScannedPdf(new Uint8Array(await readFile(path)));
    const blocks = again.read.ok ? again.read.src.blocks : [];
    const cell = r.report.tables
      .find((t) => t.kind === 't2')
      ?.rows.find((x) => x.id === 'new')
      ?.cells.at(-1);
    expect(cell?.raw).toBe('19');
    expect(cell?.placement).toBe('ocr');
    const block = blocks[cell?.ocr?.image ?? -1];
    expect(block?.kind).toBe('image');
    const at = block?.kind === 'image' && cell?.ocr ? pagePointsOf(block, cell.ocr.box) : null;
    expect(at?.page).toBe(2);
    expect(at && at.x > 400 && at.x < 595 && at.y > 0 && at.y < 842).toBe(true);
  }, 240_000);

  it('a clean, consistent scan with grey noise: no false alarm; --json works; --no-ocr says 扫描件', async () => {
    const spec = OCR_SPECS['t2-clean'];
    if (!spec) throw new Error('spec');
    const path = await scan('clean', spec, 0.35);
    const r = await auditInput(path, NOW, null, true);
    expect(r.report.tables.map((t) => t.kind).sort()).toEqual(['t1', 't2', 't3']);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);

    expect(await main(['--json', '--no-store', '--now', NOW, path])).toBe(0);
    const entry = JSON.parse(io.out)[0] ?? JSON.parse(io.out);
    expect(entry.coverage.readings.t2).toBe('ocr');
    io.out = '';
    await main(['--json', '--no-store', '--no-ocr', '--now', NOW, path]);
    expect(io.out).toContain('扫描件');
  }, 240_000);

  it('a scan missing a section: the HTML version’s error, as a warning that says the scan was read by OCR', async () => {
    const clean = OCR_SPECS['t2-clean'];
    if (!clean) throw new Error('spec');
    const spec = { ...clean, spec: { ...clean.spec, headings: { 5: null } } };
    const html = auditDocument(parseHtml(reportPage({ ...spec.spec, shape: 'plain' })), null, { now: NOW });
    const errors = html.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const r = await auditInput(await scan('no-section-5', spec, 0.2), NOW, null, true);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    for (const e of errors) {
      const f = r.findings.find((x) => x.id === e.id);
      expect(f?.severity, e.id).toBe('warning');
      expect(f?.message.zh).toBe(
        `按扫描件文字识别结果，${e.message.zh.replace(/。$/, '')}；请对照原件核实。`,
      );
    }
  }, 240_000);

  it('an image-only PDF with nothing on its pages is still "scanned: cannot be checked", never a report', async () => {
    const { createCanvas } = await import('@napi-rs/canvas');
    const blank = createCanvas(600, 850);
    const g = blank.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, 600, 850);
    const { read } = await readScannedPdf(await imagePdf([blank.toBuffer('image/png')]));
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.reason).toBe('scanned');
      expect(read.message.zh).toMatch(/^扫描件/);
    }
  }, 60_000);
});
