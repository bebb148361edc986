/**
 * The column view and 全部审核 in Chromium, against a small site served locally: a TRS column over two list
 * pages, three bodies and four years, with a missing year, an overdue and a late report, and a carry-over
 * that breaks between 2023 and 2024 while each year's own table balances, and a body whose 2025 report is
 * only a PDF (read in the page with pdf.js). The popup offers the column view
 * on the column page; the view shows body × year as of a date; 全部审核 is cancelled, resumed from the
 * background's store (the reports done are not fetched again), fills the table; the broken pair gets its
 * cross-year findings and no consistent year gets one; the options page lists the stored reports and clears them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, type Launched, launch } from '../../scripts/browser';
import { trsList } from '../fixtures/column-pages';
import { reportPdf } from '../fixtures/documents';
import { type ReportSpec, reportPage, simpleT2 } from '../fixtures/report-html';
import { HAVE_BROWSER } from './setup';

const BODIES = { jyj: '示例县教育局', czj: '示例县财政局', cgz: '示例县城关镇人民政府' } as const;
type Body = keyof typeof BODIES;
const YEARS = [2022, 2023, 2024, 2025];

/** Each body and year in its own words (genuine reports differ from year to year). */
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
const pick = (b: string, y: number, k: number) =>
  SENTENCES[(y * 5 + k * 2 + b.length) % SENTENCES.length] ?? '';
const own = (b: string, y: number) => ({
  1: [`${y}年，${b}${pick(b, y, 0)}${pick(b, y, 1)}`],
  5: [
    `（一）${y - 1}年度存在问题改进情况。${pick(b, y, 2)}`,
    `（二）${y}年度存在的主要问题及改进措施。${pick(b, y, 3)}${pick(b, y, 4)}`,
  ],
});

function spec(key: Body, y: number): ReportSpec | null {
  if (key === 'cgz' && y === 2023) return null; // never published: a missing year
  if (key === 'czj' && y === 2025) return null; // overdue on 2026-12-01
  const agency = BODIES[key];
  const s: ReportSpec = { agency, year: y, bodies: own(agency, y), t2: simpleT2(0) };
  if (key === 'czj' && y === 2022) s.published = '2023-03-10'; // late for a department
  if (key === 'jyj') {
    // carries 2 into 2024, but the 2024 report says 3 came over; each year balances on its own
    if (y === 2023) s.t2 = { ...simpleT2(2), forward: [2, 0, 0, 0, 0, 0, 2], new: [4, 0, 0, 0, 0, 0, 4] };
    if (y === 2024) s.t2 = { ...simpleT2(3), carried: [3, 0, 0, 0, 0, 0, 3], new: [0, 0, 0, 0, 0, 0, 0] };
  }
  return s;
}

const NOW = '2026-12-01';
const PDF_BODY = '示例县水利局';
const PDF_PATH = '/gknb/2025/slj.pdf';

/** A local site that serves pages and PDFs (bytes), and records what was asked for. */
async function serveSite(files: Map<string, { type: string; body: string | Uint8Array }>) {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const f = files.get(req.url ?? '');
    if (!f) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': f.type });
    res.end(typeof f.body === 'string' ? f.body : Buffer.from(f.body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port, requests };
}
const reportPath = (key: Body, y: number) => `/gknb/${y}/${key}.html`;

describe.runIf(HAVE_BROWSER)('the column view and 全部审核 (Chromium)', () => {
  let site: { server: Server; port: number; requests: string[] };
  let l: Launched;
  let total = 0;
  const base = () => `http://www.example.gov.cn:${site.port}`;
  const start = () => `${base()}/gknb/`;
  const viewUrl = () =>
    `chrome-extension://${l.extensionId}/column.html?url=${encodeURIComponent(start())}&now=${NOW}`;

  beforeAll(async () => {
    const files = new Map<string, { type: string; body: string | Uint8Array }>();
    const html = (body: string) => ({ type: 'text/html; charset=utf-8', body });
    const items: Array<{ title: string; href: string; date: string }> = [
      { title: `${PDF_BODY}2025年政府信息公开工作年度报告`, href: PDF_PATH, date: '2026-01-20' },
    ];
    files.set(PDF_PATH, {
      type: 'application/pdf',
      body: reportPdf({ agency: PDF_BODY, year: 2025 }, { rules: true }),
    });
    for (const y of [...YEARS].reverse())
      for (const key of Object.keys(BODIES) as Body[]) {
        const s = spec(key, y);
        if (!s) continue;
        files.set(reportPath(key, y), html(reportPage(s)));
        items.push({
          title: `${BODIES[key]}${y}年政府信息公开工作年度报告`,
          href: reportPath(key, y),
          date: s.published ?? `${y + 1}-01-20`,
        });
      }
    total = items.length;
    const half = Math.ceil(items.length / 2);
    files.set('/gknb/', html(trsList(items.slice(0, half), { pages: 2, current: 0 })));
    files.set('/gknb/index_1.html', html(trsList(items.slice(half), { pages: 2, current: 1 })));
    site = await serveSite(files);
    l = await launch(EXTENSION_DIR);
  }, 120_000);

  afterAll(async () => {
    await l?.close();
    await new Promise<void>((r) => (site ? site.server.close(() => r()) : r()));
  });

  const cell = (p: Page, key: Body, y: number) =>
    p.locator(`tr[data-agency="${BODIES[key]}"] td[data-year="${y}"]`);
  const fetchedReports = () => site.requests.filter((r) => /\/gknb\/\d{4}\//.test(r));
  const pdfCell = (p: Page) => p.locator(`tr[data-agency="${PDF_BODY}"] td[data-year="2025"]`);

  it('the popup offers 审核整个栏目 on the column page and opens the column view', async () => {
    const tab = await l.context.newPage();
    await tab.goto(start());
    const tabId = await l.worker?.evaluate(async (u) => {
      const c = (
        globalThis as unknown as {
          chrome: { tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> } };
        }
      ).chrome;
      return (await c.tabs.query({})).find((t) => t.url === u)?.id ?? -1;
    }, tab.url());
    const popup = await l.context.newPage();
    await popup.goto(`chrome-extension://${l.extensionId}/popup.html?tabId=${tabId}`);
    const button = popup.locator('[data-action="audit-column"]');
    await button.waitFor();
    const opened = l.context.waitForEvent('page');
    await button.click();
    const view = await opened;
    expect(view.url()).toBe(
      `chrome-extension://${l.extensionId}/column.html?url=${encodeURIComponent(start())}`,
    );
    await view.close();
    await popup.close();
    await tab.close();
  });

  let view: Page;

  it('shows body × year from both list pages: missing, overdue and late years', async () => {
    view = await l.context.newPage();
    await view.goto(viewUrl());
    await view.locator('main[data-phase="listed"]').waitFor();
    expect(await view.locator('table.grid tbody tr').count()).toBe(4);
    expect(await view.locator('table.grid thead th').allTextContents()).toEqual([
      '单位',
      '2022',
      '2023',
      '2024',
      '2025',
    ]);
    expect(await cell(view, 'cgz', 2023).getAttribute('data-state')).toBe('missing');
    expect(await cell(view, 'czj', 2025).getAttribute('data-state')).toBe('overdue');
    expect(await cell(view, 'czj', 2022).getAttribute('data-timeliness')).toBe('late');
    expect(await cell(view, 'jyj', 2024).getAttribute('data-timeliness')).toBe('on-time');
    const kinds = await view
      .locator('.column-findings li')
      .evaluateAll((els) =>
        els.map((e) => `${(e as HTMLElement).dataset.kind}:${(e as HTMLElement).dataset.year}`),
      );
    expect(kinds.sort()).toEqual(['late:2022', 'missing-year:2023', 'overdue:2025']);
    // nothing fetched but the two list pages
    expect(fetchedReports()).toEqual([]);
  });

  it('全部审核 can be cancelled, and then resumes from the store', async () => {
    await view.locator('[data-action="audit-all"]').click();
    const progress = view.locator('section.progress');
    await view.waitForFunction(
      () => Number(document.querySelector('section.progress')?.getAttribute('data-done')) >= 2,
    );
    await view.locator('[data-action="cancel"]').click();
    await view.locator('main[data-phase="cancelled"]').waitFor();
    const doneBefore = Number(await progress.getAttribute('data-done'));
    expect(doneBefore).toBeLessThan(total);
    const fetchedBefore = new Set(fetchedReports());

    await view.locator('[data-action="audit-all"]').click();
    await view.locator('main[data-phase="done"]').waitFor({ timeout: 60_000 });
    expect(await progress.getAttribute('data-done')).toBe(String(total));
    expect(await progress.getAttribute('data-total')).toBe(String(total));
    // what the first run audited was kept with its result and not fetched again
    const again = fetchedReports();
    for (const u of fetchedBefore) expect(again.filter((r) => r === u)).toHaveLength(1);
    expect(new Set(again).size).toBe(total);
  }, 90_000);

  it('fills the table; the broken pair gets its carry-over findings, consistent years none', async () => {
    const verdicts = await view.locator('.verdict').count();
    expect(verdicts).toBe(total);
    const history = await view
      .locator('tr[data-agency]')
      .evaluateAll((trs) =>
        trs.flatMap((tr) =>
          Array.from(tr.querySelectorAll<HTMLElement>('td[data-year] .verdict')).map(
            (v) =>
              `${(tr as HTMLElement).dataset.agency}:${v.closest('td')?.dataset.year}:${v.dataset.history}`,
          ),
        ),
      );
    expect(history.filter((h) => !h.endsWith(':0'))).toEqual(['示例县教育局:2024:2']);
    expect(history).toHaveLength(total);
    // each year's own table balances: no report has an error of its own besides the carry-over
    expect(await cell(view, 'jyj', 2023).locator('.verdict').getAttribute('data-verdict')).not.toBe('error');
    // the report that is only a PDF was read in the page (pdf.js) and audited as a report
    expect(['error', 'warning', 'unverifiable', 'clean']).toContain(
      await pdfCell(view).locator('.verdict').getAttribute('data-verdict'),
    );
    await cell(view, 'jyj', 2024).locator('[data-action="details"]').click();
    const details = view.locator('section.details');
    await details.waitFor();
    expect(await details.locator('li[data-rule="history-carry-over"]').count()).toBe(2);
    expect(await details.locator('[data-action="open-previous"]').first().getAttribute('href')).toBe(
      `${base()}${reportPath('jyj', 2023)}`,
    );
    // the chosen findings go to the issue list through the background
    await details.locator('li[data-rule="history-carry-over"] input[type="checkbox"]').first().check();
    await details.locator('[data-action="add-chosen"]').click();
    await view.locator('p.notice[role="status"]', { hasText: '已加入问题清单（1 条）' }).waitFor();
  });

  it('the options page lists the stored reports and clears them', async () => {
    const options = await l.context.newPage();
    await options.goto(`chrome-extension://${l.extensionId}/options.html`);
    const rows = options.locator('table.store-list tbody tr');
    await options.locator(`fieldset.store[data-count="${total}"]`).waitFor();
    expect(await rows.count()).toBe(total);
    expect(await rows.locator('td:first-child').allTextContents()).toContain('示例县教育局');
    // clearing asks first
    options.once('dialog', (d) => void d.accept());
    await options.locator('[data-action="store-clear"]').click();
    await options.locator('fieldset.store[data-count="0"]').waitFor();
    expect(await rows.count()).toBe(0);
  });
});
