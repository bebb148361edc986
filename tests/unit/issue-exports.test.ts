/**
 * The issue list's exports re-read: the XLSX through a spreadsheet reader (exceljs), the DOCX unzipped, the
 * HTML parsed. Fixtures: findings of three reports (two bodies) added through the store, with real PNGs.
 */
import { createCanvas } from '@napi-rs/canvas';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { toResult } from '../../lib/audit';
import { summarize, toHtml } from '../../lib/issues/export';
import { toDocx } from '../../lib/issues/export/docx';
import { SHEET, SUMMARY_SHEET, toXlsx } from '../../lib/issues/export/xlsx';
import { toZip } from '../../lib/issues/export/zip';
import type { IssueEntry, PageInfo } from '../../lib/issues/model';
import { MemoryBlobs, MemoryKeyValue } from '../../lib/issues/storage';
import { IssueStore } from '../../lib/issues/store';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { auditHtml } from '../helpers';

const HOSTILE = '<img src=x onerror=alert(1)>=HYPERLINK("http://evil")';

function pngOf(w: number, h: number, colour: string): Blob {
  const c = createCanvas(w, h);
  const ctx = c.getContext('2d');
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, w, h);
  return new Blob([new Uint8Array(c.toBuffer('image/png'))], { type: 'image/png' });
}

const pages: PageInfo[] = [
  {
    url: 'http://www.example.gov.cn/ndbg/t20250120_1.html',
    title: '示例县市场监督管理局2024年政府信息公开工作年度报告',
    siteName: '示例县人民政府',
    agency: '示例县市场监督管理局',
    reportYear: 2024,
    columnName: '政府信息公开年报',
  },
  {
    url: 'http://www.example.gov.cn/ndbg/t20240120_2.html',
    title: '示例县市场监督管理局2023年政府信息公开工作年度报告',
    siteName: '',
    agency: '示例县市场监督管理局',
    reportYear: 2023,
  },
  {
    url: 'http://xxgk.other.gov.cn/nb/2024.html',
    title: HOSTILE,
    siteName: '',
    docTitle: `2024年度报告_示例市城关镇人民政府`,
    agency: '示例市城关镇人民政府',
    reportYear: 2024,
  },
];

let entries: IssueEntry[] = [];
const blobs = new MemoryBlobs();

beforeAll(async () => {
  const store = new IssueStore(new MemoryKeyValue(), blobs, () => new Date(2026, 10, 22, 10, 30, 0));
  const broken = toResult(
    auditHtml(reportPage({ t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4] }, published: '2025-02-10' })),
  );
  for (const [i, page] of pages.entries()) {
    const added = await store.add(page, broken.findings.slice(0, 2 + i), {
      inspector: '李四',
      screenshot: {
        name: `shot-${i}.png`,
        annotated: pngOf(400, 300, '#c00'),
        plain: pngOf(400, 300, '#fff'),
      },
    });
    entries.push(...added);
  }
  const first = entries[0] as IssueEntry;
  const updated = await store.update(first.id, { note: HOSTILE, review: 'disputed', deadline: '2026-12-31' });
  entries = (await store.list()).map((e) => (e.id === first.id && updated ? updated : e));
});

describe('XLSX (exceljs), re-read', () => {
  it('a filtered, frozen, validated, linked, coloured sheet that prints landscape fitted to the width', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await (await toXlsx(entries)).arrayBuffer());
    const ws = wb.getWorksheet(SHEET);
    expect(ws).toBeDefined();
    if (!ws) return;
    expect(ws.rowCount).toBe(entries.length + 1);
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    for (const h of [
      '地区',
      '网站名称',
      '单位名称',
      '栏目名称',
      '报告年度',
      '复核状态',
      '整改时限',
      '证据（算式或引文）',
    ])
      expect(headers).toContain(h);
    const col = (h: string) => headers.indexOf(h) + 1;
    // autofilter over the header and every row
    expect(ws.autoFilter).toBeTruthy();
    expect(JSON.stringify(ws.autoFilter)).toMatch(/A1|"row":1/);
    // frozen header
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // drop-downs on 整改状态 and 复核状态 in every data row
    for (let r = 2; r <= entries.length + 1; r++) {
      const status = ws.getRow(r).getCell(col('整改状态')).dataValidation;
      expect(status?.type).toBe('list');
      expect(status?.formulae?.[0]).toContain('未整改');
      expect(ws.getRow(r).getCell(col('复核状态')).dataValidation?.formulae?.[0]).toContain('有异议');
    }
    // links: the page, and the image files beside the workbook in the ZIP
    const row2 = ws.getRow(2);
    const e0 = entries.find((e) => e.id === row2.getCell(1).text);
    expect(e0).toBeDefined();
    expect(row2.getCell(col('页面地址')).hyperlink).toBe(e0?.pageUrl);
    expect(row2.getCell(col('截图')).hyperlink).toMatch(/^images\/shot-\d\.png$/);
    expect(row2.getCell(col('原图')).hyperlink).toMatch(/^images\/shot-\d_原图\.png$/);
    // severity colour
    const sev = row2.getCell(col('严重程度'));
    expect((sev.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toMatch(/^FF(D93025|E37400|1A73E8)$/);
    // rows are as tall as their wrapped text (no application fits them on open)
    expect(row2.height).toBeGreaterThan(30);
    // print setup
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      paperSize: 9,
      printTitlesRow: '1:1',
    });
    // page text stays text: a value that looks like a formula is not one
    const hostileRow = ws.getRows(2, entries.length)?.find((r) => r.getCell(col('备注')).text === HOSTILE);
    expect(hostileRow).toBeDefined();
    expect(hostileRow?.getCell(col('备注')).formula).toBeUndefined();
    expect(hostileRow?.getCell(col('复核状态')).text).toBe('有异议');
    expect(hostileRow?.getCell(col('整改时限')).text).toBe('2026-12-31');
  });

  it('the summary sheet: per body, counts by severity and category, and a total', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await (await toXlsx(entries)).arrayBuffer());
    const ws = wb.getWorksheet(SUMMARY_SHEET);
    expect(ws).toBeDefined();
    if (!ws) return;
    const bodies = summarize(entries);
    expect(bodies.map((b) => b.body).sort()).toEqual(['示例县市场监督管理局', '示例市城关镇人民政府']);
    expect(ws.rowCount).toBe(bodies.length + 2);
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    const byBody = new Map<string, Record<string, unknown>>();
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const vals = (row.values as unknown[]).slice(1);
      byBody.set(String(vals[0]), Object.fromEntries(headers.map((h, i) => [String(h), vals[i]])));
    });
    const market = byBody.get('示例县市场监督管理局');
    const expected = entries.filter((e) => e.agency === '示例县市场监督管理局');
    expect(market?.报告数).toBe(2);
    expect(market?.问题总数).toBe(expected.length);
    expect(market?.合计).toBe(expected.filter((e) => e.category === 'sum').length);
    expect(market?.错误).toBe(expected.filter((e) => e.severity === 'error').length);
    expect(byBody.get('合计')?.问题总数).toBe(entries.length);
  });
});

describe('DOCX (docx), unzipped', () => {
  it('a cover, a summary and the 问题清单 table with a close-up per row', async () => {
    const files = unzipSync(new Uint8Array(await (await toDocx(entries, (k) => blobs.get(k))).arrayBuffer()));
    const xml = strFromU8(files['word/document.xml'] as Uint8Array);
    const tables = xml.split('<w:tbl>').slice(1);
    expect(tables).toHaveLength(3);
    const list = tables[2] ?? '';
    // header + one row per report + one row per finding
    expect(list.match(/<w:tr[ >]/g)).toHaveLength(1 + 3 + entries.length);
    expect(list.match(/<w:drawing>/g)).toHaveLength(entries.length);
    expect(list).toContain('<w:tblHeader');
    expect(Object.keys(files).filter((f) => f.startsWith('word/media/')).length).toBeGreaterThan(0);
    // landscape A4
    expect(xml).toMatch(/<w:pgSz[^>]*w:orient="landscape"/);
    // page text is text
    expect(xml).not.toContain('<img');
    expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('HTML report, parsed', () => {
  it('a cover, a summary by body and severity, then each report with its findings and close-ups', () => {
    const html = toHtml(entries, { now: new Date(2026, 10, 23, 9, 0, 0) });
    const { document } = parseHTML(html);
    expect(document.querySelector('.cover')?.textContent).toContain('3 份报告，2 个单位');
    expect(document.querySelector('.cover')?.textContent).toContain('李四');
    expect(document.querySelector('.cover')?.textContent).toContain('2026-11-23');
    const summaryRows = document.querySelectorAll('.summary tbody tr');
    expect(summaryRows.length).toBe(2 + 1);
    const reports = document.querySelectorAll('section.report');
    expect(reports.length).toBe(3);
    expect(document.querySelectorAll('article.finding').length).toBe(entries.length);
    const imgs = [...document.querySelectorAll('img')];
    expect(imgs.length).toBe(entries.length);
    expect(imgs.every((i) => /^images\/shot-\d\.png$/.test(i.getAttribute('src') ?? ''))).toBe(true);
    // A4 print CSS
    expect(document.querySelector('style')?.textContent).toMatch(/@page\{size:A4/);
    // hostile page text stays text, everywhere it is shown
    expect(html).not.toContain('<img src=x');
    expect(document.querySelectorAll('[onerror]').length).toBe(0);
    expect(document.body.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('ZIP', () => {
  it('holds every format and the images they link to', async () => {
    const files = unzipSync(await toZip(entries, (k) => blobs.get(k)));
    const names = Object.keys(files);
    for (const f of ['问题清单.xlsx', '问题清单.docx', '问题清单.html', '问题清单.md', '问题清单.json'])
      expect(names).toContain(f);
    const html = strFromU8(files['问题清单.html'] as Uint8Array);
    const { document } = parseHTML(html);
    for (const img of document.querySelectorAll('img'))
      expect(names).toContain(decodeURI(img.getAttribute('src') ?? ''));
    expect(names.filter((n) => n.startsWith('images/'))).toHaveLength(6);
  });
});
