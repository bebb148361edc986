/**
 * The background over WXT's fakeBrowser: it owns the issue list, the per-tab results and the settings;
 * requests from several contexts at once lose nothing; senders are checked.
 */

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from '../../entrypoints/background/app';
import { toResult } from '../../lib/audit';
import { MemoryBlobs } from '../../lib/issues/storage';
import { COUNTERS_KEY, ISSUES_KEY } from '../../lib/issues/store';
import { BACKGROUND, call, PAGES } from '../../lib/messages';
import type { AuditResult } from '../../lib/model/schema';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../lib/settings';
import { deliver } from '../deliver';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { auditHtml } from '../helpers';

const api = fakeBrowser as unknown as Browser;
const ID = fakeBrowser.runtime.id;
const BASE = `chrome-extension://${ID}/`;
const SITE = 'http://www.example.gov.cn';
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

const base = toResult(
  auditHtml(reportPage({ t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4] }, published: '2025-02-10' })),
);
const first = base.findings[0];
if (!first) throw new Error('fixture has no finding');
/** A result with n findings of distinct ids. */
const resultWith = (n: number, tag: string): AuditResult => ({
  ...base,
  findings: Array.from({ length: n }, (_, i) => ({ ...first, id: `${first.id}#${tag}${i}` })),
});

/** OffscreenCanvas in Node: sizes kept, text drawn recorded, PNG bytes out. */
const drawn: string[] = [];
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

const typeOf = (m: unknown): string =>
  typeof m === 'object' && m !== null && 'type' in m ? String(m.type) : '';

const popup = deliver({ id: ID, url: `${BASE}popup.html` });
const popupTab = deliver({ id: ID, url: `${BASE}popup.html?tabId=2`, tab: { id: 77 } });
const manager = deliver({ id: ID, url: `${BASE}issues.html`, tab: { id: 78 } });
const content = (tabId: number, frameId = 0, url = `${SITE}/ndbg/${tabId}.html`) =>
  deliver({ id: ID, url, frameId, tab: { id: tabId, url } });

type Bg = keyof typeof BACKGROUND;
const ask = <K extends Bg>(
  send: (m: object) => Promise<unknown>,
  type: K,
  req: Parameters<typeof call<typeof BACKGROUND, K>>[2],
) => call(BACKGROUND, type, req, send);

let bg: ReturnType<typeof createBackground>;
let blobs: MemoryBlobs;
let engineCalls: string[];

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  blobs = new MemoryBlobs();
  engineCalls = [];
  // not implemented by fakeBrowser: the screenshot API, and the engine's answers in the tab
  Object.assign(fakeBrowser.tabs, {
    captureVisibleTab: vi.fn(async () => PNG),
    sendMessage: vi.fn(async (_tabId: number, msg: { type: string }) => {
      engineCalls.push(msg.type);
      const metrics = {
        scrollX: 0,
        scrollY: 0,
        scrollHeight: 2000,
        innerWidth: 800,
        innerHeight: 600,
        dpr: 1,
      };
      const value =
        msg.type === 'finding-region'
          ? null
          : msg.type === 'capture-info' || msg.type === 'scroll-to'
            ? metrics
            : msg.type === 'finding-places'
              ? // findings two by two in rows far apart: each pair shares one close-up
                (msg as unknown as { ids: string[] }).ids.map((id, i) => ({
                  id,
                  table: 0,
                  header: { left: 10, top: 100, width: 500, height: 40 },
                  target: {
                    left: 10,
                    top: 300 + 400 * Math.floor(i / 2) + (i % 2) * 30,
                    width: 500,
                    height: 20,
                  },
                }))
              : msg.type === 'settings-changed'
                ? null
                : true;
      return { ok: true, value };
    }),
  });
  Object.assign(fakeBrowser.scripting, { executeScript: vi.fn(async () => []) });
  // no canvas in Node: a stand-in that records what the close-ups draw
  vi.stubGlobal('createImageBitmap', async () => ({ width: 800, height: 600, close() {} }));
  vi.stubGlobal('OffscreenCanvas', FakeCanvas);
  bg = createBackground(api, { blobs, now: () => new Date(2026, 10, 22, 10, 30), captureGapMs: 0 });
  bg.listen();
});

async function audited(tabId: number, result: AuditResult): Promise<void> {
  const url = `${SITE}/ndbg/${tabId}.html`;
  await fakeBrowser.tabs.create({ url });
  await ask(content(tabId), 'audit-done', { url, result, order: [] });
}

describe('the background owns the issue list', () => {
  it('50 entries added at once from several contexts are all kept, numbered 1..50 without gaps or repeats', async () => {
    const tabs = [1, 2, 3, 4, 5];
    for (const id of tabs) await audited(id, resultWith(10, `t${id}`));
    const ids = (id: number) => Array.from({ length: 10 }, (_, i) => `${first.id}#t${id}${i}`);
    const requests: Array<Promise<unknown>> = [
      // the toolbar popup adds tab 1's findings one by one
      ...ids(1).map((f) => ask(popup, 'issues-add', { tabId: 1, findingIds: [f] })),
      // the popup opened as a tab adds tab 2's, one by one
      ...ids(2).map((f) => ask(popupTab, 'issues-add', { tabId: 2, findingIds: [f] })),
      // tab 3's all at once, with a screenshot
      ask(popup, 'issues-add', {
        tabId: 3,
        findingIds: null,
        shot: { annotated: PNG, plain: PNG, name: 'a.png', plainName: 'a_原图.png' },
      }),
      // the overlay's cards in tabs 4 and 5: close-ups added by the engine
      ...[4, 5].flatMap((tab) =>
        ids(tab).map((f) => ask(content(tab), 'capture-finding-to-list', { findingId: f })),
      ),
      // meanwhile the manager reads the list
      ask(manager, 'issues-list', {}),
      ask(manager, 'issues-list', {}),
    ];
    const replies = await Promise.all(requests);
    expect(replies.filter((r) => typeof r === 'object' && r !== null && 'ok' in r && r.ok === false)).toEqual(
      [],
    );

    const list = await ask(manager, 'issues-list', {});
    expect(list).toHaveLength(50);
    const numbers = list.map((e) => Number(/-(\d+)$/.exec(e.id)?.[1])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(list.map((e) => `${e.pageUrl} ${e.findingId}`)).size).toBe(50);
    expect(list.every((e) => e.id.startsWith('www.example.gov.cn-20261122-'))).toBe(true);
    // what is stored is what was answered
    expect((await fakeBrowser.storage.local.get(ISSUES_KEY))[ISSUES_KEY]).toHaveLength(50);
  });

  it('numbers are never reused, even after the last entry of a prefix is deleted', async () => {
    await audited(1, resultWith(3, 'a'));
    await ask(popup, 'issues-add', { tabId: 1, findingIds: null });
    const list = await ask(manager, 'issues-list', {});
    await ask(manager, 'issues-remove', { ids: list.map((e) => e.id) });
    expect(await ask(manager, 'issues-list', {})).toEqual([]);
    expect((await fakeBrowser.storage.local.get(COUNTERS_KEY))[COUNTERS_KEY]).toEqual({
      'www.example.gov.cn-20261122-': 3,
    });
    await ask(popup, 'issues-add', { tabId: 1, findingIds: [`${first.id}#a0`] });
    expect((await ask(manager, 'issues-list', {})).map((e) => e.id)).toEqual([
      'www.example.gov.cn-20261122-4',
    ]);
  });

  it('a save the storage refuses leaves no screenshot behind, and says why', async () => {
    await audited(1, resultWith(2, 'q'));
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      if (ISSUES_KEY in items) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    });
    const reply = await ask(popup, 'issues-add', {
      tabId: 1,
      findingIds: null,
      shot: { annotated: PNG, plain: PNG, name: 'a.png', plainName: 'a_原图.png' },
    });
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(/存储空间已满/);
    expect(blobs.data.size).toBe(0);
    expect(await ask(manager, 'issues-list', {})).toEqual([]);
  });

  it('edits and re-checks go through the background, which tells open pages', async () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await audited(1, resultWith(2, 'e'));
    await ask(popup, 'issues-add', { tabId: 1, findingIds: null });
    const [e] = await ask(manager, 'issues-list', {});
    const next = await ask(manager, 'issues-update', {
      id: e?.id ?? '',
      patch: { status: 'fixed', note: '已改' },
    });
    expect(next).toMatchObject({ status: 'fixed', note: '已改' });
    const broadcasts = sent.mock.calls.map((c) => c[0] as unknown);
    expect(broadcasts.map(typeOf)).toContain('issues-changed');
    for (const msg of broadcasts) {
      const type = typeOf(msg);
      if (type in PAGES) expect(PAGES[type as keyof typeof PAGES].request.safeParse(msg).success).toBe(true);
    }
    // the page now has one of the two findings: one fixed, one present
    await ask(content(1), 'audit-done', {
      url: `${SITE}/ndbg/1.html`,
      result: resultWith(1, 'e'),
      order: [],
    });
    expect(await ask(popup, 'issues-recheck', { tabId: 1 })).toEqual({ fixed: 1, present: 1, fresh: 0 });
  });

  it('bulk change: one request sets 整改状态 and 复核状态 of the entries named, and tells open pages', async () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await audited(1, resultWith(3, 'b'));
    await ask(popup, 'issues-add', { tabId: 1, findingIds: null });
    const list = await ask(manager, 'issues-list', {});
    const ids = list.slice(0, 2).map((e) => e.id);
    sent.mockClear();
    expect(
      await ask(manager, 'issues-update-many', { ids, patch: { status: 'fixed', review: 'reviewed' } }),
    ).toEqual({
      updated: 2,
    });
    expect(sent.mock.calls.map((c) => typeOf(c[0]))).toContain('issues-changed');
    const after = await ask(manager, 'issues-list', {});
    expect(after.filter((e) => e.status === 'fixed' && e.review === 'reviewed').map((e) => e.id)).toEqual(
      ids,
    );
    // a content script cannot
    await expect(ask(content(1), 'issues-update-many', { ids, patch: { status: 'open' } })).rejects.toThrow();
  });
});

describe('the background checks senders', () => {
  it('refuses requests meant for extension pages from a content script', async () => {
    await audited(1, resultWith(2, 's'));
    const page = content(9);
    await expect(ask(page, 'get-result', { tabId: 1 })).rejects.toThrow(/refused/);
    await expect(ask(page, 'audit-tab', { tabId: 1 })).rejects.toThrow(/refused/);
    await expect(ask(page, 'capture', { tabId: 1, mode: 'visible' })).rejects.toThrow(/refused/);
    await expect(ask(page, 'issues-add', { tabId: 1, findingIds: null })).rejects.toThrow(/refused/);
    await expect(ask(page, 'issues-list', {})).rejects.toThrow(/refused/);
    await expect(ask(page, 'set-settings', { settings: DEFAULT_SETTINGS })).rejects.toThrow(/refused/);
    expect(fakeBrowser.scripting.executeScript).not.toHaveBeenCalled();
    expect(fakeBrowser.tabs.captureVisibleTab).not.toHaveBeenCalled();
    // another extension, or a sender without tab or extension page, is nobody
    const stranger = deliver({ id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' });
    await expect(ask(stranger, 'issues-list', {})).rejects.toThrow(/refused/);
    await expect(ask(deliver({}), 'issues-list', {})).rejects.toThrow(/refused/);
  });

  it('a content script speaks only for its own tab and frame', async () => {
    await audited(1, resultWith(2, 'own'));
    // tab 2's engine reports, claiming tab 1 in the message: recorded for tab 2, frame 3
    await call(
      BACKGROUND,
      'audit-done',
      { url: `${SITE}/x.html`, result: resultWith(1, 'other'), order: [] },
      (msg) => content(2, 3)({ ...msg, tabId: 1, frameId: 0 }),
    );
    expect((await ask(popup, 'get-result', { tabId: 1 }))?.result?.findings).toHaveLength(2);
    const two = await ask(popup, 'get-result', { tabId: 2 });
    expect(two).toMatchObject({ frameId: 3, url: `${SITE}/ndbg/2.html` });
    // the detector injects the engine into its own frame only
    await ask(content(2, 5), 'report-detected', {});
    expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledWith({
      target: { tabId: 2, frameIds: [5] },
      files: ['/engine.js'],
    });
  });

  it('a result that does not parse is not recorded; the badge follows what is', async () => {
    await fakeBrowser.tabs.create({ url: `${SITE}/a.html` });
    const bad = {
      type: 'audit-done',
      url: `${SITE}/a.html`,
      result: { findings: [], report: {} },
      order: [],
    };
    expect(await content(1)(bad)).toEqual({ ok: false, error: 'bad request' });
    expect(await ask(popup, 'get-result', { tabId: 1 })).toBeNull();
    await audited(1, resultWith(2, 'b'));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('2');
  });
});

describe('per-tab results', () => {
  it('a frame without a report never replaces the frame that has one; navigating clears the tab', async () => {
    await audited(1, resultWith(2, 'r'));
    const notReport = { ...resultWith(0, 'n'), report: { ...base.report, isReport: false } };
    await ask(content(1, 4, `${SITE}/ad.html`), 'audit-done', {
      url: `${SITE}/ad.html`,
      result: notReport,
      order: [],
    });
    expect(await ask(popup, 'get-result', { tabId: 1 })).toMatchObject({
      frameId: 0,
      url: `${SITE}/ndbg/1.html`,
    });
    // the same frame may replace itself (the report was changed into something else)
    await ask(content(1, 0), 'audit-failed', { url: `${SITE}/ndbg/1.html`, error: 'boom' });
    expect(await ask(popup, 'get-result', { tabId: 1 })).toMatchObject({ error: 'boom', result: null });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('!');
    const tab = await fakeBrowser.tabs.get(1);
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'loading', url: `${SITE}/next.html` }, tab);
    await expect.poll(() => ask(popup, 'get-result', { tabId: 1 })).toBeNull();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('');
  });
});

describe('the background owns the settings', () => {
  it('stores what the options page sends and tells the engines of audited tabs', async () => {
    await audited(1, resultWith(1, 'x'));
    Object.assign(fakeBrowser.scripting, {
      unregisterContentScripts: vi.fn(async () => undefined),
      registerContentScripts: vi.fn(async () => undefined),
    });
    Object.assign(fakeBrowser, { permissions: { contains: vi.fn(async () => false) } });
    const next = { ...DEFAULT_SETTINGS, lang: 'en' as const, inspector: '张三' };
    expect(
      await ask(deliver({ id: ID, url: `${BASE}options.html` }), 'set-settings', { settings: next }),
    ).toEqual(next);
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(next);
    expect(await ask(content(1), 'get-settings', {})).toEqual(next);
    expect(engineCalls).toContain('settings-changed');
  });
});

describe('evidence: close-ups, failures said, markup', () => {
  it('"add all" takes one captioned close-up per group of findings sharing a table region, with progress', async () => {
    const three = resultWith(3, 'e');
    await audited(1, three);
    // the page's numbers (the caption shows them; without them it makes none up)
    const url1 = `${SITE}/ndbg/1.html`;
    await ask(content(1), 'audit-done', { url: url1, result: three, order: three.findings.map((f) => f.id) });
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, inspector: '李四' } });
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    drawn.length = 0;
    const reply = await ask(popup, 'capture-each-to-list', { tabId: 1, findingIds: null });
    expect(reply).toEqual({ ok: true, added: 3 });
    const list = await ask(manager, 'issues-list', {});
    expect(list).toHaveLength(3);
    const [a, b, c] = list.map((e) => e.imageKeys.join());
    expect(a).toBe(b); // the first two share a table region
    expect(c).not.toBe(a);
    expect(list.every((e) => e.imageKeys.length === 2)).toBe(true); // annotated + plain
    // the caption: numbers, title, the page, the inspector
    expect(drawn.some((x) => x.startsWith(`1. ${first.title.zh}`))).toBe(true);
    // (wrapped to the image's width)
    expect(drawn.join('')).toContain(`页面：${SITE}/ndbg/1.html`);
    expect(drawn.join('')).toContain('检查人：李四');
    const progress = sent.mock.calls
      .map(([m]) => m as { type?: string; done?: number; total?: number })
      .filter((m) => m.type === 'capture-progress')
      .map((m) => `${m.done}/${m.total}`);
    expect(progress).toEqual(['1/2', '2/2']);
    // the overlay's chrome out of the picture (on; per close-up its findings' marks only), and back afterwards
    expect(engineCalls.filter((x) => x === 'capture-mode')).toHaveLength(4);
    expect(engineCalls.at(-1)).toBe('capture-mode');
  });

  it('without activeTab the capture fails with what to do, said on the page too', async () => {
    await audited(1, resultWith(1, 'f'));
    fakeBrowser.tabs.captureVisibleTab = vi.fn(async () => {
      throw new Error("Either the '<all_urls>' or 'activeTab' permission is required.");
    }) as never;
    const reply = await ask(content(1), 'capture-finding-to-list', { findingId: `${first.id}#f0` });
    expect(reply.ok).toBe(false);
    expect(reply.error).toBe('请先点击工具栏中的年报巡检图标，再截图。');
    expect(engineCalls).toContain('show-toast');
    // the page is given back: scrolled back, the overlay's chrome shown again (on, close-up's marks, off)
    expect(engineCalls).toContain('restore-page');
    expect(engineCalls.filter((x) => x === 'capture-mode')).toHaveLength(3);
    expect(engineCalls.at(-2)).toBe('capture-mode');
    expect(await ask(manager, 'issues-list', {})).toHaveLength(0);
  });

  it('the markup page gets its image, and saving adds the marked-up image with the original as plain copy', async () => {
    await audited(1, resultWith(2, 'g'));
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    const shot = {
      annotated: PNG,
      plain: 'data:image/png;base64,AAAA',
      name: 'x_特写.png',
      plainName: 'x_特写_原图.png',
    };
    expect(await ask(popup, 'markup-open', { tabId: 1, findingIds: [`${first.id}#g1`], shot })).toEqual({
      ok: true,
    });
    const url = String((created.mock.calls.at(-1)?.[0] as { url?: string } | undefined)?.url);
    const token = new URL(url).searchParams.get('token') ?? '';
    expect(url).toMatch(/\/markup\.html\?token=/);
    const job = await ask(popup, 'markup-get', { token });
    expect(job).toMatchObject({ tabId: 1, findingIds: [`${first.id}#g1`], pageUrl: `${SITE}/ndbg/1.html` });
    const marked = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==';
    const saved = await ask(popup, 'markup-save', { token, annotated: marked });
    expect(saved.error).toBeUndefined();
    expect(saved).toEqual({ ok: true, added: 1 });
    const [entry] = await ask(manager, 'issues-list', {});
    expect(entry?.findingId).toBe(`${first.id}#g1`);
    const annotated = await blobs.get(entry?.imageKeys[0] ?? '');
    expect(new Uint8Array((await annotated?.arrayBuffer()) ?? new ArrayBuffer(0)).length).toBeGreaterThan(8);
    expect(await ask(popup, 'markup-get', { token })).toBeNull(); // saved: gone
    // the card's 「特写并标注」: the finding's close-up opens in the markup page, for that finding only
    expect(await ask(content(1), 'capture-finding-to-markup', { findingId: `${first.id}#g0` })).toEqual({
      ok: true,
    });
    const url2 = String((created.mock.calls.at(-1)?.[0] as { url?: string } | undefined)?.url);
    const job2 = await ask(popup, 'markup-get', { token: new URL(url2).searchParams.get('token') ?? '' });
    expect(job2?.findingIds).toEqual([`${first.id}#g0`]);
    expect(job2?.shot.name).toMatch(/_特写\.png$/);
    expect(job2?.shot.region).toBeDefined();
    expect((await ask(popup, 'markup-save', { token, annotated: marked })).ok).toBe(false);
    // the tab has moved on to another report: the picture is not its findings' any more
    const token2 = new URL(url2).searchParams.get('token') ?? '';
    const other = `${SITE}/ndbg/other.html`;
    await ask(content(1, 0, other), 'audit-done', { url: other, result: resultWith(2, 'g'), order: [] });
    const refused = await ask(popup, 'markup-save', { token: token2, annotated: marked });
    expect(refused).toEqual({
      ok: false,
      added: 0,
      error: '该标签页已打开别的页面：截图与其中的问题不再对应，请回到原页面重新截图。',
    });
  });

  it('what is blurred in the markup page is blurred in the plain copy too', async () => {
    await audited(1, resultWith(1, 'h'));
    const shot = {
      annotated: PNG,
      plain: 'data:image/png;base64,AAAA',
      name: 'y_特写.png',
      plainName: 'y_特写_原图.png',
    };
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    await ask(popup, 'markup-open', { tabId: 1, findingIds: [`${first.id}#h0`], shot });
    const url = String((created.mock.calls.at(-1)?.[0] as { url?: string } | undefined)?.url);
    const token = new URL(url).searchParams.get('token') ?? '';
    const redacted = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAB';
    expect(await ask(popup, 'markup-save', { token, annotated: PNG, plain: redacted })).toEqual({
      ok: true,
      added: 1,
    });
    const [entry] = await ask(manager, 'issues-list', {});
    const plain = await blobs.get(entry?.imageKeys[1] ?? '');
    const want = Uint8Array.from(atob(redacted.split(',')[1] ?? ''), (ch) => ch.charCodeAt(0));
    expect(new Uint8Array((await plain?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(want);
  });
});

describe('误报 / 忽略 per page', () => {
  it('are kept for the tab’s page, read back, undone; content scripts may not set them', async () => {
    await audited(4, base);
    const d = { kind: 'false-positive' as const, reason: '原表如此', at: '2026-12-01T10:00:00.000Z' };
    expect(await ask(popup, 'dismissals-set', { tabId: 4, findingId: first.id, dismissal: d })).toEqual({
      [first.id]: d,
    });
    const key = `dismissed:${SITE}/ndbg/4.html`;
    expect((await fakeBrowser.storage.local.get(key))[key]).toEqual({ [first.id]: d });
    expect(await ask(popup, 'dismissals-get', { tabId: 4 })).toEqual({ [first.id]: d });
    // another page has none
    await audited(5, base);
    expect(await ask(popup, 'dismissals-get', { tabId: 5 })).toEqual({});
    expect(await ask(popup, 'dismissals-set', { tabId: 4, findingId: first.id, dismissal: null })).toEqual(
      {},
    );
    await expect(
      ask(content(4), 'dismissals-set', { tabId: 4, findingId: first.id, dismissal: d }),
    ).rejects.toThrow();
  });
});
