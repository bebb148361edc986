/**
 * The PDF reader on PDFs the tests write byte by byte (tests/fixtures/documents.ts): tables with and
 * without drawn rules, a table continued on the next page, blank vs "/" vs 0, a font without a usable
 * mapping, a scan, damaged bytes. Then the real PDFs in ../shared when that folder is there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AuditOutput, auditSource } from '../../lib/audit';
import type { TextBlock } from '../../lib/extract/blocks';
import { textLayerHealth } from '../../lib/read/pdf';
import { unifyRadicals } from '../../lib/read/radicals';
import type { Box, ReadOutcome } from '../../lib/read/types';
import { readLoaded } from '../../scripts/load';
import { type DocSpec, reportPdf, writePdf } from '../fixtures/documents';
import { show } from '../helpers';

const read = (bytes: Uint8Array): Promise<ReadOutcome> =>
  readLoaded({ bytes, url: null, contentType: null, name: null });

async function audit(bytes: Uint8Array): Promise<AuditOutput> {
  const r = await read(bytes);
  if (!r.ok) throw new Error(`not read: ${r.message.zh}`);
  return auditSource(r.src, { now: '2026-11-22' });
}

const sums = (out: AuditOutput) => out.findings.filter((f) => f.category === 'sum');

/** Page and box of a cell's value. */
function boxOf(out: AuditOutput, key: string): Box | null {
  const at = out.extracted.cellTokens.get(key);
  if (!at) return null;
  const b = out.extracted.blocks[at.block] as TextBlock;
  return b.boxes?.[at.token] ?? null;
}

const BROKEN: DocSpec = {
  // 总计 of 一 says 13, its parts add up to 12
  t2: {
    new: [10, 2, 0, 0, 0, 0, 13],
    open: [10, 2, 0, 0, 0, 0, 12],
    total: [10, 2, 0, 0, 0, 0, 12],
  },
};

describe('PDF reader (pdf.js): lines, cells, rules, pages', () => {
  it('a clean ruled report reads all three tables by their rules and raises no sum finding', async () => {
    const out = await audit(
      reportPdf(
        { t2: { new: [3, 1, 0, 0, 0, 0, 4], open: [3, 1, 0, 0, 0, 0, 4], total: [3, 1, 0, 0, 0, 0, 4] } },
        { rules: true },
      ),
    );
    expect(out.report.isReport).toBe(true);
    expect(out.report.reportYear).toBe(2024);
    expect(out.coverage.tables).toEqual({ t1: 'read', t2: 'read', t3: 'read' });
    expect(out.coverage.readings).toEqual({ t1: 'pdf-ruled', t2: 'pdf-ruled', t3: 'pdf-ruled' });
    expect(sums(out), show(out.findings)).toEqual([]);
    expect(out.findings.filter((f) => f.category === 'template' || f.ruleId === 'section-missing')).toEqual(
      [],
    );
  });

  it('a broken sum in a ruled table is an error, and its value keeps page and box', async () => {
    const out = await audit(reportPdf(BROKEN, { rules: true }));
    const f = out.findings.find((x) => x.ruleId === 't2-row-total');
    expect(f?.severity, show(out.findings)).toBe('error');
    expect(f?.evidence).toMatchObject({ found: 13, expected: 12, difference: 1 });
    const box = boxOf(out, 't2:new:total');
    expect(box?.page).toBe(1);
    // the 总计 column is the last cell, between x 500 and 535
    expect(box?.x).toBeGreaterThan(500);
    expect((box?.x ?? 0) + (box?.w ?? 0)).toBeLessThan(536);
  });

  it('without drawn rules the same broken sum is a warning that says how the values were read', async () => {
    const out = await audit(reportPdf(BROKEN, { rules: false }));
    expect(out.coverage.readings?.t2).toBe('pdf-position');
    const f = out.findings.find((x) => x.ruleId === 't2-row-total');
    expect(f?.severity, show(out.findings)).toBe('warning');
    expect(f?.message.zh).toMatch(/按其在行中的位置/);
    expect(f?.message.en).toMatch(/position on the line/);
    expect(out.findings.filter((x) => x.severity === 'error' && x.category === 'sum')).toEqual([]);
  });

  it('a table continued on the next page is joined: rows after the break are read and checked', async () => {
    const spec: DocSpec = {
      t2: {
        new: [5, 0, 0, 0, 0, 0, 5],
        u1: [2, 0, 0, 0, 0, 0, 2],
        open: [3, 0, 0, 0, 0, 0, 3],
        total: [5, 0, 0, 0, 0, 0, 4],
      },
    };
    const out = await audit(reportPdf(spec, { rules: true, breakBeforeT2: 'n5' }));
    expect(boxOf(out, 't2:u1:total')?.page).toBe(2);
    expect(boxOf(out, 't2:n1:total')?.page).toBe(1);
    const t2 = out.report.tables.find((t) => t.kind === 't2');
    expect(t2?.rows.map((r) => r.id)).toHaveLength(25);
    // （七）总计 4 ≠ 5 across the page break
    const f = out.findings.find((x) => x.ruleId === 't2-row-total' && /总计/.test(x.message.zh));
    expect(f?.severity, show(out.findings)).toBe('error');
    // the page number between the parts is not read as a value
    expect(out.findings.filter((x) => x.ruleId === 'extraction-lost-cells')).toEqual([]);
  });

  it('blank and "/" cells are not 0: sums over them are not verifiable, never errors', async () => {
    const out = await audit(
      reportPdf(
        { t2: { new: [3, '', 0, 0, 0, 0, 4], open: [3, '/', 0, 0, 0, 0, 4], total: [3, 1, 0, 0, 0, 0, 4] } },
        { rules: true },
      ),
    );
    const t2 = out.report.tables.find((t) => t.kind === 't2');
    const cell = (row: string, col: string) =>
      t2?.rows.find((r) => r.id === row)?.cells.find((c) => c.key === `t2:${row}:${col}`);
    expect(cell('new', 'biz')?.kind).toBe('blank');
    expect(cell('open', 'biz')?.kind).toBe('na');
    expect(cell('total', 'biz')?.value).toBe(1);
    expect(
      out.findings.filter((f) => f.category === 'sum' && f.severity === 'error'),
      show(out.findings),
    ).toEqual([]);
    expect(out.findings.some((f) => f.ruleId === 'extraction-unverifiable-sums')).toBe(true);
  });

  it('a font without a usable mapping: "unreadable text layer", no figure, section or year', async () => {
    const garbage =
      '\u00bf\u00e2\u0080\u009d\u00bf\u00a1fl\u00e2\u0080\u00b9 2023 \u00e2\u0080\u009e\u00b7 1000 \u00a1';
    const pdf = writePdf([
      {
        texts: Array.from({ length: 12 }, (_, i) => ({
          x: 60,
          y: 80 + i * 20,
          text: garbage,
          size: 11,
          font: 'latin' as const,
        })),
      },
    ]);
    const r = await read(pdf);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('unreadable-text-layer');
    expect(r.message.zh).toMatch(/文字层无法识别/);
    expect(r.message.en).toMatch(/unreadable/);
  });

  it('radical code points some fonts map glyphs to are read as the ideographs', () => {
    expect(unifyRadicals('⽰例县⼈⺠政府⾏政复议⻔户')).toBe('示例县人民政府行政复议门户');
    expect(unifyRadicals('政府信息公开')).toBe('政府信息公开');
  });

  it('private-use and replacement characters count as a text layer that is not text', () => {
    expect(textLayerHealth('\ue001\ue002\ue003\ufffd汉')).toEqual({ chars: 5, cjk: 1, bad: 4 });
    expect(textLayerHealth('政府信息公开 2024').cjk).toBe(6);
  });

  it('a scan (pictures, no text): "scanned: no text layer"', async () => {
    const r = await read(
      writePdf([
        { texts: [], image: true },
        { texts: [], image: true },
      ]),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('scanned');
      expect(r.message.zh).toMatch(/扫描件/);
    }
  });

  it('text set only sideways is said to be unsupported, never "scanned" or a report of nothing', async () => {
    const r = await read(
      writePdf([
        {
          texts: [{ x: 300, y: 700, text: '示例县2024年政府信息公开工作年度报告', size: 12, rotated: true }],
        },
      ]),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('unsupported');
      expect(r.message.zh).toMatch(/旋转/);
    }
  });

  it('damaged or truncated bytes give a failure, never a throw', async () => {
    const good = reportPdf({}, { rules: true });
    for (const bytes of [
      new TextEncoder().encode('%PDF-1.7\nthis is not a pdf at all'),
      good.slice(0, Math.floor(good.length / 3)),
    ]) {
      const r = await read(bytes);
      if (r.ok) expect(r.src.blocks.length).toBeGreaterThanOrEqual(0);
      else expect(['damaged', 'scanned', 'unreadable-text-layer']).toContain(r.reason);
    }
  });
});

const REAL = resolve(__dirname, '../../../shared/fixtures/real');
const real = (name: string) => new Uint8Array(readFileSync(join(REAL, name)));

describe.runIf(existsSync(REAL))('the real PDFs (../shared/fixtures/real)', () => {
  it('hzq2023: table 3 broken twice (errors), table 2 holds, （六） one row, narrative agrees', async () => {
    const out = await audit(real('hzq2023_working.pdf'));
    expect(out.report.agency).toBe('洪泽区人民政府');
    const t3 = out.findings.filter((f) => f.ruleId === 't3-totals');
    expect(t3.map((f) => [f.severity, f.evidence?.found, f.evidence?.expected])).toEqual([
      ['error', 0, 11],
      ['error', 0, 5],
    ]);
    expect(
      sums(out).filter((f) => f.ruleId !== 't3-totals'),
      show(out.findings),
    ).toEqual([]);
    expect(out.findings.some((f) => f.ruleId === 'template-2019-single-six')).toBe(true);
    expect(out.findings.filter((f) => f.ruleId === 'template-structure')).toEqual([]);
    expect(out.findings.filter((f) => f.ruleId === 'narrative-applications')).toEqual([]);
  });

  it('hzq2024: all sums hold; （六） one row again', async () => {
    const out = await audit(real('hzq2024_working.pdf'));
    expect(out.coverage.tables).toEqual({ t1: 'read', t2: 'read', t3: 'read' });
    expect(sums(out), show(out.findings)).toEqual([]);
    expect(out.findings.some((f) => f.ruleId === 'template-2019-single-six')).toBe(true);
  });

  it('huaian2024: clean — every identity holds, a 设区的市 government with rule-making power', async () => {
    const out = await audit(real('huaian2024.pdf'));
    expect(out.report.agency).toBe('淮安市人民政府');
    expect(out.report.bodyKind).toBe('government');
    expect(out.coverage.tables).toEqual({ t1: 'read', t2: 'read', t3: 'read' });
    expect(
      out.findings.filter((f) => f.severity === 'error'),
      show(out.findings),
    ).toEqual([]);
    expect(sums(out)).toEqual([]);
    for (const id of ['content-rules-without-power', 'template-structure', 'narrative-applications'])
      expect(
        out.findings.filter((f) => f.ruleId === id),
        id,
      ).toEqual([]);
  });

  it('the beijing sample: unreadable text layer, nothing invented', async () => {
    const r = await read(real('sample_report_2023_beijing.pdf'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('unreadable-text-layer');
  });
});
