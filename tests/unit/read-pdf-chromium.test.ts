/**
 * PDFs as a browser prints them: the fixture report pages (tests/fixtures/report-html.ts) printed by
 * Chromium (page.pdf(): embedded subset fonts, table borders painted as rules) read back like the HTML of
 * the same report. Skipped without Chromium unless E2E_REQUIRED=1, like the end-to-end tests.
 */
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSource } from '../../lib/audit';
import { CHROMIUM, E2E_REQUIRED, HAVE_BROWSER, INSTALL_HINT } from '../../scripts/browser';
import { readLoaded } from '../../scripts/load';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { auditHtml, show } from '../helpers';

if (E2E_REQUIRED && !HAVE_BROWSER) throw new Error(`E2E_REQUIRED=1 but no Chromium found: ${INSTALL_HINT}`);

let browser: Browser | null = null;

async function print(html: string): Promise<Uint8Array> {
  const page = await (browser as Browser).newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    // borders the way Word-exported pages draw them, so the printed table has rules
    await page.addStyleTag({
      content: 'table, td, th { border: 1px solid #000; border-collapse: collapse; }',
    });
    return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true }));
  } finally {
    await page.close();
  }
}

async function auditPdf(bytes: Uint8Array) {
  const r = await readLoaded({ bytes, url: null, contentType: null, name: null });
  if (!r.ok) throw new Error(r.message.en);
  return auditSource(r.src, { now: '2026-11-22' });
}

describe.runIf(HAVE_BROWSER)('PDFs printed by Chromium from the fixture pages', () => {
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM as string,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('a clean report: the same tables and no sum finding, as from its HTML', async () => {
    const html = reportPage({ t2: simpleT2(7, 1, 2), shape: 'plain' });
    const out = await auditPdf(await print(html));
    const fromHtml = auditHtml(html);
    expect(out.report.reportYear).toBe(fromHtml.report.reportYear);
    expect(out.coverage.tables).toEqual(fromHtml.coverage.tables);
    expect(
      out.findings.filter((f) => f.category === 'sum'),
      show(out.findings),
    ).toEqual([]);
    const total = (o: typeof out) =>
      o.report.tables
        .find((t) => t.kind === 't2')
        ?.rows.find((r) => r.id === 'total')
        ?.cells.map((c) => c.value);
    expect(total(out)).toEqual(total(fromHtml));
    expect(out.report.agency).toBe(fromHtml.report.agency);
    // no error the page itself does not have
    const errors = (o: typeof out) => o.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId);
    expect(errors(out), show(out.findings)).toEqual(errors(fromHtml));
  }, 60_000);

  it('a broken sum is found in the printed PDF as in the page', async () => {
    const html = reportPage({ t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4] }, shape: 'plain' });
    const out = await auditPdf(await print(html));
    const f = out.findings.find((x) => x.ruleId === 't2-row-total');
    expect(f?.evidence, show(out.findings)).toMatchObject({ found: 4, expected: 3 });
  }, 60_000);
});
