/**
 * Issue-list entries linked to the page: the finding's number there (页面标注号, from the tab's order) and
 * the side panel's 误报 / 忽略 (页面判定) carried in — in the store, through the background (add, add all
 * skipping ignored findings, a decision made after the entry exists) and in every export.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from '../../entrypoints/background/app';
import { toResult } from '../../lib/audit';
import type { Dismissal } from '../../lib/dismissals';
import { toHtml, toMarkdown } from '../../lib/issues/export';
import { toDocx } from '../../lib/issues/export/docx';
import { SHEET, toXlsx } from '../../lib/issues/export/xlsx';
import { IssueEntry, type PageInfo } from '../../lib/issues/model';
import { MemoryBlobs, MemoryKeyValue } from '../../lib/issues/storage';
import { IssueStore } from '../../lib/issues/store';
import { BACKGROUND, call, type Sender } from '../../lib/messages';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { auditHtml } from '../helpers';

const result = toResult(
  auditHtml(
    reportPage({
      t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4] },
      t3: [1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      published: '2025-02-10',
    }),
  ),
);
const ids = result.findings.map((f) => f.id);
if (ids.length < 3) throw new Error('the fixture needs three findings');
const [a, b, c] = ids as [string, string, string];
/** The page's numbering: reversed, so a number never equals a finding's place in the result by chance. */
const order = [...ids].reverse();
const numberOf = (id: string) => order.indexOf(id) + 1;

const SITE = 'http://www.example.gov.cn';
const page: PageInfo = {
  url: `${SITE}/ndbg/1.html`,
  title: '示例县2024年政府信息公开工作年度报告',
  siteName: '示例县人民政府',
  agency: '示例县人民政府办公室',
  reportYear: 2024,
};
const fp: Dismissal = {
  kind: 'false-positive',
  reason: '原表如此，已电话核实',
  at: '2026-12-01T10:00:00.000Z',
};
const ign: Dismissal = { kind: 'ignored', reason: '', at: '2026-12-01T10:01:00.000Z' };

describe('the store', () => {
  it('keeps the page number and the verdict; a 误报 sets 整改状态 误报; old entries load without them', async () => {
    const store = new IssueStore(new MemoryKeyValue(), new MemoryBlobs());
    const added = await store.add(page, result.findings, {
      inspector: '',
      order,
      dismissals: { [a]: fp, [b]: ign },
    });
    const by = new Map(added.map((e) => [e.findingId, e]));
    for (const id of ids) expect(by.get(id)?.mark, id).toBe(numberOf(id));
    expect(by.get(a)).toMatchObject({ verdict: fp, status: 'false-positive' });
    expect(by.get(b)).toMatchObject({ verdict: ign, status: 'open' });
    expect(by.get(c)).toMatchObject({ verdict: null, status: 'open' });
    // without an order the number is unknown, never invented
    const other = await store.add({ ...page, url: `${SITE}/ndbg/2.html` }, result.findings.slice(0, 1));
    expect(other[0]?.mark).toBeNull();
    const { mark: _m, verdict: _v, ...old } = by.get(c) as IssueEntry;
    expect(IssueEntry.parse(old)).toMatchObject({ mark: null, verdict: null });
  });

  it('a decision made after the entry exists is recorded on it, and undoing it reopens what it marked', async () => {
    const store = new IssueStore(new MemoryKeyValue(), new MemoryBlobs());
    await store.add(page, result.findings, { inspector: '', order });
    await store.add({ ...page, url: `${SITE}/ndbg/2.html` }, result.findings, { inspector: '' });
    const changed = await store.setVerdict(`${page.url}#top`, a, fp);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({
      findingId: a,
      pageUrl: page.url,
      verdict: fp,
      status: 'false-positive',
    });
    const list = await store.list();
    expect(list.filter((e) => e.verdict).map((e) => e.id)).toEqual([changed[0]?.id]);
    const undone = await store.setVerdict(page.url, a, null);
    expect(undone[0]).toMatchObject({ verdict: null, status: 'open' });
    // a status the inspector set is kept: only the 误报 the verdict gave is taken back
    const e = (await store.list()).find((x) => x.findingId === b && x.pageUrl === page.url) as IssueEntry;
    await store.update(e.id, { status: 'fixed' });
    expect((await store.setVerdict(page.url, b, fp))[0]?.status).toBe('fixed');
    expect((await store.setVerdict(page.url, b, null))[0]?.status).toBe('fixed');
  });
});

describe('the exports', () => {
  it('XLSX, HTML, DOCX and Markdown carry 页面标注号 and 页面判定', async () => {
    const store = new IssueStore(new MemoryKeyValue(), new MemoryBlobs());
    const entries = await store.add(page, result.findings, { inspector: '', order, dismissals: { [a]: fp } });
    const withA = entries.find((e) => e.findingId === a) as IssueEntry;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await (await toXlsx(entries)).arrayBuffer());
    const ws = wb.getWorksheet(SHEET);
    if (!ws) throw new Error('no sheet');
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const markCol = header.indexOf('页面标注号');
    const verdictCol = header.indexOf('页面判定');
    expect(markCol).toBeGreaterThan(0);
    expect(verdictCol).toBeGreaterThan(0);
    const rows = entries.map((_, i) => ws.getRow(i + 2));
    const rowA = rows.find((r) => String(r.getCell(header.indexOf('问题编号')).value) === withA.id);
    expect(String(rowA?.getCell(markCol).value)).toBe(String(numberOf(a)));
    expect(String(rowA?.getCell(verdictCol).value)).toBe('误报：原表如此，已电话核实');
    const md = toMarkdown(entries);
    expect(md).toContain(`- **页面标注号**：${numberOf(a)}`);
    expect(md).toContain('- **页面判定**：误报：原表如此，已电话核实');
    const html = toHtml(entries);
    expect(html).toContain(`<dt>页面标注号</dt><dd>标注 ${numberOf(a)}</dd>`);
    expect(html).toContain('<dt>页面判定</dt><dd>误报：原表如此，已电话核实</dd>');
    const files = unzipSync(new Uint8Array(await (await toDocx(entries, async () => null)).arrayBuffer()));
    const xml = strFromU8(files['word/document.xml'] as Uint8Array);
    for (const id of ids) expect(xml).toContain(`页面标注号 ${numberOf(id)}`);
    expect(xml).toContain('页面判定：误报：原表如此，已电话核实');
  });
});

// ---- the background over fakeBrowser --------------------------------------------------------------------

const api = fakeBrowser as unknown as Browser;
const ID = fakeBrowser.runtime.id;
type Trigger = { trigger(...args: unknown[]): Promise<unknown[]> };
function deliver(sender: Sender) {
  return async (msg: object): Promise<unknown> => {
    let reply: unknown;
    await new Promise<void>((resolve) => {
      void (fakeBrowser.runtime.onMessage as unknown as Trigger)
        .trigger(msg, sender, (r: unknown) => {
          reply = r;
          resolve();
        })
        .then((results: unknown[]) => {
          if (!results.includes(true)) resolve();
        });
    });
    return reply;
  };
}
const panel = deliver({ id: ID, url: `chrome-extension://${ID}/sidepanel.html` });
const content = (tabId: number, url: string) => deliver({ id: ID, url, frameId: 0, tab: { id: tabId, url } });
type Bg = keyof typeof BACKGROUND;
const ask = <K extends Bg>(
  send: (m: object) => Promise<unknown>,
  type: K,
  req: Parameters<typeof call<typeof BACKGROUND, K>>[2],
) => call(BACKGROUND, type, req, send);

class FakeCanvas {
  constructor(
    public width: number,
    public height: number,
  ) {}
  getContext() {
    return {
      font: '',
      fillStyle: '',
      textBaseline: 'top',
      drawImage() {},
      fillRect() {},
      fillText: (text: string) => drawn.push(text),
      measureText: (text: string) => ({ width: text.length * 13 }),
    };
  }
  async convertToBlob() {
    return new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });
  }
}
const drawn: string[] = [];

describe('the background', () => {
  let bg: ReturnType<typeof createBackground>;
  let tabId = 0;
  beforeEach(async () => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
    drawn.length = 0;
    const metrics = { scrollX: 0, scrollY: 0, scrollHeight: 2000, innerWidth: 800, innerHeight: 600, dpr: 1 };
    Object.assign(fakeBrowser.tabs, {
      captureVisibleTab: vi.fn(async () => 'data:image/png;base64,iVBORw0KGgo='),
      sendMessage: vi.fn(async (_tab: number, msg: { type: string; ids?: string[] }) => ({
        ok: true,
        value:
          msg.type === 'capture-info' || msg.type === 'scroll-to'
            ? metrics
            : msg.type === 'finding-places'
              ? // every finding in a row of its own, far apart: one close-up each
                (msg.ids ?? []).map((id, i) => ({
                  id,
                  table: 0,
                  header: { left: 10, top: 100, width: 500, height: 40 },
                  target: { left: 10, top: 300 + 700 * i, width: 500, height: 20 },
                }))
              : true,
      })),
    });
    Object.assign(fakeBrowser.scripting, { executeScript: vi.fn(async () => []) });
    vi.stubGlobal('createImageBitmap', async () => ({ width: 800, height: 600, close() {} }));
    vi.stubGlobal('OffscreenCanvas', FakeCanvas);
    bg = createBackground(api, { blobs: new MemoryBlobs(), captureGapMs: 0 });
    bg.listen();
    const tab = await fakeBrowser.tabs.create({ url: page.url });
    tabId = tab.id ?? 0;
    await ask(content(tabId, page.url), 'audit-done', { url: page.url, result, order });
  });

  it('an entry added from the tab keeps the page number and the verdict; add all skips ignored ones', async () => {
    await ask(panel, 'dismissals-set', { tabId, findingId: a, dismissal: fp });
    await ask(panel, 'dismissals-set', { tabId, findingId: b, dismissal: ign });
    const r = await ask(panel, 'issues-add', { tabId, findingIds: null });
    expect(r).toEqual({ ok: true, added: ids.length - 1, skipped: 1 });
    const list = await bg.store.list();
    expect(list.map((e) => e.findingId).sort()).toEqual(ids.filter((id) => id !== b).sort());
    for (const e of list) expect(e.mark, e.findingId).toBe(numberOf(e.findingId));
    expect(list.find((e) => e.findingId === a)).toMatchObject({ status: 'false-positive', verdict: fp });
    // named explicitly, an ignored finding is added, carrying its verdict
    expect(await ask(panel, 'issues-add', { tabId, findingIds: [b] })).toEqual({ ok: true, added: 1 });
    expect((await bg.store.list()).find((e) => e.findingId === b)?.verdict).toEqual(ign);
  });

  it('a 误报 decided after the entry was added is carried into it, and undone', async () => {
    await ask(panel, 'issues-add', { tabId, findingIds: [c] });
    await ask(panel, 'dismissals-set', { tabId, findingId: c, dismissal: fp });
    expect((await bg.store.list())[0]).toMatchObject({ verdict: fp, status: 'false-positive' });
    await ask(panel, 'dismissals-set', { tabId, findingId: c, dismissal: null });
    expect((await bg.store.list())[0]).toMatchObject({ verdict: null, status: 'open' });
  });

  it('a close-up of one finding: the caption and the entry show the same page number', async () => {
    const r = await ask(panel, 'capture-to-list', { tabId, mode: 'finding', findingId: c });
    expect(r).toEqual({ ok: true, added: 1 });
    const [entry] = await bg.store.list();
    expect(entry?.mark).toBe(numberOf(c));
    const title = result.findings.find((f) => f.id === c)?.title.zh ?? '';
    expect(drawn).toContain(`${numberOf(c)}. ${title}`);
  });

  it('capture each with "add all" leaves ignored findings out and says how many', async () => {
    await ask(panel, 'dismissals-set', { tabId, findingId: a, dismissal: ign });
    const r = await ask(panel, 'capture-each-to-list', { tabId, findingIds: null });
    expect(r).toMatchObject({ ok: true, added: ids.length - 1, skipped: 1 });
    expect((await bg.store.list()).some((e) => e.findingId === a)).toBe(false);
  });
});
