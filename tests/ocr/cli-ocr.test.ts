/**
 * The real OCR engine on pictures the test makes itself (fixture tables rendered in Chromium): a saved page
 * whose table 2 is an <img> gets, through the CLI path, the findings of its HTML version as warnings; a clean,
 * consistent picture gives no sum finding; --no-ocr keeps "given as an image: not verifiable". Few engine
 * runs (the machine is shared): one picture each.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditDocument } from '../../lib/audit';
import { auditInput, main } from '../../scripts/audit';
import { HAVE_BROWSER } from '../../scripts/browser';
import { parseHtml } from '../../scripts/load';
import { terminateOcr } from '../../scripts/ocr';
import { launchForPictures, pictureOf, tableHtml } from '../fixtures/ocr-images';
import { OCR_SPECS } from '../fixtures/ocr-specs';
import { reportPage } from '../fixtures/report-html';

const NOW = '2025-03-01';

describe.skipIf(!HAVE_BROWSER)('OCR of image tables in the CLI (real engine)', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await launchForPictures();
    dir = await mkdtemp(join(tmpdir(), 'nianbao-ocr-'));
  }, 60_000);

  afterAll(async () => {
    await terminateOcr();
    await browser?.close();
  });

  async function savedPage(name: string, spec: (typeof OCR_SPECS)[string]): Promise<string> {
    const sub = join(dir, name);
    await import('node:fs/promises').then((fs) => fs.mkdir(sub, { recursive: true }));
    await writeFile(join(sub, 'table2.png'), await pictureOf(browser, tableHtml.t2(spec.spec), spec.picture)); // JPEG bytes too: the name does not matter
    const page = join(sub, 'report.html');
    await writeFile(page, reportPage({ ...spec.spec, t2AsImage: true }));
    return page;
  }

  it('a broken row total in a noisy picture: the HTML version’s error, as a warning', async () => {
    const spec = OCR_SPECS['t2-broken-row'];
    if (!spec) throw new Error('spec');
    const page = await savedPage('broken', spec);
    const ocr = await auditInput(page, NOW, null, true);
    const html = auditDocument(parseHtml(reportPage(spec.spec)), null, { now: NOW });
    const htmlSum = html.findings.filter((f) => f.category === 'sum');
    expect(htmlSum.map((f) => f.ruleId).sort()).toEqual(['t2-balance', 't2-row-total']);
    expect(htmlSum.every((f) => f.severity === 'error')).toBe(true);
    expect(ocr.report.imageTables).toEqual([]);
    expect(ocr.report.tables.find((t) => t.kind === 't2')?.source).toBe('ocr');
    const ocrSum = ocr.findings.filter((f) => f.category === 'sum');
    // every finding of the HTML version, as a warning over the picture
    for (const h of htmlSum) {
      const o = ocrSum.find((f) => f.id === h.id);
      expect(o, h.id).toBeDefined();
      expect(o?.severity).toBe('warning');
      expect(o?.message.zh).toMatch(/^按图片识别结果，.*请对照原图核实。$/);
    }
    // anything more stands on a value read with low confidence, and says which
    for (const f of ocrSum.filter((x) => !htmlSum.some((h) => h.id === x.id))) {
      expect(f.severity).toBe('warning');
      expect(f.message.zh).toContain('识别把握不大');
    }
    expect(ocr.findings.some((f) => f.severity === 'error' && f.category === 'sum')).toBe(false);
  }, 180_000);

  it('a clean, consistent picture: no sum finding; --no-ocr: not verifiable as before', async () => {
    const spec = OCR_SPECS['t2-clean'];
    if (!spec) throw new Error('spec');
    const page = await savedPage('clean', spec);
    const ocr = await auditInput(page, NOW, null, true);
    expect(ocr.report.tables.find((t) => t.kind === 't2')?.source).toBe('ocr');
    expect(ocr.findings.filter((f) => f.category === 'sum')).toEqual([]);
    expect(ocr.findings.some((f) => f.ruleId === 'extraction-image-table')).toBe(false);

    const off = await auditInput(page, NOW, null, false);
    expect(off.findings.map((f) => f.ruleId)).toContain('extraction-image-table');
    // the flag on the command line
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => out.push(String(s)) > 0) as typeof process.stdout.write;
    try {
      await main(['--json', '--no-ocr', '--now', NOW, page]);
    } finally {
      process.stdout.write = write;
    }
    expect(out.join('')).toContain('extraction-image-table');
  }, 180_000);

  it('a crooked JPEG of a consistent table: read, no error, value boxes inside the picture as published', async () => {
    const spec = OCR_SPECS['t2-clean'];
    if (!spec) throw new Error('spec');
    const page = await savedPage('crooked', { ...spec, picture: { rotateDeg: -1.5, jpeg: true } });
    const r = await auditInput(page, NOW, null, true);
    const t2 = r.report.tables.find((t) => t.kind === 't2');
    expect(t2?.source).toBe('ocr');
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    for (const f of r.findings.filter((x) => x.category === 'sum'))
      expect(f.message.zh).toContain('识别把握不大');
    for (const c of t2?.rows.flatMap((row) => row.cells) ?? []) {
      const b = c.ocr?.box;
      expect(b && b.x0 >= 0 && b.y0 >= 0 && b.x1 <= 1280 && b.x1 > b.x0).toBe(true);
    }
  }, 180_000);

  it('a picture that cannot be had stays "not verifiable", never an error', async () => {
    const sub = join(dir, 'gone');
    await import('node:fs/promises').then((fs) => fs.mkdir(sub, { recursive: true }));
    const page = join(sub, 'report.html');
    await writeFile(page, reportPage({ t2AsImage: true }));
    const r = await auditInput(page, NOW, null, true);
    expect(r.findings.map((f) => f.ruleId)).toContain('extraction-image-table');
  });

  it('bad pictures (not an image, a blank picture, pure noise) stay "not verifiable", never an error', async () => {
    const { createCanvas } = await import('@napi-rs/canvas');
    const blank = createCanvas(600, 400);
    const g = blank.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, 600, 400);
    const noise = createCanvas(600, 400);
    const n = noise.getContext('2d');
    const d = n.createImageData(600, 400);
    let seed = 7;
    for (let i = 0; i < d.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      d.data[i] = d.data[i + 1] = d.data[i + 2] = seed % 256;
      d.data[i + 3] = 255;
    }
    n.putImageData(d, 0, 0);
    const pictures: Record<string, Buffer> = {
      garbage: Buffer.from('this is not a picture'),
      blank: blank.toBuffer('image/png'),
      noise: noise.toBuffer('image/png'),
    };
    for (const [name, bytes] of Object.entries(pictures)) {
      const sub = join(dir, `bad-${name}`);
      await import('node:fs/promises').then((fs) => fs.mkdir(sub, { recursive: true }));
      await writeFile(join(sub, 'table2.png'), bytes);
      const page = join(sub, 'report.html');
      await writeFile(page, reportPage({ t2AsImage: true }));
      const r = await auditInput(page, NOW, null, true);
      expect(
        r.findings.map((f) => f.ruleId),
        name,
      ).toContain('extraction-image-table');
      expect(
        r.findings.filter((f) => f.severity === 'error'),
        name,
      ).toEqual([]);
    }
  }, 120_000);
});
