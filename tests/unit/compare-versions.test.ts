/** The page and its attachment: figures that differ are findings (lib/compare/versions.ts). */
import { describe, expect, it } from 'vitest';
import { auditSource } from '../../lib/audit';
import { compareVersions, sameReport } from '../../lib/compare/versions';
import { readLoaded } from '../../scripts/load';
import { reportPdf } from '../fixtures/documents';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { auditHtml } from '../helpers';

const AGENCY = '示例县城关镇人民政府';
const file = { file: '附件 nb2024.pdf' };

async function pdfReport(t2: ReturnType<typeof simpleT2>) {
  const r = await readLoaded({
    bytes: reportPdf({ t2 }, { rules: true }),
    url: null,
    contentType: null,
    name: null,
  });
  if (!r.ok) throw new Error(r.message.en);
  return auditSource(r.src, { now: '2026-11-22' }).report;
}

describe('page and attachment versions', () => {
  it('the same report as HTML and as PDF: nothing', async () => {
    const t2 = simpleT2(5, 1, 2);
    const html = auditHtml(reportPage({ agency: AGENCY, t2 })).report;
    const pdf = await pdfReport(t2);
    expect(sameReport(html, pdf)).toBe(true);
    expect(compareVersions(html, pdf, file)).toEqual([]);
  });

  it('one cell differs: one finding naming both values', async () => {
    const t2 = simpleT2(5, 1, 2);
    const html = auditHtml(reportPage({ agency: AGENCY, t2 })).report;
    const pdf = await pdfReport({ ...t2, carried: [2, 0, 0, 0, 0, 0, 1] });
    const found = compareVersions(html, pdf, file);
    expect(found.map((f) => [f.id, f.severity, f.evidence?.expected, f.evidence?.found])).toEqual([
      ['version-figure:t2:carried:np', 'error', 1, 2],
    ]);
    const f = found[0];
    expect(f?.message.zh).toContain('网页正文为 1');
    expect(f?.message.zh).toContain('附件 nb2024.pdf为 2');
    expect(f?.targets[0]).toMatchObject({ type: 'cell', table: 't2', key: 't2:carried:np' });
  });

  it('another year or body is not a version; a blank cell is not a difference', () => {
    const a = auditHtml(reportPage({ agency: AGENCY, t2: simpleT2(5) })).report;
    const otherYear = auditHtml(reportPage({ agency: AGENCY, year: 2023, t2: simpleT2(6) })).report;
    const otherBody = auditHtml(reportPage({ agency: '示例县教育局', t2: simpleT2(6) })).report;
    expect(compareVersions(a, otherYear, file)).toEqual([]);
    expect(compareVersions(a, otherBody, file)).toEqual([]);
    const blank = auditHtml(
      reportPage({ agency: AGENCY, t2: { ...simpleT2(5), new: ['', 0, 0, 0, 0, 0, 5] } }),
    ).report;
    expect(compareVersions(a, blank, file)).toEqual([]);
  });
});
