/**
 * The background owns the store of audited reports (IndexedDB, here fake-indexeddb): the engine asks it
 * for the previous year and hands it its snapshot; the URL kept is the sender's, never the message's;
 * pages list and clear it. The engine's side (entrypoints/shared/history-audit.ts) runs on parsed pages
 * against the background over fakeBrowser, so the whole round trip is tested here.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from '../../entrypoints/background/app';
import { auditWithHistory, snapshotToKeep } from '../../entrypoints/shared/history-audit';
import { IdbSnapshotStore } from '../../lib/history/idb-store';
import type { ReportSnapshot } from '../../lib/history/snapshot';
import type { SnapshotStore } from '../../lib/history/store';
import { BACKGROUND, call, ENGINE_TO_BACKGROUND } from '../../lib/messages';
import { deliver } from '../deliver';
import { OWN } from '../fixtures/history';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { byRule, parse, show } from '../helpers';

const api = fakeBrowser as unknown as Browser;
const ID = fakeBrowser.runtime.id;
const BASE = `chrome-extension://${ID}/`;
const SITE = 'http://www.example.gov.cn';
const URL23 = `${SITE}/ndbg/2023.html`;
const URL24 = `${SITE}/ndbg/2024.html`;
const NOW = new Date('2026-11-22T10:30:00Z');

const options = deliver({ id: ID, url: `${BASE}options.html`, tab: { id: 70 } });
const content = (tabId: number, url: string, frameId = 0) =>
  deliver({ id: ID, url, frameId, tab: { id: tabId, url } });

type Bg = keyof typeof BACKGROUND;
const ask = <K extends Bg>(
  send: (m: object) => Promise<unknown>,
  type: K,
  req: Parameters<typeof call<typeof BACKGROUND, K>>[2],
) => call(BACKGROUND, type, req, send);

const carried = (n: number) => ({ ...simpleT2(5), carried: [n, 0, 0, 0, 0, 0, n] });
const forward = (n: number) => ({ ...simpleT2(5), forward: [n, 0, 0, 0, 0, 0, n] });
const page2023 = reportPage({ year: 2023, bodies: OWN[2023], t2: forward(2), published: '2024-01-20' });
const page2024 = (n: number) =>
  reportPage({ year: 2024, bodies: OWN[2024], t2: carried(n), published: '2025-01-20' });

/** The engine's audit of `html` at `url` in tab `tabId`, asking the background as the engine does. */
async function engineAudit(tabId: number, url: string, html: string) {
  const send = content(tabId, url);
  const out = await auditWithHistory(
    parse(html),
    url,
    (year, agencyKey) => call(ENGINE_TO_BACKGROUND, 'history-previous', { year, agencyKey }, send),
    { now: '2026-11-22' },
  );
  const snapshot = snapshotToKeep(out, url);
  if (snapshot) await call(ENGINE_TO_BACKGROUND, 'history-keep', { snapshot }, send);
  return out;
}

let n = 0;
let snapshots: SnapshotStore;
let bg: ReturnType<typeof createBackground>;

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  snapshots = new IdbSnapshotStore(`nianbao-test-${++n}`);
  bg = createBackground(api, { snapshots, now: () => NOW, captureGapMs: 0 });
  bg.listen();
});

describe('the background keeps the store of audited reports', () => {
  it('a 2024 page whose carry-over breaks is told so after its 2023 page was audited', async () => {
    const first = await engineAudit(1, URL23, page2023);
    expect(byRule(first, 'history-carry-over')).toEqual([]);
    expect((await snapshots.list()).map((s) => s.url)).toEqual([URL23]);
    const out = await engineAudit(2, URL24, page2024(1));
    const found = byRule(out, 'history-carry-over');
    expect(
      found.map((f) => f.targets[0]),
      show(found),
    ).toMatchObject([
      { type: 'cell', key: 't2:carried:np' },
      { type: 'cell', key: 't2:carried:total' },
    ]);
    expect(found[0]?.evidence).toMatchObject({ expected: 2, found: 1, quote: URL23 });
    expect((await snapshots.list()).map((s) => s.url).sort()).toEqual([URL23, URL24]);
  });

  it('consistent years: the previous year is found and nothing is reported', async () => {
    await engineAudit(1, URL23, page2023);
    const out = await engineAudit(2, URL24, page2024(2));
    expect(out.coverage.rules['history-carry-over']).toBe('ran');
    expect(
      out.findings.filter((f) => f.category === 'history'),
      show(out.findings),
    ).toEqual([]);
  });

  it('without the previous year in the store the cross-year rules do not apply', async () => {
    const out = await engineAudit(2, URL24, page2024(1));
    expect(out.coverage.rules['history-carry-over']).toBe('not-applicable');
  });

  it('keeps a snapshot under the sender’s URL and the background’s time, never the message’s', async () => {
    await engineAudit(1, URL23, page2023);
    const [mine] = await snapshots.list();
    if (!mine) throw new Error('nothing kept');
    const forged: ReportSnapshot = {
      ...mine,
      url: `${SITE}/other.html`,
      auditedAt: '2000-01-01T00:00:00.000Z',
      agencyKey: 'forged',
    };
    await call(ENGINE_TO_BACKGROUND, 'history-keep', { snapshot: forged }, content(3, `${SITE}/three.html`));
    const three = await snapshots.get(`${SITE}/three.html`);
    expect(three).toMatchObject({ auditedAt: NOW.toISOString(), agencyKey: mine.agencyKey });
    expect(await snapshots.get(`${SITE}/other.html`)).toBeNull();
  });

  it('the previous year is looked up for the sender’s URL: a page is never its own previous year', async () => {
    await engineAudit(1, URL23, page2023);
    const key = (await snapshots.list())[0]?.agencyKey ?? null;
    const q = { year: 2024, agencyKey: key };
    expect(await call(ENGINE_TO_BACKGROUND, 'history-previous', q, content(2, URL24))).toMatchObject({
      url: URL23,
    });
    // two 2023 reports of the body: no guess
    await call(
      ENGINE_TO_BACKGROUND,
      'history-keep',
      { snapshot: (await snapshots.get(URL23)) as ReportSnapshot },
      content(4, `${SITE}/ndbg/2023-copy.html`),
    );
    expect(await call(ENGINE_TO_BACKGROUND, 'history-previous', q, content(2, URL24))).toBeNull();
  });

  it('refuses the store’s messages from the wrong senders; keeps no file or extension URL', async () => {
    await engineAudit(1, URL23, page2023);
    const snapshot = (await snapshots.get(URL23)) as ReportSnapshot;
    const page = content(1, URL23);
    await expect(ask(page, 'store-list', {})).rejects.toThrow(/refused/);
    await expect(ask(page, 'store-clear', {})).rejects.toThrow(/refused/);
    await expect(ask(options, 'history-keep', { snapshot })).rejects.toThrow(/refused/);
    await expect(ask(options, 'history-previous', { year: 2024, agencyKey: null })).rejects.toThrow(
      /refused/,
    );
    await call(ENGINE_TO_BACKGROUND, 'history-keep', { snapshot }, content(5, 'file:///tmp/report.html'));
    expect((await snapshots.list()).map((s) => s.url)).toEqual([URL23]);
    // a snapshot that does not parse is refused
    expect(await content(1, URL23)({ type: 'history-keep', snapshot: { ...snapshot, v: 2 } })).toEqual({
      ok: false,
      error: 'bad request',
    });
  });

  it('pages list the store and clear it; open pages are told', async () => {
    await engineAudit(1, URL23, page2023);
    const out = await engineAudit(2, URL24, page2024(1));
    const list = await ask(options, 'store-list', {});
    expect(list.map((e) => [e.url, e.year]).sort()).toEqual([
      [URL23, 2023],
      [URL24, 2024],
    ]);
    expect(list.find((e) => e.year === 2024)?.counts.error).toBe(
      out.findings.filter((f) => f.severity === 'error').length,
    );
    expect(Object.keys(list[0] ?? {})).not.toContain('sections');
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    expect(await ask(options, 'store-clear', {})).toBeNull();
    expect(await ask(options, 'store-list', {})).toEqual([]);
    expect(sent.mock.calls.map((c) => (c[0] as unknown as { type: string }).type)).toContain('store-changed');
  });

  it('a store that fails means no previous year, never a failed audit', async () => {
    await engineAudit(1, URL23, page2023);
    vi.spyOn(snapshots, 'byAgency').mockRejectedValue(new Error('disk gone'));
    vi.spyOn(snapshots, 'list').mockRejectedValue(new Error('disk gone'));
    const out = await engineAudit(2, URL24, page2024(1));
    expect(byRule(out, 'history-carry-over')).toEqual([]);
    expect(out.report.isReport).toBe(true);
  });

  it('a background that never answers costs at most the wait, and the audit goes on alone', async () => {
    const out = await auditWithHistory(parse(page2024(1)), URL24, () => new Promise(() => undefined), {
      now: '2026-11-22',
    });
    expect(out.report.isReport).toBe(true);
    expect(out.coverage.rules['history-carry-over']).toBe('not-applicable');
  });
});
