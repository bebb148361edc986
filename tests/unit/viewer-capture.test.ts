/**
 * The viewer's pure parts of evidence and audit: where a PDF finding's close-up is cut (the table's header
 * lines down to the row at fault, a text line with its context, the top of the page), and the facts of the
 * page a file came from (its publication date, title, body) given to the file's audit — and, through the
 * store messages' store, the previous year of the file's body.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import type { Capturer } from '../../entrypoints/background/capture';
import { createEvidence } from '../../entrypoints/background/evidence';
import { pageFacts, withPageFacts } from '../../entrypoints/viewer/page-facts';
import { cellPlace, cropOf, pageTop, sameLine, textPlace } from '../../entrypoints/viewer/shot-region';
import { auditFile } from '../../entrypoints/viewer/store-audit';
import { auditSource } from '../../lib/audit';
import { startBudget } from '../../lib/budget';
import { blocksFromText } from '../../lib/extract/blocks';
import { snapshotOf } from '../../lib/history/from-audit';
import { MemorySnapshotStore } from '../../lib/history/store';
import type { TabState } from '../../lib/messages';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { reportLayoutText } from '../fixtures/documents';
import { auditTxt, byRule } from '../helpers';

const box = (left: number, top: number, width: number, height: number, stop?: 'heading' | 'other') =>
  stop ? { left, top, width, height, stop } : { left, top, width, height };

describe('close-up regions on a drawn PDF page', () => {
  // a table: a title line, two header lines, then three rows of figures (label at x 40, values at 300..)
  const lines = [
    box(40, 100, 300, 14), // 三、收到和处理政府信息公开申请情况 (the section heading, just above)
    box(40, 130, 500, 14), // header line 1
    box(40, 148, 500, 14), // header line 2
    box(40, 170, 520, 14), // row 一、本年新收
    box(40, 190, 520, 14), // row 二、上年结转
    box(40, 210, 520, 14), // row 三…
    box(40, 400, 500, 14), // a paragraph far below
  ];
  const values = [170, 190, 210].flatMap((y) => [300, 380, 460, 540].map((x) => box(x, y, 20, 14)));
  it('a cell: the header lines and the row at fault, across the table', () => {
    const cell = box(540, 190, 20, 14);
    const at = cellPlace(cell, values, lines);
    expect(at.header).toEqual({ left: 40, top: 100, width: 520, height: 62 });
    expect(at.target).toEqual({ left: 40, top: 190, width: 520, height: 14 });
  });
  it('a header stops at a gap wider than a line and never reaches the paragraph below', () => {
    const spaced = [box(40, 20, 300, 14), ...lines.slice(1)];
    const at = cellPlace(box(300, 170, 20, 14), values, spaced);
    expect(at.header?.top).toBe(130); // the line at 20 is 116 px above: not the table's
    expect((at.target?.top ?? 0) + (at.target?.height ?? 0)).toBe(184);
  });
  it("a header stops at the table's section heading (taken) or at another table's line (not taken)", () => {
    const cell = box(540, 190, 20, 14);
    const other = [box(40, 80, 500, 14, 'other'), box(40, 100, 300, 14, 'heading'), ...lines.slice(1)];
    expect(cellPlace(cell, values, [box(40, 82, 500, 14), ...lines]).header?.top).toBe(82);
    expect(cellPlace(cell, values, other).header?.top).toBe(100);
    const noHeading = [box(40, 112, 500, 14, 'other'), ...lines.slice(1)];
    expect(cellPlace(cell, values, noHeading).header?.top).toBe(130);
  });
  it('a table continued from the previous page has no header: the crop starts at its first row', () => {
    const at = cellPlace(box(300, 210, 20, 14), values, lines.slice(3, 6));
    expect(at.header).toBeNull();
    expect(at.target?.top).toBe(170);
  });
  it('a text line with a line of context around it; the page top; crops cut to the page', () => {
    expect(textPlace(box(40, 190, 520, 14), lines).target).toEqual({
      left: 40,
      top: 170,
      width: 520,
      height: 54,
    });
    expect(pageTop({ width: 800, height: 1000 })).toEqual({ left: 0, top: 0, width: 800, height: 300 });
    expect(cropOf(box(-5, 990, 100, 50), { width: 800, height: 1000 }, 10)).toEqual(box(0, 980, 105, 20));
    expect(sameLine(box(0, 0, 10, 10), box(0, 6, 10, 10))).toBe(false);
    expect(sameLine(box(0, 0, 10, 10), box(0, 4, 10, 10))).toBe(true);
  });
});

const BODY = '示例县城关镇人民政府';
const state = (
  over: Partial<TabState['result'] & object> = {},
  url = 'http://www.example.gov.cn/nb.html',
) => {
  const page = auditTxt(`${BODY}2024年政府信息公开工作年度报告\n发布时间：2025-01-20\n`);
  return { url, frameId: 0, result: { ...page, ...over }, order: [], error: null } as TabState;
};
const fileSrc = (text: string) => blocksFromText(text, startBudget(2000));

describe("the page's facts for its file", () => {
  const file = reportLayoutText({});
  it("a file without a date of its own takes the page's: no 「未找到发布时间」, the date checked", () => {
    const alone = auditSource(fileSrc(file), { now: '2026-11-22' });
    expect(byRule(alone, 'year-publication').map((f) => f.id)).toEqual(['year-publication:unknown']);
    const facts = pageFacts(state(), 'http://www.example.gov.cn/nb.html');
    expect(facts?.publishedAt).toBe('2025-01-20');
    const out = auditSource(withPageFacts(fileSrc(file), facts), { now: '2026-11-22' });
    expect(out.report.publishedAt).toBe('2025-01-20');
    expect(byRule(out, 'year-publication')).toEqual([]);
    // a date after the deadline is still late: the page's date is checked, not waved through
    const late = pageFacts(state({}), null);
    const lateFacts = late ? { ...late, publishedAt: '2025-05-06' } : null;
    const out2 = auditSource(withPageFacts(fileSrc(file), lateFacts), { now: '2026-11-22' });
    expect(byRule(out2, 'year-publication').map((f) => f.severity)).toEqual(['error']);
  });
  it("the file's own date wins; another year's file, or a tab that moved on, takes nothing", () => {
    const dated = `${file}\n发布日期：2025-01-10\n`;
    const facts = pageFacts(state(), null);
    expect(auditSource(withPageFacts(fileSrc(dated), facts)).report.publishedAt).toBe('2025-01-10');
    const other = reportLayoutText({ year: 2023 });
    expect(withPageFacts(fileSrc(other), facts).meta.PubDate).toBeUndefined();
    expect(pageFacts(state(), 'http://www.example.gov.cn/other.html')).toBeNull();
    // a page that names no year (a list, an article linking several years' files) lends its date to none
    const noYear = facts ? { ...facts, year: null } : null;
    expect(withPageFacts(fileSrc(file), noYear).meta.PubDate).toBeUndefined();
    expect(pageFacts(null, null)).toBeNull();
  });
});

describe('the file against the store', () => {
  it("last year's report of the body is found, and the file kept only when asked", async () => {
    const store = new MemorySnapshotStore();
    const prevText = reportLayoutText({
      year: 2023,
      t2: { new: [1, 0, 0, 0, 0, 0, 1], forward: [1, 0, 0, 0, 0, 0, 1] },
    });
    const prev = auditTxt(prevText);
    await store.put(snapshotOf(prev, 'http://www.example.gov.cn/files/nb2023.pdf'));
    // this year's 二、上年结转 is 0, last year's 四、结转下年度 was 1: a cross-year finding
    const src = fileSrc(reportLayoutText({ year: 2024 }));
    const out = await auditFile(src, 'http://www.example.gov.cn/files/nb2024.pdf', {
      store,
      keep: () => false,
      now: '2026-11-22',
    });
    expect(out.findings.some((f) => f.category === 'history')).toBe(true);
    expect((await store.list()).map((s) => s.url)).toEqual(['http://www.example.gov.cn/files/nb2023.pdf']);
    await auditFile(fileSrc(reportLayoutText({ year: 2024 })), 'http://www.example.gov.cn/files/nb2024.pdf', {
      store,
      keep: () => true,
    });
    expect((await store.list()).length).toBe(2);
    // the same report under another address (its page, a copy): not kept twice
    await auditFile(fileSrc(reportLayoutText({ year: 2024 })), 'http://www.example.gov.cn/copy/nb2024.pdf', {
      store,
      keep: () => true,
    });
    expect((await store.list()).map((x) => x.url).sort()).toEqual([
      'http://www.example.gov.cn/files/nb2023.pdf',
      'http://www.example.gov.cn/files/nb2024.pdf',
    ]);
  });
  it('a store that never answers: the file is audited without the previous year, in time', async () => {
    const silent = new MemorySnapshotStore();
    silent.byAgency = () => new Promise(() => undefined);
    const out = await auditFile(
      fileSrc(reportLayoutText({ year: 2024 })),
      'http://www.example.gov.cn/a.pdf',
      {
        store: silent,
        keep: () => false,
      },
    );
    expect(out.report.isReport).toBe(true);
    expect(out.coverage.partial).toBe(false);
    expect(out.findings.some((f) => f.category === 'history')).toBe(false);
  });
});

describe("the background's evidence flow and the view's own close-ups", () => {
  const result = auditTxt(reportLayoutText({ t2: { new: [3, 0, 0, 0, 0, 0, 4] } }));
  const ids = result.findings.map((f) => f.id);
  const st: TabState = {
    url: 'http://www.example.gov.cn/f.pdf',
    frameId: 0,
    result,
    order: ids,
    error: null,
  };
  const shotOf = (id: string) => ({
    ids: [id],
    annotated: `data:image/png;base64,${id}`,
    plain: 'data:image/png;base64,AA',
    name: `${id}_特写.png`,
    plainName: `${id}_特写_原图.png`,
  });
  function harness(own: (tabId: number, ids: string[]) => Promise<ReturnType<typeof shotOf>[] | null>) {
    const added: Array<{ tabId: number; ids: string[] | null; name: string | undefined }> = [];
    const progress: Array<[number, number]> = [];
    let captured = 0;
    const toasts: unknown[] = [];
    const ev = createEvidence({
      api: {
        tabs: { sendMessage: async (_t: number, m: unknown) => void toasts.push(m) },
      } as unknown as Browser,
      capturer: {
        closeUps: async () => {
          captured++;
          return [];
        },
      } as unknown as Capturer,
      state: async () => st,
      target: async (tabId) => ({
        target: { tabId, windowId: 1, frameId: 0, url: st.url, title: 'x' },
        state: st,
      }),
      settings: async () => DEFAULT_SETTINGS,
      ignored: async () => new Set<string>(),
      add: async (tabId, group, shot) => {
        added.push({ tabId, ids: group, name: shot?.name });
        return { ok: true, added: group?.length ?? 0 };
      },
      broadcast: (type, req) => {
        if (type === 'capture-progress') {
          const r = req as { done: number; total: number };
          progress.push([r.done, r.total]);
        }
      },
      ownCloseUps: own,
    });
    return { ev, added, progress, toasts, captured: () => captured };
  }

  it('close-ups the view made are added one by one with their own images; the tab is not captured', async () => {
    expect(ids.length).toBeGreaterThan(1);
    const h = harness(async (_tab, want) => want.map(shotOf));
    const r = await h.ev.eachToList(7, null);
    expect(r).toEqual({ ok: true, added: ids.length });
    expect(h.added.map((a) => a.name)).toEqual(ids.map((id) => `${id}_特写.png`));
    expect(h.captured()).toBe(0);
    expect(h.progress).toEqual([[ids.length, ids.length]]);
  });
  it('a tab that is not the view is captured; a view that fails says why', async () => {
    const other = harness(async () => null);
    await other.ev.eachToList(8, null);
    expect(other.captured()).toBe(1);
    const broken = harness(async () => {
      throw new Error('no drawn PDF page');
    });
    const r = await broken.ev.eachToList(9, null);
    expect(r.ok).toBe(false);
    expect(r.error).toContain('no drawn PDF page');
    expect(broken.added).toEqual([]);
    expect(broken.toasts.length).toBe(1);
  });
});
