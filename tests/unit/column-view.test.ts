/**
 * The column view's side of the extension, without a browser: its SnapshotStore over the background's
 * messages (store-get/put/by-agency/snapshots/remove/clear, answered from IndexedDB — here fake-indexeddb),
 * 全部审核 through runColumn with that store (cross-year findings on the broken pair only, each result kept
 * with its snapshot, cancel, resume), findings added to the issue list from the page, and the loader
 * (polite, decoded, attachments said as such).
 */
import 'fake-indexeddb/auto';
import { DOMParser as LinkedomParser } from 'linkedom';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from '../../entrypoints/background/app';
import { AttachmentError, type Got, makeLoader } from '../../entrypoints/column/load';
import { RemoteSnapshotStore } from '../../entrypoints/column/remote-store';
import {
  auditColumn,
  type GetDoc,
  keptResult,
  outOfOrder,
  type Row,
  tally,
  verdict,
} from '../../entrypoints/column/session';
import type { ColumnEntry } from '../../lib/column/list';
import { CancelledError } from '../../lib/column/polite';
import { IdbSnapshotStore } from '../../lib/history/idb-store';
import type { ReportSnapshot } from '../../lib/history/snapshot';
import { BACKGROUND, call } from '../../lib/messages';
import { decodePage } from '../../lib/read/charset';
import { readLoaded } from '../../scripts/load';
import { deliver } from '../deliver';
import { trsList } from '../fixtures/column-pages';
import { reportPdf } from '../fixtures/documents';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { parse } from '../helpers';

const api = fakeBrowser as unknown as Browser;
const ID = fakeBrowser.runtime.id;
const BASE = `chrome-extension://${ID}/`;
const SITE = 'http://www.example.gov.cn';
const START = `${SITE}/gknb/`;
const NOW = new Date('2026-12-01T08:00:00Z');
const AGENCY = '示例县教育局';

const page = deliver({ id: ID, url: `${BASE}column.html?url=x`, tab: { id: 80 } });
const content = deliver({ id: ID, url: `${SITE}/gknb/`, frameId: 0, tab: { id: 3, url: `${SITE}/gknb/` } });

/** Three years of one body: 2022 and 2023 carry over consistently, 2024 says 3 came over where 2023 sent 2. */
const PROBLEMS = ['专栏栏目设置不够清晰', '图解材料更新较慢', '基层站所信息报送积极性不高'];
const WORK = [
  '围绕校园安全专项整治，逐月公开隐患排查清单和整改销号情况，接受家长和社会监督。',
  '预算绩效评价结果连同部门整体支出情况一并向社会公布，回应代表委员关切。',
  '教育资助资金发放对象经三级审核后公示七日，无异议后方予拨付。',
];
const FIXED = [
  '重新梳理栏目目录，合并重复子栏目，并在首页增设导航入口。',
  '明确图解材料随政策文件同步起草、同步审核、同步发布。',
];
const own = (y: number) => ({
  1: [`${y}年，${AGENCY}${WORK[y - 2022]}`],
  5: [
    y === 2022
      ? '（一）2021年度存在问题改进情况。已整改完毕。'
      : `（一）${y - 1}年度存在问题改进情况。针对${PROBLEMS[y - 2023]}的问题，${FIXED[y - 2023]}`,
    `（二）${y}年度存在的主要问题及改进措施。一是${PROBLEMS[y - 2022]}。`,
  ],
});
const t2 = (y: number) =>
  y === 2022
    ? { ...simpleT2(1), forward: [1, 0, 0, 0, 0, 0, 1], new: [2, 0, 0, 0, 0, 0, 2] }
    : y === 2023
      ? {
          ...simpleT2(2),
          carried: [1, 0, 0, 0, 0, 0, 1],
          forward: [2, 0, 0, 0, 0, 0, 2],
          new: [3, 0, 0, 0, 0, 0, 3],
        }
      : { ...simpleT2(3), carried: [3, 0, 0, 0, 0, 0, 3], new: [0, 0, 0, 0, 0, 0, 0] };
const url = (y: number) => `${SITE}/gknb/${y}.html`;
const SITE_PAGES = new Map<string, string>([
  [
    START,
    trsList(
      [2024, 2023, 2022].map((y) => ({
        title: `${AGENCY}${y}年政府信息公开工作年度报告`,
        href: `/gknb/${y}.html`,
        date: `${y + 1}-01-20`,
      })),
    ),
  ],
  ...[2022, 2023, 2024].map(
    (y) => [url(y), reportPage({ agency: AGENCY, year: y, bodies: own(y), t2: t2(y) })] as [string, string],
  ),
]);

let fetched: string[] = [];
const getDoc: GetDoc = async (u) => {
  fetched.push(u);
  const html = SITE_PAGES.get(u);
  if (html === undefined) throw new Error('HTTP 404');
  return { url: u, doc: parse(html) };
};

let n = 0;
let snapshots: IdbSnapshotStore;
let remote: RemoteSnapshotStore;

beforeAll(() => {
  (globalThis as unknown as { DOMParser: unknown }).DOMParser = LinkedomParser;
});

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  snapshots = new IdbSnapshotStore(`nianbao-column-test-${++n}`);
  createBackground(api, { snapshots, now: () => NOW, captureGapMs: 0 }).listen();
  remote = new RemoteSnapshotStore(page);
  fetched = [];
});

const snap = (over: Partial<ReportSnapshot> = {}): ReportSnapshot => ({
  v: 1,
  url: url(2023),
  title: `${AGENCY}2023年政府信息公开工作年度报告`,
  agency: AGENCY,
  agencyKey: 'forged',
  bodyKind: 'department',
  year: 2023,
  publishedAt: '2024-01-20',
  auditedAt: '2000-01-01T00:00:00.000Z',
  figures: { 't2:forward:total': 2 },
  exact: { t2: true },
  sections: {},
  contact: { address: null, postcode: null, phone: null },
  counts: { error: 0, warning: 0, info: 0 },
  ...over,
});

describe('the column view’s store over the background', () => {
  it('puts, gets, finds by body, lists, removes and clears through the background’s IndexedDB', async () => {
    await remote.put(snap({ entry: { kept: true } }));
    const got = await remote.get(url(2023));
    // the time and the body's key are the background's, whatever the page sent
    expect(got).toMatchObject({ auditedAt: NOW.toISOString(), agencyKey: AGENCY, entry: { kept: true } });
    expect(await snapshots.get(url(2023))).toMatchObject({ agencyKey: AGENCY });
    await remote.put(snap({ url: url(2022), year: 2022 }));
    expect((await remote.byAgency(AGENCY)).map((s) => s.year).sort()).toEqual([2022, 2023]);
    const all = await remote.list();
    expect(all).toHaveLength(2);
    // the previous-year look-ups carry no kept audit
    expect(all.map((s) => 'entry' in s)).toEqual([false, false]);
    expect((await remote.byAgency(AGENCY)).some((s) => 'entry' in s)).toBe(false);
    await remote.remove([url(2022)]);
    expect((await snapshots.list()).map((s) => s.url)).toEqual([url(2023)]);
    await remote.clear();
    expect(await snapshots.list()).toEqual([]);
    expect(await remote.get(url(2023))).toBeNull();
  });

  it('keeps only web pages, and tells open pages the store changed', async () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await remote.put(snap({ url: 'file:///tmp/r.html' }));
    await remote.put(snap({ url: `${BASE}popup.html` }));
    expect(await snapshots.list()).toEqual([]);
    await remote.put(snap());
    expect(sent.mock.calls.map((c) => (c[0] as unknown as { type: string }).type)).toContain('store-changed');
  });

  it('refuses the store’s page messages from content scripts', async () => {
    for (const [type, req] of [
      ['store-get', { url: url(2023) }],
      ['store-put', { snapshot: snap() }],
      ['store-by-agency', { agencyKey: AGENCY }],
      ['store-snapshots', {}],
      ['store-remove', { urls: [url(2023)] }],
    ] as const)
      expect(await content({ type, ...req }), type).toEqual({ ok: false, error: 'refused' });
    expect(await snapshots.list()).toEqual([]);
  });
});

describe('全部审核 in the page', () => {
  const run = (o: { resume?: boolean; signal?: AbortSignal; onRow?: (r: Row) => void } = {}) =>
    auditColumn(START, getDoc, remote, {
      now: '2026-12-01',
      resume: o.resume ?? true,
      signal: o.signal ?? new AbortController().signal,
      ...(o.onRow ? { onRow: o.onRow } : {}),
    });

  it('audits oldest year first; only the broken pair gets cross-year findings; each result is kept', async () => {
    const rows: Row[] = [];
    const done = await run({ onRow: (r) => rows.push(r) });
    expect(rows.map((r) => r.entry.year)).toEqual([2022, 2023, 2024]);
    const hist = rows.map((r) => (r.result ? tally(r.result).history.map((f) => f.ruleId) : null));
    expect(hist).toEqual([[], [], ['history-carry-over', 'history-carry-over']]);
    expect(rows.map(verdict)).toEqual(['clean', 'clean', 'error']);
    // the 2023 report ran its cross-year rules against 2022 and found nothing
    expect(rows[1]?.result?.coverage.rules['history-carry-over']).toBe('ran');
    const f = rows[2]?.result?.findings.find((x) => x.ruleId === 'history-carry-over');
    expect(f?.evidence).toMatchObject({ expected: 2, found: 3, quote: url(2023) });
    // each stored once, with its audit beside it (what a resumed run shows)
    const kept = await snapshots.get(url(2024));
    expect(keptResult(kept)?.findings.map((x) => x.id)).toEqual(rows[2]?.result?.findings.map((x) => x.id));
    // the column itself: the 2025 report is overdue on 2026-12-01
    expect(done.analysis.findings.map((x) => [x.kind, x.year])).toEqual([['overdue', 2025]]);
  });

  it('resumes from the store without fetching the reports again, with the same results', async () => {
    const first: Row[] = [];
    await run({ onRow: (r) => first.push(r) });
    fetched = [];
    const again: Row[] = [];
    await run({ onRow: (r) => again.push(r) });
    expect(fetched).toEqual([START]);
    expect(again.map((r) => r.resumed)).toEqual([true, true, true]);
    expect(again.map((r) => r.result?.findings.length)).toEqual(first.map((r) => r.result?.findings.length));
    // a kept result that no longer reads is said as such, never shown as clean
    const s22 = (await snapshots.get(url(2022))) as ReportSnapshot;
    await snapshots.put({ ...s22, entry: { findings: 'not a result' } });
    const third: Row[] = [];
    await run({ onRow: (r) => third.push(r) });
    expect([third[0]?.resumed, third[0]?.result, verdict(third[0] as Row)]).toEqual([true, null, 'failed']);
    expect(third[0]?.error).toMatch(/无法读取/);
    // without resuming, every report is fetched and audited again
    fetched = [];
    await run({ resume: false });
    expect(fetched).toHaveLength(4);
  });

  it('cancel stops between two reports and keeps what was done', async () => {
    const ctl = new AbortController();
    const rows: Row[] = [];
    await expect(
      run({
        signal: ctl.signal,
        onRow: (r) => {
          rows.push(r);
          ctl.abort();
        },
      }),
    ).rejects.toBeInstanceOf(CancelledError);
    expect(rows.map((r) => r.entry.year)).toEqual([2022]);
    expect((await snapshots.list()).map((s) => s.url)).toEqual([url(2022)]);
    expect(keptResult(await snapshots.get(url(2022)))).not.toBeNull();
  });

  it('a report that cannot be fetched is said as such, and the others go on', async () => {
    SITE_PAGES.delete(url(2023));
    try {
      const rows: Row[] = [];
      await run({ onRow: (r) => rows.push(r) });
      expect(rows.map((r) => [r.entry.year, r.error, verdict(r)])).toEqual([
        [2022, null, 'clean'],
        [2023, 'HTTP 404', 'failed'],
        [2024, null, 'clean'],
      ]);
      // without 2023 the 2024 report meets no previous year: no cross-year finding
      expect(tally(rows[2]?.result as NonNullable<Row['result']>).history).toEqual([]);
    } finally {
      SITE_PAGES.set(url(2023), reportPage({ agency: AGENCY, year: 2023, bodies: own(2023), t2: t2(2023) }));
    }
  });
});

describe('findings from the column view into the issue list', () => {
  it('adds the chosen findings with the report’s identity; refuses content scripts and non-web URLs', async () => {
    const rows: Row[] = [];
    await auditColumn(START, getDoc, remote, {
      now: '2026-12-01',
      resume: false,
      signal: new AbortController().signal,
      onRow: (r) => rows.push(r),
    });
    const r = rows[2]?.result;
    if (!r) throw new Error('no result');
    const findings = r.findings.filter((f) => f.category === 'history');
    const report = {
      url: url(2024),
      title: r.report.title ?? '',
      siteName: '',
      agency: AGENCY,
      reportYear: 2024,
    };
    const reply = await call(BACKGROUND, 'issues-add-report', { report, findings }, page);
    expect(reply).toEqual({ ok: true, added: findings.length });
    const list = await call(BACKGROUND, 'issues-list', {}, page);
    expect(list.map((e) => [e.pageUrl, e.findingId])).toEqual(findings.map((f) => [url(2024), f.id]));
    // the same findings again: kept once
    expect(await call(BACKGROUND, 'issues-add-report', { report, findings }, page)).toEqual({
      ok: true,
      added: 0,
    });
    expect(await content({ type: 'issues-add-report', report, findings })).toEqual({
      ok: false,
      error: 'refused',
    });
    expect(
      await call(
        BACKGROUND,
        'issues-add-report',
        { report: { ...report, url: 'file:///x.html' }, findings },
        page,
      ),
    ).toMatchObject({ ok: false, added: 0 });
  });
});

describe('the column view’s loader and helpers', () => {
  const got = (bytes: Uint8Array, type: string | null, status = 200): Got => ({
    status,
    url: `${SITE}/a`,
    bytes,
    headers: { get: (h: string) => (h.toLowerCase() === 'content-type' ? type : null) },
  });

  it('parses pages by their charset, reads PDFs, says other files are not audited, fails on HTTP errors', async () => {
    const html = '<html><head><title>年报</title></head><body><p>示例县</p></body></html>';
    const gbk = Uint8Array.from(
      [...'<html><body><p>'].map((c) => c.charCodeAt(0)).concat([0xca, 0xbe, 0xc0, 0xfd]),
    );
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    const answers = new Map<string, Got>([
      [`${SITE}/utf8`, got(new TextEncoder().encode(html), 'text/html; charset=utf-8')],
      [`${SITE}/gbk`, got(gbk, 'text/html; charset=gbk')],
      [`${SITE}/pdf`, got(reportPdf({ agency: AGENCY, year: 2024 }), 'application/pdf')],
      [`${SITE}/doc`, got(ole, 'application/msword')],
      [`${SITE}/gone`, got(new Uint8Array(), 'text/html', 404)],
    ]);
    // pdf.js's Node build stands in for the page's (the same lib/read reader behind both)
    const readPdf = (bytes: Uint8Array) => readLoaded({ bytes, url: null, contentType: null, name: null });
    const { getDoc: load, fetcher } = makeLoader(
      new AbortController().signal,
      new Map(),
      { delayMs: 0, retries: 0 },
      async (u) => answers.get(u) as Got,
      readPdf,
    );
    const a = await load(`${SITE}/utf8`);
    expect('doc' in a && a.doc.querySelector('p')?.textContent).toBe('示例县');
    const b = await load(`${SITE}/gbk`);
    expect('doc' in b && b.doc.querySelector('p')?.textContent).toBe('示例');
    const pdf = await load(`${SITE}/pdf`);
    expect('src' in pdf && pdf.src.blocks.length).toBeGreaterThan(10);
    await expect(load(`${SITE}/doc`)).rejects.toBeInstanceOf(AttachmentError);
    await expect(load(`${SITE}/doc`)).rejects.toThrow(/附件未审核（旧版 Word\/WPS 文件）/);
    await expect(load(`${SITE}/gone`)).rejects.toThrow('HTTP 404');
    expect(fetcher.maxInFlight).toBeLessThanOrEqual(2);
  });

  it('decodes undeclared GB18030 and keeps UTF-8 with one stray byte', () => {
    expect(decodePage(Uint8Array.from([0xca, 0xbe, 0xc0, 0xfd]))).toBe('示例');
    const utf8 = new TextEncoder().encode('示例县人民政府');
    expect(decodePage(Uint8Array.from([...utf8, 0xff]))).toBe('示例县人民政府\ufffd');
  });

  it('marks entries listed against the list’s year order, per body', () => {
    const e = (agency: string, year: number): ColumnEntry => ({
      title: `${agency}${year}年政府信息公开工作年度报告`,
      url: `${SITE}/${agency}/${year}`,
      year,
      publishedAt: null,
      agency,
      bodyKind: 'department',
      listedOn: START,
    });
    const list = [
      e('甲局', 2024),
      e('乙局', 2024),
      e('甲局', 2022),
      e('甲局', 2023),
      e('乙局', 2023),
      e('甲局', 2021),
    ];
    expect([...outOfOrder(list)]).toEqual([`${SITE}/甲局/2023`]);
    expect(outOfOrder([e('甲局', 2021), e('甲局', 2022)]).size).toBe(0);
  });
});
