/**
 * The column crawl against a small site served locally: a 汇总 column over two list pages, three bodies and
 * five years, with a missing year, an overdue and a late report, a carry-over break between two years whose
 * own tables balance, a table-1 continuity break and a section 五 copied from the year before.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, parseArgs } from '../../scripts/audit';
import { trsList } from '../fixtures/column-pages';
import { reportPdf } from '../fixtures/documents';
import { type ReportSpec, reportPage, simpleT2 } from '../fixtures/report-html';
import { captureStdio } from '../helpers';

const BODIES = ['示例县教育局', '示例县财政局', '示例县城关镇人民政府'] as const;
const YEARS = [2021, 2022, 2023, 2024, 2025];

/** Each body and year writes its own text (as genuine reports do): sentences drawn apart for every year. */
const SENTENCES = [
  '围绕校园安全专项整治，逐月公开隐患排查清单和整改销号情况，接受家长和社会监督。',
  '预算绩效评价结果连同部门整体支出情况一并向社会公布，回应代表委员关切。',
  '在乡村振兴衔接资金使用上，按项目公示资金来源、实施主体和验收结论。',
  '优化营商环境政策汇编按行业分册上线，企业可按关键词检索并在线留言。',
  '汛期前后分三批发布水库山塘责任人名单，并在村口张贴值守电话。',
  '养老机构星级评定结果和收费标准在网站和服务大厅同步更新。',
  '社区网格员名单、服务事项和办理时限全部上墙，群众扫码即可评价。',
  '教育资助资金发放对象经三级审核后公示七日，无异议后方予拨付。',
  '政府开放日邀请居民代表走进机关，现场旁听重大事项决策讨论。',
  '重点民生实事项目每季度通报进度，对滞后项目说明原因和补救措施。',
  '统计月报改为图表形式发布，附数据来源说明和口径解释。',
  '行政执法结果在作出决定之日起七个工作日内公开，接受申诉和复核。',
];
const pick = (body: string, y: number, k: number) =>
  SENTENCES[(y * 5 + k * 2 + body.length) % SENTENCES.length] ?? '';

function own(body: string, y: number): Partial<Record<number, string[]>> {
  return {
    1: [`${y}年，${body}${pick(body, y, 0)}${pick(body, y, 1)}`],
    5: [
      `（一）${y - 1}年度存在问题改进情况。${pick(body, y, 2)}`,
      `（二）${y}年度存在的主要问题及改进措施。${pick(body, y, 3)}${pick(body, y, 4)}`,
    ],
  };
}

function spec(body: string, y: number): ReportSpec | null {
  if (body === '示例县城关镇人民政府' && y === 2023) return null; // never published
  if (body === '示例县财政局' && y === 2025) return null; // overdue on 2026-12-01
  const s: ReportSpec = { agency: body, year: y, bodies: own(body, y), t2: simpleT2(0) };
  if (body === '示例县财政局' && y === 2022) s.published = '2023-03-10'; // late for a department
  if (body === '示例县教育局') {
    // carries 2 into 2024, but the 2024 report says 3 came over; each year balances on its own
    if (y === 2023) s.t2 = { ...simpleT2(2), forward: [2, 0, 0, 0, 0, 0, 2], new: [4, 0, 0, 0, 0, 0, 4] };
    if (y === 2024) s.t2 = { ...simpleT2(3), carried: [3, 0, 0, 0, 0, 0, 3], new: [0, 0, 0, 0, 0, 0, 0] };
    // 行政规范性文件: 5 in force in 2023, 2024 issues 2 and repeals 0 but says 9 in force
    // (2021–2022: 4 in force; 2025 follows on from the 9)
    s.t1 = { gf: y === 2023 ? [1, 0, 5] : y === 2024 ? [2, 0, 9] : y === 2025 ? [0, 0, 9] : [0, 0, 4] };
  }
  if (body === '示例县财政局' && y === 2024)
    s.bodies = {
      ...own(body, y),
      5: own(body, 2023)[5]?.map((p) => p.replace(/2023/g, '2024').replace(/2022/g, '2023')) ?? [],
    };
  return s;
}

let server: Server;
let base = '';
const requests: string[] = [];
let inFlight = 0;
let peak = 0;

beforeAll(async () => {
  const pages = new Map<string, string>();
  const pdfs = new Map<string, Uint8Array>();
  const items: Array<{ title: string; href: string; date: string; y: number }> = [];
  for (const y of YEARS)
    for (const b of BODIES) {
      const s = spec(b, y);
      if (!s) continue;
      const href = `/xxgk/gknb/${y}/${encodeURIComponent(b)}.html`;
      pages.set(href, reportPage(s));
      const date = s.published ?? `${y + 1}-01-20`;
      items.push({ title: `${b}${y}年政府信息公开工作年度报告`, href, date, y });
    }
  // a body whose report is only a PDF
  const pdfHref = `/xxgk/gknb/2025/${encodeURIComponent('示例县水利局')}.pdf`;
  pdfs.set(pdfHref, reportPdf({ agency: '示例县水利局', year: 2025 }, { rules: true }));
  items.push({
    title: '示例县水利局2025年政府信息公开工作年度报告',
    href: pdfHref,
    date: '2026-01-20',
    y: 2025,
  });
  items.sort((a, b) => b.y - a.y);
  const half = Math.ceil(items.length / 2);
  pages.set('/xxgk/gknb/', trsList(items.slice(0, half), { pages: 2, current: 0 }));
  pages.set('/xxgk/gknb/index_1.html', trsList(items.slice(half), { pages: 2, current: 1 }));
  server = createServer((req, res) => {
    const url = decodeURI(req.url ?? '/').replace(/%E/g, '%E');
    requests.push(url);
    inFlight++;
    peak = Math.max(peak, inFlight);
    const key = [...pages.keys()].find((k) => decodeURIComponent(k) === decodeURIComponent(req.url ?? ''));
    const pdf = [...pdfs.keys()].find((k) => decodeURIComponent(k) === decodeURIComponent(req.url ?? ''));
    setTimeout(() => {
      inFlight--;
      if (pdf) {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end(Buffer.from(pdfs.get(pdf) as Uint8Array));
        return;
      }
      if (!key) {
        res.writeHead(404);
        res.end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(pages.get(key));
    }, 5);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const io = captureStdio();

interface Json {
  start: string;
  reports: Array<{
    url: string;
    page: string;
    reportYear: number;
    agency: string;
    findings: Array<{ ruleId: string; category: string; severity: string; message: string }>;
  }>;
  column: {
    entries: unknown[];
    pages: string[];
    findings: Array<{ ruleId: string; agency: string; year: number; severity: string; category: string }>;
  };
}

describe('--crawl', () => {
  it('parses its options and refuses bad ones', () => {
    expect(
      parseArgs(['--crawl', 'http://x.gov.cn/nb/', '--concurrency', '1', '--delay=0', '--max', '50']),
    ).toMatchObject({
      crawl: 'http://x.gov.cn/nb/',
      concurrency: 1,
      delayMs: 0,
      max: 50,
    });
    expect(parseArgs(['--crawl', 'x.html'])).toMatch(/http/);
    expect(parseArgs(['--crawl', 'http://x.gov.cn/', '--concurrency', '0'])).toMatch(/from 1 to 8/);
    expect(parseArgs(['--crawl', 'http://x.gov.cn/', 'other.html'])).toMatch(/no other input/);
    expect(parseArgs(['--no-store', '--store-list'])).toMatch(/needs the store/);
  });

  it('lists every report across the pages, audits each across years, and reports the column', async () => {
    const store = join(await mkdtemp(join(tmpdir(), 'nianbao-crawl-')), 'r.sqlite');
    const out = await mkdtemp(join(tmpdir(), 'nianbao-crawl-out-'));
    requests.length = 0;
    peak = 0;
    const code = await main([
      '--crawl',
      `${base}/xxgk/gknb/`,
      '--json',
      '--now',
      '2026-12-01',
      '--delay',
      '0',
      '--concurrency',
      '2',
      '--store',
      store,
      '--out',
      out,
    ]);
    const j = JSON.parse(io.out) as Json;
    expect(j.column.pages).toEqual([`${base}/xxgk/gknb/`, `${base}/xxgk/gknb/index_1.html`]);
    expect(j.column.entries).toHaveLength(14);
    expect(j.reports).toHaveLength(14);
    // the report that is only a PDF is read as a PDF and audited like the others
    const pdfReport = j.reports.find((r) => r.url.endsWith('.pdf'));
    expect(pdfReport).toMatchObject({ isReport: true, reportYear: 2025, agency: '示例县水利局' });
    expect(peak).toBeLessThanOrEqual(2);
    // the column's own findings, and nothing else
    expect(j.column.findings.map((f) => [f.ruleId, f.agency, f.year, f.severity])).toEqual([
      ['column-late', '示例县财政局', 2022, 'warning'],
      ['column-overdue', '示例县财政局', 2025, 'warning'],
      ['column-missing-year', '示例县城关镇人民政府', 2023, 'warning'],
    ]);
    const hist = j.reports.flatMap((r) =>
      r.findings
        .filter((f) => f.category === 'history')
        .map((f) => [r.agency, r.reportYear, f.ruleId, f.severity]),
    );
    expect(hist).toEqual([
      ['示例县财政局', 2024, 'history-copied-text', 'warning'],
      ['示例县教育局', 2024, 'history-carry-over', 'error'],
      ['示例县教育局', 2024, 'history-carry-over', 'error'],
      ['示例县教育局', 2024, 'history-t1-continuity', 'warning'],
    ]);
    // each year's own table balances: no sum error anywhere
    expect(j.reports.flatMap((r) => r.findings.filter((f) => f.category === 'sum'))).toEqual([]);
    expect(code).toBe(1);
    // --out: a Markdown per report and the XLSX summary (a summary sheet and one per body)
    expect((await readdir(join(out, 'reports'))).length).toBe(14);
    const md = await readFile(join(out, 'reports', '001.md'), 'utf8');
    expect(md).toContain('# 示例县');
    const sheets = await readXlsxFile(join(out, '栏目审核汇总.xlsx'));
    expect(sheets.map((s) => s.sheet)).toEqual([
      '汇总',
      '示例县财政局',
      '示例县城关镇人民政府',
      '示例县教育局',
      '示例县水利局',
    ]);
    const summary = sheets[0]?.data ?? [];
    expect(summary[0]).toEqual(['单位', '2021', '2022', '2023', '2024', '2025']);
    expect(summary.find((r) => r[0] === '示例县城关镇人民政府')?.[3]).toBe('缺失');
    expect(summary.find((r) => r[0] === '示例县财政局')?.[5]).toBe('缺失');
  });

  it('resumes from the store without fetching the reports again', async () => {
    const store = join(await mkdtemp(join(tmpdir(), 'nianbao-crawl-')), 'r.sqlite');
    const args = [
      '--crawl',
      `${base}/xxgk/gknb/`,
      '--json',
      '--now',
      '2026-12-01',
      '--delay',
      '0',
      '--store',
      store,
    ];
    await main(args);
    const first = JSON.parse(io.out) as Json;
    io.out = '';
    requests.length = 0;
    await main([...args, '--resume']);
    const again = JSON.parse(io.out) as Json;
    expect(requests).toEqual(['/xxgk/gknb/', '/xxgk/gknb/index_1.html']);
    expect(again.reports.map((r) => r.findings.length)).toEqual(first.reports.map((r) => r.findings.length));
    io.out = '';
    expect(await main(['--store-list', '--json', '--store', store])).toBe(0);
    expect((JSON.parse(io.out) as unknown[]).length).toBe(14);
    expect(await main(['--store-clear', '--store', store])).toBe(0);
    expect(io.err).toContain('14 条审核记录已清除');
  });

  it('says plainly when the start page is not a column', async () => {
    const code = await main([
      '--crawl',
      `${base}/xxgk/gknb/2024/${encodeURIComponent('示例县教育局')}.html`,
      '--no-store',
    ]);
    expect(code).toBe(0);
    expect(io.out).toContain('不是年报栏目页');
  });
});
