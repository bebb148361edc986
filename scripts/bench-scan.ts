/**
 * A scanned PDF in Node (part of npm run bench): the fixture report rendered as printed pages (grey scan
 * noise), each page a JPEG in an image-only PDF, audited as the CLI does: pages rendered, text lines and
 * table pictures read by OCR, rules. Figures, not assertions.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchForPictures } from '../tests/fixtures/ocr-images';
import { imagePdf, scanPages } from '../tests/fixtures/ocr-scan';
import { OCR_SPECS } from '../tests/fixtures/ocr-specs';
import { auditInput } from './audit';
import { HAVE_BROWSER } from './browser';
import { terminateOcr } from './ocr';

export async function benchScan(): Promise<void> {
  if (!HAVE_BROWSER) {
    process.stdout.write('\nScanned PDF: skipped (no Chromium to render the pages).\n');
    return;
  }
  const browser = await launchForPictures();
  let pages: Buffer[];
  try {
    pages = await scanPages(browser, OCR_SPECS['t2-broken-row']?.spec ?? {}, { noise: 0.3 });
  } finally {
    await browser.close();
  }
  const path = join(await mkdtemp(join(tmpdir(), 'nianbao-bench-scan-')), 'scan.pdf');
  await writeFile(path, await imagePdf(pages));
  try {
    const runs: number[] = [];
    let found = '';
    for (let i = 0; i < 2; i++) {
      const t = performance.now();
      const r = await auditInput(path, '2025-03-01', null, true);
      runs.push(performance.now() - t);
      found = `${r.report.tables.length} tables read (${Object.values(r.coverage?.readings ?? {}).join(', ')}), ${r.findings.filter((f) => f.severity === 'warning').length} warnings, ${r.findings.filter((f) => f.severity === 'error').length} errors`;
    }
    process.stdout.write(
      `\nScanned PDF (${pages.length} pages, 856 px wide JPEG, grey noise; render + OCR + audit, CLI path): ${runs.map((x) => x.toFixed(0)).join(' ms, ')} ms; ${found}.\n`,
    );
  } finally {
    await terminateOcr();
  }
}
