/**
 * The engine reads the page and sends its blocks as data to the background, which extracts and runs the
 * rules (audit-page, entrypoints/background/audit-page.ts); the engine puts its elements back. Every page
 * shape is audited both ways on one parsed document, through the real background over fakeBrowser (each
 * message through JSON, as Chrome sends it): the same findings, report, coverage and cell elements. When
 * the background fails or is silent, the page audits itself.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from '../../entrypoints/background/app';
import { auditWithHistory, type Elsewhere, snapshotToKeep } from '../../entrypoints/shared/history-audit';
import type { AuditOutput } from '../../lib/audit';
import { blocksFromDocument, type ImageBlock, type SourceDoc } from '../../lib/extract/blocks';
import { fromPortable, toPortable } from '../../lib/extract/portable';
import { IdbSnapshotStore } from '../../lib/history/idb-store';
import { BACKGROUND, call, ENGINE_TO_BACKGROUND } from '../../lib/messages';
import { adoptPictures, type PictureOf } from '../../lib/ocr/adopt';
import { deliver } from '../deliver';
import { OWN } from '../fixtures/history';
import { OCR_SPECS } from '../fixtures/ocr-specs';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { mergedLegalColumns } from '../fixtures/t2-shapes';
import { parse } from '../helpers';
import { columnPage, NEWS_PAGE } from '../rules/pages';

const api = fakeBrowser as unknown as Browser;
const ID = fakeBrowser.runtime.id;
const SITE = 'http://www.example.gov.cn';
const NOW = new Date(2026, 10, 22, 10, 30);
const TODAY = '2026-11-22';

/** A content script's sender, every message and reply through JSON as Chrome's runtime messaging does. */
function content(tabId: number, url: string) {
  const send = deliver({ id: ID, url, frameId: 0, tab: { id: tabId, url } });
  return async (msg: object) => {
    const reply = await send(JSON.parse(JSON.stringify(msg)));
    return reply === undefined ? undefined : JSON.parse(JSON.stringify(reply));
  };
}

function elsewhere(send: (m: object) => Promise<unknown>): Elsewhere {
  return {
    audit: (source, pictures, budgetMs) =>
      call(ENGINE_TO_BACKGROUND, 'audit-page', { source, pictures, budgetMs }, send),
    pictures: () => [],
  };
}

const CRUMB_LINKS =
  '<div class="crumb"><span>当前位置：</span><ul><li><a href="/">首页</a></li><li><a href="/xxgk/">政府信息公开</a></li><li><a href="/nb/">政府信息公开年报</a></li><li><a href="#">正文</a></li></ul></div>';
const withCrumb = (html: string, crumb: string) => html.replace('<body>', `<body>${crumb}`);
const samples = join(__dirname, '../../assets/samples');

const PAGES: Record<string, string> = {
  typical: reportPage({ t2: simpleT2(9, 1, 2) }),
  trs: reportPage({ shape: 'trs', t2: simpleT2(4) }),
  hanweb: reportPage({ shape: 'hanweb', t2: { ...simpleT2(5), total: [1, 2, 3, 4, 5, 6, 99] } }),
  platform: reportPage({ shape: 'platform', template: '2019', year: 2019 }),
  plain: reportPage({ shape: 'plain', fullWidthDigits: true }),
  split: reportPage({ splitT2Before: 'n1', flattenMerges: true }),
  noSection5: reportPage({ headings: { 5: null }, published: null }),
  t2Picture: reportPage({ t2AsImage: true }),
  merged: mergedLegalColumns(reportPage({ t2: simpleT2(6) })),
  blankCells: reportPage({ t1: { gz: ['', '/', 3], xk: '—' } }),
  crumbLinks: withCrumb(reportPage({}), CRUMB_LINKS),
  crumbText: withCrumb(reportPage({}), '<div>当前位置：首页 &gt; 政务公开 &gt; 通知公告</div>'),
  news: NEWS_PAGE,
  column: columnPage([2022, 2023, 2024]),
  empty: '<html><body></body></html>',
};
for (const f of readdirSync(samples).filter((f) => f.endsWith('.html')))
  PAGES[`sample ${f}`] = readFileSync(join(samples, f), 'utf8');

/** What both audits must agree on: all of the result but the time it took. */
function comparable(out: AuditOutput & { via?: string }) {
  const { extracted: ex, coverage, via: _via, ...rest } = out;
  const { elapsedMs: _, ...cov } = coverage;
  return {
    ...rest,
    coverage: cov,
    text: ex.text,
    tables: ex.tables,
    sections: ex.sections,
    tokens: [...ex.cellTokens],
    stopped: ex.stopped,
  };
}

let n = 0;
beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  const snapshots = new IdbSnapshotStore(`nianbao-elsewhere-${++n}`);
  createBackground(api, { snapshots, now: () => NOW, captureGapMs: 0 }).listen();
});

describe('audit-page: the page read here, audited in the background', () => {
  for (const [name, html] of Object.entries(PAGES)) {
    it(`gives the page's own audit: ${name}`, async () => {
      const url = `${SITE}/ndbg/${n}.html`;
      const send = content(1, url);
      const ask = (year: number, agencyKey: string | null) =>
        call(ENGINE_TO_BACKGROUND, 'history-previous', { year, agencyKey }, send);
      const doc = parse(html);
      const here = await auditWithHistory(doc, url, ask, { now: TODAY });
      const there = await auditWithHistory(doc, url, ask, { now: TODAY }, undefined, elsewhere(send));
      expect(here.via).toBe('page');
      expect(there.via).toBe('background');
      expect(comparable(there)).toEqual(comparable(here));
      // every cell key points at the very element it points at when audited here
      expect([...there.extracted.cellEls.keys()]).toEqual([...here.extracted.cellEls.keys()]);
      for (const [key, el] of here.extracted.cellEls) expect(there.extracted.cellEls.get(key), key).toBe(el);
      // and so does every block
      for (const [i, b] of here.extracted.blocks.entries())
        expect(there.extracted.blocks[i]?.el, `block ${i}`).toBe(b.el);
      expect(there.extracted.report).toBe(there.report);
    });
  }

  it('reads the breadcrumb beside a list of links from the stand-ins', () => {
    const src = blocksFromDocument(parse(PAGES.crumbLinks as string), null);
    const p = toPortable(src);
    const label = src.blocks.findIndex((b) => b.kind === 'text' && b.text.startsWith('当前位置'));
    expect(p.crumbs).toEqual([[label, [['首页', '政府信息公开', '政府信息公开年报', '正文']]]]);
    const back = fromPortable(JSON.parse(JSON.stringify(p)));
    expect(back.blocks.map((b) => [b.kind, b.index])).toEqual(src.blocks.map((b) => [b.kind, b.index]));
  });

  it('finds the previous year in the store for the sender’s URL', async () => {
    const carried = { ...simpleT2(5), carried: [3, 0, 0, 0, 0, 0, 3] };
    const forward = { ...simpleT2(5), forward: [2, 0, 0, 0, 0, 0, 2] };
    const url23 = `${SITE}/ndbg/2023.html`;
    const url24 = `${SITE}/ndbg/2024.html`;
    const send23 = content(1, url23);
    const first = await auditWithHistory(
      parse(reportPage({ year: 2023, bodies: OWN[2023], t2: forward, published: '2024-01-20' })),
      url23,
      () => Promise.resolve(null),
      {},
      undefined,
      elsewhere(send23),
    );
    const snapshot = snapshotToKeep(first, url23);
    expect(snapshot).not.toBeNull();
    if (snapshot) await call(ENGINE_TO_BACKGROUND, 'history-keep', { snapshot }, send23);
    const history = vi.fn(() => Promise.resolve(null));
    const out = await auditWithHistory(
      parse(reportPage({ year: 2024, bodies: OWN[2024], t2: carried, published: '2025-01-20' })),
      url24,
      history,
      {},
      undefined,
      elsewhere(content(2, url24)),
    );
    expect(out.via).toBe('background');
    expect(history).not.toHaveBeenCalled();
    const carry = out.findings.filter((f) => f.ruleId === 'history-carry-over');
    expect(carry.length).toBeGreaterThan(0);
    for (const f of carry) expect(f.evidence).toMatchObject({ expected: 2, found: 3, quote: url23 });
  });

  it('takes the tables the page read from pictures, by block, as the page takes them', async () => {
    const reading = JSON.parse(
      readFileSync(join(__dirname, '../fixtures/ocr/t2-broken-row.json'), 'utf8'),
    ) as PictureOf;
    const html = reportPage({ ...(OCR_SPECS['t2-broken-row']?.spec ?? {}), t2AsImage: true });
    const url = `${SITE}/ndbg/pic.html`;
    const doc = parse(html);
    const img = doc.querySelector('img');
    const of = (b: ImageBlock) => (b.el === img ? reading : null);
    const none = () => Promise.resolve(null);
    const here = await auditWithHistory(doc, url, none, { now: TODAY }, async (ex) => {
      adoptPictures(ex, of);
    });
    const pictures = (src: SourceDoc) =>
      src.blocks.flatMap((b) => {
        const r = b.kind === 'image' ? of(b) : null;
        return r ? [{ image: b.index, ...r }] : [];
      });
    const there = await auditWithHistory(doc, url, none, { now: TODAY }, undefined, {
      ...elsewhere(content(5, url)),
      pictures,
    });
    expect(there.via).toBe('background');
    expect(here.extracted.tables.t2?.reading).toBe('ocr');
    expect(comparable(there)).toEqual(comparable(here));
    expect(there.extracted.cellEls.get('t2:new:total')).toBe(img);
    expect(there.findings.find((f) => f.ruleId === 't2-row-total')?.severity).toBe('warning');
  });

  it('audits in the page when the background fails or stays silent', async () => {
    const url = `${SITE}/ndbg/x.html`;
    const doc = parse(PAGES.typical as string);
    const none = () => Promise.resolve(null);
    const here = await auditWithHistory(doc, url, none, { now: TODAY });
    const failing: Elsewhere = { audit: () => Promise.reject(new Error('gone')), pictures: () => [] };
    const failed = await auditWithHistory(doc, url, none, { now: TODAY }, undefined, failing);
    expect(failed.via).toBe('page');
    expect(comparable(failed)).toEqual(comparable(here));
    vi.useFakeTimers();
    try {
      const silent: Elsewhere = { audit: () => new Promise(() => undefined), pictures: () => [] };
      const pending = auditWithHistory(doc, url, none, { now: TODAY, budgetMs: 50 }, undefined, silent);
      await vi.advanceTimersByTimeAsync(2000);
      const out = await pending;
      expect(out.via).toBe('page');
      expect(out.findings.map((f) => f.id)).toEqual(here.findings.map((f) => f.id));
    } finally {
      vi.useRealTimers();
    }
  });

  it('is refused to extension pages, and its blocks are checked in full', async () => {
    const src = toPortable(blocksFromDocument(parse(PAGES.typical as string), null));
    const req = { type: 'audit-page', source: src, pictures: [], budgetMs: 2000 };
    expect(BACKGROUND['audit-page'].request.safeParse(req).success).toBe(true);
    expect(BACKGROUND['audit-page'].from).toEqual(['content']);
    const bad = { ...req, source: { ...src, kinds: `${src.kinds}x` } };
    expect(ENGINE_TO_BACKGROUND['audit-page'].request.safeParse(bad).success).toBe(true);
    expect(BACKGROUND['audit-page'].request.safeParse(bad).success).toBe(false);
    const page = deliver({ id: ID, url: `chrome-extension://${ID}/popup.html`, tab: { id: 3 } });
    expect(await page(req)).toEqual({ ok: false, error: 'refused' });
    const tab = content(4, `${SITE}/a.html`);
    expect(await tab(bad)).toEqual({ ok: false, error: 'bad request' });
  });
});
