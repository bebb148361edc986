/**
 * The text shapes tools make of a report (built here from the same report model as the PDF and DOCX
 * tests): pdftotext -layout columns, Markdown pipe tables with "#" headings, OCR misreads, cells run
 * together; facts wrapped over two lines. Then the real texts in ../shared when that folder is there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DocSpec, reportLayoutText, reportMarkdown, reportModel } from '../fixtures/documents';
import { auditTxt, byRule, show } from '../helpers';

const BROKEN: DocSpec = {
  t2: { new: [10, 2, 0, 0, 0, 0, 13], open: [10, 2, 0, 0, 0, 0, 12], total: [10, 2, 0, 0, 0, 0, 12] },
};
const CLEAN: DocSpec = {
  t2: { new: [10, 2, 0, 0, 0, 0, 12], open: [10, 2, 0, 0, 0, 0, 12], total: [10, 2, 0, 0, 0, 0, 12] },
  t3: [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
};
const structural = (out: ReturnType<typeof auditTxt>) =>
  out.findings.filter(
    (f) => f.severity === 'error' && (f.category === 'section' || f.category === 'template'),
  );

describe('text shapes', () => {
  it('pdftotext -layout (columns aligned with spaces): read by position, sections found', () => {
    const out = auditTxt(reportLayoutText(CLEAN));
    expect(out.report.isReport).toBe(true);
    expect(out.coverage.tables).toEqual({ t1: 'read', t2: 'read', t3: 'read' });
    expect(out.coverage.readings?.t2).toBe('text-aligned');
    expect(out.coverage.sectionsFound).toEqual([1, 2, 3, 4, 5, 6]);
    expect(
      out.findings.filter((f) => f.category === 'sum'),
      show(out.findings),
    ).toEqual([]);
    expect(structural(out), show(out.findings)).toEqual([]);
  });

  it('pdftotext -layout: a broken sum is a warning that asks to check the original', () => {
    const out = auditTxt(reportLayoutText(BROKEN));
    const f = byRule(out, 't2-row-total')[0];
    expect(f?.severity, show(out.findings)).toBe('warning');
    expect(f?.message.zh).toMatch(/请对照原文核对/);
  });

  it('Markdown: "#" headings are headings, pipe rows are cells (rule rows dropped), no false section errors', () => {
    const md = reportMarkdown(CLEAN);
    expect(md).toMatch(/^## 三、/m);
    expect(md).toMatch(/^\|---/m);
    const out = auditTxt(md);
    expect(out.coverage.sectionsFound).toEqual([1, 2, 3, 4, 5, 6]);
    expect(out.coverage.readings).toEqual({ t1: 'markdown', t2: 'markdown', t3: 'markdown' });
    expect(out.report.agency).toBe('示例县城关镇人民政府');
    expect(
      out.findings.filter((f) => f.category === 'sum'),
      show(out.findings),
    ).toEqual([]);
    expect(structural(out), show(out.findings)).toEqual([]);
  });

  it('Markdown: a broken sum between pipes (cells delimited) is an error', () => {
    const out = auditTxt(reportMarkdown(BROKEN));
    expect(byRule(out, 't2-row-total')[0]?.severity, show(out.findings)).toBe('error');
  });

  it('Markdown: an empty cell between figures is blank, not a lost cell', () => {
    const out = auditTxt(reportMarkdown({ t2: { ...CLEAN.t2, carried: [0, '', 0, 0, 0, 0, 0] } }));
    const t2 = out.report.tables.find((t) => t.kind === 't2');
    const row = t2?.rows.find((r) => r.id === 'carried');
    expect(row?.lostCells).toBe(false);
    expect(row?.cells[1]?.kind).toBe('blank');
  });

  it('OCR: a label that lost characters is still its row; a misread agency name does not stop the reading', () => {
    const md = reportMarkdown(CLEAN)
      .replace('2.其他法律行政法规禁止公开', '2.其他法律行政止公开')
      .replaceAll('城关镇', '城关真');
    const out = auditTxt(md);
    const t2 = out.report.tables.find((t) => t.kind === 't2');
    expect(t2?.rows.some((r) => r.id === 'n2')).toBe(true);
    expect(byRule(out, 'template-structure'), show(out.findings)).toEqual([]);
    expect(out.findings.filter((f) => f.category === 'sum')).toEqual([]);
  });

  it('cells run together without separators: said to be unverifiable, still a report, no sum or section error', () => {
    // a crawler keeps the text of every cell, one after the other, in one line
    const line = reportModel(CLEAN)
      .map((l) => (l.kind === 'row' ? l.cells.join('') : l.text))
      .join(' ');
    const out = auditTxt(`标题: 示例县城关镇人民政府2024年政府信息公开工作年度报告\n${line}\n`);
    expect(out.report.isReport, out.report.reason).toBe(true);
    expect(out.coverage.sectionsFound).toEqual([1, 2, 3, 4, 5, 6]);
    const lost = byRule(out, 'extraction-lost-cells');
    expect(lost.map((f) => f.id)).toEqual([
      'extraction-lost-cells:t1',
      'extraction-lost-cells:t2',
      'extraction-lost-cells:t3',
    ]);
    expect(lost.map((f) => f.message.zh).join('\n')).toMatch(
      /连写[\s\S]*本年新收政府信息公开申请数量102000012/,
    );
    expect(out.findings.filter((f) => f.category === 'sum')).toEqual([]);
    expect(structural(out), show(out.findings)).toEqual([]);
    expect(byRule(out, 'year-column-stale')).toEqual([]);
  });

  it('the statistical period wrapped over two lines is found; a title over two lines names the body', () => {
    const text = reportLayoutText(CLEAN)
      .replace(/^.*年度报告$/m, '   2024年示例县城关镇人民政府政府信息公开工作\n   年度报告')
      .replace(
        '本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。',
        '本报告所列数据的统计周期\n为2024年1月1日至12月31日。',
      );
    const out = auditTxt(text);
    expect(byRule(out, 'year-period'), show(out.findings)).toEqual([]);
    expect(out.report.title).toMatch(/年度报告$/);
    expect(out.report.agency).toBe('示例县城关镇人民政府');
    expect(out.report.bodyKind).toBe('township');
  });
});

const REAL = resolve(__dirname, '../../../shared/fixtures/real');
const real = (name: string) => readFileSync(join(REAL, name), 'utf8');

describe.runIf(existsSync(REAL))('the real texts (../shared/fixtures/real)', () => {
  it('shuyang-county-2025-ocr.txt: sections 一–六, tables hold, no section or template error', () => {
    const out = auditTxt(real('shuyang-county-2025-ocr.txt'));
    expect(out.coverage.sectionsFound).toEqual([1, 2, 3, 4, 5, 6]);
    expect(out.coverage.tables).toEqual({ t1: 'read', t2: 'read', t3: 'read' });
    expect(
      out.findings.filter((f) => f.category === 'sum'),
      show(out.findings),
    ).toEqual([]);
    expect(structural(out), show(out.findings)).toEqual([]);
    expect(byRule(out, 'narrative-applications')).toEqual([]);
    const t3 = out.report.tables.find((t) => t.kind === 't3')?.rows[0]?.cells.map((c) => c.value);
    expect([t3?.[4], t3?.[9], t3?.[14]]).toEqual([61, 3, 10]);
  });

  it('kewei-2024-source.md: the real numbering defects, 规范性文件, the wrapped period, no sum error', () => {
    const out = auditTxt(real('kewei-2024-source.md'));
    expect(out.report.agency).toBe('上海市科委');
    expect(byRule(out, 'section-numbering').length).toBeGreaterThan(0);
    expect(byRule(out, 'template-2019-labels')[0]?.message.zh).toMatch(/规范性文件/);
    expect(byRule(out, 'year-period')).toEqual([]);
    expect(
      out.findings.filter((f) => f.category === 'sum' && f.severity === 'error'),
      show(out.findings),
    ).toEqual([]);
  });

  it('pingtan-2023-crawler.txt: tables not recoverable (said so), a report, never a 年报 column page', () => {
    const out = auditTxt(real('pingtan-2023-crawler.txt'));
    expect(out.report.isReport).toBe(true);
    expect(byRule(out, 'year-column-stale')).toEqual([]);
    expect(
      byRule(out, 'extraction-lost-cells')
        .map((f) => f.message.zh)
        .join(),
    ).toMatch(/801000081/);
    expect(out.findings.filter((f) => f.category === 'sum')).toEqual([]);
    expect(structural(out), show(out.findings)).toEqual([]);
  });
});
